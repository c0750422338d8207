"""The built-in catalog against the five source articles.

Every quote must stand verbatim in the article it cites, and the library's
own readers must get the claim's value and qualifier back from the quote.  A
few claims are derived from their quote by a step no parser takes; each is
listed in ``DERIVED`` with its reason and checked by hand below.  The key
figures of the headline deal are asserted from values written out by hand
from the articles, not read back from the catalog's own text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import dealkit
from dealkit import (
    Claim,
    CurrencyAmount,
    Duration,
    Estimate,
    PartialDate,
    Power,
    Qualifier,
    Rank,
    Source,
)
from dealkit.extraction import extract, parse_multiple

CATALOG = dealkit.builtin_catalog()
#: The claims of the seed part: those sourced to the seed articles.
SEED_CLAIMS = [c for c in CATALOG.all_claims if c.files]
HEADLINE = "amazon-anthropic-2026"

A000 = "000_6b64170c99e716e7.txt"
A001 = "001_fe4425cdedf7fed9.txt"
A002 = "002_71c77df9dbb0c619.txt"
A003 = "003_b3e8a3f95ec0a1cf.txt"
A004 = "004_481d9e1685682065.txt"

#: Sources whose quote states the figure only through a step no parser takes:
#: (claim id, quote) -> why.  Each is checked by hand in TestDerivedClaims.
#: "announced Monday" (against the announcement day) and "dozens of frontier-scale models"
#: (at least two dozen) are read by ``extract`` itself and need no entry.
DERIVED: dict[tuple[str, str], str] = {
    ("ao26-announced", "just two months after"): (
        "002 dates the OpenAI deal two months before the Anthropic deal of 2026-04-20: 2026-04 minus two months"
        " (the article's 'The move comes just two months after' is read as that date; the quote alone is not)"
    ),
}


def _usd(billions: str) -> CurrencyAmount:
    """An amount in USD written by hand in billions (no text parsing involved)."""
    return CurrencyAmount(Decimal(billions) * 10**9, "USD")


def _reference(claim: Claim) -> PartialDate | None:
    """The date a quote is read against: the announcement of the deal it is about."""
    if claim.subject in CATALOG.deal_ids():
        return CATALOG.deal(claim.subject).announced
    return None


def _sources() -> list[Any]:
    return [
        pytest.param(c, s.file, s.quote, id=f"{c.id}:{s.file[:3]}:{s.quote}")
        for c in CATALOG.all_claims
        for s in c.sources
        if isinstance(s, Source)  # the seed articles; web pages are checked in test_catalog_field.py
    ]


def _parsed_sources() -> list[Any]:
    return [p for p in _sources() if (p.values[0].id, p.values[2]) not in DERIVED]


def _claim(claim_id: str) -> Claim:
    found = [c for c in CATALOG.all_claims if c.id == claim_id]
    assert len(found) == 1, f"no single claim {claim_id!r}"
    return found[0]


class TestQuotesAreVerbatim:
    @pytest.mark.parametrize(("claim", "file", "quote"), _sources())
    def test_quote_stands_in_the_cited_article(
        self, seed_texts: dict[str, str], claim: Claim, file: str, quote: str
    ) -> None:
        assert file in seed_texts, f"{claim.id} cites {file}, which is not one of the seed articles"
        assert quote in seed_texts[file], f"{claim.id}: {quote!r} is not verbatim in {file}"

    def test_every_article_is_cited(self, seed_texts: dict[str, str]) -> None:
        cited = {s.file for c in CATALOG.all_claims for s in c.sources if isinstance(s, Source)}
        assert cited == set(seed_texts)


class TestExtractorReadsEveryQuote:
    """``extract(quote)`` finds the claim's figure: same kind, value text and qualifier."""

    @pytest.mark.parametrize(("claim", "file", "quote"), _parsed_sources())
    def test_extract_finds_the_claims_figure(self, claim: Claim, file: str, quote: str) -> None:
        figures = extract(quote, reference=_reference(claim))
        readings = [(f.kind, f.value_text, f.qualifier) for f in figures]
        assert (claim.kind, claim.value_text, claim.qualifier) in readings, (
            f"{claim.id}: {quote!r} in {file} reads as {readings}, "
            f"not {claim.qualifier.value} {claim.value_text}"
        )

    @pytest.mark.parametrize(("claim", "file", "quote"), _parsed_sources())
    def test_extracted_bounds_equal_the_claims(self, claim: Claim, file: str, quote: str) -> None:
        # Stronger than the value text: an approximate figure's bounds agree too.
        estimates = [f.value for f in extract(quote, reference=_reference(claim)) if f.kind == claim.kind]
        assert claim.value in estimates

    @pytest.mark.parametrize(("claim_id", "quote"), sorted(DERIVED))
    def test_derived_quotes_are_not_read_as_the_claim(self, claim_id: str, quote: str) -> None:
        # If the reader ever learns these, the special case should go.
        claim = _claim(claim_id)
        readings = [(f.value_text, f.qualifier) for f in extract(quote, reference=_reference(claim))]
        assert (claim.value_text, claim.qualifier) not in readings

    def test_derived_table_names_real_sources(self) -> None:
        real = {(c.id, s.quote) for c in CATALOG.all_claims for s in c.sources}
        assert set(DERIVED) <= real

    @pytest.mark.parametrize(
        ("claim_id", "as_of"),
        [
            # The quote itself states the time the figure is as of.
            ("anthropic-run-rate-2025", "2025-12"),  # "at the end of 2025"
            ("anthropic-run-rate-2025-late", "2025-H2"),  # "in late 2025"
            ("amazon-capex-2026-flat", "2026"),  # "projection for 2026"
        ],
    )
    def test_dates_inside_quotes_are_the_as_of(self, claim_id: str, as_of: str) -> None:
        claim = _claim(claim_id)
        assert claim.as_of == PartialDate.parse(as_of)
        dates = [f.value.value for f in extract(claim.sources[0].quote) if f.kind == "date"]
        assert dates == [claim.as_of]


