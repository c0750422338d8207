"""The canonical grammar as patterns (the catalog schema's) accepts a value exactly when the loader does."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from dealkit import DealkitError
from dealkit._values import FIGURE_KINDS, parse_canonical, value_pattern
from tests.strategies import (
    currency_amounts,
    durations,
    energies,
    partial_dates,
    powers,
)

PATTERNS = {kind: re.compile(value_pattern(kind)) for kind in FIGURE_KINDS}
SETTINGS = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _loads(kind: str, text: str) -> bool:
    try:
        parse_canonical(kind, text)  # type: ignore[arg-type]
    except DealkitError:
        return False
    return True


def _agree(kind: str, text: str) -> None:
    assert bool(PATTERNS[kind].fullmatch(text)) == _loads(kind, text), (kind, text)


digits = st.text("0123456789", min_size=1, max_size=40)
numbers = st.one_of(
    digits,
    st.tuples(digits, digits).map(".".join),
    st.tuples(st.text("0", max_size=5), digits).map("".join),
    st.integers(0, 40).map(lambda n: "9" * n or "0"),
    st.integers(0, 40).map(lambda n: "1" + "0" * n),
    st.tuples(st.integers(0, 30), st.integers(0, 120)).map(lambda p: "1" + "0" * p[0] + "." + "0" * p[1] + "1"),
    st.sampled_from(["", ".", "1.", ".5", "-5", "1e3", "1_000", "5,000", " 5", "NaN", "\u0661"]),
)
unit_words = st.sampled_from([
    "W", "kW", "MW", "GW", "TW", "PW", "gw", "Gw", "gW", "Wh", "kWh", "MWh", "GWh", "TWh", "gwh",
    "watt", "watts", "Watts", "GIGAWATTS", "megawatt", "gigawatthour", "gigawatt-hours", "terawatthours",
    "day", "days", "d", "D", "month", "Months", "quarter", "quarters", "year", "years", "y", "yr", "yrs", "YRS",
    "week", "furlong", "parsec", "", "G W",
])


def _kinds(*kinds: str):
    return pytest.mark.parametrize("kind", kinds)


class TestMeasures:
    @_kinds("power", "energy", "duration")
    @SETTINGS
    @given(number=numbers, unit=unit_words)
    @example(number="1000000", unit="GW").via("the largest power in GW")
    @example(number="1000000.0000001", unit="GW").via("just above it")
    @example(number="10000", unit="year").via("the longest duration")
    @example(number="120000", unit="months").via("just above the longest, in months")
    @example(number="0" * 195, unit="W").via("leading zeros beyond the text length")
    def test_number_and_unit(self, kind: str, number: str, unit: str) -> None:
        _agree(kind, f"{number} {unit}")

    @SETTINGS
    @given(st.one_of(
        powers().map(lambda v: ("power", str(v))), energies().map(lambda v: ("energy", str(v))),
        durations().map(lambda v: ("duration", str(v))),
    ))
    def test_every_written_measure(self, written: tuple[str, str]) -> None:
        kind, text = written
        assert PATTERNS[kind].fullmatch(text) and _loads(kind, text)


class TestMoney:
    @SETTINGS
    @given(number=numbers, code=st.sampled_from(["USD", "EUR", "JPY", "XYZ", "usd", "US", "USDD", "GBP"]),
           sign=st.sampled_from(["", "-"]))
    @example(number="999999999999999999999", code="USD", sign="").via("just below 10^21")
    @example(number="1000000000000000000000", code="USD", sign="").via("10^21")
    def test_number_and_code(self, number: str, code: str, sign: str) -> None:
        _agree("money", f"{sign}{number} {code}")

    @SETTINGS
    @given(currency_amounts())
    def test_every_written_amount(self, amount) -> None:
        assert PATTERNS["money"].fullmatch(str(amount)) and _loads("money", str(amount))

    def test_claims_take_no_negative_money(self) -> None:
        assert re.fullmatch(value_pattern("money", negative=False), "-5 USD") is None
        assert re.fullmatch(value_pattern("money", negative=False), "5 USD")


class TestNumbers:
    @_kinds("multiple", "percent", "count")
    @SETTINGS
    @given(number=numbers, suffix=st.sampled_from(["", "x", "%", " x", "X", "xx"]))
    def test_number_and_suffix(self, kind: str, number: str, suffix: str) -> None:
        _agree(kind, number + suffix)


class TestDates:
    @SETTINGS
    @given(year=st.integers(1850, 2250), month=st.integers(0, 13), day=st.integers(0, 32),
           form=st.sampled_from(["day", "month", "quarter", "half", "year"]))
    @example(year=2024, month=2, day=29, form="day").via("a leap day")
    @example(year=2100, month=2, day=29, form="day").via("no leap day in 2100")
    @example(year=2000, month=2, day=29, form="day").via("a leap day in 2000")
    def test_calendar(self, year: int, month: int, day: int, form: str) -> None:
        text = {
            "day": f"{year:04d}-{month:02d}-{day:02d}", "month": f"{year:04d}-{month:02d}",
            "quarter": f"{year:04d}-Q{month % 6}", "half": f"{year:04d}-H{month % 4}", "year": f"{year:04d}",
        }[form]
        _agree("date", text)

    @SETTINGS
    @given(partial_dates)
    def test_every_written_date(self, date) -> None:
        assert PATTERNS["date"].fullmatch(str(date)) and _loads("date", str(date))


def test_patterns_compile_without_python_only_syntax() -> None:
    # ECMA-262 has no inline flags or possessive quantifiers: editors must read the schema's patterns too.
    for kind in FIGURE_KINDS:
        assert "(?i" not in value_pattern(kind) and "++" not in value_pattern(kind)
    assert Decimal(1)  # the module's imports are used


class TestRates:
    @SETTINGS
    @given(number=numbers, code=st.sampled_from(["USD", "EUR", "usd", "XYZ"]),
           unit=st.sampled_from(["MWh", "mwh", "kWh", "GW", "year", "Year", "yrs", "month", "W", "parsec", "", "MWh/h"]))
    def test_number_code_and_unit(self, number: str, code: str, unit: str) -> None:
        _agree("rate", f"{number} {code}/{unit}")


class TestDecadesAndFiscalYears:
    @SETTINGS
    @given(year=st.integers(1850, 2250), form=st.sampled_from(["{y}s", "FY{y}", "FY {y}", "{y}S", "fy{y}"]))
    @example(year=1900, form="FY{y}").via("no fiscal year 1900: it would start in 1899")
    @example(year=2025, form="{y}s").via("a decade names its first year")
    def test_forms(self, year: int, form: str) -> None:
        _agree("date", form.format(y=year))
