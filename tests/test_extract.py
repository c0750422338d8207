"""Tests for dealkit.extraction._extract: reading figures out of news text."""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit import CurrencyAmount, Estimate, PartialDate, Power, Qualifier, Rate
from dealkit._errors import DealkitError, InvalidValueError, ParseError
from dealkit.extraction import MAX_EXTRACT_LENGTH, Figure, extract, parse_multiple, parse_percent

#: The day the Amazon-Anthropic deal was announced; the seed articles date from it.
ANNOUNCED = PartialDate.parse("2026-04-20")


def found(text: str, reference: PartialDate | None = None) -> list[tuple[str, str, str, str]]:
    return [(f.words, f.kind, f.qualifier.value, f.value_text) for f in extract(text, reference=reference)]


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
            ("400-megawatt-hour battery", "400-megawatt-hour", "energy", "exact", "400 MWh"),
            ("20 billion kWh of electricity", "20 billion kWh", "energy", "exact", "20000000000 kWh"),
            ("getting even half a gigawatt connected", "half a gigawatt", "power", "exact", "0.5 GW"),
            ("promising you a gigawatt", "a gigawatt", "power", "exact", "1 GW"),
            ("more than a gigawatt of capacity", "more than a gigawatt", "power", "at_least", "1 GW"),
            ("two and a half gigawatts", "two and a half gigawatts", "power", "exact", "2.5 GW"),
            ("five hundred megawatts", "five hundred megawatts", "power", "exact", "500 MW"),
            ("a 1.2-Gigawatt partnership", "1.2-Gigawatt", "power", "exact", "1.2 GW"),
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
            ("over the next ten years", "ten years", "duration", "exact", "10 years"),
            ("spread over 20 years", "20 years", "duration", "exact", "20 years"),
            ("a two-decade deal", "two-decade", "duration", "exact", "20 years"),
            ("for a year", "a year", "duration", "exact", "1 year"),
            ("about a year to permit", "about a year", "duration", "approximately", "1 year"),
            ("seven or eight years", "seven or eight years", "duration", "range", "7 years .. 8 years"),
            ("the next decade of innovation", "next decade", "duration", "exact", "10 years"),
            ("over the coming decade", "coming decade", "duration", "exact", "10 years"),
            ("for at least a decade", "at least a decade", "duration", "at_least", "10 years"),
            ("a decade-long relationship", "decade-long", "duration", "exact", "10 years"),
            ("nearly a decade", "nearly a decade", "duration", "approximately", "10 years"),
            ("a 10-year deal", "10-year", "duration", "exact", "10 years"),
            ("in a single quarter", "single quarter", "duration", "exact", "1 quarter"),
            ("nearly two months", "nearly two months", "duration", "approximately", "2 months"),
            (
                "over the next two to three quarters",
                "two to three quarters",
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
            ("by mid-2026", "by mid-2026", "date", "at_most", "2026-Q3"),
            ("in mid-2026", "mid-2026", "date", "range", "2026-Q2 .. 2026-Q3"),
            ("in early 2026", "early 2026", "date", "exact", "2026-H1"),
            ("by the third quarter of 2028", "by the third quarter of 2028", "date", "at_most", "2028-Q3"),
            ("from 2028", "from 2028", "date", "at_least", "2028"),
            ("no earlier than 2029", "no earlier than 2029", "date", "at_least", "2029"),
            ("not before 2028", "not before 2028", "date", "at_least", "2028"),
            ("as early as 2027", "as early as 2027", "date", "at_least", "2027"),
            ("before 2028", "before 2028", "date", "at_most", "2027"),
            ("before the end of 2030", "before the end of 2030", "date", "at_most", "2030-12"),
            ("no later than June 30, 2027", "no later than June 30, 2027", "date", "at_most", "2027-06-30"),
            ("in FY2027", "FY2027", "date", "exact", "FY2027"),
            ("in fiscal 2027", "fiscal 2027", "date", "exact", "FY2027"),
            ("by FY27", "by FY27", "date", "at_most", "FY2027"),
            ("in the 2030s", "2030s", "date", "exact", "2030s"),
            ("into the late 2020s", "late 2020s", "date", "range", "2027 .. 2029"),
            ("in 4Q25", "4Q25", "date", "exact", "2025-Q4"),
            ("in 2H26", "2H26", "date", "exact", "2026-H2"),
            ("fourth-quarter 2025 results", "fourth-quarter 2025", "date", "exact", "2025-Q4"),
            ("our 2027E EBITDA", "2027E", "date", "exact", "2027"),
            ("a base year: from 2024", "from 2024", "date", "at_least", "2024"),
            ("by 2030", "by 2030", "date", "at_most", "2030"),
            ("from 2025-2027", "2025-2027", "date", "range", "2025 .. 2027"),
            # currencies, prices, counts, change words
            ("JPY 150 billion", "JPY 150 billion", "money", "exact", "150000000000 JPY"),
            ("USD 2 billion", "USD 2 billion", "money", "exact", "2000000000 USD"),
            ("150 billion yen", "150 billion yen", "money", "exact", "150000000000 JPY"),
            ("5 billion euros", "5 billion euros", "money", "exact", "5000000000 EUR"),
            ("80 billion yuan", "80 billion yuan", "money", "exact", "80000000000 CNY"),
            ("¥600 billion", "¥600 billion", "money", "exact", "600000000000 JPY"),
            ("₹240 billion", "₹240 billion", "money", "exact", "240000000000 INR"),
            ("Rs 40 billion", "Rs 40 billion", "money", "exact", "40000000000 INR"),
            ("RMB 5.6 billion", "RMB 5.6 billion", "money", "exact", "5600000000 CNY"),
            ("HK$6.82", "HK$6.82", "money", "exact", "6.82 HKD"),
            ("shares rose to 412p", "412p", "money", "exact", "4.12 GBP"),
            ("around $45/MWh", "around $45/MWh", "rate", "approximately", "45 USD/MWh"),
            ("9.8 cents per kWh", "9.8 cents per kWh", "rate", "exact", "0.098 USD/kWh"),
            ("12.4¢/kWh", "12.4¢/kWh", "rate", "exact", "0.124 USD/kWh"),
            ("$35bn per gigawatt", "$35bn per gigawatt", "rate", "exact", "35000000000 USD/GW"),
            ("$10 billion a year", "$10 billion a year", "rate", "exact", "10000000000 USD/year"),
            ("¥12 to ¥14 per kWh", "¥12 to ¥14 per kWh", "rate", "range", "12 JPY/kWh .. 14 JPY/kWh"),
            ("$5bn-6bn a year", "$5bn-6bn a year", "rate", "range", "5000000000 USD/year .. 6000000000 USD/year"),
            ("fifty bucks a megawatt-hour", "fifty bucks a megawatt-hour", "rate", "exact", "50 USD/MWh"),
            ("$14.20 per share", "$14.20", "money", "exact", "14.2 USD"),
            ("about 2000 people", "about 2000 people", "count", "approximately", "2000"),
            ("more than 600,000 accelerators", "more than 600,000 accelerators", "count", "at_least", "600000"),
            ("three campuses", "three campuses", "count", "exact", "3"),
            ("3,000+ engineers", "3,000+ engineers", "count", "at_least", "3000"),
            ("a hundred thousand GPUs", "a hundred thousand GPUs", "count", "exact", "100000"),
            ("at least a dozen projects", "at least a dozen projects", "count", "at_least", "12"),
            ("10,000-card clusters", "10,000-card", "count", "exact", "10000"),
            ("more than doubled", "more than doubled", "multiple", "at_least", "2x"),
            ("it tripled", "tripled", "multiple", "exact", "3x"),
            ("grew 2.5-fold", "2.5-fold", "multiple", "exact", "2.5x"),
            ("nearly twice the price", "nearly twice", "multiple", "approximately", "2x"),
            ("a tenfold rise", "tenfold", "multiple", "exact", "10x"),
            ("1.5 times", "1.5 times", "multiple", "exact", "1.5x"),
            ("roughly a fifth of sales", "roughly a fifth", "percent", "approximately", "20%"),
            ("more than half.", "more than half", "percent", "at_least", "50%"),
            ("as of 2026-04-20", "2026-04-20", "date", "exact", "2026-04-20"),
            ("as of 2026-Q2", "2026-Q2", "date", "exact", "2026-Q2"),
        ],
    )
    def test_form(self, text: str, figure: str, kind: str, qualifier: str, value: str) -> None:
        [f] = extract(text)
        start = text.index(figure)
        assert (f.words, f.kind, f.qualifier.value, f.value_text) == (figure, kind, qualifier, value)
        assert (f.start, f.end) == (start, start + len(figure))
        assert text[f.start : f.end] == f.words

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
            "one of the largest, billions in capital, Section 13 or 15(d), 24/7, 8:30 a.m., Item 1.01",
            "4x4 trucks, 0x1F, 3d printing, the past year, triple-net lease, double-digit growth",
            "1,100 acres, 25 basis points, 300 EFLOPS, 345-kV lines, a 275-kilovolt substation, 9 min read",
            "Order No. 2023, Directive (EU) 2023/1791, the Securities Act of 1933, Class A-2 notes",
            "So what does a gigawatt actually cost? The 15th Five-Year Plan. Amazon Doubles Down",
            "call +1 (713) 555-0188 or 1-877-555-0144; 1200 Louisiana Street, Suite 3100, TX 77002",
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
        assert f.words == "up\u00a0to $25\u00a0billion"
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
        assert f.value == Estimate.parse(text, parse)  # type: ignore[arg-type]

    def test_percent_and_multiple_values(self) -> None:
        assert extract("84%")[0].value == Estimate.exact(Decimal(84))
        assert extract("3x")[0].value == Estimate.exact(Decimal(3))
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
        assert f.span == (19, 36) and f.noun is None and f.unit is None and not f.fiscal
        assert f.to_json() == {
            "kind": "money",
            "value": "25000000000 USD",
            "qualifier": "at_most",
            "start": 19,
            "end": 36,
            "text": "up to $25 billion",
            "unit": None,
        }

    def test_count_noun_and_rate_unit(self) -> None:
        count, rate, power = extract("600,000 GPUs at $45/MWh for 5 GW")
        assert (count.noun, count.unit, count.value) == ("GPUs", "GPUs", Estimate.exact(Decimal(600000)))
        assert (rate.noun, rate.unit) == (None, "MWh")
        assert power.unit == "GW"

    def test_fiscal(self) -> None:
        [f] = extract("in fiscal 2027")
        assert f.fiscal and f.value == Estimate.exact(PartialDate.of_fiscal_year(2027))

    def test_range_json(self) -> None:
        assert extract("30–50 megawatts")[0].to_json()["value"] == "30 MW .. 50 MW"

    def test_frozen(self) -> None:
        f = extract("5GW")[0]
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            f.start = 1  # type: ignore[misc]

    @pytest.mark.parametrize(
        ("kind", "start", "end", "words", "noun", "reason"),
        [
            ("widgets", 0, 3, "5GW", None, "must be one of"),
            ("money", 0, 3, "5GW", None, "holds CurrencyAmount values"),
            ("power", -1, 2, "5GW", None, "must be an int >= 0"),
            ("power", 0, 2, "5GW", None, "length of 'words'"),
            ("power", 0, 0, "", None, "length of 'words'"),
            ("power", 0, 3, "5GW", "GPUs", "only a count"),
            ("power", 0, 3, "5GW", " ", "non-empty word"),
        ],
    )
    def test_validation(self, kind: str, start: int, end: int, words: str, noun: str | None, reason: str) -> None:
        estimate = Estimate.exact(Power(5, "GW"))
        assert Figure("power", estimate, 0, 3, "5GW").value_text == "5 GW"
        with pytest.raises(InvalidValueError, match=re.escape(reason)):
            Figure(kind, estimate, start, end, words, noun)  # type: ignore[arg-type]

    def test_a_count_needs_its_noun(self) -> None:
        with pytest.raises(InvalidValueError, match="names its noun"):
            Figure("count", Estimate.exact(Decimal(3)), 0, 14, "three campuses")
        assert Figure("count", Estimate.exact(Decimal(3)), 0, 14, "three campuses", "campuses").unit == "campuses"


