"""The built-in catalog against the five source articles.

Every quote must stand verbatim in the article it cites (the quotes of claims
and those of structural facts: deals, investors, tranches, commitments,
milestones, relations), and the library's own readers must get each read
claim's value and qualifier back from its quote.  A derived claim says so
(``derived``: its rule, words and inputs); each is checked by hand against its
rule below.  The key figures of the headline deal and of the Amazon-Anthropic
history are asserted from values written out by hand from the articles, not
read back from the catalog's own text.
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
from dealkit.extraction import extract

CATALOG = dealkit.builtin_catalog()
#: The claims of the seed part: those sourced to the seed articles.
SEED_CLAIMS = [c for c in CATALOG.all_claims if c.files]
#: The field part's claims (sourced to web pages; checked in test_catalog_field.py).
FIELD_CLAIMS = [c for c in CATALOG.all_claims if not c.files]
HEADLINE = "amazon-anthropic-2026"

A000 = "000_6b64170c99e716e7.txt"
A001 = "001_fe4425cdedf7fed9.txt"
A002 = "002_71c77df9dbb0c619.txt"
A003 = "003_b3e8a3f95ec0a1cf.txt"
A004 = "004_481d9e1685682065.txt"

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
    # A derived claim is checked against its rule (TestDerivedClaims), not against a reader.
    return [p for p in _sources() if not p.values[0].is_derived]


def _structural_sources() -> list[Any]:
    """Every source of a structural fact: (where, file, quote)."""
    out = []
    for shape in CATALOG.shapes:
        deal = CATALOG.deal(shape.id)
        items: list[tuple[str, tuple[dealkit.Source | dealkit.WebSource, ...]]] = [(deal.id, deal.sources)]
        items += [(f"{deal.id}:investor:{i.party}", i.sources) for i in deal.investors]
        items += [(f"{deal.id}:tranche:{t.name}", t.sources) for t in deal.tranches]
        items += [(f"{deal.id}:compute:{c.name}", c.sources) for c in deal.compute]
        items += [(f"{deal.id}:spend:{x.name}", x.sources) for x in deal.spend]
        items += [(f"{deal.id}:milestone:{m.name}", m.sources) for m in deal.milestones]
        items += [(f"{deal.id}:{r.kind}:{r.deal}", r.sources) for r in deal.relations]
        out += [pytest.param(where, src.file, src.quote, id=f"{where}:{src.file[:3]}:{src.quote}")
                for where, sources in items for src in sources
                if isinstance(src, Source)]  # web pages: test_catalog_field.py
    return out


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

    @pytest.mark.parametrize(("where", "file", "quote"), _structural_sources())
    def test_structural_quote_stands_in_the_cited_article(
        self, seed_texts: dict[str, str], where: str, file: str, quote: str
    ) -> None:
        assert file in seed_texts, f"{where} cites {file}, which is not one of the seed articles"
        assert quote in seed_texts[file], f"{where}: {quote!r} is not verbatim in {file}"

    def test_every_structural_fact_is_sourced(self) -> None:
        # Who takes part, chips, what spending covers, tranche conditions, milestones and relations.
        for deal in map(CATALOG.deal, CATALOG.deal_ids("seed")):
            assert deal.sources, deal.id
            for t in deal.tranches:
                assert t.sources or not t.condition, (deal.id, t.name)
            for c in deal.compute:
                assert c.sources, (deal.id, c.name)
            for x in deal.spend:
                assert x.sources, (deal.id, x.name)
            for m in deal.milestones:
                assert m.sources, (deal.id, m.name)
            for r in deal.relations:
                assert r.sources, (deal.id, r.deal)

    def test_each_chip_is_named_by_a_source(self) -> None:
        for deal in map(CATALOG.deal, CATALOG.deal_ids("seed")):
            for c in deal.compute:
                quoted = " ".join(s.quote for s in c.sources)
                for chip in c.chips:
                    # "Trainium2/Trainium3" names both; "Trainium and Inferentia" names Inferentia.
                    assert chip in quoted, (c.name, chip)
            for x in deal.spend:
                quoted = " ".join(s.quote for s in x.sources)
                for item in x.covers:
                    assert item in quoted, (x.name, item)

    def test_derivation_words_stand_in_a_source_quote(self) -> None:
        for claim in CATALOG.all_claims:
            if claim.derived is not None:
                assert any(claim.derived.words in s.quote for s in claim.sources), claim.id


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

    @pytest.mark.parametrize("claim_id", ["ao26-announced", "ap-announced", "a26-investment-option-001",
                                          "anthropic-growth", "a26-investment-004"])
    def test_derived_words_alone_do_not_give_the_claim(self, claim_id: str) -> None:
        # These need their rule (and inputs): reading the words alone gives something else.
        claim = _claim(claim_id)
        assert claim.derived is not None
        readings = [(f.value_text, f.qualifier) for f in extract(claim.derived.words, reference=_reference(claim))]
        assert (claim.value_text, claim.qualifier) not in readings

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
    ("a26-tranche-immediate", "$5 billion", CurrencyAmount.parse),
    ("a26-tranche-immediate-001", "up to $4 billion", CurrencyAmount.parse),
    ("a26-tranche-milestone", "$20 billion", CurrencyAmount.parse),
    ("a26-valuation", "$380 billion", CurrencyAmount.parse),
    ("a26-compute", "up to 5 gigawatts", Power.parse),
    ("a26-compute-flat", "5GW", Power.parse),
    ("a26-spend", "more than $100 billion", CurrencyAmount.parse),
    ("a26-spend-000", "more than $100 billion", CurrencyAmount.parse),
    ("a26-spend-flat", "$100B", CurrencyAmount.parse),
    ("a26-spend-term", "10 years", Duration.parse),
    ("a26-funding-horizon", "at least a decade", Duration.parse),
    ("a26-trainium2-online", "Q2 2026", PartialDate.parse),
    ("a26-year-end-capacity", "nearly 1GW", Power.parse),
    ("a26-year-end-capacity-approx", "~1GW", Power.parse),
    ("a23-announced", "2023", PartialDate.parse),
    ("a23-investment", "$1.25 billion", CurrencyAmount.parse),
    ("ap-investment", "$8 billion", CurrencyAmount.parse),
    ("ap-investment-deployed", "$8 billion", CurrencyAmount.parse),
    ("ao26-investment", "up to $50 billion", CurrencyAmount.parse),
    ("ao26-investment-flat", "$50B", CurrencyAmount.parse),
    ("anthropic-run-rate-2026", "surpassed $30 billion", CurrencyAmount.parse),
    ("anthropic-run-rate-2026-flat", "$30B", CurrencyAmount.parse),
    ("anthropic-run-rate-2025", "approximately $9 billion", CurrencyAmount.parse),
    ("anthropic-run-rate-2025-late", "$9B", CurrencyAmount.parse),
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

    def test_every_read_claim_has_a_phrase(self) -> None:
        read = {c.id for c in SEED_CLAIMS if not c.is_derived}
        covered = {p[0] for p in PHRASES} | {"a26-year-end-date"}
        assert read == covered - {c.id for c in SEED_CLAIMS if c.is_derived}


class TestDerivedClaims:
    """Each derived claim against its rule, with the result worked out by hand."""

    #: Every derived claim of the built-in catalog and the rule it must name.
    RULES = {
        "a26-frontier-models": "count_word",
        "a26-investment-004": "count_word",
        "a26-year-end-capacity": "nearly",
        "ao26-announced": "date_offset",
        "ap-announced": "enclosing_period",
        "a26-investment-option-001": "option_ceiling",
        "anthropic-growth": "rounded_ratio",
        "a26-silicon-roadmap": "decade_part",
        "a26-runway-decade": "reference_period",
    }

    def test_every_derived_claim_is_checked_here(self) -> None:
        derived = {c.id: c.derived.rule for c in CATALOG.all_claims if c.derived is not None}
        assert derived == self.RULES

    def test_each_qualifier_is_one_its_rule_supports(self) -> None:
        supported = {
            "count_word": {Qualifier.AT_LEAST}, "nearly": {Qualifier.APPROXIMATELY},
            "enclosing_period": {Qualifier.EXACT}, "option_ceiling": {Qualifier.AT_MOST},
            "rounded_ratio": {Qualifier.APPROXIMATELY}, "decade_part": {Qualifier.RANGE},
            "reference_period": {Qualifier.EXACT},
            "date_offset": {Qualifier.EXACT, Qualifier.RANGE, Qualifier.AT_MOST, Qualifier.AT_LEAST},
        }
        for claim_id, rule in self.RULES.items():
            assert _claim(claim_id).qualifier in supported[rule], claim_id

    def test_announced_monday_is_april_20(self, seed_texts: dict[str, str]) -> None:
        # Read, not derived: the reader dates "Monday" against the announcement.
        assert dt.date(2026, 4, 20).weekday() == 0  # Monday
        assert "announced Monday" in seed_texts[A003]
        assert "On April 20, 2026" in seed_texts[A002]
        claim = _claim("a26-announced")
        assert claim.value == Estimate.exact(PartialDate.of_day(2026, 4, 20))
        assert claim.files == (A002, A003)
        assert not claim.is_derived

    def test_openai_deal_two_months_before(self, seed_texts: dict[str, str]) -> None:
        assert "just two months after Amazon committed up to $50 billion to rival OpenAI" in seed_texts[A002]
        claim = _claim("ao26-announced")
        assert claim.derived is not None
        assert claim.derived.inputs == ("a26-announced",)
        assert [f.value.value for f in extract(claim.derived.words)] == [Duration(2, "month")]
        # 2026-04-20 less two months is 2026-02-20; the offset is in months, so the month is as precise as it gets.
        assert PartialDate.of_month(2026, 2).contains(dt.date(2026, 2, 20))
        assert claim.value == Estimate.exact(PartialDate.of_month(2026, 2))
        assert claim.value.value.first == dt.date(2026, 2, 1) and claim.value.value.last == dt.date(2026, 2, 28)

    def test_dozens_is_at_least_two_dozen(self, seed_texts: dict[str, str]) -> None:
        assert "train dozens of frontier-scale models simultaneously" in seed_texts[A002]
        claim = _claim("a26-frontier-models")
        assert claim.kind == "count"
        assert claim.value == Estimate.at_least(Decimal(2 * 12))
        assert claim.rank is not Rank.PREFERRED
        assert claim.derived is not None and claim.derived.words == "dozens of frontier-scale models"

    def test_billions_is_at_least_two_billion(self, seed_texts: dict[str, str]) -> None:
        assert "Amazon will invest billions more into Anthropic" in seed_texts[A004]
        claim = _claim("a26-investment-004")
        assert claim.value == Estimate.at_least(_usd("2"))
        assert claim.rank is Rank.NORMAL
        # "At least $2B" leaves room for the preferred "up to $25B".
        assert claim.value.compatible_with(Estimate.at_most(_usd("25")))

    def test_nearly_1_gw_has_a_derived_floor(self, seed_texts: dict[str, str]) -> None:
        assert "nearly 1GW of Trainium2/Trainium3 capacity by year-end" in seed_texts[A002]
        claim = _claim("a26-year-end-capacity")
        # Never above the stated 1 GW; the floor is the rule's 10 % below it: 1 - 0.1 = 0.9 GW.
        assert claim.value.high == Power(1, "GW")
        assert claim.value.low == Power(Decimal("0.9"), "GW")
        assert claim.qualifier is Qualifier.APPROXIMATELY

    def test_the_stake_before_2026_is_dated_by_the_decade(self) -> None:
        claim = _claim("ap-announced")
        assert claim.derived is not None and claim.derived.inputs == ("a23-announced", "a26-announced")
        # Committed from 2023 (001) until before 2026-04-20 (000): 2023-01-01 .. 2026-04-19.
        start, end = dt.date(2023, 1, 1), dt.date(2026, 4, 19)
        decade = PartialDate.of_decade(2023)
        assert decade.first <= start and end <= decade.last
        # No single year holds both ends, so the decade is the finest period that does.
        assert start.year != end.year
        assert claim.value == Estimate.exact(decade)
        assert str(claim.value.value) == "2020s"

    def test_an_option_to_raise_the_total_is_its_ceiling(self, seed_texts: dict[str, str]) -> None:
        assert "an option to increase its total investment to a staggering $25 billion" in seed_texts[A001]
        claim = _claim("a26-investment-option-001")
        assert claim.value == Estimate.at_most(_usd("25"))
        assert claim.rank is Rank.NORMAL

    def test_three_x_is_the_rounded_ratio_of_the_run_rates(self) -> None:
        claim = _claim("anthropic-growth")
        assert claim.derived is not None
        assert claim.derived.inputs == ("anthropic-run-rate-2026", "anthropic-run-rate-2025")
        # $30B / $9B = 3.33..., which the article rounds to 3x: approximately 3, with the default 10 %.
        ratio = Decimal(30) / Decimal(9)
        assert ratio.quantize(Decimal(1)) == 3
        assert claim.value == Estimate.approximately(Decimal(3))
        assert (claim.value.low, claim.value.high) == (Decimal("2.7"), Decimal("3.3"))


class TestConflictsOfMeaning:
    """What the articles mean, where the numbers alone do not show that they differ."""

    def test_001_reads_25_billion_as_the_total(self, seed_texts: dict[str, str]) -> None:
        (conflict,) = [c for c in CATALOG.conflicts if c.id == "a26-total-or-new"]
        assert conflict.kind == "meaning"
        assert set(conflict.claims) == {"a26-investment", "a26-investment-option-001"}
        assert conflict.prefer == "a26-investment" and conflict.resolved
        # The two readings, in the articles' own words.
        assert "increase its total investment to a staggering $25 billion" in seed_texts[A001]
        assert "expanding on the $8 billion it had already committed" in seed_texts[A000]
        assert "commits up to $25 billion more to Anthropic" in seed_texts[A002]
        # By hand: 001 caps Amazon's total at $25B; 000/002 give $8B + up to $25B = $8B .. $33B.
        # The bounds overlap ($8B .. $25B), so no comparison of values would flag it.
        total_001 = Estimate.at_most(_usd("25"))
        total_000 = Estimate.between(_usd("8"), _usd("33"))
        assert total_001.compatible_with(total_000)

    def test_two_initial_stakes(self, seed_texts: dict[str, str]) -> None:
        (conflict,) = [c for c in CATALOG.conflicts if c.id == "initial-stake"]
        assert conflict.kind == "meaning"
        assert set(conflict.claims) == {"a23-investment", "ap-investment"}
        assert "initial $1.25 billion investment" in seed_texts[A001]
        assert "initial $8 billion Anthropic stake" in seed_texts[A002]
        # Connected by the history: the $8B stake amends (restates) the 2023 line.
        before = CATALOG.deal("amazon-anthropic-before-2026")
        assert [(r.kind, r.deal) for r in before.relations] == [("amends", "amazon-anthropic-2023")]

    def test_every_deprecated_claim_is_in_a_recorded_conflict(self) -> None:
        recorded = {c for conflict in CATALOG.conflicts for c in conflict.claims}
        for claim in CATALOG.claims(rank=Rank.DEPRECATED):
            assert claim.id in recorded or claim in FIELD_CLAIMS, claim.id

    def test_recorded_conflicts(self) -> None:
        seed = {c.id for c in SEED_CLAIMS}
        assert {(c.id, c.kind) for c in CATALOG.conflicts if set(c.claims) <= seed} == {
            ("a26-total-or-new", "meaning"), ("a26-size-001", "value"), ("a26-immediate-001", "value"),
            ("a26-compute-secure-or-up-to", "meaning"), ("a26-year-end-nearly-or-about", "meaning"),
            ("initial-stake", "meaning"), ("anthropic-growth-rounded", "value"),
            ("stake-committed-or-deployed", "meaning"), ("a26-spend-associated", "meaning"),
            ("a26-horizon-the-or-a-decade", "meaning"),
        }

    def test_committed_or_deployed(self, seed_texts: dict[str, str]) -> None:
        (conflict,) = [c for c in CATALOG.conflicts if c.id == "stake-committed-or-deployed"]
        assert conflict.kind == "meaning" and conflict.prefer == "ap-investment"
        assert "the $8 billion it had already committed" in seed_texts[A000]
        assert "on top of the existing $8 billion already deployed" in seed_texts[A000]
        # The same $8B both ways: equal values, so only the record shows the difference of meaning.
        committed, deployed = _claim("ap-investment"), _claim("ap-investment-deployed")
        assert committed.value == deployed.value == Estimate.exact(_usd("8"))
        assert deployed.files == (A000,) and deployed.rank is Rank.NORMAL

    def test_associated_commitments(self, seed_texts: dict[str, str]) -> None:
        (conflict,) = [c for c in CATALOG.conflicts if c.id == "a26-spend-associated"]
        assert set(conflict.claims) == {"a26-spend", "a26-spend-000"} and conflict.prefer == "a26-spend"
        assert "more than $100 billion in associated commitments" in seed_texts[A000]
        # 000 names no payee for the $100B; the spending through Amazon's cloud it mentions has no figure.
        assert "committing to spend more through Amazon’s cloud infrastructure" in seed_texts[A000]
        assert "$100 billion on AWS" not in seed_texts[A000] and "spend more than $100" not in seed_texts[A000]
        assert _claim("a26-spend-000").value == _claim("a26-spend").value == Estimate.at_least(_usd("100"))

    def test_the_decade_or_a_decade(self, seed_texts: dict[str, str]) -> None:
        (conflict,) = [c for c in CATALOG.conflicts if c.id == "a26-horizon-the-or-a-decade"]
        assert conflict.prefer == "a26-funding-horizon"
        assert "compute runway for frontier model development through the decade" in seed_texts[A002]
        assert "robustly funded for at least a decade" in seed_texts[A002]
        runway, horizon = _claim("a26-runway-decade"), _claim("a26-funding-horizon")
        # "The decade" of a deal announced 2026-04-20: the 2020s, ending 2029-12-31.
        assert runway.derived is not None and runway.derived.inputs == ("a26-announced",)
        assert runway.value == Estimate.exact(PartialDate.of_decade(2026))
        assert runway.value.value.last == dt.date(2029, 12, 31)
        assert PartialDate.of_decade(2026).contains(CATALOG.deal(HEADLINE).announced)
        # "A decade" from then: at least ten years, to 2036-04-20 or later: over six years past the 2020s' end.
        assert horizon.value == Estimate.at_least(Duration(10, "year"))
        # 2029-12-31 .. 2035-12-31: six years and 2032's leap day; then 31 + 29 + 31 + 20 days of 2036.
        assert (dt.date(2036, 4, 20) - runway.value.value.last).days == 365 * 6 + 1 + 111


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

    def test_plain_5_gigawatts_is_sourced_in_every_article_that_writes_it(self, seed_texts: dict[str, str]) -> None:
        flat = _claim("a26-compute-flat")
        assert flat.value == Estimate.exact(Power(5, "GW"))
        assert set(flat.files) == {A000, A001, A002}
        assert "5 gigawatts of compute is an immense amount" in seed_texts[A001]

    def test_silicon_roadmap_into_the_late_2020s(self, seed_texts: dict[str, str]) -> None:
        assert "through Trainium4, locking in a silicon roadmap that extends well into the late 2020s" in seed_texts[A002]
        claim = _claim("a26-silicon-roadmap")
        # "Late" in a decade is a reading, not the article's words: derived, the last three years (7, 8, 9).
        assert claim.derived is not None
        assert (claim.derived.rule, claim.derived.words) == ("decade_part", "well into the late 2020s")
        assert claim.derived.words in claim.sources[0].quote
        assert claim.value == Estimate.between(PartialDate.of_year(2027), PartialDate.of_year(2029))
        # The extractor reads the same words the same way.
        assert [f.value for f in extract("the late 2020s") if f.kind == "date"] == [claim.value]
        # Within the 2020s, and certainly after the announcement.
        decade = PartialDate.of_decade(2020)
        assert claim.value.low is not None and claim.value.high is not None
        assert decade.contains(claim.value.low) and decade.contains(claim.value.high)
        assert self.deal.announced < claim.value.low

    def test_extends_the_stake_before_2026(self) -> None:
        assert [(r.kind, r.deal) for r in self.deal.relations] == [("extends", "amazon-anthropic-before-2026")]
        assert {s.file for s in self.deal.relations[0].sources} >= {A000, A002}

    def test_the_header_comment_names_only_what_each_article_states(self) -> None:
        from importlib import resources

        text = (resources.files("dealkit.catalog") / "builtin" / "10-amazon-anthropic-2026.toml").read_text("utf-8")
        header = text.split("format = 1", 1)[0]
        # Each claim's sources are exactly the articles the header names for it.
        assert "up to $25 billion from Amazon: 000, 002 and 003" in header
        assert {f[:3] for f in _claim("a26-investment").files} == {"000", "002", "003"}
        assert "$5 billion now and $20 billion against milestones: 002 only" in header
        assert {f[:3] for c in ("a26-tranche-immediate", "a26-tranche-milestone") for f in _claim(c).files} == {"002"}
        assert "up to 5 GW of new compute: 001, 002 and 004" in header
        assert {f[:3] for f in _claim("a26-compute").files} == {"001", "002", "004"}
        assert 'a plain "5 gigawatts": 000, 001, 002' in header
        assert {f[:3] for f in _claim("a26-compute-flat").files} == {"000", "001", "002"}
        assert "more than $100 billion of AWS spend: 002, 003 and 004" in header
        assert {f[:3] for f in _claim("a26-spend").files} == {"002", "003", "004"}
        assert '000 gives "more than $100 billion in associated commitments"' in header
        assert {f[:3] for f in _claim("a26-spend-000").files} == {"000"}
        assert "over ten years: 002, 003, 004" in header
        assert {f[:3] for f in _claim("a26-spend-term").files} == {"002", "003", "004"}

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
        deal = CATALOG.deal("amazon-anthropic-before-2026")
        assert deal.investment == Estimate.exact(_usd("8"))
        assert (deal.investor, deal.investee) == ("amazon", "anthropic")
        claim = CATALOG.best("amazon-anthropic-before-2026", "investment")
        assert claim is not None
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
        # $30B over about $9B is about 3.3: "3x" is the article's rounding, so approximately 3.
        assert claim.value == Estimate.approximately(Decimal(3))
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