#: (claim id, a figure phrase cut verbatim from one of its quotes, the library parser for the bare value).
PHRASES: list[tuple[str, str, Callable[[str], Any]]] = [
    ("a26-announced", "April 20, 2026", PartialDate.parse),
    ("a26-investment", "up to $25 billion", CurrencyAmount.parse),
    ("a26-investment-001", "$5 billion", CurrencyAmount.parse),
    ("a26-investment-option-001", "$25 billion", CurrencyAmount.parse),
    ("a26-tranche-immediate", "$5 billion", CurrencyAmount.parse),
    ("a26-tranche-immediate-001", "up to $4 billion", CurrencyAmount.parse),
    ("a26-tranche-milestone", "$20 billion", CurrencyAmount.parse),
    ("a26-valuation", "$380 billion", CurrencyAmount.parse),
    ("a26-compute", "up to 5 gigawatts", Power.parse),
    ("a26-compute-flat", "5GW", Power.parse),
    ("a26-spend", "more than $100 billion", CurrencyAmount.parse),
    ("a26-spend-flat", "$100B", CurrencyAmount.parse),
    ("a26-spend-term", "10 years", Duration.parse),
    ("a26-funding-horizon", "at least a decade", Duration.parse),
    ("a26-trainium2-online", "Q2 2026", PartialDate.parse),
    ("a26-year-end-capacity", "nearly 1GW", Power.parse),
    ("a26-year-end-capacity-approx", "~1GW", Power.parse),
    ("a23-announced", "2023", PartialDate.parse),
    ("a23-investment", "$1.25 billion", CurrencyAmount.parse),
    ("amazon-prior-stake", "$8 billion", CurrencyAmount.parse),
    ("ao26-investment", "up to $50 billion", CurrencyAmount.parse),
    ("ao26-investment-flat", "$50B", CurrencyAmount.parse),
    ("anthropic-run-rate-2026", "surpassed $30 billion", CurrencyAmount.parse),
    ("anthropic-run-rate-2026-flat", "$30B", CurrencyAmount.parse),
    ("anthropic-run-rate-2025", "approximately $9 billion", CurrencyAmount.parse),
    ("anthropic-run-rate-2025-late", "$9B", CurrencyAmount.parse),
    ("anthropic-growth", "3x", parse_multiple),
    ("anthropic-growth-period", "single quarter", Duration.parse),
    ("amazon-capex-2026", "roughly $200 billion", CurrencyAmount.parse),
    ("amazon-capex-2026-flat", "$200 billion", CurrencyAmount.parse),
    ("training-cluster-power", "30–50 megawatts", Power.parse),
]


