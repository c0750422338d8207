"""The field part of the built-in catalog: the AI-compute deals of 2023-2026, sourced to web pages.

Every figure is a claim; every claim cites pages by URL, publisher and dates,
in at most ten of their words; the library's own reader gets each claim's value
and qualifier back from those words (read against the page's publication
date, for "on Monday"), except for announcement dates fixed by a page's
dateline, which are checked against that date.  A sample of figures is also
written out by hand below, beside the words that state them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final

import pytest

from dealkit import (
    Certainty,
    Claim,
    CurrencyAmount,
    Duration,
    Estimate,
    PartialDate,
    Power,
    Rank,
    WebSource,
    as_of_deals,
    builtin_catalog,
    check_consistency,
    compare,
)
from dealkit.cli._app import EXIT_OK, main
from dealkit.extraction import extract

CATALOG = builtin_catalog()
FIELD = CATALOG.deal_ids("field")
FIELD_CLAIMS = [c for c in CATALOG.all_claims if c.subject in set(FIELD)]
#: The day the pages were read.
RETRIEVED = PartialDate.parse("2026-12-01")
B = Decimal(10) ** 9

#: Announcement dates no quote states in words: each is the day (or month) of a page that reports
#: the announcement as that day's news, and holds the page's publication date.
# Spend commitments no stored page describes in words that say what the spend covers: the two later CoreWeave
# contracts (May and September 2025) are reported only by their amounts.
SPEND_WITHOUT_SOURCE: Final = {
    ("openai-coreweave-2025", "may-2025"),
    ("openai-coreweave-2025", "september-2025"),
}
DATELINE = {
    "mns25-announced", "mna25-announced", "aa25-announced", "af25-announced", "ca24-announced", "ga23-announced",
    "ga25-announced", "oax26-announced", "oc26-announced", "agb26-announced", "vo25-announced",
    "sn25-announced", "su25-announced", "mo23-announced", "mg24-announced", "xf25-announced", "ah25-announced",
    "ma26-announced", "xh25-announced", "sua25-announced", "ni25-announced", "aip24-announced", "oc25-announced",
    "ao25-announced",
}


def _claim(claim_id: str) -> Claim:
    [found] = [c for c in CATALOG.all_claims if c.id == claim_id]
    return found


def _pages(claim: Claim) -> list[WebSource]:
    return [s for s in claim.sources if isinstance(s, WebSource)]


def _structural_sources() -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = []
    for deal in map(CATALOG.deal, FIELD):
        groups = [deal.sources, *(i.sources for i in deal.investors), *(t.sources for t in deal.tranches),
                  *(c.sources for c in deal.compute), *(s.sources for s in deal.spend),
                  *(m.sources for m in deal.milestones), *(r.sources for r in deal.relations)]
        out += [(deal.id, s) for group in groups for s in group]
    return out


def _readings(claim: Claim, page: WebSource) -> list[tuple[str, str, str]]:
    return [(f.kind, f.value_text, f.qualifier.value) for f in extract(page.quote, reference=page.published)]


def _read_sources() -> list[Any]:
    return [
        pytest.param(c, page, id=f"{c.id}:{i}")
        for c in FIELD_CLAIMS if c.id not in DATELINE
        for i, page in enumerate(_pages(c))
    ]


class TestTheField:
    def test_at_least_twenty_deals(self) -> None:
        assert len(FIELD) >= 30
        for deal_id in FIELD:
            deal = CATALOG.deal(deal_id)  # built from its claims: it validates
            assert CATALOG.best(deal_id, "announced") is not None, deal_id
            assert deal.compute or deal.spend or deal.investment is not None, f"{deal_id} states no figure"

    def test_the_files_validate(self, capsys: pytest.CaptureFixture[str]) -> None:
        from dealkit.catalog import builtin_dir

        assert main(["validate", str(builtin_dir("field"))]) == EXIT_OK
        count = len(list(builtin_dir("field").glob("*.toml")))
        assert capsys.readouterr().out == f"{count} files valid\n"

    def test_no_unresolved_conflict(self) -> None:
        unresolved = [f for f in check_consistency(CATALOG) if f.is_conflict and not f.resolved]
        assert unresolved == []


class TestSources:
    def test_every_claim_cites_web_pages_only(self) -> None:
        for c in FIELD_CLAIMS:
            assert c.sources and all(isinstance(s, WebSource) for s in c.sources), c.id

    @pytest.mark.parametrize("claim", FIELD_CLAIMS, ids=lambda c: c.id)
    def test_no_quote_longer_than_ten_words(self, claim: Claim) -> None:
        for page in _pages(claim):
            assert 1 <= len(page.quote.split()) <= 10, f"{claim.id}: {page.quote!r}"

    def test_no_structural_quote_longer_than_ten_words(self) -> None:
        found = _structural_sources()
        assert found  # the pact's and the consortia's investors are sourced
        for deal_id, s in found:
            assert isinstance(s, WebSource) and len(s.quote.split()) <= 10, deal_id

    def test_every_page_names_url_publisher_and_dates(self) -> None:
        pages = [p for c in FIELD_CLAIMS for p in _pages(c)] + [s for _, s in _structural_sources()]
        for page in pages:
            assert page.url.startswith(("https://", "http://")) and " " not in page.url
            assert page.publisher.strip()
            assert page.retrieved == RETRIEVED
            assert page.published is None or page.published.last <= RETRIEVED.last
        dated = sum(p.published is not None for p in pages)
        assert dated / len(pages) > 0.6  # most pages give their date

    def test_the_record_of_checked_pages_is_the_catalogs(self) -> None:
        # SOURCES.md, beside the files, lists every page cited with the quotes found on it when it was checked.
        # It stays in the source tree (the wheel leaves it out), so it is read from there, not the installed package.
        from tests.conftest import PROJECT_ROOT

        text = (PROJECT_ROOT / "src" / "dealkit" / "catalog" / "builtin" / "field" / "SOURCES.md").read_text(
            encoding="utf-8"
        )
        recorded: dict[str, tuple[str, str, set[str]]] = {}
        for line in text.split("\n## ")[0].splitlines():
            if line.startswith("| <"):
                url, publisher, published, quotes = (cell.strip() for cell in line.strip("| ").split(" | "))
                recorded[url.strip("<>")] = (publisher, published, set(re.findall("\u201c([^\u201d]*)\u201d", quotes)))
        cited: dict[str, tuple[str, str, set[str]]] = {}
        for page in [p for c in FIELD_CLAIMS for p in _pages(c)] + [s for _, s in _structural_sources()]:
            date = "\u2013" if page.published is None else str(page.published)
            cited.setdefault(page.url, (page.publisher, date, set()))[2].add(page.quote)
        assert recorded == cited

    def test_every_commitment_of_compute_is_sourced_and_names_its_chips(self) -> None:
        # As in the seed part: a page says what is built or supplied, in words that name each chip, and a page
        # names the deal itself.
        for deal in map(CATALOG.deal, FIELD):
            assert deal.sources, deal.id
            for c in deal.compute:
                assert c.sources, (deal.id, c.name)
                quoted = " ".join(s.quote for s in c.sources)
                for chip in c.chips:
                    assert chip in quoted, (deal.id, c.name, chip)

    def test_every_spend_commitment_but_the_listed_is_sourced_and_names_what_it_covers(self) -> None:
        # As in the seed part: a page says what the spend buys, in words that hold each covered item.
        unsourced: set[tuple[str, str]] = set()
        for deal in map(CATALOG.deal, FIELD):
            for x in deal.spend:
                if not x.sources:
                    unsourced.add((deal.id, x.name))
                    continue
                quoted = " ".join(s.quote for s in x.sources)
                for item in x.covers:
                    assert item in quoted, (deal.id, x.name, item)
        assert unsourced == SPEND_WITHOUT_SOURCE

    def test_every_milestone_relation_and_condition_is_sourced(self) -> None:
        # As in the seed part: when things happen, how deals relate, and what a tranche waits for.
        for deal in map(CATALOG.deal, FIELD):
            for m in deal.milestones:
                assert m.sources, (deal.id, m.name)
            for r in deal.relations:
                assert r.sources, (deal.id, r.kind, r.deal)
            for t in [*deal.tranches, *(t for i in deal.investors for t in i.tranches)]:
                assert t.sources or not t.condition, (deal.id, t.name)

    def test_every_deal_has_a_dated_claim(self) -> None:
        for deal_id in FIELD:
            assert any(c.published is not None for c in CATALOG.claims_about_deal(deal_id)), deal_id


class TestQuotesReadBack:
    """``extract(quote)`` finds each claim's figure: same kind, value text, qualifier and bounds."""

    @pytest.mark.parametrize(("claim", "page"), _read_sources())
    def test_the_reader_gets_the_claim_from_the_words(self, claim: Claim, page: WebSource) -> None:
        readings = _readings(claim, page)
        assert (claim.kind, claim.value_text, claim.qualifier.value) in readings, (
            f"{claim.id}: {page.quote!r} reads as {readings}, not {claim.qualifier.value} {claim.value_text}"
        )
        estimates = [f.value for f in extract(page.quote, reference=page.published) if f.kind == claim.kind]
        assert claim.value in estimates

    @pytest.mark.parametrize("claim_id", sorted(DATELINE))
    def test_a_dateline_date_holds_the_pages_date(self, claim_id: str) -> None:
        claim = _claim(claim_id)
        assert claim.property == "announced" and "dateline" in claim.note
        day = claim.value.value
        assert isinstance(day, PartialDate)
        published = [p.published for p in _pages(claim) if p.published is not None]
        assert published and all(day.first <= p.first and p.last <= day.last for p in published)

    def test_the_dateline_list_is_every_undated_announcement(self) -> None:
        # Every other announcement date is stated by the words themselves.
        by_words = {c.id for c in FIELD_CLAIMS if c.property == "announced" and c.id not in DATELINE}
        assert by_words and all(c.endswith("-announced") for c in by_words | DATELINE)
        assert {c.id for c in FIELD_CLAIMS if "dateline" in c.note and c.property == "announced"} == DATELINE


