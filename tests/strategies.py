"""Shared hypothesis strategies for dealkit's value types.

Every strategy stays inside the limits the types enforce (28 significant
digits, amounts below 10^21, measures below their plausible maximum, years
1900..2200), so a drawn value is always constructible.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, TypeVar

from hypothesis import strategies as st

from dealkit._values.dates import PartialDate
from dealkit._values.estimate import Estimate, Qualifier
from dealkit._values.money import CurrencyAmount
from dealkit._values.numbers import MAX_DIGITS
from dealkit._values.measures import Duration, Energy, Power

__all__ = [
    "CURRENCIES",
    "amounts",
    "cent_amounts",
    "currencies",
    "currency_amounts",
    "decimals",
    "durations",
    "energies",
    "estimate_and_point",
    "estimates",
    "money_estimates",
    "partial_dates",
    "power_estimates",
    "powers",
]

T = TypeVar("T")

#: A few active ISO 4217 codes, with and without minor units.
CURRENCIES: Final = ("USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "SAR")

#: The exponent of 10^21: money must stay below it.
_AMOUNT_EXPONENT: Final = 21

currencies = st.sampled_from(CURRENCIES)


@st.composite
def decimals(
    draw: st.DrawFn,
    *,
    min_exponent: int = -12,
    max_exponent: int = _AMOUNT_EXPONENT - 1,
    bound_exponent: int = _AMOUNT_EXPONENT,
    signed: bool = True,
) -> Decimal:
    """Decimals with at most 28 significant digits and magnitude below 10^bound_exponent."""
    exponent = draw(st.integers(min_exponent, max_exponent))
    max_digits = min(MAX_DIGITS, bound_exponent - exponent)
    coefficient = draw(st.integers(0, 10**max_digits - 1))
    negative = signed and draw(st.booleans())
    return Decimal(f"{'-' if negative else ''}{coefficient}E{exponent}")


#: Any amount CurrencyAmount accepts: up to 28 digits, below 10^21, any sign.
amounts = decimals()


def cent_amounts(*, signed: bool = True, bound: int = 10**15) -> st.SearchStrategy[Decimal]:
    """Amounts with two decimal places below ``bound``: sums of a few never need rounding."""
    low = -bound + 1 if signed else 0
    return st.integers(low, bound - 1).map(lambda cents: Decimal(cents).scaleb(-2))


def currency_amounts(
    currency: str | st.SearchStrategy[str] | None = None,
    values: st.SearchStrategy[Decimal] | None = None,
) -> st.SearchStrategy[CurrencyAmount]:
    """CurrencyAmounts in ``currency`` (a code, a strategy of codes, or any of CURRENCIES)."""
    codes = (
        currencies
        if currency is None
        else st.just(currency)
        if isinstance(currency, str)
        else currency
    )
    return st.builds(CurrencyAmount, values if values is not None else amounts, codes)


def _measures(
    cls: Callable[[Decimal, Any], T], units: dict[str, Decimal], maximum: Decimal, places: int
) -> st.SearchStrategy[T]:
    def in_unit(unit: str) -> st.SearchStrategy[T]:
        top = maximum / units[unit]
        # st.decimals with `places` yields exactly that many decimal places.
        magnitudes = st.decimals(
            min_value=0, max_value=top, places=places,
            allow_nan=False, allow_infinity=False,
        )
        return magnitudes.map(lambda m: cls(m, unit))

    return st.sampled_from(sorted(units)).flatmap(in_unit)


def powers(places: int = 3, maximum: Decimal = Decimal(10) ** 12) -> st.SearchStrategy[Power]:
    """Powers in every unit W..TW up to ``maximum`` watts (1 TW: sums and a century stay valid)."""
    return _measures(Power, Power.UNITS, min(maximum, Power.MAXIMUM), places)


def energies(places: int = 3, maximum: Decimal = Decimal(10) ** 16) -> st.SearchStrategy[Energy]:
    """Energies in every unit Wh..TWh up to ``maximum`` watt-hours."""
    return _measures(Energy, Energy.UNITS, min(maximum, Energy.MAXIMUM), places)


def durations() -> st.SearchStrategy[Duration]:
    """Whole numbers of days, months, quarters and years up to 100 years."""
    limits = {"day": 36_500, "month": 1_200, "quarter": 400, "year": 100}
    return st.sampled_from(sorted(limits)).flatmap(
        lambda unit: st.integers(0, limits[unit]).map(lambda n: Duration(n, unit))  # type: ignore[arg-type]
    )


_FIRST_DAY: Final = dt.date(1900, 1, 1)
_LAST_DAY: Final = dt.date(2200, 12, 31)
_years = st.integers(1900, 2200)

#: PartialDates of every precision: day, month, quarter, half and year.
partial_dates: st.SearchStrategy[PartialDate] = st.one_of(
    st.dates(_FIRST_DAY, _LAST_DAY).map(PartialDate.from_date),
    st.builds(PartialDate.of_month, _years, st.integers(1, 12)),
    st.builds(PartialDate.of_quarter, _years, st.integers(1, 4)),
    st.builds(PartialDate.of_half, _years, st.integers(1, 2)),
    st.builds(PartialDate.of_year, _years),
)


@st.composite
def _sorted_values(draw: st.DrawFn, values: st.SearchStrategy[T], n: int) -> list[T]:
    return sorted(draw(st.lists(values, min_size=n, max_size=n)))  # type: ignore[type-var]


def estimates(values: st.SearchStrategy[T]) -> st.SearchStrategy[Estimate[T]]:
    """Estimates of every qualifier over mutually comparable ``values``.

    Approximate estimates come both with the default tolerance and with explicit bounds.
    """
    return estimate_and_point(values).map(lambda pair: pair[0])


@st.composite
def estimate_and_point(draw: st.DrawFn, values: st.SearchStrategy[T]) -> tuple[Estimate[T], T]:
    """An estimate of any qualifier and a value that lies within its bounds."""
    v = draw(_sorted_values(values, 4))
    qualifier = draw(st.sampled_from(Qualifier))
    if qualifier is Qualifier.EXACT:
        return Estimate.exact(v[1]), v[1]
    if qualifier is Qualifier.AT_MOST:
        return Estimate.at_most(v[3]), draw(st.sampled_from(v))
    if qualifier is Qualifier.AT_LEAST:
        return Estimate.at_least(v[0]), draw(st.sampled_from(v))
    if qualifier is Qualifier.RANGE:
        if v[0] == v[3]:
            return Estimate.exact(v[0]), v[0]
        return Estimate.between(v[0], v[3]), draw(st.sampled_from(v))
    central, point = (v[1], v[2]) if draw(st.booleans()) else (v[2], v[1])
    if draw(st.booleans()):
        # The default 10 % tolerance around the central value.
        estimate: Estimate[Any] = Estimate.approximately(central)
        return estimate, central
    return Estimate.approximately(central, low=v[0], high=v[3]), point  # type: ignore[type-var]


def money_estimates() -> st.SearchStrategy[Estimate[CurrencyAmount]]:
    """Estimates of every qualifier over non-negative amounts of one currency."""
    return currencies.flatmap(
        lambda code: estimates(currency_amounts(code, cent_amounts(signed=False)))
    )


def power_estimates() -> st.SearchStrategy[Estimate[Power]]:
    """Estimates of every qualifier over powers."""
    return estimates(powers())

