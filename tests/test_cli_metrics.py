"""Tests for the analysis commands: `dealkit metrics`, `asof` and `check`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dealkit._cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

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
        assert "1.2987% .. 1.3158%" in row
        assert "a26-tranche-immediate, a26-valuation" in row
        assert any(line.startswith("compute.new-capacity.clusters ") and "up to 166.67" in line for line in lines)
        assert any(line.startswith("spend.aws.per_year ") and "more than 10000000000 USD/year" in line for line in lines)
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
        stake = records["stake.immediate"]
        assert (stake["low"], stake["high"], stake["qualifier"]) == ("1.2987%", "1.3158%", "range")
        assert stake["sources"] == ["002_71c77df9dbb0c619.txt"]
        clusters = records["compute.new-capacity.clusters"]
        assert (clusters["low"], clusters["high"], clusters["qualifier"]) == (None, "166.67", "at_most")
        per_gw = records["compute.new-capacity.investment_per_gw"]
        assert per_gw["determined"] is False
        assert per_gw["value"] == "undetermined" and per_gw["low"] is None and per_gw["high"] is None
        assert "no lower bound" in per_gw["reason"]
        growth = records["anthropic.revenue.run_rate.growth"]
        assert (growth["low"], growth["high"]) == ("3.03x", None)

    def test_unknown_deal(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys, "metrics", "no-such-deal")
        assert code == EXIT_INVALID and not out
        assert err.startswith("dealkit: no deal with this id") and "Traceback" not in err

    def test_bad_format_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        with pytest.raises(SystemExit) as info:
            main(["metrics", DEAL, "--format", "csv"])
        assert info.value.code == EXIT_USAGE


class TestAsOf:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "asof", DEAL, "2026-05-01")
        assert code == EXIT_OK
        row = next(line for line in out.splitlines() if line.startswith("milestone.trainium2-online "))
        assert row.split()[1:3] == ["online", "possibly"]
        assert "unlocked on 2026-05-01: certainly 5000000000 USD; possibly 25000000000 USD" in out

    def test_json_on_july_first(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "asof", DEAL, "2026-07-01", "--format", "json")
        assert code == EXIT_OK
        view = json.loads(out)
        items = {(i["item"], i["state"]): i["certainty"] for i in view["items"]}
        assert items[("milestone.trainium2-online", "online")] == "certainly"
        assert items[("milestone.year-end-capacity", "online")] == "possibly"

    def test_bad_date(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = run(capsys, "asof", DEAL, "2026-02-30")
        assert code == EXIT_INVALID
        assert "impossible date" in err and "Traceback" not in err


class TestCheck:
    def test_builtin_catalog(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "check")
        assert code == EXIT_OK  # its one conflict is settled by a deprecated claim
        assert "conflict (resolved): amazon-anthropic-2026 tranche.immediate.amount" in out
        assert "001_fe4425cdedf7fed9.txt" in out
        assert out.rstrip().endswith("1 conflict(s), 0 unresolved")

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