def usd(billions: str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(billions) * B, "USD")


#: A sample of figures written out by hand, with the words of the quote that state them.
SAMPLE: list[tuple[str, str, Estimate[Any]]] = [
    ("oo25-capacity", "4.5 gigawatts", Estimate.exact(Power("4.5", "GW"))),
    ("oo25-spend", "$300 billion", Estimate.exact(usd("300"))),
    ("no25-capacity", "at least 10 gigawatts", Estimate.at_least(Power(10, "GW"))),
    ("no25-investment", "up to $100 billion", Estimate.at_most(usd("100"))),
    ("ao25-capacity", "6 gigawatt", Estimate.exact(Power(6, "GW"))),
    ("mna25-nvidia", "up to $10 billion", Estimate.at_most(usd("10"))),
    ("mna25-microsoft", "up to $5 billion", Estimate.at_most(usd("5"))),
    ("mna25-capacity", "up to 1 gigawatt", Estimate.at_most(Power(1, "GW"))),
    ("of26-amazon", "$50 billion", Estimate.exact(usd("50"))),
    ("of26-amazon-conditional", "$35 billion", Estimate.exact(usd("35"))),
    ("mi25-capacity", "roughly 200 MW", Estimate.approximately(Power(200, "MW"), low=Power(180, "MW"), high=Power(220, "MW"))),
    ("oc26-spend", "over $10 billion", Estimate.at_least(usd("10"))),
    ("oc26-capacity", "up to 750 megawatts", Estimate.at_most(Power(750, "MW"))),
    ("bo25-complete", "by end of 2029", Estimate.at_most(PartialDate.parse("2029-12"))),
    ("oa25-term", "7-year", Estimate.exact(Duration(7, "year"))),
    ("mh25-blackrock", "more than 3 billion US dollars", Estimate.at_least(usd("3"))),
    ("sn25-capacity", "230MW", Estimate.exact(Power(230, "MW"))),
    ("vo25-capacity", "1.4-gigawatt", Estimate.exact(Power("1.4", "GW"))),
    ("aa25-investment", "$40 billion", Estimate.exact(usd("40"))),
    ("ca24-capacity", "1.2 gigawatt", Estimate.exact(Power("1.2", "GW"))),
]