class TestRelativeDates:
    REFERENCE = PartialDate.parse("2026-04-20")  # a Monday

    @pytest.mark.parametrize(
        ("text", "words", "value"),
        [
            ("in capital expenditures this year", "this year", "2026"),
            ("grew 11 per cent last year", "last year", "2025"),
            ("will be tendered next year", "next year", "2027"),
            ("told analysts last month", "last month", "2026-03"),
            ("will continue next month", "next month", "2026-05"),
            ("at the end of last year", "end of last year", "2025-12"),
            ("Yesterday, Pallas AI announced", "Yesterday", "2026-04-19"),
            ("The deal, announced Monday, is", "Monday", "2026-04-20"),
            ("The deal, announced Friday, is", "Friday", "2026-04-17"),
            ("two years ago", "two years ago", "2024"),
            ("18 months ago", "18 months ago", "2024-10"),
            ("The move comes just two months after Amazon", "two months after", "2026-02"),
            ("At Build on June 2, Microsoft", "June 2", "2026-06-02"),
            ("in the third quarter of this year", "third quarter of this year", "2026-Q3"),
            ("in late last year", "late last year", "2025-H2"),
        ],
    )
    def test_against_the_reference(self, text: str, words: str, value: str) -> None:
        dates = [f for f in extract(text, reference=self.REFERENCE) if f.kind == "date"]
        assert [(f.words, f.value_text, f.qualifier) for f in dates] == [(words, value, Qualifier.EXACT)]

    @pytest.mark.parametrize(
        "text", ["this year", "last month", "Yesterday", "announced Monday", "two years ago", "June 2", "by year-end"]
    )
    def test_left_out_without_a_reference(self, text: str) -> None:
        assert [f for f in extract(text) if f.kind == "date"] == []

    def test_a_weekday_before_a_full_date_is_not_a_second_date(self) -> None:
        assert found("Wednesday 12 November 2025", self.REFERENCE) == [
            ("12 November 2025", "date", "exact", "2025-11-12")
        ]

    def test_two_months_after_alone_is_a_duration(self) -> None:
        assert found("just two months after", self.REFERENCE) == [("two months", "duration", "exact", "2 months")]