class TestParsersReadPhrases:
    """The same check through the parsers directly: ``Estimate.parse(phrase, <value parser>)``."""

    @pytest.mark.parametrize(("claim_id", "phrase", "parse"), PHRASES, ids=[p[0] for p in PHRASES])
    def test_parser_reads_the_claim(self, claim_id: str, phrase: str, parse: Callable[[str], Any]) -> None:
        claim = _claim(claim_id)
        assert any(phrase in s.quote for s in claim.sources), f"{phrase!r} is not cut from a quote of {claim_id}"
        estimate = Estimate.parse(phrase, parse)
        assert estimate.qualifier is claim.qualifier
        assert estimate == claim.value

    def test_year_end_reads_against_the_announcement(self) -> None:
        claim = _claim("a26-year-end-date")
        announced = CATALOG.deal(HEADLINE).announced
        assert "by year-end" in claim.sources[0].quote
        assert Estimate.at_most(PartialDate.parse("year-end", reference=announced)) == claim.value

    def test_every_parsed_claim_has_a_phrase(self) -> None:
        # Claims whose every source is derived have no phrase a parser reads.
        derived = {c.id for c in SEED_CLAIMS if all((c.id, s.quote) in DERIVED for s in c.sources)}
        # "dozens of ..." has no value parser: only extract reads it (TestExtractorReadsEveryQuote).
        covered = {p[0] for p in PHRASES} | {"a26-year-end-date", "a26-frontier-models"}
        assert {c.id for c in SEED_CLAIMS} - derived == covered


class TestDerivedClaims:
    """The hand-checked special cases of ``DERIVED``."""

    def test_announced_monday_is_april_20(self, seed_texts: dict[str, str]) -> None:
        assert dt.date(2026, 4, 20).weekday() == 0  # Monday
        assert "announced Monday" in seed_texts[A003]
        assert "On April 20, 2026" in seed_texts[A002]
        claim = _claim("a26-announced")
        assert claim.value == Estimate.exact(PartialDate.of_day(2026, 4, 20))
        assert claim.files == (A002, A003)

    def test_openai_deal_two_months_before(self, seed_texts: dict[str, str]) -> None:
        assert "just two months after Amazon committed up to $50 billion to rival OpenAI" in seed_texts[A002]
        two_months = [f.value.value for f in extract("just two months after")]
        assert two_months == [Duration(2, "month")]
        # 2026-04 minus two months, to the month: the text gives no day.
        assert PartialDate.of_month(2026, 4).shifted_months(-2) == PartialDate.of_month(2026, 2)
        claim = _claim("ao26-announced")
        assert claim.value == Estimate.exact(PartialDate.of_month(2026, 2))
        assert claim.note

    def test_dozens_is_at_least_two_dozen(self, seed_texts: dict[str, str]) -> None:
        assert "train dozens of frontier-scale models simultaneously" in seed_texts[A002]
        claim = _claim("a26-frontier-models")
        assert claim.kind == "count"
        assert claim.value == Estimate.at_least(Decimal(2 * 12))
        assert claim.rank is not Rank.PREFERRED
        assert claim.note