class TestSampleByHand:
    @pytest.mark.parametrize(("claim_id", "words", "expected"), SAMPLE, ids=[s[0] for s in SAMPLE])
    def test_the_figure_and_its_words(self, claim_id: str, words: str, expected: Estimate[Any]) -> None:
        claim = _claim(claim_id)
        assert claim.value == expected
        assert any(words in page.quote for page in _pages(claim)), f"{words!r} is not in a quote of {claim_id}"
        # The number as written reads as the figure (its qualifier words included).
        assert expected in [f.value for f in extract(words)]

    def test_dates_said_by_weekday(self) -> None:
        # "yesterday" on a page of 2025-09-09; "on Tuesday" on one of 2025-07-22 (a Tuesday).
        assert _claim("mn25-announced").value == Estimate.exact(PartialDate.parse("2025-09-08"))
        assert _claim("oo25-announced").value == Estimate.exact(PartialDate.parse("2025-07-22"))
        assert _claim("oa25-announced").value == Estimate.exact(PartialDate.parse("2025-11-03"))  # "Monday", page of 11-04


class TestDisagreementsAreRanked:
    def test_a_deprecated_claim_says_why(self) -> None:
        for claim_id in ("bo25-reported-value",):
            claim = _claim(claim_id)
            assert claim.rank is Rank.DEPRECATED and claim.note

    def test_readings_beside_the_headline_are_normal(self) -> None:
        assert _claim("mn25-spend-ceiling").rank is Rank.NORMAL  # up to $19.4B beside the $17.4B contract
        assert _claim("mn25-spend").rank is Rank.PREFERRED
        assert CATALOG.deal("microsoft-nebius-2025").spend[0].amount == Estimate.exact(usd("17.4"))

    def test_conflicts_of_meaning_are_recorded(self) -> None:
        ids = {c.id for c in CATALOG.conflicts}
        assert {"oo25-yearly-value", "no25-intent-or-investment"} <= ids


