"""Bulk helpers: exact money totals (sum_amounts) and pint quantities over arrays (quantity_array)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dealkit
from dealkit import (
    CurrencyAmount,
    CurrencyMismatchError,
    DimensionError,
    Duration,
    Energy,
    InvalidValueError,
    Power,
    quantity_array,
    sum_amounts,
)

from tests.strategies import cent_amounts


def usd(text: str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(text), "USD")


class TestSumAmounts:
    def test_adds_the_two_tranches(self) -> None:
        # $5B immediate + $20B milestone-linked = $25B (the headline deal)
        assert sum_amounts([CurrencyAmount.parse("$5B"), CurrencyAmount.parse("$20B")]) == usd("25000000000")

    def test_is_exact_where_floats_are_not(self) -> None:
        # 0.1 + 0.2 is 0.30000000000000004 in binary floats; money must give 0.3
        assert sum_amounts([usd("0.1"), usd("0.2")]).amount == Decimal("0.3")

    def test_accepts_any_iterable_once(self) -> None:
        assert sum_amounts(usd(str(i)) for i in range(1, 101)) == usd("5050")

    def test_one_amount_is_itself(self) -> None:
        assert repr(sum_amounts([usd("1.50")])) == repr(usd("1.50"))

    def test_empty_needs_a_currency(self) -> None:
        assert sum_amounts([], "EUR") == CurrencyAmount(Decimal(0), "EUR")
        with pytest.raises(InvalidValueError, match="needs a currency"):
            sum_amounts([])

    def test_empty_with_an_unknown_currency_is_refused(self) -> None:
        with pytest.raises(dealkit.UnknownCurrencyError):
            sum_amounts([], "XYZ")

    def test_mixed_currencies_are_refused(self) -> None:
        with pytest.raises(CurrencyMismatchError, match="cannot add USD and EUR"):
            sum_amounts([usd("1"), CurrencyAmount(Decimal(1), "EUR")])

    def test_the_given_currency_must_match(self) -> None:
        with pytest.raises(CurrencyMismatchError, match="cannot add EUR and USD"):
            sum_amounts([usd("1")], "EUR")

    def test_other_items_are_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="not Decimal"):
            sum_amounts([usd("1"), Decimal(1)])  # type: ignore[list-item]

    def test_a_total_that_needs_rounding_is_refused(self) -> None:
        # 10^20 + 10^-8 has 29 significant digits: more than money may carry
        with pytest.raises(InvalidValueError, match="significant digits"):
            sum_amounts([usd("100000000000000000000"), usd("0.00000001")])

    def test_an_absurd_total_is_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="absurdly large"):
            sum_amounts([usd("600000000000000000000"), usd("600000000000000000000")])

    def test_only_the_final_total_is_bounded(self) -> None:
        # 6e20 + 6e20 = 1.2e21 is beyond the bound, so `+` refuses the running sum;
        # the total 6e20 + 6e20 - 6e20 = 6e20 is within it.
        big, minus_big = usd("600000000000000000000"), usd("-600000000000000000000")
        with pytest.raises(InvalidValueError):
            big + big
        assert sum_amounts([big, big, minus_big]) == big

    @given(st.lists(cent_amounts(), min_size=1, max_size=30))
    def test_equals_adding_one_by_one(self, values: list[Decimal]) -> None:
        amounts = [CurrencyAmount(v, "USD") for v in values]
        total = amounts[0]
        for a in amounts[1:]:
            total = total + a
        assert sum_amounts(amounts) == total
        assert sum_amounts(amounts).amount == sum(values, Decimal(0))


class TestQuantityArray:
    def test_powers_in_one_unit(self) -> None:
        q = quantity_array([Power(5, "GW"), Power(500, "MW")], "MW")
        assert str(q.units) == "megawatt"
        assert q.magnitude.tolist() == [5000.0, 500.0]

    def test_the_unit_defaults_to_the_first_ones(self) -> None:
        q = quantity_array([Power(500, "MW"), Power(5, "GW")])
        assert q.magnitude.tolist() == [500.0, 5000.0]
        assert str(q.units) == "megawatt"

    def test_converts_vectorised_like_each_item(self) -> None:
        powers = [Power(5, "GW"), Power(Decimal("0.9"), "GW"), Power(30, "MW")]
        mw = quantity_array(powers, "GW").to("MW").magnitude.tolist()
        assert mw == pytest.approx([5000.0, 900.0, 30.0])
        assert mw == pytest.approx([float(p.quantity.to("MW").magnitude) for p in powers])

    def test_uses_the_shared_registry(self) -> None:
        q = quantity_array([Power(5, "GW")])
        year = 8760 * dealkit.get_registry().hour
        # 5 GW for a year is 43.8 TWh: it combines with the package registry's units
        assert (q * year).to("TWh").magnitude.tolist() == pytest.approx([43.8])

    def test_energies(self) -> None:
        q = quantity_array([Energy(Decimal("43.8"), "TWh")], "GWh")
        assert q.magnitude.tolist() == pytest.approx([43800.0])

    def test_durations_come_in_days(self) -> None:
        q = quantity_array([Duration(1, "year"), Duration(1, "quarter")])
        assert str(q.units) == "day"
        assert q.magnitude.tolist() == [365.0, 91.25]

    def test_kinds_are_not_mixed(self) -> None:
        with pytest.raises(DimensionError, match="cannot mix power with Energy"):
            quantity_array([Power(5, "GW"), Energy(5, "GWh")])  # type: ignore[list-item]

    def test_a_unit_of_another_kind_is_refused(self) -> None:
        with pytest.raises(DimensionError):
            quantity_array([Power(5, "GW")], "GWh")

    def test_needs_measures(self) -> None:
        with pytest.raises(InvalidValueError):
            quantity_array([])
        with pytest.raises(DimensionError):
            quantity_array([CurrencyAmount.parse("$5B")])  # type: ignore[list-item]
