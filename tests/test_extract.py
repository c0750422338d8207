"""Tests for dealkit.extraction._extract: reading figures out of news text."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit.extraction import _extract
from dealkit._values.dates import PartialDate
from dealkit._errors import DealkitError, InvalidValueError, ParseError
from dealkit._values.estimate import Estimate, Qualifier
from dealkit.extraction._extract import MAX_EXTRACT_LENGTH, Figure, extract, parse_multiple, parse_percent
from dealkit._values.money import CurrencyAmount
from dealkit._values.measures import Power

#: The day the Amazon-Anthropic deal was announced; the seed articles date from it.
ANNOUNCED = PartialDate.parse("2026-04-20")


def found(text: str, reference: PartialDate | None = None) -> list[tuple[str, str, str, str]]:
    return [(f.text, f.kind, f.qualifier.value, f.value_text) for f in extract(text, reference=reference)]


class TestPhraseForms:
    """Every phrase form: the span, kind, qualifier and canonical value it gives."""

    @pytest.mark.parametrize(
        ("text", "figure", "kind", "qualifier", "value"),
        [
            # money
            ("Amazon will invest up to $25 billion in it.", "up to $25 billion", "money", "at_most", "25000000000 USD"),
            ("It pledged more than $100 billion.", "more than $100 billion", "money", "at_least", "100000000000 USD"),
            ("a $100B+ AWS pledge", "$100B+", "money", "at_least", "100000000000 USD"),
            ("capex of roughly $200 billion", "roughly $200 billion", "money", "approximately", "200000000000 USD"),
            ("an initial $1.25bn stake", "$1.25bn", "money", "exact", "1250000000 USD"),
            ("an initial $1.25 billion stake", "$1.25 billion", "money", "exact", "1250000000 USD"),
            ("a €3 billion fund", "€3 billion", "money", "exact", "3000000000 EUR"),
            ("a £2bn fund", "£2bn", "money", "exact", "2000000000 GBP"),
            ("a US$5 billion loan", "US$5 billion", "money", "exact", "5000000000 USD"),
            ("a 3 billion EUR loan", "3 billion EUR", "money", "exact", "3000000000 EUR"),
            ("as much as $5 billion", "as much as $5 billion", "money", "at_most", "5000000000 USD"),
            ("at least $2 billion", "at least $2 billion", "money", "at_least", "2000000000 USD"),
            ("nearly $9 billion", "nearly $9 billion", "money", "approximately", "9000000000 USD"),
            ("approximately $9 billion", "approximately $9 billion", "money", "approximately", "9000000000 USD"),
            ("revenue has surpassed $30 billion", "surpassed $30 billion", "money", "at_least", "30000000000 USD"),
            ("not more than $4 billion", "not more than $4 billion", "money", "at_most", "4000000000 USD"),
            ("The $25B deal", "$25B", "money", "exact", "25000000000 USD"),
            ("$25 Billion Bet", "$25 Billion", "money", "exact", "25000000000 USD"),
            ("a $25,000,000,000 check", "$25,000,000,000", "money", "exact", "25000000000 USD"),
            (
                "between $30 and $50 billion",
                "between $30 and $50 billion",
                "money",
                "range",
                "30000000000 USD .. 50000000000 USD",
            ),
            ("$30–50 billion", "$30–50 billion", "money", "range", "30000000000 USD .. 50000000000 USD"),
            (
                "$5 billion to $10 billion",
                "$5 billion to $10 billion",
                "money",
                "range",
                "5000000000 USD .. 10000000000 USD",
            ),
            # power and energy
            ("securing 5GW of compute", "5GW", "power", "exact", "5 GW"),
            ("the 5 gigawatts of capacity", "5 gigawatts", "power", "exact", "5 GW"),
            ("Five gigawatts is not a rounding error.", "Five gigawatts", "power", "exact", "5 GW"),
            ("up to five gigawatts of AI infrastructure", "up to five gigawatts", "power", "at_most", "5 GW"),
            ("twelve megawatts", "twelve megawatts", "power", "exact", "12 MW"),
            ("The 5 gigawatt commitment", "5 gigawatt", "power", "exact", "5 GW"),
            ("nearly 1GW of capacity", "nearly 1GW", "power", "approximately", "1 GW"),
            ("~1GW of Trainium2/3 capacity", "~1GW", "power", "approximately", "1 GW"),
            ("c. 5 GW", "c. 5 GW", "power", "approximately", "5 GW"),
            ("consumes 30–50 megawatts", "30–50 megawatts", "power", "range", "30 MW .. 50 MW"),
            ("consumes 30-50 MW", "30-50 MW", "power", "range", "30 MW .. 50 MW"),
            ("consumes 30 MW to 50 MW", "30 MW to 50 MW", "power", "range", "30 MW .. 50 MW"),
            ("between 30 and 50 MW", "between 30 and 50 MW", "power", "range", "30 MW .. 50 MW"),
            ("a 1,500 MW campus", "1,500 MW", "power", "exact", "1500 MW"),
            ("43.8 TWh a year", "43.8 TWh", "energy", "exact", "43.8 TWh"),
            ("10 megawatt-hours", "10 megawatt-hours", "energy", "exact", "10 MWh"),
            # percentages and multiples
            ("Traffic Surges 84%", "84%", "percent", "exact", "84%"),
            ("up 84 percent", "84 percent", "percent", "exact", "84%"),
            ("a 12.5 per cent stake", "12.5 per cent", "percent", "exact", "12.5%"),
            ("five percent", "five percent", "percent", "exact", "5%"),
            ("about 30%", "about 30%", "percent", "approximately", "30%"),
            ("30–50% of it", "30–50%", "percent", "range", "30% .. 50%"),
            ("This 3x growth", "3x", "multiple", "exact", "3x"),
            ("a 2–3x jump", "2–3x", "multiple", "range", "2x .. 3x"),
            ("more than 10× faster", "more than 10×", "multiple", "at_least", "10x"),
            # durations
            ("just two months after", "two months", "duration", "exact", "2 months"),
            ("over 10 years", "10 years", "duration", "exact", "10 years"),
            ("over the next ten years", "next ten years", "duration", "exact", "10 years"),
            ("the next decade of innovation", "next decade", "duration", "exact", "10 years"),
            ("over the coming decade", "coming decade", "duration", "exact", "10 years"),
            ("for at least a decade", "at least a decade", "duration", "at_least", "10 years"),
            ("a decade-long relationship", "decade-long", "duration", "exact", "10 years"),
            ("a 10-year deal", "10-year", "duration", "exact", "10 years"),
            ("in a single quarter", "single quarter", "duration", "exact", "1 quarter"),
            ("nearly two months", "nearly two months", "duration", "approximately", "2 months"),
            (
                "over the next two to three quarters",
                "next two to three quarters",
                "duration",
                "range",
                "2 quarters .. 3 quarters",
            ),
            # dates
            ("On April 20, 2026, Amazon", "April 20, 2026", "date", "exact", "2026-04-20"),
            ("on 20 April 2026", "20 April 2026", "date", "exact", "2026-04-20"),
            ("on Apr. 20, 2026", "Apr. 20, 2026", "date", "exact", "2026-04-20"),
            ("in February 2026", "February 2026", "date", "exact", "2026-02"),
            ("coming online in Q2 2026", "Q2 2026", "date", "exact", "2026-Q2"),
            ("in the second quarter of 2026", "second quarter of 2026", "date", "exact", "2026-Q2"),
            ("in H2 2025", "H2 2025", "date", "exact", "2025-H2"),
            ("at the end of 2025", "end of 2025", "date", "exact", "2025-12"),
            ("by the end of 2025", "by the end of 2025", "date", "at_most", "2025-12"),
            ("in late 2025", "late 2025", "date", "exact", "2025-H2"),
            ("in 2023", "2023", "date", "exact", "2023"),
            ("In 2023, Amazon", "2023", "date", "exact", "2023"),
            ("by mid-2026", "2026", "date", "exact", "2026"),
            ("by 2030", "by 2030", "date", "at_most", "2030"),
            ("from 2025-2027", "2025-2027", "date", "range", "2025 .. 2027"),
            ("as of 2026-04-20", "2026-04-20", "date", "exact", "2026-04-20"),
            ("as of 2026-Q2", "2026-Q2", "date", "exact", "2026-Q2"),
        ],
    )
    def test_form(self, text: str, figure: str, kind: str, qualifier: str, value: str) -> None:
        [f] = extract(text)
        start = text.index(figure)
        assert (f.text, f.kind, f.qualifier.value, f.value_text) == (figure, kind, qualifier, value)
        assert (f.start, f.end) == (start, start + len(figure))
        assert text[f.start : f.end] == f.text

    def test_year_end_needs_a_reference(self) -> None:
        text = "nearly 1GW of capacity by year-end"
        assert found(text) == [("nearly 1GW", "power", "approximately", "1 GW")]
        assert found(text, ANNOUNCED)[1] == ("by year-end", "date", "at_most", "2026-12")

    @pytest.mark.parametrize(
        "text",
        [
            "Claude Opus 4.7 and Claude Sonnet",
            "GPT-5.4 stumbles badly; GPT-4 Turbo; GPT-Image-2",
            "Trainium2 chips and Trainium2/3/4 silicon",
            "MAI-Thinking-1 (AIME 25) and MAI-Code-1-Flash",
            "000_6b64170c99e716e7.txt and 6b64170c",
            "At Build 2026 on June 2; Windows 2000; GPT-2024",
            "Comments0 and 1. first 2. second",
            "dozens of models, one of the largest, millions of dollars, billions in capital",
            "A$5 billion, 4x4 trucks, 0x1F, 3d printing, the past year, late 2020s",
            "1e9 GW, 1_000 MW, ١٢٣ GW",
        ],
    )
    def test_not_figures(self, text: str) -> None:
        assert extract(text) == []

    def test_from_to_is_a_change_not_a_range(self) -> None:
        assert found("up from $9 billion to $30 billion") == [
            ("$9 billion", "money", "exact", "9000000000 USD"),
            ("$30 billion", "money", "exact", "30000000000 USD"),
        ]

    def test_by_before_money_is_an_increment(self) -> None:
        assert found("raised by $5 billion") == [("$5 billion", "money", "exact", "5000000000 USD")]

    def test_broken_range_falls_back_to_its_values(self) -> None:
        assert found("50–30 MW") == [("30 MW", "power", "exact", "30 MW")]

    def test_qualifier_the_parser_refuses_is_left_out(self) -> None:
        # Estimate has no "approximately a range": the range is reported without "roughly".
        assert found("roughly 30–50 megawatts") == [("30–50 megawatts", "power", "range", "30 MW .. 50 MW")]

    def test_longest_reading_wins(self) -> None:
        assert found("$5 billion to $10 billion in Q2 2026") == [
            ("$5 billion to $10 billion", "money", "range", "5000000000 USD .. 10000000000 USD"),
            ("Q2 2026", "date", "exact", "2026-Q2"),
        ]

    def test_text_order(self) -> None:
        figures = extract("5GW in 2023, then $8 billion and 3x by 2030.")
        assert [f.start for f in figures] == sorted(f.start for f in figures)
        assert [f.kind for f in figures] == ["power", "date", "money", "multiple", "date"]

    def test_non_breaking_space(self) -> None:
        [f] = extract("up\u00a0to $25\u00a0billion")
        assert f.text == "up\u00a0to $25\u00a0billion"
        assert (f.qualifier, f.value_text) == (Qualifier.AT_MOST, "25000000000 USD")


class TestExtractAndParseAgree:
    """A figure's estimate is what Estimate.parse reads from the same words."""

    @pytest.mark.parametrize(
        ("text", "parse"),
        [
            ("up to $25 billion", CurrencyAmount.parse),
            ("$100B+", CurrencyAmount.parse),
            ("nearly 1GW", Power.parse),
            ("30–50 megawatts", Power.parse),
            ("between $30 and $50 billion", CurrencyAmount.parse),
        ],
    )
    def test_same_estimate(self, text: str, parse: object) -> None:
        [f] = extract(text)
        assert f.estimate == Estimate.parse(text, parse)  # type: ignore[arg-type]

    def test_percent_and_multiple_values(self) -> None:
        assert extract("84%")[0].estimate == Estimate.exact(Decimal(84))
        assert extract("3x")[0].estimate == Estimate.exact(Decimal(3))
        assert parse_percent("12.5 percent") == Decimal("12.5")
        assert parse_multiple("1,000x") == Decimal(1000)
        with pytest.raises(ParseError):
            parse_percent("84")
        with pytest.raises(ParseError):
            parse_multiple("x3")