class TestMultiParty:
    def test_the_three_way_pact(self) -> None:
        deal = CATALOG.deal("microsoft-nvidia-anthropic-2025")
        assert [(i.party, i.investee, i.amount) for i in deal.investors] == [
            ("nvidia", "anthropic", Estimate.at_most(usd("10"))),
            ("microsoft", "anthropic", Estimate.at_most(usd("5"))),
        ]
        assert deal.investment == Estimate.at_most(usd("15"))  # 10 + 5
        [spend] = deal.spend
        assert (spend.payer, spend.payee, spend.amount) == ("anthropic", "microsoft", Estimate.exact(usd("30")))
        [compute] = deal.compute
        assert (compute.provider, compute.recipient, compute.capacity) == ("microsoft", "anthropic", Estimate.at_most(Power(1, "GW")))
        assert all(i.sources for i in deal.investors)  # each investor's part is sourced

    def test_the_consortium_round(self) -> None:
        deal = CATALOG.deal("openai-funding-2026")
        amounts = {i.party: i.amount for i in deal.investors}
        assert amounts == {
            "amazon": Estimate.exact(usd("50")), "softbank": Estimate.exact(usd("30")), "nvidia": Estimate.exact(usd("30")),
        }
        assert deal.investment == Estimate.exact(usd("110"))  # 50 + 30 + 30
        assert [(t.name, t.amount) for t in deal.tranches] == [
            ("amazon-initial", Estimate.exact(usd("15"))), ("amazon-conditional", Estimate.exact(usd("35"))),
        ]  # 15 + 35 = Amazon's 50

    def test_consortia_of_four(self) -> None:
        for deal_id, members in [
            ("stargate-project-2025", {"softbank", "openai", "oracle", "mgx"}),
            ("meta-blueowl-hyperion-2025", {"blue-owl", "meta", "pimco", "blackrock"}),
            ("aip-2024", {"blackrock", "gip", "microsoft", "mgx"}),
        ]:
            assert {i.party for i in CATALOG.deal(deal_id).investors} == members

    def test_histories(self) -> None:
        assert [(r.kind, r.deal) for r in CATALOG.deal("openai-aws-expansion-2026").relations] == [
            ("extends", "openai-aws-2025")
        ]
        assert [(r.kind, r.deal) for r in CATALOG.deal("microsoft-openai-2025").relations] == [
            ("follows", "microsoft-openai-2023")
        ]


