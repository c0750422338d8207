"""Deal histories: order by relations, running totals with honest bounds, and the command."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import dealkit
from dealkit import CurrencyAmount, Estimate, PartialDate, UnknownDealError
from dealkit.analysis import Contribution, Cumulative, deal_history
from dealkit.cli._app import main

CATALOG = dealkit.builtin_catalog()


def usd(billions: str) -> CurrencyAmount:
    """An amount in USD written by hand in billions."""
    return CurrencyAmount(Decimal(billions) * 10**9, "USD")


class TestAmazonAnthropic:
    history = deal_history(CATALOG, "amazon", "anthropic")

    def test_the_three_entries_in_order(self) -> None:
        assert [e.deal for e in self.history.entries] == [
            "amazon-anthropic-2023", "amazon-anthropic-before-2026", "amazon-anthropic-2026",
        ]

    def test_each_amount(self) -> None:
        amounts = [e.amount for e in self.history.entries]
        assert amounts == [Estimate.exact(usd("1.25")), Estimate.exact(usd("8")), Estimate.at_most(usd("25"))]

    def test_running_totals_by_hand(self) -> None:
        first, before, latest = (e.cumulative for e in self.history.entries)
        assert first.total == Estimate.exact(usd("1.25"))
        # The $8B restates the 2023 line (amends): $8B, not $1.25B + $8B = $9.25B.
        assert before.total == Estimate.exact(usd("8"))
        assert [p.deal for p in before.parts] == ["amazon-anthropic-before-2026"]
        # Then up to $25B more: $8B + $0 .. $8B + $25B.
        assert latest.total == Estimate.between(usd("8"), usd("33"))
        assert latest.text == "8000000000 USD plus up to 25000000000 USD"

    def test_after_the_2026_announcement(self) -> None:
        total = self.history.as_of("2026-04-20")
        assert total.text == "8000000000 USD plus up to 25000000000 USD"
        assert total.total == Estimate.between(usd("8"), usd("33"))
        assert total.possibly == ()

    def test_a_day_before_it_honours_the_decade(self) -> None:
        # The $8B is dated only to the 2020s: on 2025-06-01 it is possibly, not certainly, committed.
        total = self.history.as_of(PartialDate.parse("2025-06-01"))
        assert total.total == Estimate.exact(usd("1.25"))
        assert total.possibly == ("amazon-anthropic-before-2026",)
        # Before 2023 nothing is certainly committed.
        assert self.history.as_of("2022").parts == ()

    def test_relations_and_claims(self) -> None:
        before, latest = self.history.entries[1:]
        assert before.replaces == ("amazon-anthropic-2023",)
        assert [(r.kind, r.deal) for r in latest.relations] == [("extends", "amazon-anthropic-before-2026")]
        assert latest.replaces == ()
        assert latest.claims == ("a26-investment",)

    def test_the_conflict_of_meaning_comes_with_it(self) -> None:
        ids = [c.id for c in self.history.conflicts]
        assert "a26-total-or-new" in ids and "initial-stake" in ids

    def test_a_subsidiary_counts_for_its_group(self) -> None:
        via_aws = deal_history(CATALOG, "aws", "anthropic")
        assert via_aws.investor == "amazon"
        assert via_aws.entries == self.history.entries


class TestOtherPairs:
    def test_amazon_openai(self) -> None:
        h = deal_history(CATALOG, "amazon", "openai")
        # The seed part's "up to $50 billion", then the field part's round, whose $50 billion from Amazon
        # restates it (amends): the total is the round's figure, not the sum.
        assert [e.deal for e in h.entries] == ["amazon-openai-2026", "openai-funding-2026"]
        assert h.entries[0].cumulative.total == Estimate.at_most(usd("50"))
        assert h.total.total == Estimate.exact(usd("50"))

    def test_no_deals(self) -> None:
        h = deal_history(CATALOG, "amazon", "microsoft")
        assert h.entries == ()
        assert h.total.text == "nothing known" and h.total.total is None

    def test_an_unknown_party(self) -> None:
        with pytest.raises(UnknownDealError):
            deal_history(CATALOG, "amazon", "nobody")


def _catalog(tmp_path: Path, deals: list[dict[str, Any]], amounts: dict[str, tuple[str, str]]) -> dealkit.Catalog:
    claims: list[dict[str, Any]] = []
    for deal in deals:
        claims.append({"id": f"{deal['id']}-announced", "subject": deal["id"], "property": "announced",
                       "kind": "date", "value": deal.pop("announced"), "qualifier": "exact",
                       "sources": [{"file": "a.txt", "quote": "on a day"}]})
    for deal_id, (value, qualifier) in amounts.items():
        claims.append({"id": f"{deal_id}-investment", "subject": deal_id, "property": "investment", "kind": "money",
                       "value": value, "qualifier": qualifier, "sources": [{"file": "a.txt", "quote": "money"}]})
    data = {
        "parties": [{"id": "fund", "name": "A Fund"}, {"id": "fund-arm", "name": "Its Arm", "parent": "fund"},
                    {"id": "lab", "name": "A Lab"}],
        "deals": [{"title": d["id"], "investee": "lab", "investor": d.pop("investor", "fund"), **d} for d in deals],
        "claims": claims,
    }
    path = tmp_path / "history.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return dealkit.load_catalog(path, include_builtin=False)


class TestRunningTotalsByHand:
    def test_follows_adds_and_amends_replaces(self, tmp_path: Path) -> None:
        cat = _catalog(tmp_path, [
            # Listed out of order, and d3 is dated before d1: relations decide the order.
            {"id": "d3", "announced": "2019", "relations": [{"kind": "amends", "deal": "d1"}]},
            {"id": "d2", "announced": "2021", "investor": "fund-arm", "relations": [{"kind": "follows", "deal": "d1"}]},
            {"id": "d1", "announced": "2020"},
        ], {"d1": ("10 USD", "exact"), "d2": ("5 USD", "at_most"), "d3": ("12 USD", "exact")})
        h = deal_history(cat, "fund", "lab")
        # d1 first (the others relate to it); then d3 before d2 by announcement (2019 < 2021).
        assert [e.deal for e in h.entries] == ["d1", "d3", "d2"]
        totals = [e.cumulative.total for e in h.entries]
        one = lambda v: CurrencyAmount(Decimal(v), "USD")  # noqa: E731
        # d1: 10.  d3 amends d1: 12.  d2 follows: 12 + (0 .. 5) = 12 .. 17.
        assert totals == [Estimate.exact(one(10)), Estimate.exact(one(12)), Estimate.between(one(12), one(17))]
        assert h.entries[2].cumulative.text == "12 USD plus up to 5 USD"

    def test_an_amount_no_claim_gives_leaves_the_total_open_above(self, tmp_path: Path) -> None:
        cat = _catalog(tmp_path, [
            {"id": "d1", "announced": "2020"},
            {"id": "d2", "announced": "2021", "relations": [{"kind": "extends", "deal": "d1"}]},
        ], {"d1": ("10 USD", "exact")})
        last = deal_history(cat, "fund", "lab").total
        assert last.unknown == ("d2",)
        assert last.total == Estimate.at_least(CurrencyAmount(Decimal(10), "USD"))
        assert last.text == "10 USD plus an amount no claim gives"

    def test_cumulative_of_contributions(self) -> None:
        c = Cumulative.of((Contribution("a", Estimate.at_most(usd("2"))), Contribution("b", Estimate.at_most(usd("3")))))
        # Two ceilings: still a ceiling (each adds at least nothing).
        assert c.total == Estimate.at_most(usd("5"))


class TestHistoryCommand:
    def run(self, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    def test_table(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = self.run(capsys, "history", "amazon", "anthropic", "--as-of", "2026-04-20")
        assert code == 0
        assert out.startswith("Amazon → Anthropic: 3 deals")
        assert "Total after amazon-anthropic-2026: $8B plus up to $25B ($8B–$33B)" in out
        assert "As of Apr 20, 2026: $8B plus up to $25B ($8B–$33B)" in out
        assert "amends amazon-anthropic-2023" in out
        assert "a26-total-or-new (conflict of meaning, resolved)" in out

    def test_json(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = self.run(capsys, "history", "amazon", "anthropic", "--format", "json", "--as-of", "2026-04-20")
        assert code == 0
        data = json.loads(out)
        assert [e["deal"] for e in data["entries"]][-1] == "amazon-anthropic-2026"
        assert data["entries"][-1]["cumulative"]["total"] == {
            "qualifier": "range", "value": "8000000000 USD .. 33000000000 USD",
        }
        assert data["as_of"]["day"] == "2026-04-20"
        assert data["as_of"]["total"] == data["entries"][-1]["cumulative"]["total"]
        # The JSON reads back as the same history.
        back = dealkit.converter.structure({k: v for k, v in data.items() if k != "as_of"}, dealkit.DealHistory)
        assert back == deal_history(CATALOG, "amazon", "anthropic")

    def test_a_bad_date_is_a_usage_error(self, capsys: pytest.CaptureFixture[str]) -> None:
        code = main(["history", "amazon", "anthropic", "--as-of", "2026-13"])
        assert code == 2
        err = capsys.readouterr().err
        assert "argument --as-of: month must be 1..12" in err
        assert err.startswith("usage: dealkit history")  # the subcommand's own usage

    def test_csv(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = self.run(capsys, "history", "amazon", "anthropic", "--format", "csv")
        assert code == 0
        rows = out.splitlines()
        assert rows[0].startswith("investor,investee,deal,title,announced,amount.qualifier,amount.value,")
        assert rows[-1].startswith("amazon,anthropic,amazon-anthropic-2026,")
        assert ",at_most,25000000000 USD,range,8000000000 USD .. 33000000000 USD," in rows[-1]

    def test_in_german(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = self.run(capsys, "history", "amazon", "anthropic", "--locale", "de_DE")
        assert code == 0
        assert out.startswith("Amazon → Anthropic: 3 Deals")
        assert "ändert amazon-anthropic-2023" in out and "erweitert amazon-anthropic-before-2026" in out
        assert "Summe nach amazon-anthropic-2026: 8\xa0Mrd.\xa0$ plus bis zu 25\xa0Mrd.\xa0$" in out

    def test_an_unknown_party(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, _, err = self.run(capsys, "history", "amazon", "nobody")
        assert code == 1
        assert err.strip() == "dealkit: no party with this id (got 'nobody')"


def test_the_documented_output(capsys: pytest.CaptureFixture[str]) -> None:
    doc = (Path(__file__).resolve().parent.parent / "docs" / "analysis.md").read_text(encoding="utf-8")
    shown = doc.split("or `dealkit history amazon anthropic --as-of 2026-04-20`:\n\n```console\n", 1)[1]
    shown = shown.split("```", 1)[0]
    assert main(["history", "amazon", "anthropic", "--as-of", "2026-04-20"]) == 0
    out = capsys.readouterr().out
    # The page shows the table and the totals; the recorded conflicts follow them in the output.
    assert out.startswith(shown)