class TestFigure:
    def test_properties_and_json(self) -> None:
        [f] = extract("Amazon will invest up to $25 billion.")
        assert f.qualifier is Qualifier.AT_MOST
        assert f.to_json() == {
            "value": "25000000000 USD",
            "qualifier": "at_most",
            "kind": "money",
            "start": 19,
            "end": 36,
            "text": "up to $25 billion",
        }

    def test_range_json(self) -> None:
        assert extract("30–50 megawatts")[0].to_json()["value"] == "30 MW .. 50 MW"

    def test_frozen(self) -> None:
        f = extract("5GW")[0]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            f.start = 1  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("kind", "start", "end", "text", "reason"),
        [
            ("widgets", 0, 3, "5GW", "must be one of"),
            ("money", 0, 3, "5GW", "holds CurrencyAmount values"),
            ("power", -1, 2, "5GW", "must be an int >= 0"),
            ("power", 0, 2, "5GW", "length of 'text'"),
            ("power", 0, 0, "", "length of 'text'"),
        ],
    )
    def test_validation(self, kind: str, start: int, end: int, text: str, reason: str) -> None:
        estimate = Estimate.exact(Power(5, "GW"))
        assert Figure("power", estimate, 0, 3, "5GW").value_text == "5 GW"
        with pytest.raises(InvalidValueError, match=re.escape(reason)):
            Figure(kind, estimate, start, end, text)  # type: ignore[arg-type]