class TestChoices:
    """Readings where the words decide between kinds."""

    def test_a_year_like_number_before_a_plural_is_a_count(self) -> None:
        assert found("employs about 2000 people") == [("about 2000 people", "count", "approximately", "2000")]
        assert found("in the 2024 round of contracts") == [("2024", "date", "exact", "2024")]
        assert found("its projection for 2026 puts a number") == [("2026", "date", "exact", "2026")]

    def test_money_per_share_is_money(self) -> None:
        assert found("par value $0.0001 per share") == [("$0.0001", "money", "exact", "0.0001 USD")]

    def test_a_change_from_is_not_a_lower_bound(self) -> None:
        assert found("revenue rose 35% from fiscal 2026") == [
            ("35%", "percent", "exact", "35%"),
            ("fiscal 2026", "date", "exact", "FY2026"),
        ]
        assert found("A replay is available from February 6, 2026") == [
            ("from February 6, 2026", "date", "at_least", "2026-02-06")
        ]

    def test_a_frequency_is_not_a_duration(self) -> None:
        assert found("2.6 TWh a year, escalating at 2% a year, reviewed twice a year") == [
            ("2.6 TWh", "energy", "exact", "2.6 TWh"),
            ("2%", "percent", "exact", "2%"),
        ]

    def test_after_shifts_to_the_next_period(self) -> None:
        assert found("after Q3 2027") == [("after Q3 2027", "date", "at_least", "2027-Q4")]

    def test_vague_plurals(self) -> None:
        assert found("dozens of frontier-scale models, millions of dollars") == [
            ("dozens of frontier-scale models", "count", "at_least", "24"),
            ("millions of dollars", "money", "at_least", "2000000 USD"),
        ]


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
# Written by reading each article: every amount, price, capacity, percentage, multiple,
# count, duration and date it states, with the qualifier its words give, read against
# the announcement day (so "by year-end" is December 2026, "announced Monday" April 20,
# "this year" 2026 and "The move comes just two months after" February 2026).  Left
# out on purpose: model and product names (Claude Opus 4.7, GPT-5.4, Trainium2/3/4,
# AIME 25), event names (Build 2026), list numbers ("1. $25B"), headline title case
# ("Amazon Doubles Down"), "billions in capital" (no "of").  "roughly 30–50 megawatts"
# stays a range (Estimate has no approximate range).

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
        ('dozens of tool calls', 'count', 'at_least', '24'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('5 gigawatt', 'power', 'exact', '5 GW'),
        ('five years', 'duration', 'exact', '5 years'),
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
        ('millions of dollars', 'money', 'at_least', '2000000 USD'),
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
        ('two months after', 'date', 'exact', '2026-02'),
        ('up to $50 billion', 'money', 'at_most', '50000000000 USD'),
        ('decade-long', 'duration', 'exact', '10 years'),
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('$25 billion', 'money', 'exact', '25000000000 USD'),
        ('two tranches', 'count', 'exact', '2'),
        ('$5 billion', 'money', 'exact', '5000000000 USD'),
        ('$380 billion', 'money', 'exact', '380000000000 USD'),
        ('$20 billion', 'money', 'exact', '20000000000 USD'),
        ('$8 billion', 'money', 'exact', '8000000000 USD'),
        ('up to 5 gigawatts', 'power', 'at_most', '5 GW'),
        ('30–50 megawatts', 'power', 'range', '30 MW .. 50 MW'),
        ('5GW', 'power', 'exact', '5 GW'),
        ('dozens of frontier-scale models', 'count', 'at_least', '24'),
        ('Q2 2026', 'date', 'exact', '2026-Q2'),
        ('nearly 1GW', 'power', 'approximately', '1 GW'),
        ('by year-end', 'date', 'at_most', '2026-12'),
        ('late 2020s', 'date', 'range', '2027 .. 2029'),
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
        ('dozens of frontier-scale training runs', 'count', 'at_least', '24'),
        ('$100B', 'money', 'exact', '100000000000 USD'),
        ('June 2', 'date', 'exact', '2026-06-02'),
        ('97%', 'percent', 'exact', '97%'),
        ('June 2, 2026', 'date', 'exact', '2026-06-02'),
        ('starting August 2026', 'date', 'at_least', '2026-08'),
        ('84%', 'percent', 'exact', '84%'),
        ('June 1, 2026', 'date', 'exact', '2026-06-01'),
    ],
    "003_b3e8a3f95ec0a1cf.txt": [
        ('up to $25 billion', 'money', 'at_most', '25000000000 USD'),
        ('more than $100 billion', 'money', 'at_least', '100000000000 USD'),
        ('ten years', 'duration', 'exact', '10 years'),
        ('Monday', 'date', 'exact', '2026-04-20'),
        ('roughly $200 billion', 'money', 'approximately', '200000000000 USD'),
        ('this year', 'date', 'exact', '2026'),
        ('$100 billion', 'money', 'exact', '100000000000 USD'),
        ('ten years', 'duration', 'exact', '10 years'),
        ('$200 billion', 'money', 'exact', '200000000000 USD'),
        ('2026', 'date', 'exact', '2026'),
        ('this year', 'date', 'exact', '2026'),
        ('two to three quarters', 'duration', 'range', '2 quarters .. 3 quarters'),
        ('$100 billion', 'money', 'exact', '100000000000 USD'),
        ('twice', 'multiple', 'exact', '2x'),
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
        assert [(f.words, f.kind, f.qualifier.value, f.value_text) for f in figures] == EXPECTED[name]
        for f in figures:
            assert text[f.start : f.end] == f.words

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
        assert text[f.start : f.end] == f.words
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
            assert set(f.to_json()) == {"value", "qualifier", "kind", "start", "end", "text", "unit"}
            assert (f.noun is not None) == (f.kind == "count")

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
