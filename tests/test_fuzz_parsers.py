"""A short fuzz run of every text parser: refuse with a DealkitError, or give a value that round-trips.

Hypothesis feeds each parser arbitrary Unicode, text built from the characters
that matter (digits, signs, operators, brackets, unit letters, currency
symbols) and near misses built from valid pieces.  A parser may only raise a
:class:`~dealkit.DealkitError`; what it accepts must be a valid value whose
canonical text reads back as the same value.  No text may reach pint except a
single plain word.  The run is bounded by ``max_examples`` (raise it with
``DEALKIT_FUZZ_EXAMPLES`` for a longer local run).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit import (
    FIGURE_KINDS,
    CurrencyAmount,
    DealkitError,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
)
from dealkit.serialization import canonical_text, parse_canonical
from dealkit._values.currency import check_currency
from dealkit._values.numbers import canonical_decimal, parse_decimal

FUZZ = settings(
    max_examples=int(os.environ.get("DEALKIT_FUZZ_EXAMPLES", "200")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# -- the inputs -------------------------------------------------------------------------------

_CHARS = "0123456789.,-+*/^()[]{}eE_xX $€£%~ \t\n\u00a0\u0661\u0662\uff11" "GWMkTmhyearsdquntoblibiUSDEURusdQH:"
_NUMBERS = [
    "0", "5", "1.25", "25000000000", "-5", "1e3", "NaN", "sNaN", "inf", "Infinity", "1_000", "0x10",
    "5,000", "1,25", "9" * 40, "\u0661\u0662", "", ".5", "5.", "00", "10**10",
]
_UNITS = [
    "GW", "MW", "kW", "W", "TW", "GWh", "TWh", "gigawatts", "megawatt", "years", "year", "months", "quarter",
    "days", "d", "y", "parsec", "furlong", "gw", "G W", "GW*GW", "GW**2", "(GW)", "", "USD", "EUR", "usd",
    "XYZ", "B", "billion", "bn", "x", "%", "__import__('os')", "meter", "second", "hour", "kelvin",
]
_PREFIXES = ["", "$", "€", "£", "US$", "up to ", "more than ", "about ", "nearly ", "~", "between ", "by "]
_SUFFIXES = ["", "+", " .. 50 MW", "–50 MW", " to 7 GW", " and 9 GW", "x", "%", " USD"]


@st.composite
def near_misses(draw: st.DrawFn) -> str:
    """Valid-looking pieces in odd combinations: '$1e3 billion', 'up to nan GW', '5 GW .. 3 MW'."""
    return (
        draw(st.sampled_from(_PREFIXES))
        + draw(st.sampled_from(_NUMBERS))
        + draw(st.sampled_from(["", " ", "  ", "\t"]))
        + draw(st.sampled_from(_UNITS))
        + draw(st.sampled_from(_SUFFIXES))
    )


@st.composite
def date_like(draw: st.DrawFn) -> str:
    year = draw(st.sampled_from(["2026", "1899", "2201", "0000", "99999", "26", "\uff12\uff10\uff12\uff16"]))
    rest = draw(st.sampled_from([
        "", "-04-20", "-02-30", "-02-29", "-13", "-00", "-Q2", "-Q5", "-H2", "-H3", "0420", "-04-20T10:00",
        "-4-20", "-04", "/04/20", " Q2", "-W17",
    ]))
    words = draw(st.sampled_from(["", "Q3 ", "second quarter of ", "April 20, ", "April 31, ", "end of ", "late "]))
    return words + year + rest if words else year + rest


TEXTS = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=_CHARS, max_size=40),
    near_misses(),
    date_like(),
    st.text(alphabet="(*)^GW0123456789 ", min_size=200, max_size=400),  # longer than any parser reads
)

# -- pint may see one plain word at most -------------------------------------------------------


@pytest.fixture(autouse=True)
def registry_spy(monkeypatch: pytest.MonkeyPatch) -> Any:
    import dealkit._values.units

    real = dealkit._values.units.get_registry()
    seen: list[str] = []

    class Spy:
        def __contains__(self, name: str) -> bool:
            seen.append(name)
            return name in real

        def Unit(self, name: str) -> Any:  # noqa: N802 - pint's name
            seen.append(name)
            return real.Unit(name)

        def __getattr__(self, name: str) -> Any:
            raise AssertionError(f"user text reached ureg.{name}")

    monkeypatch.setattr(dealkit._values.units, "get_registry", lambda: Spy())
    yield
    assert all(re.fullmatch(r"[A-Za-z]{1,30}", name) for name in seen), seen


# -- the properties -----------------------------------------------------------------------------


def _refused_or(parse: Callable[[str], Any], text: str) -> Any:
    """``parse(text)``, or None when it is refused with a DealkitError (anything else fails)."""
    try:
        return parse(text)
    except DealkitError as exc:
        assert exc.reason
        str(exc)  # the message can always be written
        return None


MEASURES: list[type[Power] | type[Energy] | type[Duration]] = [Power, Energy, Duration]


@FUZZ
@given(text=TEXTS)
@pytest.mark.parametrize("cls", MEASURES, ids=lambda c: c.__name__)
def test_measure_parse(cls: type[Power] | type[Energy] | type[Duration], text: str) -> None:
    value = _refused_or(cls.parse, text)
    if value is not None:
        assert isinstance(value, cls)
        assert value.base >= 0
        back = cls.parse(str(value))
        assert back == value
        assert str(back) == str(value)


@FUZZ
@given(text=TEXTS)
def test_money_parse(text: str) -> None:
    value = _refused_or(CurrencyAmount.parse, text)
    if value is not None:
        assert value.amount.is_finite()
        assert CurrencyAmount.parse(str(value)) == value


@FUZZ
@given(text=TEXTS)
def test_date_parse(text: str) -> None:
    value = _refused_or(PartialDate.parse, text)
    if value is not None:
        back = PartialDate.parse(str(value))
        assert back == value
        assert back.precision is value.precision


@FUZZ
@given(text=TEXTS)
@pytest.mark.parametrize(
    "parse_value",
    [Power.parse, CurrencyAmount.parse, PartialDate.parse, Duration.parse],
    ids=["power", "money", "date", "duration"],
)
def test_estimate_parse(parse_value: Callable[[str], Any], text: str) -> None:
    estimate = _refused_or(lambda s: Estimate.parse(s, parse_value), text)
    if estimate is not None:
        assert isinstance(estimate, Estimate)
        bounds = [b for b in (estimate.low, estimate.high) if b is not None]
        assert bounds
        if len(bounds) == 2:
            assert not bounds[1] < bounds[0]


@FUZZ
@given(text=TEXTS)
@pytest.mark.parametrize("kind", FIGURE_KINDS)
def test_canonical_text(kind: Any, text: str) -> None:
    value = _refused_or(lambda s: parse_canonical(kind, s), text)
    if value is not None:
        written = canonical_text(kind, value)
        assert parse_canonical(kind, written) == value
        # Canonical text is its own canonical form.
        assert canonical_text(kind, parse_canonical(kind, written)) == written


@FUZZ
@given(text=TEXTS | st.from_regex(r"-?[0-9]{1,40}(\.[0-9]{1,40})?", fullmatch=True))
def test_parse_decimal(text: str) -> None:
    value = _refused_or(parse_decimal, text)
    if value is not None:
        assert isinstance(value, Decimal)
        assert value.is_finite()
        assert parse_decimal(canonical_decimal(value)) == value


@FUZZ
@given(code=st.text(max_size=5) | st.from_regex(r"[A-Za-z]{3}", fullmatch=True))
def test_currency_codes(code: str) -> None:
    accepted = _refused_or(check_currency, code)
    if accepted is not None:
        assert re.fullmatch(r"[A-Z]{3}", accepted)
        assert CurrencyAmount(1, accepted).currency == accepted