class TestLimits:
    def test_too_long(self) -> None:
        with pytest.raises(InvalidValueError, match="longer than"):
            extract(" " * (MAX_EXTRACT_LENGTH + 1))

    def test_longest_accepted(self) -> None:
        text = ("x" * (MAX_EXTRACT_LENGTH - 4)) + " 5GW"
        assert found(text) == [("5GW", "power", "exact", "5 GW")]

    def test_not_text(self) -> None:
        with pytest.raises(InvalidValueError):
            extract(b"$5 billion")  # type: ignore[arg-type]

    def test_absurd_values_are_not_figures(self) -> None:
        assert extract("$" + "9" * 40 + " billion") == []
        assert extract("9" * 30 + " GW and 99999999999999999999999 TW") == []
        assert extract("in 2201 and 1899") == []


# -- the five seed articles ------------------------------------------------------------------
#
# Written by reading each article: every amount, capacity, percentage, multiple,
# duration and date it states, with the qualifier its words give.  Left out on
# purpose: model and product names (Claude Opus 4.7, GPT-5.4, Trainium2, AIME 25),
# event names (Build 2026), counts in words ("dozens", "seven ... models"),
# weekdays ("Monday"), "June 2" without a year, "late 2020s", "twice the speed".
# "roughly 30–50 megawatts" stays a range (Estimate has no approximate range).
# The articles are read with the announcement day as reference, so "by
# year-end" is December 2026.

