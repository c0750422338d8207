"""Deals side by side: `dealkit.compare`, `dealkit compare` and `dealkit plot --kind compare`.

The expected figures are worked out by hand from the deals' claims (written out
below), not read back from the code under test.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path

import pytest

import dealkit
from dealkit import (
    ComparisonRow,
    CurrencyAmount,
    Estimate,
    InvalidValueError,
    PartialDate,
    Power,
    Qualifier,
    Rate,
    UnknownDealError,
    builtin_catalog,
    compare,
)
from dealkit.analysis import COMPARISON_COLUMNS, COMPARISON_FIGURES, comparison_rows
from dealkit.cli._app import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from tests.catalog_fixtures import MINIMAL

CATALOG = builtin_catalog()
B = Decimal(10) ** 9
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def usd(billions: str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(billions) * B, "USD")


def per(billions: Decimal, unit: str) -> Rate:
    return Rate(CurrencyAmount(billions * B, "USD"), unit)


def row(deal_id: str) -> ComparisonRow:
    [found] = compare(CATALOG, [deal_id])
    return found


class TestOpenAIOracle:
    """4.5 GW; $300B over five years from 2027 (the claims oo25-capacity, oo25-spend, oo25-term, oo25-start)."""

    r = row("openai-oracle-2025")

    def test_stated_figures_keep_their_qualifiers(self) -> None:
        assert self.r.capacity is not None and self.r.capacity.estimate == Estimate.exact(Power("4.5", "GW"))
        assert self.r.spend is not None and self.r.spend.estimate == Estimate.exact(usd("300"))
        assert self.r.investment is None  # a capacity contract: no investment stated

    def test_money_per_gw(self) -> None:
        # 300 / 4.5 = 66.666... billion per GW, exactly (both figures exact).
        m = self.r.money_per_gw
        assert m is not None and m.estimate is not None and m.estimate.qualifier is Qualifier.EXACT
        assert m.formula == "spend / capacity"
        assert m.estimate.low == per(Decimal(300) / Decimal("4.5"), "GW")
        assert m.estimate.low.amount.amount.quantize(Decimal("0.01")) == Decimal("66666666666.67")

    def test_spend_per_year(self) -> None:
        m = self.r.spend_per_year
        assert m is not None and m.estimate == Estimate.exact(per(Decimal(60), "year"))  # 300 / 5

    def test_first_capacity(self) -> None:
        m = self.r.first_capacity
        assert m is not None and m.estimate == Estimate.exact(PartialDate.parse("2027"))

    def test_claims_behind_each_figure(self) -> None:
        assert self.r.capacity is not None and self.r.capacity.claims == ("oo25-capacity",)
        assert self.r.money_per_gw is not None and self.r.money_per_gw.claims == ("oo25-spend", "oo25-capacity")
        assert self.r.spend_per_year is not None and self.r.spend_per_year.claims == ("oo25-spend", "oo25-term")


class TestMicrosoftIren:
    """About 200 MW, about $9.7B, five years: 'about' is 10 % either side (180-220 MW, $8.73B-$10.67B)."""

    r = row("microsoft-iren-2025")

    def test_approximate_figures_keep_their_bounds(self) -> None:
        assert self.r.capacity is not None and self.r.capacity.estimate is not None
        assert self.r.capacity.estimate.qualifier is Qualifier.APPROXIMATELY
        assert (self.r.capacity.estimate.low, self.r.capacity.estimate.high) == (Power(180, "MW"), Power(220, "MW"))
        assert self.r.spend is not None and self.r.spend.estimate is not None
        assert (self.r.spend.estimate.low, self.r.spend.estimate.high) == (usd("8.73"), usd("10.67"))

    def test_money_per_gw_divides_low_by_high(self) -> None:
        # [8.73, 10.67] / [0.18, 0.22] = [8.73 / 0.22, 10.67 / 0.18] = [39.6818..., 59.2777...] billion per GW
        m = self.r.money_per_gw
        assert m is not None and m.estimate is not None and m.estimate.qualifier is Qualifier.RANGE
        assert m.estimate.low == per(Decimal("8.73") / Decimal("0.22"), "GW")
        assert m.estimate.high == per(Decimal("10.67") / Decimal("0.18"), "GW")
        assert m.text == "39681818181.81 USD/GW .. 59277777777.78 USD/GW"  # low rounded down, high up

    def test_spend_per_year(self) -> None:
        # [8.73, 10.67] / 5 years
        m = self.r.spend_per_year
        assert m is not None and m.estimate == Estimate.between(per(Decimal("1.746"), "year"), per(Decimal("2.134"), "year"))


class TestThreeWayPact:
    """Nvidia up to $10B and Microsoft up to $5B (up to $15B in all); Anthropic spends $30B on Azure; up to 1 GW."""

    r = row("microsoft-nvidia-anthropic-2025")

    def test_figures(self) -> None:
        assert self.r.investment is not None and self.r.investment.estimate == Estimate.at_most(usd("15"))
        assert self.r.spend is not None and self.r.spend.estimate == Estimate.exact(usd("30"))
        assert self.r.capacity is not None and self.r.capacity.estimate == Estimate.at_most(Power(1, "GW"))
        assert self.r.parties == ("nvidia", "anthropic", "microsoft")

    def test_money_per_gw_has_only_a_lower_bound(self) -> None:
        # $30B over at most 1 GW: at least $30B per GW, and no upper bound (the capacity may be tiny).
        m = self.r.money_per_gw
        assert m is not None and m.estimate == Estimate.at_least(per(Decimal(30), "GW"))
        assert m.text == "more than 30000000000 USD/GW"

    def test_spend_without_a_term_has_no_yearly_figure(self) -> None:
        m = self.r.spend_per_year
        assert m is not None and m.estimate is None
        assert m.reason == "spend 'azure' has no term to spread it over"
        assert m.text == "undetermined"

    def test_no_capacity_date(self) -> None:
        assert self.r.first_capacity is None


class TestRules:
    def test_the_investment_is_the_basis_without_a_spend(self) -> None:
        # Crusoe's Abilene joint venture: $15B for 1.2 GW = $12.5B per GW.
        r = row("crusoe-abilene-2024")
        assert r.money_per_gw is not None and r.money_per_gw.formula == "investment / capacity"
        assert r.money_per_gw.estimate == Estimate.exact(per(Decimal("12.5"), "GW"))

    def test_up_to_over_up_to_is_undetermined(self, tmp_path: Path) -> None:
        data = copy.deepcopy(MINIMAL)
        data["deals"][0]["compute"] = [{"name": "chips", "provider": "acme", "recipient": "lab"}]
        data["claims"].append({
            "id": "al-capacity", "subject": "acme-lab-2027", "property": "compute.chips.capacity", "kind": "power",
            "value": "1 GW", "qualifier": "at_most", "sources": [{"file": "press.txt", "quote": "up to 1 GW"}],
        })
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        [r] = compare(dealkit.load_catalog(str(path)), ["acme-lab-2027"])
        assert r.money_per_gw is not None and r.money_per_gw.estimate is None
        assert "the dividend (up to 2000000000 USD) has no lower bound" in r.money_per_gw.reason
        assert r.spend is None and r.spend_per_year is None  # no spend stated at all

    def test_the_first_of_several_capacity_dates(self) -> None:
        # Nscale: Sines from Q1 2026 (no upper bound), Texas in Q3 2026: the first is in Q1 .. Q3 2026.
        r = row("microsoft-nscale-2025")
        assert r.first_capacity is not None
        assert r.first_capacity.estimate == Estimate.between(PartialDate.parse("2026-Q1"), PartialDate.parse("2026-Q3"))
        # Amazon-Anthropic: Trainium2 in Q2 2026 and "by year-end": no later than Q2 2026.
        r = row("amazon-anthropic-2026")
        assert r.first_capacity is not None and r.first_capacity.estimate == Estimate.at_most(PartialDate.parse("2026-Q2"))
        assert r.first_capacity.text == "by 2026-Q2"

    def test_several_spends_add_up(self) -> None:
        # OpenAI-CoreWeave: up to $11.9B + $4B + up to $6.5B = up to $22.4B.
        r = row("openai-coreweave-2025")
        assert r.spend is not None and r.spend.estimate == Estimate.at_most(usd("22.4"))
        assert r.spend_per_year is not None and r.spend_per_year.reason == "spend 'may-2025' has no term to spread it over"

    def test_every_deal_by_default(self) -> None:
        assert tuple(r.deal_id for r in compare(CATALOG)) == CATALOG.deal_ids()

    def test_unknown_deal(self) -> None:
        with pytest.raises(UnknownDealError):
            compare(CATALOG, ["no-such-deal"])

    def test_deal_ids_must_be_a_sequence(self) -> None:
        with pytest.raises(InvalidValueError, match="sequence of deal ids"):
            compare(CATALOG, "amd-openai-2025")  # type: ignore[arg-type]

    def test_figure_by_name(self) -> None:
        r = row("amd-openai-2025")
        assert [n for n in COMPARISON_FIGURES if r.figure(n) is not None] == ["capacity", "first_capacity"]
        with pytest.raises(InvalidValueError):
            r.figure("valuation")  # type: ignore[arg-type]


class TestFlatRows:
    def test_columns_and_values(self) -> None:
        [flat] = comparison_rows(compare(CATALOG, ["microsoft-iren-2025"]))
        assert list(flat) == list(COMPARISON_COLUMNS)
        assert (flat["capacity_gw_low"], flat["capacity_gw_high"]) == (Decimal("0.18"), Decimal("0.22"))
        assert (flat["spend_low"], flat["spend_high"]) == (Decimal("8730000000.00"), Decimal("10670000000.00"))
        # outward to cents: 39681818181.8181... down, 59277777777.7777... up
        assert (flat["money_per_gw_low"], flat["money_per_gw_high"]) == (
            Decimal("39681818181.81"), Decimal("59277777777.78")
        )
        assert flat["money_per_gw_basis"] == "spend" and flat["currency"] == "USD"

    def test_undetermined_figures_are_named(self) -> None:
        [flat] = comparison_rows(compare(CATALOG, ["microsoft-nvidia-anthropic-2025"]))
        assert flat["undetermined"] == ["spend_per_year: spend 'azure' has no term to spread it over"]
        assert flat["spend_per_year_low"] is None and flat["spend_per_year"] == "undetermined"


class TestCommand:
    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["compare", "openai-oracle-2025", "microsoft-nvidia-anthropic-2025"]) == EXIT_OK
        out = capsys.readouterr().out
        lines = out.splitlines()
        assert lines[0].split()[:4] == ["deal", "capacity", "investment", "spend"]
        assert lines[2].split()[:7] == ["openai-oracle-2025", "4.5", "GW", "-", "$300B", "$66.667B/GW", "$60B/year"]
        assert "more than $30B/GW" in lines[3] and "undetermined" in lines[3]
        assert "microsoft-nvidia-anthropic-2025 spend per year: spend 'azure' has no term to spread it over" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["compare", "crusoe-abilene-2024", "--format", "json"]) == EXIT_OK
        [data] = json.loads(capsys.readouterr().out)
        assert data["deal_id"] == "crusoe-abilene-2024" and data["part"] == "field"
        assert data["money_per_gw"]["estimate"] == {"kind": "rate", "qualifier": "exact", "value": "12500000000 USD/GW"}
        assert data["first_capacity"] is None
        assert dealkit.converter.structure(data, ComparisonRow) == row("crusoe-abilene-2024")

    def test_csv_of_a_part(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["compare", "--part", "field", "--format", "csv"]) == EXIT_OK
        rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
        assert [r["deal"] for r in rows] == list(CATALOG.deal_ids("field"))
        oracle = next(r for r in rows if r["deal"] == "openai-oracle-2025")
        assert (oracle["capacity_gw_low"], oracle["spend_per_year_low"], oracle["first_capacity_start"]) == (
            "4.5", "60000000000", "2027-01-01"
        )
        # "up to $100 billion" over "at least 10 GW": no lower bound, at most $10B per GW
        nvidia = next(r for r in rows if r["deal"] == "nvidia-openai-2025")
        assert (nvidia["money_per_gw_qualifier"], nvidia["money_per_gw_low"], nvidia["money_per_gw_high"]) == (
            "at_most", "", "10000000000"
        )

    def test_deals_and_a_part_together(self, capsys: pytest.CaptureFixture[str]) -> None:
        # --part narrows the deals named: the seed part's deal is left out.
        assert main(["compare", "amd-openai-2025", "amazon-anthropic-2026", "--part", "field", "--format", "json"]) == 0
        assert [r["deal_id"] for r in json.loads(capsys.readouterr().out)] == ["amd-openai-2025"]

    def test_unknown_deal(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["compare", "no-such-deal"]) == EXIT_INVALID
        assert "no deal with this id" in capsys.readouterr().err


def _svg_text(path: Path) -> str:
    root = ET.parse(path).getroot()
    return " ".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))


class TestChart:
    def test_png(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "field.png"
        assert main(["plot", "--kind", "compare", "--part", "field", "-o", str(path)]) == EXIT_OK
        assert path.read_bytes()[:8] == PNG_MAGIC
        assert "comparison of" in capsys.readouterr().out

    def test_svg_names_every_deal_and_its_bounds(self, tmp_path: Path) -> None:
        rows = compare(CATALOG, ["microsoft-nvidia-anthropic-2025", "microsoft-iren-2025", "openai-oracle-2025"])
        text = _svg_text(dealkit.plot_comparison(rows, tmp_path / "three.svg"))
        for deal_id in ("microsoft-nvidia-anthropic-2025", "microsoft-iren-2025", "openai-oracle-2025"):
            assert deal_id in text
        for label in ("up to 1 GW", "up to $15B", "more than $30B/GW", "about 200 MW", "$300B", "2027"):
            assert label in text

    def test_an_undetermined_figure_says_so(self, tmp_path: Path) -> None:
        rows = compare(CATALOG, ["stargate-project-2025"])
        stated = dealkit.plot_comparison(rows, tmp_path / "one.svg")
        assert "up to $50B/GW" in _svg_text(stated)

    def test_no_rows(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidValueError, match="no deals to draw"):
            dealkit.plot_comparison([], tmp_path / "x.png")

    def test_bad_suffix(self, tmp_path: Path) -> None:
        with pytest.raises(InvalidValueError, match=r"\.png or \.svg"):
            dealkit.plot_comparison(compare(CATALOG, ["amd-openai-2025"]), tmp_path / "x.pdf")

    def test_one_deal_kinds_need_one_deal(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        code = main(["plot", "--kind", "timeline", "amd-openai-2025", "meta-amd-2026", "-o", str(tmp_path / "x.png")])
        assert code == EXIT_USAGE
        assert "give exactly one DEAL" in capsys.readouterr().err
