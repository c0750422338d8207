"""Tests for dealkit._values.dates: PartialDate, Precision and Certainty."""

from __future__ import annotations

import copy
import datetime as dt
import pickle

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dealkit._errors import DateError, DealkitError, InvalidValueError, ParseError
from dealkit._values.dates import Certainty, PartialDate, Precision
from tests.strategies import partial_dates

D = dt.date


def p(text: str) -> PartialDate:
    return PartialDate.parse(text)


class TestParseCanonical:
    @pytest.mark.parametrize(
        ("text", "precision", "first", "last"),
        [
            ("2026-04-20", Precision.DAY, D(2026, 4, 20), D(2026, 4, 20)),
            ("2026-02", Precision.MONTH, D(2026, 2, 1), D(2026, 2, 28)),
            ("2026-Q2", Precision.QUARTER, D(2026, 4, 1), D(2026, 6, 30)),
            ("2025-H2", Precision.HALF, D(2025, 7, 1), D(2025, 12, 31)),
            ("2023", Precision.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
        ],
    )
    def test_each_precision(self, text: str, precision: Precision, first: D, last: D) -> None:
        d = p(text)
        assert d.precision is precision
        assert (d.first, d.last) == (first, last)
        assert str(d) == text

    def test_surrounding_whitespace_is_ignored(self) -> None:
        assert p("  2026-Q2 \n") == p("2026-Q2")


class TestParseNews:
    @pytest.mark.parametrize(
        ("text", "canonical"),
        [
            ("Q2 2026", "2026-Q2"),
            ("q4 2025", "2025-Q4"),
            ("second quarter of 2026", "2026-Q2"),
            ("Second Quarter of 2026", "2026-Q2"),
            ("first quarter 2027", "2027-Q1"),
            ("fourth quarter of 2025", "2025-Q4"),
            ("H1 2026", "2026-H1"),
            ("second half of 2025", "2025-H2"),
            ("first half 2026", "2026-H1"),
            ("April 20, 2026", "2026-04-20"),
            ("April 20 2026", "2026-04-20"),
            ("Apr. 20, 2026", "2026-04-20"),
            ("april 2, 2026", "2026-04-02"),
            ("20 April 2026", "2026-04-20"),
            ("Feb 29, 2024", "2024-02-29"),
            ("April 2026", "2026-04"),
            ("Sept 2026", "2026-09"),
            ("sept. 2026", "2026-09"),
            ("December, 2025", "2025-12"),
            ("end of 2025", "2025-12"),
            ("the end of 2025", "2025-12"),
            ("End of 2025", "2025-12"),
            ("end-2025", "2025-12"),
            ("year-end 2025", "2025-12"),
            ("late 2025", "2025-H2"),
            ("Late 2025", "2025-H2"),
        ],
    )
    def test_news_forms(self, text: str, canonical: str) -> None:
        assert str(p(text)) == canonical
        assert p(text) == p(canonical)

    @pytest.mark.parametrize(
        ("text", "reference", "canonical"),
        [
            ("year-end", "2026-04-20", "2026-12"),
            ("year-end", "2025-Q1", "2025-12"),
            ("end of", "2026", "2026-12"),
            ("late", "2027-03", "2027-H2"),
        ],
    )
    def test_year_end_takes_the_year_from_the_reference(
        self, text: str, reference: str, canonical: str
    ) -> None:
        assert PartialDate.parse(text, reference=p(reference)) == p(canonical)

    def test_an_explicit_year_wins_over_the_reference(self) -> None:
        assert PartialDate.parse("end of 2025", reference=p("2030")) == p("2025-12")

    def test_year_end_without_a_reference_is_refused(self) -> None:
        with pytest.raises(ParseError, match="reference"):
            p("year-end")


class TestRefused:
    @pytest.mark.parametrize(
        "text",
        [
            "2026-02-30",
            "2025-02-29",
            "2026-04-31",
            "2026-04-00",
            "2026-13",
            "2026-00",
            "2026-Q5",
            "2026-Q0",
            "2026-H3",
            "2026-H0",
            "Q5 2026",
            "April 31, 2026",
            "Feb 29, 2025",
            "1899",
            "2201",
            "1899-12-31",
            "2201-01",
            "Q1 1899",
        ],
    )
    def test_impossible_dates_are_date_errors(self, text: str) -> None:
        with pytest.raises(DateError) as info:
            p(text)
        assert info.value.value == text
        assert isinstance(info.value, InvalidValueError)

    @pytest.mark.parametrize(
        "text",
        [
            "20260420",
            "2026-04-20T10:00",
            "2026-04-20 10:00",
            "2026-4-20",
            "26-04-20",
            "2026/04/20",
            "20/04/2026",
            "2026-W17",
            "fifth quarter of 2026",
            "third half of 2026",
            "Smarch 2026",
            "soon",
            "",
            "Q2",
            "202",
            "20266",
            "٢٠٢٦",  # Arabic-Indic digits
        ],
    )
    def test_malformed_text_is_a_parse_error(self, text: str) -> None:
        with pytest.raises(ParseError):
            p(text)

    @pytest.mark.parametrize("value", [None, 2026, D(2026, 4, 20), b"2026"])
    def test_non_text_is_refused(self, value: object) -> None:
        with pytest.raises(ParseError):
            PartialDate.parse(value)  # type: ignore[arg-type]

    def test_overlong_text_is_refused(self) -> None:
        with pytest.raises(ParseError, match="longer than"):
            p("2026" * 1000)

    def test_errors_are_value_errors(self) -> None:
        with pytest.raises(ValueError):
            p("2026-02-30")
        with pytest.raises(ValueError):
            p("soon")


class TestConstructors:
    @pytest.mark.parametrize(
        ("made", "text"),
        [
            (PartialDate.of_day(2026, 4, 20), "2026-04-20"),
            (PartialDate.of_month(2026, 2), "2026-02"),
            (PartialDate.of_quarter(2026, 2), "2026-Q2"),
            (PartialDate.of_half(2025, 2), "2025-H2"),
            (PartialDate.of_year(2023), "2023"),
            (PartialDate.from_date(D(2026, 4, 20)), "2026-04-20"),
            (PartialDate(D(2026, 7, 1), Precision.QUARTER), "2026-Q3"),
        ],
    )
    def test_constructors(self, made: PartialDate, text: str) -> None:
        assert made == p(text)

    @pytest.mark.parametrize(
        "build",
        [
            lambda: PartialDate.of_day(2026, 2, 30),
            lambda: PartialDate.of_day(2026, 0, 1),
            lambda: PartialDate.of_month(2026, 13),
            lambda: PartialDate.of_month(2026, 0),
            lambda: PartialDate.of_quarter(2026, 5),
            lambda: PartialDate.of_quarter(2026, 0),
            lambda: PartialDate.of_half(2026, 3),
            lambda: PartialDate.of_year(1899),
            lambda: PartialDate.of_year(2201),
            lambda: PartialDate.of_day(1, 1, 1),
        ],
    )
    def test_impossible_parts_are_date_errors(self, build: object) -> None:
        with pytest.raises(DateError):
            build()  # type: ignore[operator]

    @pytest.mark.parametrize(
        "value",
        [dt.datetime(2026, 4, 20, 10, 0), dt.datetime(2026, 4, 20), "2026-04-20", None, 20260420],
    )
    def test_from_date_refuses_datetimes_and_non_dates(self, value: object) -> None:
        with pytest.raises(DateError):
            PartialDate.from_date(value)  # type: ignore[arg-type]

    @pytest.mark.parametrize(
        ("first", "precision"),
        [
            (D(2026, 4, 2), Precision.MONTH),
            (D(2026, 2, 1), Precision.QUARTER),
            (D(2026, 4, 1), Precision.HALF),
            (D(2026, 7, 1), Precision.YEAR),
        ],
    )
    def test_misaligned_periods_are_refused(self, first: D, precision: Precision) -> None:
        with pytest.raises(DateError):
            PartialDate(first, precision)

    @pytest.mark.parametrize("first", [dt.datetime(2026, 4, 20, 10, 0), dt.datetime(2026, 4, 1)])
    def test_the_constructor_refuses_datetimes(self, first: dt.datetime) -> None:
        with pytest.raises(DateError):
            PartialDate(first, Precision.DAY)

    @pytest.mark.parametrize(
        ("first", "precision"),
        [("2026-04-20", Precision.DAY), (None, Precision.YEAR), (D(2026, 4, 1), "quarter")],
    )
    def test_the_constructor_refuses_wrong_types(self, first: object, precision: object) -> None:
        with pytest.raises(DealkitError):
            PartialDate(first, precision)  # type: ignore[arg-type]

    def test_frozen(self) -> None:
        d = p("2026-Q2")
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            d.first = D(2026, 7, 1)  # type: ignore[misc]

    def test_copy_and_pickle(self) -> None:
        d = p("2025-H2")
        assert copy.copy(d) == d
        assert pickle.loads(pickle.dumps(d)) == d


class TestPeriods:
    @pytest.mark.parametrize(
        ("text", "last"),
        [
            ("2024-02", D(2024, 2, 29)),  # leap year
            ("2026-02", D(2026, 2, 28)),
            ("2000-02", D(2000, 2, 29)),  # divisible by 400: leap
            ("1900-02", D(1900, 2, 28)),  # divisible by 100 only: not leap
            ("2100-02", D(2100, 2, 28)),
            ("2026-04", D(2026, 4, 30)),
            ("2026-12", D(2026, 12, 31)),
            ("2026-Q1", D(2026, 3, 31)),
            ("2026-Q2", D(2026, 6, 30)),
            ("2026-Q3", D(2026, 9, 30)),
            ("2026-Q4", D(2026, 12, 31)),
            ("2026-H1", D(2026, 6, 30)),
            ("2026-H2", D(2026, 12, 31)),
            ("2024", D(2024, 12, 31)),
            ("2200", D(2200, 12, 31)),
            ("2026-04-20", D(2026, 4, 20)),
        ],
    )
    def test_last_day(self, text: str, last: D) -> None:
        assert p(text).last == last

    @pytest.mark.parametrize(
        ("text", "first"),
        [
            ("2026-Q1", D(2026, 1, 1)),
            ("2026-Q2", D(2026, 4, 1)),
            ("2026-Q3", D(2026, 7, 1)),
            ("2026-Q4", D(2026, 10, 1)),
            ("2026-H2", D(2026, 7, 1)),
            ("2026-02", D(2026, 2, 1)),
        ],
    )
    def test_first_day(self, text: str, first: D) -> None:
        assert p(text).first == first

    def test_year(self) -> None:
        assert p("2025-H2").year == 2025
        assert p("2026-04-20").year == 2026

    @pytest.mark.parametrize(
        ("outer", "inner", "contains"),
        [
            ("2026-Q2", "2026-04-20", True),
            ("2026-Q2", "2026-04", True),
            ("2026-Q2", "2026-Q2", True),
            ("2026-Q2", "2026-07-01", False),
            ("2026-Q2", "2026-H1", False),
            ("2026", "2026-H2", True),
            ("2026-H1", "2026-Q2", True),
            ("2026-04-20", "2026-Q2", False),
        ],
    )
    def test_contains(self, outer: str, inner: str, contains: bool) -> None:
        assert p(outer).contains(p(inner)) is contains

    def test_contains_a_plain_date(self) -> None:
        assert p("2026-Q2").contains(D(2026, 6, 30))
        assert not p("2026-Q2").contains(D(2026, 7, 1))

    @pytest.mark.parametrize(
        ("a", "b", "overlaps"),
        [
            ("2026-Q2", "2026-06", True),
            ("2026-Q2", "2026-H1", True),
            ("2026-Q2", "2026-Q3", False),
            ("2026-03-31", "2026-Q2", False),
            ("2026", "2026-12-31", True),
            ("2025", "2026", False),
        ],
    )
    def test_overlaps(self, a: str, b: str, overlaps: bool) -> None:
        assert p(a).overlaps(p(b)) is overlaps
        assert p(b).overlaps(p(a)) is overlaps

    @pytest.mark.parametrize(
        ("start", "months", "expected"),
        [
            ("2026-Q4", 3, "2027-Q1"),
            ("2026-Q1", -3, "2025-Q4"),
            ("2026-11", 2, "2027-01"),
            ("2026-01", -1, "2025-12"),
            ("2026-H2", 6, "2027-H1"),
            ("2026", 12, "2027"),
            ("2026", -24, "2024"),
            ("2026-05", 0, "2026-05"),
        ],
    )
    def test_shifted_months(self, start: str, months: int, expected: str) -> None:
        assert p(start).shifted_months(months) == p(expected)

    @pytest.mark.parametrize(("start", "months"), [("2026-Q2", 1), ("2026", 6), ("2026-H1", 3)])
    def test_shifting_off_the_period_grid_is_refused(self, start: str, months: int) -> None:
        with pytest.raises(DateError):
            p(start).shifted_months(months)

    def test_days_do_not_shift_by_months(self) -> None:
        with pytest.raises(DateError):
            p("2026-04-20").shifted_months(1)

    def test_shifting_out_of_range_is_refused(self) -> None:
        with pytest.raises(DateError):
            p("2200-12").shifted_months(1)


class TestComparison:
    def test_a_quarter_is_neither_before_nor_after_a_day_inside_it(self) -> None:
        q2, day = p("2026-Q2"), p("2026-04-20")
        assert not q2 < day
        assert not q2 > day
        assert not day < q2
        assert not day > q2
        assert not q2 <= day
        assert not q2 >= day
        assert q2 != day

    def test_earlier_year_is_before_a_later_day(self) -> None:
        assert p("2023") < p("2026-04-20")
        assert p("2026-04-20") > p("2023")
        assert p("2023") <= p("2026-04-20")
        assert not p("2023") > p("2026-04-20")

    @pytest.mark.parametrize(
        ("a", "b"),
        [
            ("2026-Q1", "2026-Q2"),
            ("2026-03", "2026-Q2"),
            ("2026-03-31", "2026-04-01"),
            ("2026-H1", "2026-07-01"),
            ("2025", "2026-01"),
            ("2025-12-31", "2026"),
        ],
    )
    def test_adjacent_periods_are_ordered(self, a: str, b: str) -> None:
        assert p(a) < p(b)
        assert p(b) > p(a)
        assert not p(b) < p(a)

    @pytest.mark.parametrize(
        ("a", "b"),
        [("2026-Q2", "2026-06"), ("2026", "2026-Q3"), ("2026-H1", "2026-Q2"), ("2026-04", "2026-04-30")],
    )
    def test_overlapping_periods_are_unordered(self, a: str, b: str) -> None:
        assert not p(a) < p(b)
        assert not p(b) < p(a)
        assert not p(a) > p(b)
        assert not p(b) > p(a)

    def test_equal_dates_are_less_or_equal(self) -> None:
        assert p("2026-Q2") <= p("second quarter of 2026")
        assert p("2026-Q2") >= p("Q2 2026")
        assert not p("2026-Q2") < p("2026-Q2")

    def test_same_first_day_different_precision_are_different(self) -> None:
        assert p("2026-04") != p("2026-Q2")
        assert p("2026-01-01") != p("2026")
        assert len({p("2026-04"), p("2026-Q2"), p("2026-04-01"), p("2026-Q2")}) == 3

    def test_compares_with_plain_dates(self) -> None:
        # The comparison methods are typed for PartialDate but take plain dates too.
        assert p("2026-Q2") < D(2026, 7, 1)  # type: ignore[operator]
        assert D(2026, 3, 31) < p("2026-Q2")  # type: ignore[operator]
        assert D(2026, 7, 1) > p("2026-Q2")  # type: ignore[operator]
        assert not p("2026-Q2") < D(2026, 5, 1)  # type: ignore[operator]

    @pytest.mark.parametrize("other", [dt.datetime(2027, 1, 1), "2027", 2027, None])
    def test_other_values_are_a_type_error(self, other: object) -> None:
        with pytest.raises(TypeError):
            p("2026-Q2") < other  # type: ignore[operator]  # noqa: B015
        with pytest.raises(TypeError):
            p("2026-Q2") > other  # type: ignore[operator]  # noqa: B015

    def test_plain_values_are_not_equal(self) -> None:
        assert p("2026-04-20") != D(2026, 4, 20)
        assert p("2026") != "2026"  # type: ignore[comparison-overlap]

    def test_sort_key_sorts_by_first_then_narrower(self) -> None:
        dates = [p("2026-Q2"), p("2026"), p("2026-04-01"), p("2025-H2"), p("2026-04")]
        ordered = sorted(dates, key=PartialDate.sort_key)
        assert [str(d) for d in ordered] == ["2025-H2", "2026", "2026-04-01", "2026-04", "2026-Q2"]


class TestReachedBy:
    @pytest.mark.parametrize(
        ("date", "by", "certainty"),
        [
            ("2026-Q2", "2026-03-31", Certainty.NO),
            ("2026-Q2", "2026-04-01", Certainty.POSSIBLY),
            ("2026-Q2", "2026-05-15", Certainty.POSSIBLY),
            ("2026-Q2", "2026-06-29", Certainty.POSSIBLY),
            ("2026-Q2", "2026-06-30", Certainty.CERTAINLY),
            ("2026-Q2", "2026-07-01", Certainty.CERTAINLY),
            ("2026-Q2", "2030", Certainty.CERTAINLY),
            ("2026-04-20", "2026-04-20", Certainty.CERTAINLY),
            ("2026-04-20", "2026-04-19", Certainty.NO),
            ("2026-04-20", "2026-Q2", Certainty.POSSIBLY),
            ("2026-03", "2026-Q2", Certainty.CERTAINLY),
            ("2026-Q3", "2026-Q2", Certainty.NO),
            ("2025", "2025-H2", Certainty.POSSIBLY),
            ("2025-12", "2025-12-31", Certainty.CERTAINLY),
        ],
    )
    def test_reached_by(self, date: str, by: str, certainty: Certainty) -> None:
        assert p(date).reached_by(p(by)) is certainty

    def test_reached_by_a_plain_date(self) -> None:
        assert p("2026-Q2").reached_by(D(2026, 5, 1)) is Certainty.POSSIBLY

    def test_reached_by_a_datetime_is_refused(self) -> None:
        with pytest.raises((TypeError, DateError)):
            p("2026-Q2").reached_by(dt.datetime(2026, 5, 1))

    @pytest.mark.parametrize(
        ("certainty", "truth"),
        [(Certainty.NO, False), (Certainty.POSSIBLY, False), (Certainty.CERTAINLY, True)],
    )
    def test_only_certainly_is_true(self, certainty: Certainty, truth: bool) -> None:
        assert bool(certainty) is truth


class TestText:
    @pytest.mark.parametrize(
        ("d", "text"),
        [
            (PartialDate.of_day(2026, 4, 5), "2026-04-05"),
            (PartialDate.of_month(2026, 2), "2026-02"),
            (PartialDate.of_quarter(2026, 3), "2026-Q3"),
            (PartialDate.of_half(2025, 1), "2025-H1"),
            (PartialDate.of_year(1900), "1900"),
        ],
    )
    def test_str_and_repr(self, d: PartialDate, text: str) -> None:
        assert str(d) == text
        assert repr(d) == f"PartialDate.parse('{text}')"
        assert eval(repr(d), {"PartialDate": PartialDate}) == d  # the repr evaluates back


class TestProperties:
    @settings(max_examples=100)
    @given(partial_dates)
    def test_str_round_trips(self, d: PartialDate) -> None:
        assert PartialDate.parse(str(d)) == d
        assert PartialDate.parse(str(d)).precision is d.precision

    @settings(max_examples=100)
    @given(partial_dates)
    def test_period_is_consistent(self, d: PartialDate) -> None:
        assert d.first <= d.last
        assert d.contains(d.first) and d.contains(d.last)
        assert d.contains(d)
        assert not d < d and not d > d
        assert d <= d and d >= d
        assert d.reached_by(d.last) is Certainty.CERTAINLY
        if d.first > D(1900, 1, 1):
            assert d.reached_by(d.first - dt.timedelta(days=1)) is Certainty.NO
        span = (d.last - d.first).days + 1
        expected_span = {
            Precision.DAY: (1, 1),
            Precision.MONTH: (28, 31),
            Precision.QUARTER: (90, 92),
            Precision.HALF: (181, 184),
            Precision.YEAR: (365, 366),
        }[d.precision]
        assert expected_span[0] <= span <= expected_span[1]

    @settings(max_examples=100)
    @given(partial_dates, partial_dates)
    def test_order_is_certainly_before(self, a: PartialDate, b: PartialDate) -> None:
        assert (a < b) == (a.last < b.first)
        assert (a < b) == (b > a)
        assert not (a < b and b < a)
        if a < b:
            assert not a.overlaps(b)
            assert a.reached_by(b) is Certainty.CERTAINLY
            assert b.reached_by(a) is Certainty.NO
        if not a.overlaps(b):
            assert a < b or b < a

    @settings(max_examples=60)
    @given(st.dates(D(1900, 1, 1), D(2200, 12, 31)), st.dates(D(1900, 1, 1), D(2200, 12, 31)))
    def test_days_are_totally_ordered(self, x: D, y: D) -> None:
        a, b = PartialDate.from_date(x), PartialDate.from_date(y)
        assert (a < b) == (x < y)
        assert (a == b) == (x == y)
        assert (a <= b) == (x <= y)

    @settings(max_examples=60)
    @given(partial_dates, st.dates(D(1900, 1, 1), D(2200, 12, 31)))
    def test_contains_a_day_iff_it_lies_between_first_and_last(self, d: PartialDate, day: D) -> None:
        assert d.contains(day) == (d.first <= day <= d.last)
        assert d.contains(day) == d.overlaps(day)


class TestDecade:
    @pytest.mark.parametrize("text", ["2020s", "the 2020s", "2020’s", "2020s"])
    def test_parse(self, text: str) -> None:
        d = PartialDate.parse(text)
        assert d.precision is Precision.DECADE
        assert (d.first, d.last, d.year, str(d)) == (D(2020, 1, 1), D(2029, 12, 31), 2020, "2020s")
        assert repr(d) == "PartialDate.parse('2020s')"

    def test_honest_comparisons(self) -> None:
        decade = PartialDate.parse("2020s")
        inside = PartialDate.parse("2027-H2")
        assert not decade < inside and not inside < decade and decade.contains(inside)
        assert PartialDate.parse("2019-12-31") < decade < PartialDate.parse("2030")
        assert decade.reached_by(PartialDate.parse("2025")) is Certainty.POSSIBLY
        assert decade.reached_by(PartialDate.parse("2030-01-01")) is Certainty.CERTAINLY
        assert decade.reached_by(PartialDate.parse("2019")) is Certainty.NO

    @pytest.mark.parametrize("text", ["2025s", "2020ss", "202s", "late 2020s"])
    def test_refused(self, text: str) -> None:
        with pytest.raises(ParseError):
            PartialDate.parse(text)

    def test_misaligned(self) -> None:
        with pytest.raises(DateError, match="decade must start"):
            PartialDate(D(2025, 1, 1), Precision.DECADE)
        assert PartialDate.of_decade(2029) == PartialDate.parse("2020s")


class TestFiscalYear:
    @pytest.mark.parametrize("text", ["FY2027", "FY27", "FY 2027", "fiscal 2027", "Fiscal year 2027", "fy27"])
    def test_parse(self, text: str) -> None:
        d = PartialDate.parse(text)
        assert d.precision is Precision.FISCAL_YEAR
        # twelve months ending in January 2027 at the earliest, starting in December 2027 at the latest
        assert (d.first, d.last, d.year, str(d)) == (D(2026, 2, 1), D(2028, 11, 30), 2027, "FY2027")

    def test_not_silently_a_calendar_year(self) -> None:
        fy, year = PartialDate.parse("FY2027"), PartialDate.parse("2027")
        assert fy != year
        assert not fy < year and not year < fy and not fy > year
        assert fy.overlaps(year) and not fy.contains(PartialDate.parse("2026-01"))
        assert fy < PartialDate.parse("2028-12") and PartialDate.parse("2026-01") < fy

    def test_japanese_and_indian_fiscal_years_lie_inside(self) -> None:
        fy28 = PartialDate.parse("fiscal 2028")
        assert fy28.first <= D(2028, 4, 1) and D(2029, 3, 31) <= fy28.last  # Japan: April 2028 - March 2029
        fy27 = PartialDate.parse("FY27")
        assert fy27.first <= D(2026, 4, 1) and D(2027, 3, 31) <= fy27.last  # India: April 2026 - March 2027

    def test_misaligned(self) -> None:
        with pytest.raises(DateError, match="fiscal_year must start"):
            PartialDate(D(2026, 1, 1), Precision.FISCAL_YEAR)
        with pytest.raises(DateError):
            PartialDate.of_fiscal_year(1900)


class TestEarlyAndLateYear:
    def test_halves(self) -> None:
        assert PartialDate.parse("early 2026") == PartialDate.parse("2026-H1")
        assert PartialDate.parse("late 2026") == PartialDate.parse("2026-H2")
