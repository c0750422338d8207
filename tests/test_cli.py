"""The ``dealkit`` command, run as ``python -m dealkit`` in a subprocess.

Exit codes: 0 success, 1 invalid data (or an unknown id), 2 a usage error.
Errors are one line per problem on stderr, never a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import dealkit
from dealkit import Rank
from tests.catalog_fixtures import USER_TOML

SRC = Path(__file__).resolve().parent.parent / "src"
CATALOG = dealkit.builtin_catalog()
HEADLINE = "amazon-anthropic-2026"

#: The keys every object of ``dealkit claims --format json`` has (docs/claims-json.md).
REQUIRED_KEYS = {"subject", "property", "value", "qualifier", "rank", "sources", "quotes"}


#: Two broken claims: a non-canonical value and a misspelt key.
BAD_TOML = """\
format = 1

[[claims]]
id = "bad-value"
subject = "amazon"
property = "capex"
kind = "money"
value = "$5B"
qualifier = "exact"
sources = [{ file = "x.txt", quote = "five billion" }]

[[claims]]
id = "bad-key"
subject = "amazon"
property = "capex"
kind = "money"
value = "5000000000 USD"
qualifier = "exact"
rnak = "preferred"
sources = [{ file = "x.txt", quote = "five billion" }]
"""


def run(*args: str | Path, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONIOENCODING"] = "utf-8"
    env.pop("DEALKIT_SEEDS", None)
    done = subprocess.run(
        [sys.executable, "-m", "dealkit", *map(str, args)],
        capture_output=True, text=True, encoding="utf-8", env=env, cwd=cwd, timeout=120, check=False,
    )
    assert "Traceback" not in done.stdout + done.stderr, done.stderr
    return done


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def claims_json() -> list[dict[str, object]]:
    done = run("claims", "--format", "json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert isinstance(data, list)
    return data


class TestList:
    def test_lists_every_deal(self) -> None:
        done = run("list")
        assert done.returncode == 0
        assert done.stderr == ""
        for deal_id in ("amazon-anthropic-2026", "amazon-anthropic-2023", "amazon-openai-2026"):
            assert deal_id in done.stdout


class TestShow:
    def test_headline_deal_with_sources(self) -> None:
        done = run("show", HEADLINE)
        assert done.returncode == 0, done.stderr
        out = done.stdout
        # The headline figures, as the articles give them (compact money, gigawatts).
        for figure in ("Apr 20, 2026", "up to $25B", "$5B", "$20B", "$380B", "up to 5 GW", "more than $100B"):
            assert figure in out
        # Every preferred claim behind the deal is cited by its article.
        for claim in CATALOG.claims(HEADLINE, rank=Rank.PREFERRED):
            for file in claim.files:
                assert file in out

    @pytest.mark.parametrize("deal_id", CATALOG.deal_ids())
    def test_every_builtin_deal(self, deal_id: str) -> None:
        done = run("show", deal_id)
        assert done.returncode == 0, done.stderr
        assert CATALOG.deal(deal_id).title in done.stdout

    def test_locale(self) -> None:
        en = run("show", HEADLINE, "--locale", "en_US")
        de = run("show", HEADLINE, "--locale", "de_DE")
        assert en.returncode == de.returncode == 0
        assert "Mrd." in de.stdout  # German "billion"
        assert "Mrd." not in en.stdout

    def test_unknown_deal(self) -> None:
        done = run("show", "no-such-deal")
        assert done.returncode == 1
        assert done.stdout == ""
        (line,) = done.stderr.splitlines()
        assert "no-such-deal" in line

    def test_unknown_locale_is_a_usage_error(self) -> None:
        done = run("show", HEADLINE, "--locale", "xx_YY")
        assert done.returncode == 2
        assert "xx_YY" in done.stderr


class TestClaimsJson:
    def test_one_object_per_claim(self, claims_json: list[dict[str, object]]) -> None:
        assert len(claims_json) == len(CATALOG.all_claims)
        for record in claims_json:
            assert REQUIRED_KEYS <= set(record)

    def test_every_claim_with_its_sources(self, claims_json: list[dict[str, object]]) -> None:
        by_id = {r["id"]: r for r in claims_json}
        for claim in CATALOG.all_claims:
            record = by_id[claim.id]
            assert record["subject"] == claim.subject
            assert record["property"] == claim.property
            assert record["value"] == claim.value_text
            assert record["qualifier"] == claim.qualifier.value
            assert record["rank"] == claim.rank.value
            assert record["sources"] == [s.ref for s in claim.sources]
            assert record["quotes"] == [s.quote for s in claim.sources]

    @pytest.mark.parametrize(
        ("claim_id", "value", "qualifier"),
        [
            # Canonical value text, written out by hand (docs/claims-json.md).
            ("a26-investment", "25000000000 USD", "at_most"),
            ("a26-compute", "5 GW", "at_most"),
            ("training-cluster-power", "30 MW .. 50 MW", "range"),
            ("a26-announced", "2026-04-20", "exact"),
            ("ao26-announced", "2026-02", "exact"),
            ("a26-trainium2-online", "2026-Q2", "exact"),
            ("a26-spend-term", "10 years", "exact"),
            ("anthropic-growth", "3x", "approximately"),
            ("a26-spend", "100000000000 USD", "at_least"),
            ("anthropic-run-rate-2025", "9000000000 USD", "approximately"),
        ],
    )
    def test_canonical_values(
        self, claims_json: list[dict[str, object]], claim_id: str, value: str, qualifier: str
    ) -> None:
        (record,) = [r for r in claims_json if r["id"] == claim_id]
        assert (record["value"], record["qualifier"]) == (value, qualifier)

    def test_source_file_names(self, claims_json: list[dict[str, object]]) -> None:
        (record,) = [r for r in claims_json if r["id"] == "a26-investment"]
        assert record["sources"] == [
            "000_6b64170c99e716e7.txt", "002_71c77df9dbb0c619.txt", "003_b3e8a3f95ec0a1cf.txt"]
        assert record["quotes"] == ["invest up to $25 billion", "invest up to $25 billion", "an investment of up to $25 billion"]

    def test_one_deal(self) -> None:
        done = run("claims", "amazon-openai-2026", "--format", "json")
        assert done.returncode == 0
        data = json.loads(done.stdout)
        assert {r["subject"] for r in data} == {"amazon-openai-2026"}
        assert {r["id"] for r in data} == {"ao26-announced", "ao26-investment", "ao26-investment-flat"}

    def test_unknown_deal(self) -> None:
        done = run("claims", "no-such-deal", "--format", "json")
        assert done.returncode == 1
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1


class TestClaimsCsvAndTable:
    def test_csv_parses(self) -> None:
        done = run("claims", "--format", "csv")
        assert done.returncode == 0
        rows = list(csv.DictReader(io.StringIO(done.stdout)))
        assert len(rows) == len(CATALOG.all_claims)
        assert REQUIRED_KEYS <= set(rows[0])
        by_id = {r["id"]: r for r in rows}
        for claim in CATALOG.all_claims:
            row = by_id[claim.id]
            assert row["value"] == claim.value_text
            assert row["qualifier"] == claim.qualifier.value
            # Lists are one cell each, holding a JSON array: every source, every quote.
            assert json.loads(row["sources"]) == list(claim.refs)
            assert json.loads(row["quotes"]) == [s.quote for s in claim.sources]

    def test_csv_has_the_columns_of_every_export(self, tmp_path: Path) -> None:
        from dealkit.serialization import CLAIM_COLUMNS

        printed = next(csv.reader(io.StringIO(run("claims", "--format", "csv").stdout)))
        assert run("export", "--format", "csv", "-o", str(tmp_path / "c.csv")).returncode == 0
        exported = next(csv.reader(io.StringIO((tmp_path / "c.csv").read_text(encoding="utf-8"))))
        assert printed == exported == list(CLAIM_COLUMNS)

    def test_table(self) -> None:
        done = run("claims", HEADLINE)
        assert done.returncode == 0
        assert "25000000000 USD" in done.stdout

    def test_unknown_format_is_a_usage_error(self) -> None:
        done = run("claims", "--format", "xml")
        assert done.returncode == 2
        assert done.stdout == ""


class TestUsage:
    @pytest.mark.parametrize("args", [(), ("frobnicate",), ("show",), ("list", "--no-such-option")])
    def test_usage_errors(self, args: tuple[str, ...]) -> None:
        done = run(*args)
        assert done.returncode == 2
        assert done.stderr

    def test_help(self) -> None:
        done = run("--help")
        assert done.returncode == 0
        for command in ("list", "show", "claims", "validate"):
            assert command in done.stdout


class TestValidate:
    def test_valid_file(self, tmp_path: Path) -> None:
        done = run("validate", _write(tmp_path, "mine.toml", USER_TOML))
        assert done.returncode == 0
        assert done.stderr == ""

    def test_the_builtin_catalog_is_valid(self) -> None:
        files = sorted((SRC / "dealkit" / "catalog" / "builtin").glob("*.toml"))
        done = run("validate", *files)
        assert done.returncode == 0, done.stderr

    def test_one_line_per_problem(self, tmp_path: Path) -> None:
        bad = _write(tmp_path, "bad.toml", BAD_TOML)
        done = run("validate", bad)
        assert done.returncode == 1
        lines = done.stderr.splitlines()
        assert len(lines) == 2
        assert lines[0].startswith(f"{bad}: $.claims[0].value: ")
        assert "canonical" in lines[0]
        assert lines[1].startswith(f"{bad}: $.claims[1].rnak: ")
        assert "unknown key" in lines[1]

    def test_problems_of_every_file(self, tmp_path: Path) -> None:
        bad = _write(tmp_path, "bad.toml", BAD_TOML)
        empty = _write(tmp_path, "empty.toml", "")
        good = _write(tmp_path, "mine.toml", USER_TOML)
        done = run("validate", good, bad, empty)
        assert done.returncode == 1
        lines = done.stderr.splitlines()
        assert len(lines) == 3
        assert sum(line.startswith(f"{bad}: $.") for line in lines) == 2
        assert sum(line.startswith(f"{empty}: $") for line in lines) == 1

    def test_cross_file_problems(self, tmp_path: Path) -> None:
        # Each file reads well; together with the built-in catalog, an id is taken.
        clash = USER_TOML.replace('id = "acme-investment"', 'id = "a26-investment"')
        path = _write(tmp_path, "clash.toml", clash)
        done = run("validate", path)
        assert done.returncode == 1
        (line,) = done.stderr.splitlines()
        assert line.startswith(f"{path}: $.claims[1].id: ")
        assert "duplicate id" in line

    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            (b"format = 1\n[[claims]\n", "not valid TOML"),
            (b"\x00\x01\x02", "NUL"),
            (b"\xff\xfeformat = 1", "UTF-8"),
            (b"format = 1\nclaims = 5\n", "$.claims"),
        ],
    )
    def test_unreadable_files(self, tmp_path: Path, content: bytes, reason: str) -> None:
        path = tmp_path / "bad.toml"
        path.write_bytes(content)
        done = run("validate", path)
        assert done.returncode == 1
        (line,) = done.stderr.splitlines()
        assert line.startswith(f"{path}: $")
        assert reason in line

    def test_json_file(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "bad.json", json.dumps({"format": 1, "claims": [{"id": "x", "subject": 5}]}))
        done = run("validate", path)
        assert done.returncode == 1
        lines = done.stderr.splitlines()
        assert lines
        assert all(line.startswith(f"{path}: $.claims[0].") for line in lines)

    def test_directory(self, tmp_path: Path) -> None:
        _write(tmp_path, "mine.toml", USER_TOML)
        _write(tmp_path, "bad.toml", BAD_TOML)
        done = run("validate", tmp_path)
        assert done.returncode == 1
        assert len(done.stderr.splitlines()) == 2

    def test_missing_path_is_a_usage_error(self, tmp_path: Path) -> None:
        done = run("validate", tmp_path / "absent.toml")
        assert done.returncode == 2
        assert "absent.toml" in done.stderr

    def test_no_path_is_a_usage_error(self) -> None:
        assert run("validate").returncode == 2


class TestUserCatalog:
    def test_list_and_show_a_user_deal(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "mine.toml", USER_TOML)
        listed = run("list", "--catalog", path)
        assert listed.returncode == 0
        assert "amazon-acme-2026" in listed.stdout
        assert HEADLINE in listed.stdout  # beside the built-in deals
        shown = run("show", "amazon-acme-2026", "--catalog", path)
        assert shown.returncode == 0, shown.stderr
        assert "Amazon invests up to $2B in Acme AI" in shown.stdout
        assert "acme-press.txt" in shown.stdout

    def test_json_catalog_and_directory(self, tmp_path: Path) -> None:
        import tomllib

        folder = tmp_path / "mine"
        folder.mkdir()
        _write(folder, "mine.json", json.dumps(tomllib.loads(USER_TOML)))
        for where in (folder / "mine.json", folder):
            done = run("show", "amazon-acme-2026", "--catalog", where)
            assert done.returncode == 0, done.stderr
            assert "Amazon invests up to $2B in Acme AI" in done.stdout

    def test_user_claims_in_json(self, tmp_path: Path) -> None:
        path = _write(tmp_path, "mine.toml", USER_TOML)
        done = run("claims", "amazon-acme-2026", "--format", "json", "--catalog", path)
        assert done.returncode == 0
        data = json.loads(done.stdout)
        assert [(r["id"], r["value"], r["qualifier"], r["sources"]) for r in data] == [
            ("acme-announced", "2026-05-04", "exact", ["acme-press.txt"]),
            ("acme-investment", "2000000000 USD", "at_most", ["acme-press.txt"]),
        ]

    def test_bad_user_catalog(self, tmp_path: Path) -> None:
        bad = _write(tmp_path, "bad.toml", BAD_TOML)
        done = run("list", "--catalog", bad)
        assert done.returncode == 1
        assert done.stdout == ""
        lines = done.stderr.splitlines()
        assert len(lines) == 2
        assert all(str(bad) in line and "$.claims[" in line for line in lines)

    def test_missing_user_catalog(self, tmp_path: Path) -> None:
        done = run("list", "--catalog", tmp_path / "absent.toml")
        assert done.returncode == 2
        assert done.stdout == ""
        assert len(done.stderr.splitlines()) == 1
        assert "absent.toml" in done.stderr
