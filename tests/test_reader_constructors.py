"""The constructors readers use to build many values (the extractor): the same values, the same refusals.

``stated_money``, ``stated_measure``, ``one_value_estimate`` and ``approximate_estimate``
skip conversions and checks that cannot fail for what a reader holds; they must give
exactly what the public constructors give, and refuse what they refuse.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dealkit import CurrencyAmount, DealkitError, Duration, Energy, Estimate, Power
from dealkit._values import (
    Qualifier,
    approximate_estimate,
    one_value_estimate,
    stated_measure,
    stated_money,
)

# Digits as the extractor reads them (up to 24 before the point, 20 after) times a scale:
# some are too long for a value, and both constructors must refuse those alike.
numbers = st.builds(
    lambda digits, places, scale: Decimal(digits).scaleb(-places) * scale,
    st.integers(min_value=0, max_value=10**24 - 1),
    st.integers(min_value=0, max_value=20),
    st.sampled_from([1, 100, 10**3, 10**6, 10**9, 10**12]),
)
MEASURES = [(Power, ["W", "kW", "MW", "GW", "TW"]), (Energy, ["Wh", "kWh", "MWh", "GWh", "TWh"]),
            (Duration, ["day", "month", "quarter", "year"])]


def _outcome(build: object) -> object:
    try:
        return build() if callable(build) else build
    except DealkitError as exc:
        return type(exc)


class TestStatedMoney:
    @given(numbers, st.sampled_from(["USD", "EUR", "JPY", "GBP", "INR"]))
    def test_same_as_the_constructor(self, amount: Decimal, code: str) -> None:
        ours = _outcome(lambda: stated_money(amount, code))
        theirs = _outcome(lambda: CurrencyAmount(amount, code))
        assert ours == theirs
        if isinstance(ours, CurrencyAmount):
            assert (ours.amount, ours.currency) == (amount, code)

    def test_refuses_what_the_constructor_refuses(self) -> None:
        with pytest.raises(DealkitError, match="absurdly large"):
            stated_money(Decimal(10) ** 21, "USD")
        with pytest.raises(DealkitError, match="significant digits"):
            stated_money(Decimal("1." + "1" * 40), "USD")
        with pytest.raises(DealkitError):
            stated_money(Decimal(5), "usd")


class TestStatedMeasure:
    @given(numbers, st.sampled_from([(kind, unit) for kind, units in MEASURES for unit in units]))
    def test_same_as_the_constructor(self, magnitude: Decimal, kind_unit: tuple[type, str]) -> None:
        kind, unit = kind_unit
        ours = _outcome(lambda: stated_measure(kind, magnitude, unit))
        theirs = _outcome(lambda: kind(magnitude, unit))
        assert ours == theirs
        if not isinstance(ours, type):
            assert ours.unit == theirs.unit  # type: ignore[union-attr]

    def test_refuses_an_implausible_size_and_an_unknown_unit(self) -> None:
        # 1,000 TW is the largest power: 1,001 TW is refused.
        with pytest.raises(DealkitError, match="implausibly large"):
            stated_measure(Power, Decimal(1001), "TW")
        with pytest.raises(DealkitError):
            stated_measure(Power, Decimal(5), "GWh")


class TestEstimatesOfOneValue:
    @given(numbers)
    def test_one_value_estimates_equal_the_checked_ones(self, value: Decimal) -> None:
        assert one_value_estimate(Qualifier.EXACT, value) == Estimate.exact(value)
        assert one_value_estimate(Qualifier.AT_MOST, value) == Estimate.at_most(value)
        assert one_value_estimate(Qualifier.AT_LEAST, value) == Estimate.at_least(value)

    @given(numbers)
    def test_approximate_estimates_equal_the_checked_ones(self, value: Decimal) -> None:
        assert approximate_estimate(value) == Estimate.approximately(value)
        assert approximate_estimate(value, nearly=True) == Estimate.nearly(value)

    def test_approximate_bounds_by_hand(self) -> None:
        e = approximate_estimate(Power(5, "GW"))
        assert (e.low, e.central, e.high) == (Power("4.5", "GW"), Power(5, "GW"), Power("5.5", "GW"))
        n = approximate_estimate(Decimal(200), nearly=True)
        assert (n.low, n.central, n.high) == (Decimal(180), Decimal(200), Decimal(200))

    def test_a_negative_nearly_is_refused_as_by_the_checked_constructor(self) -> None:
        with pytest.raises(DealkitError):
            approximate_estimate(Decimal(-5), nearly=True)
        assert approximate_estimate(Decimal(-10)) == Estimate.approximately(Decimal(-10))
