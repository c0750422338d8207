"""`dealkit ingest`: an article becomes a draft catalog file with one claim per figure."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

import dealkit
from dealkit.serialization import claim_rows, plain_row
from dealkit.cli import main
from dealkit.extraction import draft_catalog

from .conftest import SEED_FILES

#: The day of the announcement the five articles report: their relative dates are read against it.
ANNOUNCED = "2026-04-20"


def _ingest(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["ingest", *args])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _fill(draft: str, subject: str) -> str:
    """What a person does: fill each empty subject and property."""
    out = []
    for line in draft.splitlines():
        if line == 'subject = ""':
            line = f'subject = "{subject}"'
        elif line == 'property = ""':
            line = 'property = "draft.figure"'
        out.append(line)
    return "\n".join(out) + "\n"


class TestSeedArticles:
    @pytest.mark.parametrize("name", SEED_FILES)
    def test_every_catalog_figure_of_the_article_is_drafted(
        self, capsys: pytest.CaptureFixture[str], seeds_dir: Path, name: str
    ) -> None:
        code, out, err = _ingest(capsys, str(seeds_dir / name), "--source", name, "--reference", ANNOUNCED)
        assert code == 0, err
        claims = tomllib.loads(out)["claims"]
        drafted = {(c["kind"], c["value"], c["qualifier"], c.get("low"), c.get("high")) for c in claims}
        catalog = dealkit.builtin_catalog()
        # A derived claim comes from its rule, not from reading alone: test_catalog_seeds checks it.
        held = [c for c in catalog.all_claims if name in c.files and not c.is_derived]
        assert held, f"the catalog cites nothing from {name}"
        for claim in held:
            record = plain_row(claim_rows([claim])[0])
            low = record["low"] if claim.qualifier.value == "approximately" and record["low"] != record["value"] else None
            key = (claim.kind, claim.value_text, claim.qualifier.value)
            assert any(d[:3] == key for d in drafted), f"{claim.id}: {key} is not among the drafted claims of {name}"
            if low is not None:  # approximate figures keep their bounds
                assert any(d[:3] == key and (d[3] or None) in (None, record["low"]) for d in drafted)
        for c in claims:
            text = (seeds_dir / name).read_text(encoding="utf-8")
            assert c["sources"][0]["quote"] in text  # verbatim
            assert c["sources"][0]["file"] == name

    @pytest.mark.parametrize("name", SEED_FILES)
    def test_the_filled_draft_validates(
        self, capsys: pytest.CaptureFixture[str], seeds_dir: Path, tmp_path: Path, name: str
    ) -> None:
        code, out, _ = _ingest(capsys, str(seeds_dir / name), "--source", name, "--deal", "amazon-anthropic-2026")
        assert code == 0
        path = tmp_path / "draft.toml"
        path.write_text(_fill(out, "amazon-anthropic-2026"), encoding="utf-8")
        assert main(["validate", str(path)]) == 0, capsys.readouterr().err


class TestDraft:
    def test_unfilled_fields_are_reported_by_validate(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        article = tmp_path / "note.txt"
        article.write_text("The company said 12 sites would open.", encoding="utf-8")
        code, out, _ = _ingest(capsys, str(article), "--source", "note.txt")
        assert code == 0
        draft = tmp_path / "draft.toml"
        draft.write_text(out, encoding="utf-8")
        assert main(["validate", str(draft)]) == 1
        err = capsys.readouterr().err
        assert "$.claims[0].subject" in err and "$.claims[0].property" in err

    def test_guesses_and_comments(self) -> None:
        text = "On April 20, 2026, Amazon announced a deal at a valuation of $380 billion; revenue was $9B."
        data = tomllib.loads(draft_catalog(text, source="a.txt", deal="d"))
        assert [(c["kind"], c["property"], c["value"]) for c in data["claims"]] == [
            ("date", "announced", "2026-04-20"),
            ("money", "valuation", "380000000000 USD"),
            ("money", "revenue", "9000000000 USD"),
        ]
        assert data["format"] == 1

    def test_nearly_keeps_its_bounds(self) -> None:
        [claim] = tomllib.loads(draft_catalog("nearly 1GW of capacity", source="a.txt"))["claims"]
        assert (claim["qualifier"], claim["value"], claim["low"], claim["high"]) == ("approximately", "1 GW", "0.9 GW", "1 GW")

    def test_quotes_with_quotation_marks_stay_valid_toml(self) -> None:
        data = tomllib.loads(draft_catalog('He said "up to $5 billion" \\ twice', source="a.txt"))
        assert data["claims"][0]["sources"][0]["quote"] == "up to $5 billion"

    @pytest.mark.parametrize(("source", "deal"), [("../a.txt", None), ("a b.txt", None), ("a.txt", "Not An Id")])
    def test_bad_names_are_refused(self, source: str, deal: str | None) -> None:
        with pytest.raises(dealkit.InvalidValueError):
            draft_catalog("5 GW", source=source, deal=deal)

    def test_missing_article_is_a_usage_error(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        code, _, err = _ingest(capsys, str(tmp_path / "nope.txt"), "--source", "nope.txt")
        assert code == 2 and "nope.txt: no such file" in err