class TestHeadlineDealByHand:
    """The key figures of amazon-anthropic-2026, written out from the articles."""

    deal = CATALOG.deal(HEADLINE)

    def test_announced(self) -> None:
        assert self.deal.announced == PartialDate.of_day(2026, 4, 20)

    def test_investment_is_up_to_25_billion(self) -> None:
        assert self.deal.investment == Estimate.at_most(_usd("25"))

    def test_tranches_5_now_and_20_against_milestones(self) -> None:
        assert self.deal.immediate == Estimate.exact(_usd("5"))
        assert self.deal.milestone_linked == Estimate.exact(_usd("20"))
        assert [t.kind for t in self.deal.tranches] == ["immediate", "milestone_linked"]
        assert self.deal.investment is not None
        total = self.deal.immediate + self.deal.milestone_linked
        assert total.high == self.deal.investment.high == _usd("25")

    def test_valuation_380_billion(self) -> None:
        assert self.deal.valuation == Estimate.exact(_usd("380"))

    def test_up_to_5_gw_of_new_compute(self) -> None:
        (compute,) = self.deal.compute
        assert compute.capacity == Estimate.at_most(Power(5, "GW"))
        assert (compute.provider, compute.recipient) == ("amazon", "anthropic")
        assert {"Trainium2", "Trainium3", "Trainium4"} <= set(compute.chips)

    def test_more_than_100_billion_aws_spend_over_ten_years(self) -> None:
        (spend,) = self.deal.spend
        assert spend.amount == Estimate.at_least(_usd("100"))
        assert spend.term == Duration(10, "year")
        assert (spend.payer, spend.payee) == ("anthropic", "aws")

    def test_trainium2_online_in_q2_2026(self) -> None:
        m = {m.name: m for m in self.deal.milestones}["trainium2-online"]
        assert m.date == Estimate.exact(PartialDate.of_quarter(2026, 2))
        assert m.date.value.first == dt.date(2026, 4, 1)

    def test_nearly_1_gw_by_year_end(self) -> None:
        m = {m.name: m for m in self.deal.milestones}["year-end-capacity"]
        assert m.date == Estimate.at_most(PartialDate.of_month(2026, 12))
        assert m.capacity is not None
        assert m.capacity.qualifier is Qualifier.APPROXIMATELY
        assert m.capacity.value == Power(1, "GW")
        # "nearly": just under 1 GW, never above it.
        assert m.capacity.high == Power(1, "GW")
        assert m.capacity.low == Power(Decimal("0.9"), "GW")

    def test_article_001_conflict_is_kept_deprecated(self) -> None:
        deprecated = {
            c.property: c for c in CATALOG.claims(HEADLINE, rank=Rank.DEPRECATED)
        }
        assert set(deprecated) == {"investment", "tranche.immediate.amount"}
        assert deprecated["investment"].value == Estimate.exact(_usd("5"))
        assert deprecated["tranche.immediate.amount"].value == Estimate.at_most(_usd("4"))
        for claim in deprecated.values():
            assert claim.files == (A001,)
            assert "001" in claim.note
        # Deprecated claims never make it into the typed deal.
        assert self.deal.investment == Estimate.at_most(_usd("25"))
        assert self.deal.immediate == Estimate.exact(_usd("5"))

    def test_article_001_states_the_conflict(self, seed_texts: dict[str, str]) -> None:
        text = seed_texts[A001]
        assert "a blockbuster $5 billion investment" in text
        assert "invest up to $4 billion in Anthropic" in text


class TestOtherFiguresByHand:
    def test_2023_deal(self) -> None:
        deal = CATALOG.deal("amazon-anthropic-2023")
        assert deal.announced == PartialDate.of_year(2023)
        assert deal.investment == Estimate.exact(_usd("1.25"))
        assert (deal.investor, deal.investee) == ("amazon", "anthropic")

    def test_8_billion_prior_stake(self) -> None:
        claim = CATALOG.best("amazon", "investment_in_anthropic.before_2026")
        assert claim is not None
        assert claim.value == Estimate.exact(_usd("8"))
        assert set(claim.files) == {A000, A002}

    def test_amazon_openai_up_to_50_billion(self) -> None:
        deal = CATALOG.deal("amazon-openai-2026")
        assert deal.announced == PartialDate.of_month(2026, 2)
        assert deal.investment == Estimate.at_most(_usd("50"))
        assert (deal.investor, deal.investee) == ("amazon", "openai")

    def test_anthropic_run_rate_revenue(self) -> None:
        now = CATALOG.best("anthropic", "revenue.run_rate", as_of=PartialDate.of_month(2026, 4))
        before = CATALOG.best("anthropic", "revenue.run_rate", as_of=PartialDate.of_month(2025, 12))
        assert now is not None and before is not None
        assert now.value == Estimate.at_least(_usd("30"))
        assert before.value == Estimate.approximately(_usd("9"))
        assert now.rank is before.rank is Rank.PREFERRED

    def test_three_fold_growth(self) -> None:
        claim = CATALOG.best("anthropic", "revenue.growth")
        assert claim is not None
        assert claim.kind == "multiple"
        assert claim.value == Estimate.exact(Decimal(3))
        # $30B over about $9B is about 3.3: "3x" is the article's rounding.
        assert (_usd("30") / _usd("9")).quantize(Decimal("0.1")) == Decimal("3.3")

    def test_amazon_capex_about_200_billion_in_2026(self) -> None:
        claim = CATALOG.best("amazon", "capex")
        assert claim is not None
        assert claim.value == Estimate.approximately(_usd("200"))
        assert claim.as_of == PartialDate.of_year(2026)

    def test_training_cluster_30_to_50_mw(self) -> None:
        claim = CATALOG.best("large-training-cluster", "power")
        assert claim is not None
        assert claim.value == Estimate.between(Power(30, "MW"), Power(50, "MW"))
        assert claim.value_text == "30 MW .. 50 MW"
