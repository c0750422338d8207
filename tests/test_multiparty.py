"""Several parties per deal: a three-way pact and a four-investor consortium, end to end.

Each figure below is worked out by hand from the fixtures in ``tests/catalog_fixtures.py``.
"""

from __future__ import annotations

import copy
import json
import xml.etree.ElementTree as ET
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import dealkit
from dealkit import (
    CatalogError,
    CurrencyAmount,
    Deal,
    DealRelation,
    Estimate,
    Investor,
    InvariantError,
    PartialDate,
    Tranche,
)
from dealkit.analysis import check_consistency, deal_metrics
from dealkit.cli._app import main
from dealkit.serialization import claim_rows, deal_rows
from tests.catalog_fixtures import CONSORTIUM, THREE_WAY


def usd(billions: str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(billions) * 10**9, "USD")


def _write(tmp_path: Path, data: dict[str, Any], name: str = "mine.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.fixture
def pact_file(tmp_path: Path) -> Path:
    return _write(tmp_path, THREE_WAY, "pact.json")


@pytest.fixture
def consortium_file(tmp_path: Path) -> Path:
    return _write(tmp_path, CONSORTIUM, "venture.json")


class TestThreeWayPact:
    def test_the_typed_deal(self, pact_file: Path) -> None:
        deal = dealkit.load_catalog(pact_file).deal("pact-2027")
        assert [(i.party, i.investee, i.role) for i in deal.investors] == [
            ("cloudco", "lab", "lead"), ("chipco", "lab", "co_investor"),
        ]
        assert deal.investor == "cloudco" and deal.investee == "lab"
        assert deal.investment == Estimate.at_most(usd("3"))
        cloud, chips = deal.investors
        assert cloud.amount == Estimate.at_most(usd("2"))
        assert [t.name for t in cloud.tranches] == ["cloudco-now", "cloudco-later"]
        # $0.5B now + up to $1.5B later.
        assert cloud.immediate == Estimate.exact(usd("0.5"))
        assert cloud.milestone_linked == Estimate.at_most(usd("1.5"))
        assert chips.amount == Estimate.exact(usd("1")) and chips.tranches == ()
        assert deal.amount_of("chipco") == Estimate.exact(usd("1"))
        assert deal.amount_of("lab") is None
        assert [(s.payer, s.payee) for s in deal.spend] == [("lab", "cloudco-web")]
        assert deal.parties == ("cloudco", "lab", "chipco", "cloudco-web")
        assert [s.quote for s in deal.sources] == ["CloudCo and ChipCo invest in A Lab"]
        assert [s.quote for s in deal.tranches[1].sources] == ["against revenue milestones"]

    def test_the_cloud_arm_is_in_the_leads_group(self, pact_file: Path) -> None:
        cat = dealkit.load_catalog(pact_file)
        assert cat.group_of("cloudco-web") == "cloudco"
        assert cat.same_group("cloudco-web", "cloudco") and not cat.same_group("chipco", "cloudco")
        assert cat.group("cloudco-web") == ("cloudco", "cloudco-web")

    def test_show(self, pact_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "pact-2027", "--catalog", str(pact_file)]) == 0
        out = capsys.readouterr().out
        assert "pact-2027: CloudCo (lead), ChipCo (co-investor) invest in A Lab [1]" in out
        assert "Investment (all investors): up to $3B" in out
        assert "  - CloudCo (lead): up to $2B [" in out
        assert "      - immediate 'cloudco-now': $500M [" in out
        assert "  - ChipCo (co-investor): $1B [" in out
        assert "with CloudCo Web Services (CloudCo group) over 5 years" in out
        assert "  ↩ returns to CloudCo's group" in out
        assert '"against revenue milestones"' in out  # a structural fact's source is cited

    def test_metrics(self, pact_file: Path) -> None:
        metrics = {m.name: m for m in deal_metrics(dealkit.load_catalog(pact_file), "pact-2027")}
        # chipco: exactly $1B of up to $3B: at least 1/3; the total's open floor leaves no ceiling.
        assert metrics["investor.chipco.share"].text == "more than 33.3333%"
        # cloudco: up to $2B of up to $3B: neither bound is fixed.
        assert not metrics["investor.cloudco.share"].determined
        # Money back to CloudCo's group (its cloud arm): more than $10B / up to $2B = more than 5x.
        assert metrics["flows.cloud.cloudco.back_per_dollar_in"].text == "more than 5x"
        # ChipCo gets nothing back from this spend: no flow metric for it.
        assert not any(name.startswith("flows.cloud.chipco") for name in metrics)
        # (More than $10B less up to $2B) over 5 years: more than $8B / 5 = $1.6B a year.
        assert metrics["flows.cloud.cloudco.net_per_year"].text == "more than 1600000000 USD/year"

    def test_check(self, pact_file: Path) -> None:
        findings = [f for f in check_consistency(dealkit.load_catalog(pact_file)) if f.subject == "pact-2027"]
        by_what = {f.message.split(" give ")[0].split("; ")[-1]: f for f in findings if f.kind == "implied"}
        # CloudCo: up to $2B beside $0.5B + up to $1.5B = $0.5B .. $2B: headline 2 = 2.
        assert by_what["the tranches of cloudco"].status == "agree"
        # The total: up to $3B beside up to $2B + $1B = $1B .. $3B: headline 3 = 3.
        assert by_what["the investors' amounts"].status == "agree"

    def test_flows_plot(self, pact_file: Path, tmp_path: Path) -> None:
        cat = dealkit.load_catalog(pact_file)
        path = dealkit.plot_deal(cat.deal("pact-2027"), tmp_path / "flows.svg", kind="flows", catalog=cat)
        root = ET.parse(path).getroot()
        text = " ".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))
        for label in ("investment (CloudCo)", "investment (ChipCo)", "immediate tranche cloudco-now (CloudCo)",
                      "spend with CloudCo Web Services", "CloudCo group", "↩ returns to CloudCo's group",
                      "CloudCo Web Services"):
            assert label in text, label

    def test_exports(self, pact_file: Path, tmp_path: Path) -> None:
        cat = dealkit.load_catalog(pact_file)
        (row,) = deal_rows([cat.deal("pact-2027")])
        assert row["investors"] == ["cloudco", "chipco"]
        assert row["investor_amounts"] == ["cloudco: up to 2000000000 USD", "chipco: 1000000000 USD"]
        # Every tranche of every investor: $0.5B exactly now; up to $1.5B later.
        assert (row["immediate_low"], row["immediate_high"]) == (Decimal("500000000"), Decimal("500000000"))
        out = tmp_path / "claims.csv"
        assert main(["export", "pact-2027", "--catalog", str(_write(tmp_path, THREE_WAY)), "-o", str(out)]) == 0
        header = out.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header[-3:] == ["derived", "derived_words", "derived_inputs"]

    def test_round_trip_through_toml(self, pact_file: Path, tmp_path: Path) -> None:
        content = dealkit.catalog.read_catalog_file(pact_file)
        toml_path = tmp_path / "pact.toml"
        dealkit.dump_catalog(content, toml_path)
        again = dealkit.catalog.read_catalog_file(toml_path)
        assert again == content
        assert "[[deals.investors.tranches]]" in toml_path.read_text(encoding="utf-8")