class TestNoFigureWithoutASource:
    def test_every_figure_of_every_deal_comes_from_a_sourced_claim(self) -> None:
        for deal_id in FIELD:
            deal = CATALOG.deal(deal_id)
            props = ["announced"]
            props += ["investment"] if deal.investment is not None else []
            props += ["valuation"] if deal.valuation is not None else []
            props += [f"investor.{i.party}.amount" for i in deal.investors if i.amount is not None]
            props += [f"tranche.{t.name}.amount" for t in deal.tranches]
            props += [f"compute.{c.name}.capacity" for c in deal.compute]
            props += [f"spend.{s.name}.amount" for s in deal.spend]
            props += [f"spend.{s.name}.term" for s in deal.spend if s.term is not None]
            props += [f"milestone.{m.name}.date" for m in deal.milestones]
            for prop in props:
                best = CATALOG.best(deal_id, prop)
                assert best is not None and _pages(best), f"{deal_id} {prop}"

    def test_every_compared_figure_names_its_claims(self) -> None:
        claim_ids = {c.id for c in CATALOG.all_claims}
        for row in compare(CATALOG, FIELD):
            for metric in (row.capacity, row.investment, row.spend, row.money_per_gw, row.spend_per_year,
                           row.first_capacity):
                if metric is not None:
                    assert metric.claims and set(metric.claims) <= claim_ids
                    assert all(s.startswith("http") for s in metric.sources)


class TestAcrossTheField:
    def test_as_of_every_deal(self) -> None:
        before = {v.deal_id: v for v in as_of_deals(CATALOG, "2026-01-01", FIELD)}
        after = {v.deal_id: v for v in as_of_deals(CATALOG, "2027-01-01", FIELD)}
        assert set(before) == set(after) == set(FIELD)
        # AMD's first gigawatt for OpenAI comes in the second half of 2026.
        assert before["amd-openai-2025"].item("milestone.first-gigawatt").certainty is Certainty.NO
        assert after["amd-openai-2025"].item("milestone.first-gigawatt").certainty is Certainty.CERTAINLY
        # Meta's AMD deal was not yet signed on 2026-01-01 (February 2026).
        assert before["meta-amd-2026"].item("compute.instinct").certainty is Certainty.NO
        # Amazon's conditional $35B is only ever possibly unlocked.
        assert after["openai-funding-2026"].unlocked() == Estimate.exact(usd("15"))
        assert after["openai-funding-2026"].unlocked(Certainty.POSSIBLY) == Estimate.exact(usd("50"))

    def test_the_command(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["asof", "2027-01-01", "--part", "field"]) == EXIT_OK
        lines = capsys.readouterr().out.splitlines()
        row = next(line.split() for line in lines if line.startswith("amd-openai-2025 "))
        assert row == ["amd-openai-2025", "certainly", "-", "-", "certainly"]