EXPECTED: dict[str, list[tuple[str, str, str, str]]] = {
    "000_6b64170c99e716e7.txt": [
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('$8 billion', 'money', 'exact', '8000000000 USD'),
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('$8 billion', 'money', 'exact', '8000000000 USD'),
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('5 gigawatts', 'power', 'exact', '5 GW'),
        ('Five gigawatts', 'power', 'exact', '5 GW'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('5 gigawatt', 'power', 'exact', '5 GW'),
        ('next five years', 'duration', 'exact', '5 years'),
    ],
    "001_fe4425cdedf7fed9.txt": [
        ('$5 billion', 'money', 'exact', '5000000000 USD'),
        ('next decade', 'duration', 'exact', '10 years'),
        ('$5 Billion', 'money', 'exact', '5000000000 USD'),
        ('up to $4 billion', 'money', 'at_most', '4000000000 USD'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('up to 5 gigawatts', 'power', 'at_most', '5 GW'),
        ('5 gigawatts', 'power', 'exact', '5 GW'),
        ('$1.25 billion', 'money', 'exact', '1250000000 USD'),
        ('2023', 'date', 'exact', '2023'),
        ('up to 5 gigawatts', 'power', 'at_most', '5 GW'),
    ],
    "002_71c77df9dbb0c619.txt": [
        ('$25 Billion', 'money', 'exact', '25000000000 USD'),
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('5GW', 'power', 'exact', '5 GW'),
        ('$100B', 'money', 'exact', '100000000000 USD'),
        ('$380B', 'money', 'exact', '380000000000 USD'),
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('5GW', 'power', 'exact', '5 GW'),
        ('$100B', 'money', 'exact', '100000000000 USD'),
        ('$380B', 'money', 'exact', '380000000000 USD'),
        ('April 20, 2026', 'date', 'exact', '2026-04-20'),
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('two months', 'duration', 'exact', '2 months'),
        ('up to $50 billion', 'money', 'at_most', '50000000000 USD'),
        ('decade-long', 'duration', 'exact', '10 years'),
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('$5 billion', 'money', 'exact', '5000000000 USD'),
        ('$380 billion', 'money', 'exact', '380000000000 USD'),
        ('$20 billion', 'money', 'exact', '20000000000 USD'),
        ('$8 billion', 'money', 'exact', '8000000000 USD'),
        ('up to 5 gigawatts', 'power', 'at_most', '5 GW'),
        ('30–50 megawatts', 'power', 'range', '30 MW .. 50 MW'),
        ('5GW', 'power', 'exact', '5 GW'),
        ('Q2 2026', 'date', 'exact', '2026-Q2'),
        ('nearly 1GW', 'power', 'approximately', '1 GW'),
        ('by year-end', 'date', 'at_most', '2026-12'),
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('next decade', 'duration', 'exact', '10 years'),
        ('surpassed $30 billion', 'money', 'at_least', '30000000000 USD'),
        ('approximately $9 billion', 'money', 'approximately', '9000000000 USD'),
        ('end of 2025', 'date', 'exact', '2025-12'),
        ('3x', 'multiple', 'exact', '3x'),
        ('single quarter', 'duration', 'exact', '1 quarter'),
        ('$100B', 'money', 'exact', '100000000000 USD'),
        ('$380B', 'money', 'exact', '380000000000 USD'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('5GW', 'power', 'exact', '5 GW'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('at least a decade', 'duration', 'at_least', '10 years'),
        ('$25 Billion', 'money', 'exact', '25000000000 USD'),
        ('$25B', 'money', 'exact', '25000000000 USD'),
        ('$50B', 'money', 'exact', '50000000000 USD'),
        ('$380B', 'money', 'exact', '380000000000 USD'),
        ('$380B', 'money', 'exact', '380000000000 USD'),
        ('$25B', 'money', 'exact', '25000000000 USD'),
        ('$5B', 'money', 'exact', '5000000000 USD'),
        ('$20B', 'money', 'exact', '20000000000 USD'),
        ('$380B', 'money', 'exact', '380000000000 USD'),
        ('5 gigawatts', 'power', 'exact', '5 GW'),
        ('$100B+', 'money', 'at_least', '100000000000 USD'),
        ('10 years', 'duration', 'exact', '10 years'),
        ('surpassing $30B', 'money', 'at_least', '30000000000 USD'),
        ('3x', 'multiple', 'exact', '3x'),
        ('end of 2025', 'date', 'exact', '2025-12'),
        ('Q2 2026', 'date', 'exact', '2026-Q2'),
        ('~1GW', 'power', 'approximately', '1 GW'),
        ('by year-end', 'date', 'at_most', '2026-12'),
        ('$25B', 'money', 'exact', '25000000000 USD'),
        ('$50B', 'money', 'exact', '50000000000 USD'),
        ('$30B', 'money', 'exact', '30000000000 USD'),
        ('$9B', 'money', 'exact', '9000000000 USD'),
        ('late 2025', 'date', 'exact', '2025-H2'),
        ('5GW', 'power', 'exact', '5 GW'),
        ('$100B', 'money', 'exact', '100000000000 USD'),
        ('97%', 'percent', 'exact', '97%'),
        ('June 2, 2026', 'date', 'exact', '2026-06-02'),
        ('August 2026', 'date', 'exact', '2026-08'),
        ('84%', 'percent', 'exact', '84%'),
        ('June 1, 2026', 'date', 'exact', '2026-06-01'),
    ],
    "003_b3e8a3f95ec0a1cf.txt": [
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('next ten years', 'duration', 'exact', '10 years'),
        ('roughly $200 billion', 'money', 'approximately', '200000000000 USD'),
        ('$100 billion', 'money', 'exact', '100000000000 USD'),
        ('ten years', 'duration', 'exact', '10 years'),
        ('$200 billion', 'money', 'exact', '200000000000 USD'),
        ('2026', 'date', 'exact', '2026'),
        ('next two to three quarters', 'duration', 'range', '2 quarters .. 3 quarters'),
        ('$100 billion', 'money', 'exact', '100000000000 USD'),
    ],
    "004_481d9e1685682065.txt": [
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('coming decade', 'duration', 'exact', '10 years'),
        ('up to five gigawatts', 'power', 'at_most', '5 GW'),
    ],
}


class TestSeeds:
    @pytest.mark.parametrize("name", sorted(EXPECTED))
    def test_seed(self, name: str, seed_texts: dict[str, str]) -> None:
        text = seed_texts[name]
        figures = extract(text, reference=ANNOUNCED)
        assert [(f.text, f.kind, f.qualifier.value, f.value_text) for f in figures] == EXPECTED[name]
        for f in figures:
            assert text[f.start : f.end] == f.text

    def test_every_seed_has_a_list(self, seed_texts: dict[str, str]) -> None:
        assert sorted(seed_texts) == sorted(EXPECTED)


# -- properties ------------------------------------------------------------------------------

_TOKENS = st.sampled_from(
    [
        "$", "€", "£", "US$", "5", "25", "1.25", "1,000", "2026", "2025", "20,", "billion", "bn", "B",
        "+", "up to", "more than", "~", "c.", "nearly", "between", "and", "to", "from", "–", "-",
        "GW", "gigawatts", "MW", "TWh", "watt-hours", "%", "percent", "3x", "×", "x", "five", "two",
        "single", "quarter", "years", "months", "decade", "decade-long", "next", "a", "the",
        "end of", "late", "by", "year-end", "Q2", "H2", "April", "Build", "mid-", "USD", "EUR",
        " ", "  ", "\u00a0", "\n", ",", ".", "(", ")", "0", "9" * 30,
    ]
)
_NEWSY = st.lists(_TOKENS, max_size=30).map(" ".join) | st.lists(_TOKENS, max_size=30).map("".join)


def _check_spans(text: str, figures: list[Figure]) -> None:
    previous_end = 0
    for f in figures:
        assert 0 <= previous_end <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        previous_end = f.end


class TestProperties:
    @settings(deadline=2000, max_examples=300, suppress_health_check=[HealthCheck.too_slow])
    @given(st.text(max_size=400) | _NEWSY, st.none() | st.just(ANNOUNCED))
    def test_only_dealkit_errors_and_sound_spans(self, text: str, reference: PartialDate | None) -> None:
        try:
            figures = extract(text, reference=reference)
        except DealkitError:  # pragma: no cover - no text this short is refused
            return
        _check_spans(text, figures)
        for f in figures:
            assert f.value_text
            assert set(f.to_json()) == {"value", "qualifier", "kind", "start", "end", "text"}

    @settings(deadline=2000, max_examples=200)
    @given(_NEWSY)
    def test_scanning_only_near_anchors_changes_nothing(self, text: str) -> None:
        near = extract(text, reference=ANNOUNCED)
        everywhere = _extract._windows
        try:
            _extract._windows = lambda anchor, t: iter([(0, len(t))])  # type: ignore[assignment]
            full = extract(text, reference=ANNOUNCED)
        finally:
            _extract._windows = everywhere
        assert near == full

    @settings(deadline=2000, max_examples=100)
    @given(st.text(max_size=60), _NEWSY, st.text(max_size=60))
    def test_context_does_not_move_a_figure(self, before: str, middle: str, after: str) -> None:
        """A figure found in a line is still found (or overlapped by a longer one) among other lines."""
        text = f"{before}\n{middle}\n{after}"
        inner = extract(middle)
        outer = extract(text)
        offset = len(before) + 1
        for f in inner:
            s, e = f.start + offset, f.end + offset
            assert any(g.start < e and s < g.end for g in outer)
