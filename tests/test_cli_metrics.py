"""Tests for the analysis commands: `dealkit metrics`, `asof`, `check`, and `extract`."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from dealkit.cli._app import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

DEAL = "amazon-anthropic-2026"

CONFLICTING = """\
format = 1

[[claims]]
id = "capex-report"
subject = "amazon"
property = "capex"
kind = "money"
value = "150000000000 USD"
qualifier = "at_most"
as_of = "2026"
rank = "normal"
sources = [{ file = "report.txt", quote = "no more than $150 billion" }]
"""


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


class TestMetrics:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "metrics", DEAL)
        assert code == EXIT_OK and not err
        lines = out.splitlines()
        assert lines[0].split() == ["metric", "value", "formula", "claims"]
        row = next(line for line in lines if line.startswith("stake.immediate "))
        assert "1.2987% – 1.3158%" in row  # the bounds, rounded outward
        assert "a26-tranche-immediate, a26-valuation" in row
        assert any(line.startswith("compute.new-capacity.clusters ") and "up to 166.67" in line for line in lines)
        assert any(line.startswith("spend.aws.per_year ") and "more than $10B/year" in line for line in lines)
        assert any(line.startswith("compute.new-capacity.energy ") and "up to 43.8 TWh" in line for line in lines)

    def test_table_explains_undetermined_figures(self, capsys: pytest.CaptureFixture[str]) -> None:
        _, out, _ = run(capsys, "metrics", DEAL)
        row = next(line for line in out.splitlines() if line.startswith("compute.new-capacity.investment_per_gw "))
        assert "undetermined" in row
        notes = out.split("Undetermined:\n", 1)[1]
        assert "compute.new-capacity.investment_per_gw: the bounds do not determine it" in notes

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "metrics", DEAL, "--format", "json")
        assert code == EXIT_OK
        records = {r["name"]: r for r in json.loads(out)}
        # Each metric is the converter's form of a Metric: value and qualifier apart, bounds exact.
        stake = records["stake.immediate"]
        assert stake["estimate"]["qualifier"] == "range"
        low, high = stake["estimate"]["value"].split(" .. ")
        assert (low[:8], high[:8]) == ("1.298701", "1.315789")  # 5/385 and 5/380 of a hundred
        assert stake["sources"] == ["002_71c77df9dbb0c619.txt"]
        clusters = records["compute.new-capacity.clusters"]
        # 5 GW / 30 MW = 166.666...: up to that many clusters.
        assert clusters["estimate"]["qualifier"] == "at_most"
        assert clusters["estimate"]["value"].startswith("166.6666666")
        per_gw = records["compute.new-capacity.investment_per_gw"]
        assert per_gw["estimate"] is None
        assert "no lower bound" in per_gw["reason"]
        growth = records["anthropic.revenue.run_rate.growth"]
        assert growth["estimate"]["qualifier"] == "at_least"
        assert growth["estimate"]["value"].startswith("3.0303030")

    def test_unknown_deal(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "metrics", "no-such-deal")
        assert code == EXIT_INVALID and not out
        assert err.startswith("dealkit: no deal with this id") and "Traceback" not in err

    def test_bad_format_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["metrics", DEAL, "--format", "xml"]) == EXIT_USAGE


class TestAsOf:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "asof", DEAL, "2026-05-01")
        assert code == EXIT_OK
        row = next(line for line in out.splitlines() if line.startswith("milestone.trainium2-online "))
        assert row.split()[1:3] == ["online", "possibly"]
        assert "unlocked on May 1, 2026: certainly $5B; possibly $25B" in out

    def test_json_on_july_first(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "asof", DEAL, "2026-07-01", "--format", "json")
        assert code == EXIT_OK
        view = json.loads(out)
        items = {(i["item"], i["state"]): i["certainty"] for i in view["items"]}
        assert items[("milestone.trainium2-online", "online")] == "certainly"
        assert items[("milestone.year-end-capacity", "online")] == "possibly"

    def test_bad_date_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        # A bad argument, like a bad --locale, is a usage error: exit 2 with one clear line.
        assert main(["asof", DEAL, "2026-02-30"]) == EXIT_USAGE
        err = capsys.readouterr().err
        assert "impossible date" in err and "Traceback" not in err


class TestCheck:
    def test_builtin_catalog(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "check")
        assert code == EXIT_OK  # every conflict found is settled by a deprecated claim; the recorded ones are settled
        assert "conflict (resolved): amazon-anthropic-2026 tranche.immediate.amount" in out
        assert "conflict of meaning (resolved): amazon-anthropic-2026 investment" in out
        assert "recorded as a26-total-or-new" in out
        assert "001_fe4425cdedf7fed9.txt" in out
        assert "conflict of meaning (resolved): nvidia-openai-2025 investment" in out  # the field part's
        # By hand: seed part 1 pairwise conflict, 2 implied checks, 10 recorded conflicts; field part no pairwise
        # conflict, 7 implied checks (investors' amounts and tranches), 2 recorded conflicts.
        assert out.rstrip().endswith("22 findings, 13 conflicts, 0 unresolved")

    def test_unresolved_conflict_fails(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        # Amazon's 2026 capex is "roughly $200 billion" (180..220); "no more than $150 billion" cannot hold with it.
        path = tmp_path / "mine.toml"
        path.write_text(CONFLICTING, encoding="utf-8")
        code, out, _ = run(capsys, "check", "--catalog", str(path), "--format", "json")
        assert code == EXIT_INVALID
        found = [f for f in json.loads(out) if f["property"] == "capex" and f["status"] == "conflict"]
        # both the "roughly $200B" and the plain "$200B" claim contradict it
        assert sorted(f["claims"] for f in found) == [
            ["amazon-capex-2026", "capex-report"], ["amazon-capex-2026-flat", "capex-report"],
        ]
        assert all(f["resolved"] is False for f in found)
        assert found[0]["sources"] == ["003_b3e8a3f95ec0a1cf.txt", "report.txt"]


# -- the cookbook in docs/analysis.md stays true ---------------------------------------------------

DOC = Path(__file__).resolve().parent.parent / "docs" / "analysis.md"


def _blocks(lang: str) -> list[str]:
    text = DOC.read_text(encoding="utf-8")
    parts = text.split(f"```{lang}\n")[1:]
    return [p.split("```", 1)[0] for p in parts]


def _cells(line: str) -> list[str]:
    return [c for c in re.split(r"\s{2,}", line.strip()) if c]


class TestCookbook:
    @pytest.fixture
    def catalog_file(self, tmp_path: Path) -> Path:
        (toml,) = _blocks("toml")
        path = tmp_path / "fabrikam.toml"
        path.write_text(toml, encoding="utf-8")
        return path

    def test_the_catalog_file_validates(self, capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
        code, out, err = run(capsys, "validate", str(catalog_file))
        assert (code, out, err) == (EXIT_OK, "1 file valid\n", "")

    def test_the_metrics_shown_are_the_metrics_printed(
        self, capsys: pytest.CaptureFixture[str], catalog_file: Path
    ) -> None:
        block = next(b for b in _blocks("text") if "$ dealkit metrics contoso-fabrikam-2026" in b)
        lines = block.split("$ dealkit metrics", 1)[1].split("\n$", 1)[0].splitlines()[2:]
        shown = [_cells(line)[:2] for line in lines if line.strip()]
        code, out, _ = run(capsys, "metrics", "contoso-fabrikam-2026", "--catalog", str(catalog_file))
        assert code == EXIT_OK
        printed = [_cells(line)[:2] for line in out.split("\n\n")[0].splitlines()[2:]]
        assert len(shown) == 8 and shown == printed

    def test_the_headline_table_is_what_deal_metrics_gives(self) -> None:
        from dealkit import builtin_catalog, deal_metrics

        text = DOC.read_text(encoding="utf-8")
        shown = dict(re.findall(r"^\| `([a-z0-9_-]+\.[a-z0-9_.-]+)` \| ([^|]+?) \|", text, re.M))
        given = {m.name: m.text for m in deal_metrics(builtin_catalog(), DEAL)}
        assert len(shown) == 9 and all(given[name] == value for name, value in shown.items())

    def test_check_and_the_second_source(self, capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
        code, out, _ = run(capsys, "check", "--catalog", str(catalog_file))
        assert code == EXIT_OK
        assert out.rstrip().endswith("23 findings, 13 conflicts, 0 unresolved")
        blog = (
            '\n[[claims]]\nid = "cf26-immediate-blog"\nsubject = "contoso-fabrikam-2026"\n'
            'property = "tranche.immediate.amount"\nkind = "money"\nvalue = "700000000 USD"\nqualifier = "exact"\n'
            '{rank}\nsources = [{{ file = "industry-blog.txt", quote = "a $700 million upfront check" }}]\n'
        )
        base = catalog_file.read_text(encoding="utf-8")
        catalog_file.write_text(base + blog.format(rank='rank = "normal"'), encoding="utf-8")
        code, out, _ = run(capsys, "check", "--catalog", str(catalog_file))
        assert code == EXIT_INVALID
        assert "conflict: contoso-fabrikam-2026 tranche.immediate.amount" in out
        assert out.rstrip().endswith("24 findings, 14 conflicts, 1 unresolved")
        deprecated = 'rank = "deprecated"\nnote = "The press release says $500 million."'
        catalog_file.write_text(base + blog.format(rank=deprecated), encoding="utf-8")
        code, out, _ = run(capsys, "check", "--catalog", str(catalog_file))
        assert code == EXIT_OK
        assert "conflict (resolved): contoso-fabrikam-2026 tranche.immediate.amount" in out

    def test_asof_lines(self, capsys: pytest.CaptureFixture[str], catalog_file: Path) -> None:
        code, out, _ = run(capsys, "asof", "contoso-fabrikam-2026", "2026-08-01", "--catalog", str(catalog_file))
        assert code == EXIT_OK
        shown = next(b for b in _blocks("text") if "$ dealkit asof contoso-fabrikam-2026" in b)
        for line in shown.splitlines():
            if line.startswith(("unlocked on", "online on", "milestone.")):
                assert line in out.splitlines()


class TestExtract:
    def test_json_one_object_per_figure(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "article.txt"
        path.write_text("Amazon will invest up to $25 billion and secure 5 gigawatts by Q2 2026.", encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(path), "--format", "json")
        assert code == EXIT_OK
        lines = out.splitlines()
        assert lines[0] == "[" and lines[-1] == "]"
        assert all(line.startswith("{") for line in lines[1:-1])  # one object per line
        figures = json.loads(out)
        assert figures[0] == {
            "value": "25000000000 USD", "qualifier": "at_most", "kind": "money",
            "start": 19, "end": 36, "text": "up to $25 billion", "unit": None,
        }
        assert [(f["kind"], f["value"]) for f in figures[1:]] == [("power", "5 GW"), ("date", "2026-Q2")]

    def test_table(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "article.txt"
        path.write_text("more than $100 billion", encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(path))
        assert code == EXIT_OK
        assert out.splitlines()[0].split() == ["text", "kind", "qualifier", "value", "start", "end"]
        assert "at_least" in out and "100000000000 USD" in out

    def test_seed_article(self, capsys: pytest.CaptureFixture[str], seeds_dir: Path) -> None:
        code, out, _ = run(capsys, "extract", str(seeds_dir / "002_71c77df9dbb0c619.txt"), "--format", "json",
                           "--reference", "2026-04-20")
        assert code == EXIT_OK
        figures = json.loads(out)
        text = (seeds_dir / "002_71c77df9dbb0c619.txt").read_text(encoding="utf-8")
        for f in figures:
            assert text[f["start"]:f["end"]] == f["text"]
        assert {"text": "up to $25 billion", "kind": "money", "qualifier": "at_most"}.items() <= figures[1].items()

    def test_empty_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "empty.txt"
        path.write_text("", encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(path), "--format", "json")
        assert code == EXIT_OK and json.loads(out) == []

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        code, _, err = run(capsys, "extract", str(tmp_path / "nope.txt"))
        assert code == EXIT_USAGE
        assert "nope.txt: cannot read" in err

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "latin1.txt"
        path.write_bytes("€5 billion".encode("cp1252"))
        code, _, err = run(capsys, "extract", str(path))
        assert code == EXIT_INVALID
        assert err == f"dealkit: {path}: not UTF-8 text (byte 0 cannot be decoded)\n"

    def test_stdin(self, tmp_path: Path) -> None:
        proc = subprocess.run(
            [sys.executable, "-m", "dealkit", "extract", "-", "--format", "json"],
            input="nearly 1GW", capture_output=True, text=True, check=False, timeout=60,
        )
        assert proc.returncode == EXIT_OK, proc.stderr
        assert json.loads(proc.stdout)[0]["qualifier"] == "approximately"

    def test_the_cookbook_article(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        article, table = _blocks("text")[:2]
        path = tmp_path / "contoso-press.txt"
        path.write_text(article, encoding="utf-8")
        code, out, _ = run(capsys, "extract", str(path))
        assert code == EXIT_OK
        assert out == table