class TestConsortium:
    def test_four_investors_with_their_own_amounts(self, consortium_file: Path) -> None:
        deal = dealkit.load_catalog(consortium_file).deal("venture-2027")
        assert [i.party for i in deal.investors] == ["alpha", "beta", "gamma", "delta"]
        assert [i.amount for i in deal.investors] == [Estimate.exact(usd(b)) for b in ("40", "30", "20", "10")]
        assert deal.investment == Estimate.exact(usd("100"))
        assert deal.lead.party == "alpha" and deal.investors[1].role == "member"
        assert deal.announced == PartialDate.parse("2027-01")

    def test_shares(self, consortium_file: Path) -> None:
        metrics = {m.name: m for m in deal_metrics(dealkit.load_catalog(consortium_file), "venture-2027")}
        # 40/100, 30/100, 20/100, 10/100.
        assert [metrics[f"investor.{p}.share"].text for p in ("alpha", "beta", "gamma", "delta")] == [
            "40%", "30%", "20%", "10%",
        ]

    def test_check_the_amounts_add_up(self, consortium_file: Path) -> None:
        (found,) = [f for f in check_consistency(dealkit.load_catalog(consortium_file))
                    if f.subject == "venture-2027" and f.kind == "implied"]
        assert found.status == "agree"
        assert found.other == Estimate.exact(usd("100"))  # 40 + 30 + 20 + 10
        assert found.claims == ("venture-total", "venture-alpha", "venture-beta", "venture-gamma", "venture-delta")

    def test_show_and_plot(self, consortium_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "venture-2027", "--catalog", str(consortium_file)]) == 0
        out = capsys.readouterr().out
        assert "venture-2027: Alpha (lead), Beta (member), Gamma (member), Delta (member) invest in The Venture" in out
        for line in ("  - Alpha (lead): $40B [", "  - Delta (member): $10B ["):
            assert line in out
        png = tmp_path / "venture.png"
        assert main(["plot", "venture-2027", "--kind", "flows", "--catalog", str(consortium_file), "-o", str(png)]) == 0
        assert png.read_bytes()[:4] == b"\x89PNG"

    def test_validate(self, consortium_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["validate", str(consortium_file)]) == 0
        assert "1 file valid" in capsys.readouterr().out

    def test_a_share_above_the_total_names_file_and_path(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        data = copy.deepcopy(CONSORTIUM)
        data["claims"][2]["value"] = "140000000000 USD"
        path = _write(tmp_path, data)
        assert main(["validate", str(path)]) == 1
        err = capsys.readouterr().err
        assert err.strip() == (
            f"{path}: $.deals[0].investors[0].amount: alpha's amount (140000000000 USD) is above the deal's "
            "total investment (100000000000 USD) (got '140000000000 USD')"
        )


class TestModelInvariants:
    """The same rules on the typed model, without a catalog."""

    def deal(self, *investors: Investor, **fields: Any) -> Deal:
        return Deal("x", "X", PartialDate.parse("2027"), investors, **fields)

    def test_a_share_above_the_total(self) -> None:
        with pytest.raises(InvariantError, match="above the deal's total investment") as info:
            self.deal(Investor("a", "z", Estimate.at_least(usd("5"))), Investor("b", "z"),
                      investment=Estimate.at_most(usd("4")))
        assert info.value.path == "$.investors[0].amount"

    def test_an_investors_tranches_above_its_amount(self) -> None:
        with pytest.raises(InvariantError, match="the tranches of a add up") as info:
            self.deal(Investor("a", "z", Estimate.exact(usd("1")), (Tranche("immediate", Estimate.exact(usd("2"))),)))
        assert info.value.path == "$.investors[0].tranches"

    def test_shares_may_fall_short_of_a_total_while_an_investor_has_no_figure(self) -> None:
        # $1B + $1B of exactly $5B: the third investor, with no figure, may hold the rest.
        deal = self.deal(Investor("a", "z", Estimate.exact(usd("1"))), Investor("b", "z", Estimate.exact(usd("1"))),
                         Investor("c", "z"), investment=Estimate.exact(usd("5")))
        assert deal.amount_of("c") is None
        with pytest.raises(InvariantError, match="the investors' amounts add up to 2000000000 USD"):
            self.deal(Investor("a", "z", Estimate.exact(usd("1"))), Investor("b", "z", Estimate.exact(usd("1"))),
                      investment=Estimate.exact(usd("5")))

    def test_tranche_names_are_unique_across_investors(self) -> None:
        now = Tranche("immediate", Estimate.exact(usd("1")))
        with pytest.raises(InvariantError, match="duplicate tranche name") as info:
            self.deal(Investor("a", "z", tranches=(now,)), Investor("b", "z", tranches=(now,)))
        assert info.value.path == "$.investors[1].tranches[0].name"
        named = Tranche("immediate", Estimate.exact(usd("1")), name="b-now")
        assert self.deal(Investor("a", "z", tranches=(now,)), Investor("b", "z", tranches=(named,))).immediate == (
            Estimate.exact(usd("2"))
        )

    def test_an_investor_listed_twice(self) -> None:
        with pytest.raises(InvariantError, match="listed twice"):
            self.deal(Investor("a", "z"), Investor("a", "z"))

    def test_at_least_one_investor(self) -> None:
        with pytest.raises(dealkit.InvalidValueError, match="at least 1"):
            self.deal()

    def test_a_deal_cannot_amend_itself(self) -> None:
        with pytest.raises(InvariantError, match="cannot amend itself") as info:
            self.deal(Investor("a", "z"), relations=(DealRelation("amends", "x"),))
        assert info.value.path == "$.relations[0].deal"


class TestShorthandAndLongForm:
    def test_the_shorthand_is_one_lead(self) -> None:
        deal = dealkit.get_deal("amazon-anthropic-2026")
        assert [(i.party, i.role) for i in deal.investors] == [("amazon", "lead")]

    def test_the_long_form_gives_the_same_deal(self, tmp_path: Path) -> None:
        from tests.catalog_fixtures import MINIMAL

        long = copy.deepcopy(MINIMAL)
        shape = long["deals"][0]
        shape["investors"] = [{"party": shape.pop("investor"), "role": "lead", "tranches": shape.pop("tranches")}]
        short = dealkit.load_catalog(_write(tmp_path, MINIMAL, "short.json"), include_builtin=False)
        longer = dealkit.load_catalog(_write(tmp_path, long, "long.json"), include_builtin=False)
        assert short.deal("acme-lab-2027") == longer.deal("acme-lab-2027")

    @pytest.mark.parametrize(
        ("change", "path", "reason"),
        [
            (lambda d: d.update(investor="cloudco"), "$.deals[0].investors",
             "a deal names its investors: 'investor' for one, or 'investors', not both"),
            (lambda d: d.update(investors=[]), "$.deals[0].investors", "(none is given)"),
            (lambda d: d.update(tranches=[{"kind": "immediate"}]), "$.deals[0].tranches",
             "top-level 'tranches' belong to the one 'investor'"),
        ],
    )
    def test_one_form_or_the_other(self, tmp_path: Path, change: Any, path: str, reason: str) -> None:
        data = copy.deepcopy(THREE_WAY)
        change(data["deals"][0])
        target = _write(tmp_path, data)
        with pytest.raises(CatalogError) as info:
            dealkit.load_catalog(target)
        assert [(p.file, p.path) for p in info.value.problems if reason in p.reason] == [(str(target), path)]


class TestDerivedClaimsInExports:
    def test_claim_rows_mark_derived_figures(self) -> None:
        cat = dealkit.builtin_catalog()
        rows = {r["id"]: r for r in claim_rows(cat.all_claims)}
        assert (rows["a26-frontier-models"]["derived"], rows["a26-frontier-models"]["derived_words"]) == (
            "count_word", "dozens of frontier-scale models")
        assert rows["ao26-announced"]["derived_inputs"] == ["a26-announced"]
        assert rows["a26-investment"]["derived"] is None

    def test_claims_json_marks_them_too(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["claims", "amazon-openai-2026", "--format", "json"]) == 0
        (announced,) = [r for r in json.loads(capsys.readouterr().out) if r["id"] == "ao26-announced"]
        assert (announced["derived"], announced["derived_words"]) == ("date_offset", "just two months after")


class TestTheExampleCatalogFile:
    """``examples/several_parties.toml``, written in TOML as a user writes it, through the command."""

    FILE = Path(__file__).resolve().parent.parent / "examples" / "several_parties.toml"

    def run(self, capsys: pytest.CaptureFixture[str], *args: str) -> str:
        assert main([*args, "--catalog", str(self.FILE), "--no-builtin"]) == 0
        return capsys.readouterr().out

    def test_it_validates(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["validate", str(self.FILE)]) == 0
        assert "1 file valid" in capsys.readouterr().out

    def test_show_the_pact(self, capsys: pytest.CaptureFixture[str]) -> None:
        out = self.run(capsys, "show", "pact-2027")
        assert "Investment (all investors): up to $3B [" in out
        assert "  - CloudCo (lead): up to $2B [" in out
        assert "  - ChipCo (co-investor): $1B [" in out
        assert "  chips: X1 [" in out and "  covers: training [" in out
        assert "  ↩ returns to CloudCo's group" in out

    def test_show_the_consortium(self, capsys: pytest.CaptureFixture[str]) -> None:
        out = self.run(capsys, "show", "venture-2027")
        for line in ("Alpha (lead): $40B [", "Beta (member): $30B [", "Gamma (member): $20B [",
                     "Delta (member): $10B ["):
            assert line in out

    def test_history_by_hand(self, capsys: pytest.CaptureFixture[str]) -> None:
        data = json.loads(self.run(capsys, "history", "cloudco", "lab", "--format", "json"))
        assert [e["deal"] for e in data["entries"]] == ["pact-2027", "pact-2028"]
        # CloudCo's own up to $2B in the pact, then up to $4B more (extends): 0 .. $6B.
        assert [e["amount"] for e in data["entries"]] == [
            {"qualifier": "at_most", "value": "2000000000 USD"}, {"qualifier": "at_most", "value": "4000000000 USD"},
        ]
        assert data["entries"][-1]["cumulative"]["total"] == {"qualifier": "at_most", "value": "6000000000 USD"}
        # ChipCo's line is its own $1B.
        data = json.loads(self.run(capsys, "history", "chipco", "lab", "--format", "json"))
        assert data["entries"][-1]["cumulative"]["total"] == {"qualifier": "exact", "value": "1000000000 USD"}

    @pytest.mark.parametrize(("deal_id", "kind"), [("pact-2027", "flows"), ("venture-2027", "flows"),
                                                   ("pact-2028", "timeline")])
    def test_plot(self, deal_id: str, kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        svg = tmp_path / f"{deal_id}.svg"
        self.run(capsys, "plot", deal_id, "--kind", kind, "-o", str(svg))
        text = " ".join("".join(el.itertext()) for el in ET.parse(svg).getroot().iter() if el.tag.endswith("text"))
        words = {"pact-2027": ("investment (CloudCo)", "investment (ChipCo)", "↩ returns to CloudCo's group"),
                 "venture-2027": ("investment (Alpha)", "investment (Delta)", "The Venture"),
                 "pact-2028": ("Announced",)}[deal_id]
        for word in words:
            assert word in text, word

    def test_export(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        out = tmp_path / "claims.json"
        self.run(capsys, "export", "venture-2027", "-o", str(out))
        rows = {r["property"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
        assert sorted(rows) == ["announced", "investment", "investor.alpha.amount", "investor.beta.amount",
                                "investor.delta.amount", "investor.gamma.amount"]
        assert rows["investor.gamma.amount"]["value"] == "20000000000 USD"
        deals = {d["id"]: d for d in json.loads(self.run(capsys, "list", "--format", "json"))}
        assert deals["pact-2027"]["investors"] == ["cloudco", "chipco"]
        assert deals["pact-2028"]["relations"] == ["extends pact-2027"]
        # $40B + $30B + $20B + $10B, each investor's own.
        assert deals["venture-2027"]["investor_amounts"] == [
            "alpha: 40000000000 USD", "beta: 30000000000 USD", "gamma: 20000000000 USD", "delta: 10000000000 USD",
        ]
