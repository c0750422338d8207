"""Tests for dealkit._values.money: Rate (money per energy, power or time) and the pint view of money."""

from __future__ import annotations

import copy
import pickle
from decimal import Decimal

import pint
import pytest
from hypothesis import given
from hypothesis import strategies as st

import dealkit
from dealkit import CurrencyAmount, Duration, Energy, Power
from dealkit._errors import CurrencyMismatchError, DealkitError, DimensionError, InvalidValueError, ParseError
from dealkit._values.money import Rate, from_money_quantity, money_quantity

BILLION = 10**9


def usd(amount: int | str) -> CurrencyAmount:
    return CurrencyAmount(Decimal(amount), "USD")


class TestConstruction:
    def test_money_over_energy_is_a_price(self) -> None:
        price = Rate.of(usd(100), Energy(2, "MWh"))
        assert price.amount == usd(50)
        assert price.unit == "MWh"
        assert price.kind == "energy"
        assert str(price) == "50 USD/MWh"

    def test_money_over_power_is_a_price_per_gw(self) -> None:
        # $25B for up to 5 GW: $5B per GW.
        assert str(Rate.of(usd(25 * BILLION), Power(5, "GW"))) == "5000000000 USD/GW"

    def test_multi_year_commitment_per_year(self) -> None:
        # more than $100B over 10 years: $10B a year.
        per_year = Rate.of(usd(100 * BILLION), Duration(10, "year"))
        assert per_year == Rate(usd(10 * BILLION), "year")
        assert str(per_year) == "10000000000 USD/year"

    def test_a_duration_in_quarters_keeps_its_unit(self) -> None:
        assert str(Rate.of(usd(100), Duration(4, "quarter"))) == "25 USD/quarter"

    @pytest.mark.parametrize(
        "per", [usd(5), Decimal(5), 5, "5 MWh"], ids=["money", "decimal", "int", "text"]
    )
    def test_dividing_by_no_measure_is_a_dimension_error(self, per: object) -> None:
        with pytest.raises(DimensionError, match="energy, power or time"):
            Rate.of(usd(100), per)  # type: ignore[arg-type]

    def test_dividend_must_be_money(self) -> None:
        with pytest.raises(DimensionError, match="dividend"):
            Rate.of(Energy(1, "MWh"), Energy(1, "MWh"))  # type: ignore[arg-type]

    def test_zero_divisor(self) -> None:
        with pytest.raises(InvalidValueError, match="zero energy"):
            Rate.of(usd(1), Energy(0, "MWh"))

    @pytest.mark.parametrize("unit", ["USD", "meter", "", "x" * 50])
    def test_unknown_per_unit(self, unit: str) -> None:
        with pytest.raises(InvalidValueError, match="a rate is per a unit"):
            Rate(usd(1), unit)

    def test_amount_must_be_money(self) -> None:
        with pytest.raises(InvalidValueError, match="CurrencyAmount"):
            Rate(Decimal(50), "MWh")  # type: ignore[arg-type]

    def test_unit_spellings_become_symbols(self) -> None:
        assert Rate(usd(1), "megawatt-hours").unit == "MWh"
        assert Rate(usd(1), "years").unit == "year"

    def test_immutable(self) -> None:
        rate = Rate(usd(1), "MWh")
        with pytest.raises(AttributeError):
            rate.unit = "kWh"  # type: ignore[misc]
        assert copy.copy(rate) is rate
        assert copy.deepcopy(rate) is rate

    def test_pickles(self) -> None:
        rate = Rate(CurrencyAmount(Decimal("12.5"), "EUR"), "kWh")
        assert pickle.loads(pickle.dumps(rate)) == rate


class TestParse:
    @pytest.mark.parametrize(
        ("text", "expected"),
        [
            ("50 USD/MWh", "50 USD/MWh"),
            ("$50/MWh", "50 USD/MWh"),
            ("$50 per MWh", "50 USD/MWh"),
            ("$10 billion per year", "10000000000 USD/year"),
            ("$10B per a year", "10000000000 USD/year"),
            ("€3 per kWh", "3 EUR/kWh"),
            ("$20B/GW", "20000000000 USD/GW"),
        ],
    )
    def test_forms(self, text: str, expected: str) -> None:
        assert str(Rate.parse(text)) == expected

    @pytest.mark.parametrize("text", ["50 USD", "per MWh", "$50/", "50/MWh", "", "$" + "9" * 300 + "/MWh"])
    def test_refused(self, text: str) -> None:
        with pytest.raises((ParseError, InvalidValueError)):
            Rate.parse(text)

    def test_not_text(self) -> None:
        with pytest.raises(ParseError):
            Rate.parse(50)  # type: ignore[arg-type]

    def test_round_trip_of_canonical_text(self) -> None:
        rate = Rate.of(usd(7), Energy(3, "GWh"))
        assert Rate.parse(str(rate)) == rate
        assert repr(rate) == f"Rate.parse('{rate}')"


class TestConversionAndComparison:
    def test_per_mwh_to_per_kwh(self) -> None:
        assert str(Rate.parse("50 USD/MWh").to("kWh")) == "0.05 USD/kWh"

    def test_per_year_to_per_quarter(self) -> None:
        assert str(Rate.parse("$10B/year").to("quarter")) == "2500000000 USD/quarter"

    def test_equal_across_units(self) -> None:
        assert Rate.parse("50 USD/MWh") == Rate.parse("0.05 USD/kWh")
        assert hash(Rate.parse("50 USD/MWh")) == hash(Rate.parse("0.05 USD/kWh"))
        assert Rate.parse("50 USD/MWh") != Rate.parse("50 EUR/MWh")
        assert Rate.parse("50 USD/MWh") != Rate.parse("50 USD/MW")

    def test_month_and_year_rates_are_one_value(self) -> None:
        # a month is 1/12 of a year: 1 USD a month is 12 USD a year, whatever the rounding of 365/12 days.
        month, year = Rate.parse("1 USD/month"), Rate.parse("12 USD/year")
        assert month == year
        assert hash(month) == hash(year)
        assert len({month, year}) == 1

    def test_quarter_and_year_rates_are_one_value(self) -> None:
        quarter, year = Rate.parse("2.5 USD/quarter"), Rate.parse("10 USD/year")
        assert quarter == year
        assert hash(quarter) == hash(year)
        assert len({quarter, year}) == 1
        # three months make a quarter
        assert Rate.parse("1 USD/month") == Rate.parse("3 USD/quarter")
        assert len({Rate.parse("1 USD/month"), Rate.parse("3 USD/quarter"), Rate.parse("12 USD/year")}) == 1

    def test_month_rates_convert_exactly(self) -> None:
        assert str(Rate.parse("12 USD/year").to("month")) == "1 USD/month"
        assert str(Rate.parse("1 USD/month").to("quarter")) == "3 USD/quarter"
        assert str(Rate.parse("1 USD/month").to("year")) == "12 USD/year"
        assert Rate.parse("1 USD/month") * Duration(5, "year") == usd(60)
        assert Rate.parse("1 USD/month") * Duration(2, "quarter") == usd(6)
        assert Rate.parse("12 USD/year") / Rate.parse("1 USD/month") == 1

    @given(st.integers(min_value=-(10**15), max_value=10**15))
    def test_equal_rates_per_time_hash_equal(self, amount: int) -> None:
        month = Rate(usd(amount), "month")
        for other in (Rate(usd(12 * amount), "year"), Rate(usd(3 * amount), "quarter")):
            assert month == other
            assert hash(month) == hash(other)
        assert Rate(usd(amount + 1), "month") != Rate(usd(12 * amount), "year")

    def test_ordering_across_units(self) -> None:
        assert Rate.parse("40 USD/MWh") < Rate.parse("0.05 USD/kWh")
        assert Rate.parse("0.05 USD/kWh") <= Rate.parse("50 USD/MWh")
        assert Rate.parse("60 USD/MWh") > Rate.parse("0.05 USD/kWh")

    def test_comparing_currencies_raises(self) -> None:
        with pytest.raises(CurrencyMismatchError):
            _ = Rate.parse("50 USD/MWh") < Rate.parse("50 EUR/MWh")

    def test_comparing_dimensions_raises(self) -> None:
        with pytest.raises(DimensionError):
            _ = Rate.parse("50 USD/MWh") < Rate.parse("50 USD/MW")

    def test_to_another_dimension_raises(self) -> None:
        with pytest.raises(DimensionError, match="per energy per power"):
            Rate.parse("50 USD/MWh").to("GW")


class TestArithmetic:
    def test_price_times_energy_is_money(self) -> None:
        assert Rate.parse("50 USD/MWh") * Energy(2, "GWh") == usd(100_000)
        assert Energy(2, "GWh") * Rate.parse("50 USD/MWh") == usd(100_000)

    def test_yearly_rate_times_years_is_money(self) -> None:
        assert Rate.parse("$10B/year") * Duration(10, "year") == usd(100 * BILLION)
        assert Rate.parse("$10B/year") * Duration(1, "quarter") == usd(2_500_000_000)

    def test_per_gw_times_power_is_money(self) -> None:
        assert Rate.parse("$5B/GW") * Power(500, "MW") == usd(2_500_000_000)

    def test_price_times_power_raises(self) -> None:
        with pytest.raises(DimensionError, match="multiply by energy"):
            Rate.parse("50 USD/MWh") * Power(1, "GW")

    def test_power_times_price_raises(self) -> None:
        with pytest.raises(DimensionError):
            Power(1, "GW") * Rate.parse("50 USD/MWh")  # type: ignore[operator]

    def test_rate_times_rate_raises(self) -> None:
        with pytest.raises(DimensionError):
            Rate.parse("50 USD/MWh") * Rate.parse("50 USD/MWh")  # type: ignore[operator]

    def test_scaling(self) -> None:
        assert Rate.parse("50 USD/MWh") * 2 == Rate.parse("100 USD/MWh")
        assert Rate.parse("50 USD/MWh") / 2 == Rate.parse("25 USD/MWh")

    def test_addition_converts_to_the_left_unit(self) -> None:
        total = Rate.parse("50 USD/MWh") + Rate.parse("0.01 USD/kWh")
        assert str(total) == "60 USD/MWh"
        assert str(Rate.parse("50 USD/MWh") - Rate.parse("0.01 USD/kWh")) == "40 USD/MWh"
        assert sum([Rate.parse("1 USD/MWh"), Rate.parse("2 USD/MWh")]) == Rate.parse("3 USD/MWh")

    def test_rate_plus_money_raises_at_once(self) -> None:
        with pytest.raises(DimensionError, match="not an amount"):
            Rate.parse("50 USD/MWh") + usd(50)  # type: ignore[operator]
        with pytest.raises(DimensionError, match="not an amount"):
            usd(50) + Rate.parse("50 USD/MWh")  # type: ignore[operator]

    def test_money_plus_energy_fails_at_once(self) -> None:
        with pytest.raises(TypeError):
            usd(50) + Energy(1, "MWh")  # type: ignore[operator]

    def test_adding_currencies_raises(self) -> None:
        with pytest.raises(CurrencyMismatchError):
            Rate.parse("50 USD/MWh") + Rate.parse("50 EUR/MWh")

    def test_adding_dimensions_raises(self) -> None:
        with pytest.raises(DimensionError):
            Rate.parse("50 USD/MWh") + Rate.parse("50 USD/year")

    def test_rate_over_rate_is_a_number(self) -> None:
        assert Rate.parse("50 USD/MWh") / Rate.parse("0.025 USD/kWh") == Decimal(2)

    def test_money_over_rate_is_the_measure_it_buys(self) -> None:
        assert usd(100 * BILLION) / Rate.parse("$10B/year") == Duration(10, "year")
        assert usd(100) / Rate.parse("50 USD/MWh") == Energy(2, "MWh")

    def test_money_over_rate_in_another_currency_raises(self) -> None:
        with pytest.raises(CurrencyMismatchError):
            CurrencyAmount(Decimal(100), "EUR") / Rate.parse("50 USD/MWh")

    def test_exact_decimals(self) -> None:
        # 1/3 USD per kWh times 3 kWh: a third is rounded once, at 28 digits, never through a float.
        rate = Rate.of(usd(1), Energy(3, "kWh"))
        assert rate.amount.amount == Decimal(1) / Decimal(3)

    @given(
        st.integers(min_value=1, max_value=10**12),
        st.integers(min_value=1, max_value=10**6),
    )
    def test_money_over_energy_times_energy_is_the_money(self, cents: int, mwh: int) -> None:
        money = CurrencyAmount(Decimal(cents) / 100, "USD")
        energy = Energy(mwh, "MWh")
        back = Rate.of(money, energy) * energy
        assert abs(back.amount - money.amount) <= Decimal("1e-12") * money.amount


class TestPint:
    def test_money_quantity_is_its_own_dimension(self) -> None:
        q = money_quantity(usd(100))
        assert str(q.units) == "USD"
        assert q.check("[currency_USD]")

    def test_price_through_pint_and_back(self) -> None:
        q = money_quantity(usd(100)) / Energy(2, "MWh").quantity
        assert from_money_quantity(q) == Rate.parse("50 USD/MWh")

    def test_rate_quantity_converts_in_pint(self) -> None:
        q = Rate.parse("50 USD/MWh").quantity
        assert q.to("USD / kWh").magnitude == pytest.approx(0.05)
        assert Rate.from_quantity(q) == Rate.parse("50 USD/MWh")

    def test_rate_per_time_through_pint_is_per_day(self) -> None:
        # pint has no quarter and a 365.25-day year: the view is per day (a quarter is 91.25 days).
        q = Rate.parse("365 USD/quarter").quantity
        assert str(q.units) == "USD / day"
        assert q.magnitude == pytest.approx(4)

    def test_yearly_rate_through_pint_and_back(self) -> None:
        q = Rate.parse("$10B/year").quantity
        assert q.to("USD / day").magnitude == pytest.approx(10e9 / 365)
        assert Rate.from_quantity(q) == Rate.parse("$10B/year")

    def test_rate_times_energy_in_pint_is_money(self) -> None:
        q = Rate.parse("50 USD/MWh").quantity * Energy(2, "MWh").quantity
        assert from_money_quantity(q) == usd(100)

    def test_money_plus_energy_in_pint_fails(self) -> None:
        with pytest.raises(pint.DimensionalityError):
            money_quantity(usd(1)) + Energy(1, "MWh").quantity

    def test_dollars_plus_euros_in_pint_fails(self) -> None:
        with pytest.raises(pint.DimensionalityError):
            money_quantity(usd(1)) + money_quantity(CurrencyAmount(Decimal(1), "EUR"))

    def test_mixed_currencies_back_raise(self) -> None:
        q = money_quantity(usd(1)) / money_quantity(CurrencyAmount(Decimal(1), "EUR"))
        with pytest.raises(CurrencyMismatchError, match="EUR, USD"):
            from_money_quantity(q)

    def test_money_times_energy_back_raises(self) -> None:
        q = money_quantity(usd(5)) * Energy(1, "MWh").quantity
        with pytest.raises(DimensionError, match="money times energy"):
            from_money_quantity(q)

    def test_energy_alone_back_raises(self) -> None:
        with pytest.raises(DimensionError, match="one currency"):
            from_money_quantity(Energy(1, "MWh").quantity)

    def test_not_a_quantity(self) -> None:
        with pytest.raises(DimensionError):
            from_money_quantity("50 USD/MWh")

    def test_money_alone_is_not_a_rate(self) -> None:
        with pytest.raises(DimensionError, match="money alone"):
            Rate.from_quantity(money_quantity(usd(5)))

    def test_a_quantity_of_another_registry_with_the_same_currency_dimension(self) -> None:
        other = pint.UnitRegistry()
        other.define("USD = [currency_USD]")
        assert from_money_quantity(other.Quantity(5, "USD") / other.Quantity(1, "MWh")) == Rate.parse("5 USD/MWh")

    def test_an_unknown_currency_dimension(self) -> None:
        other = pint.UnitRegistry()
        other.define("XQZ = [currency_XQZ]")
        with pytest.raises(dealkit.UnknownCurrencyError):
            from_money_quantity(other.Quantity(5, "XQZ"))

    def test_uses_the_package_registry(self) -> None:
        assert money_quantity(usd(5))._REGISTRY is dealkit.ureg

    def test_errors_are_dealkit_errors(self) -> None:
        with pytest.raises(DealkitError):
            Rate.parse("nonsense")


class TestPublicApi:
    def test_exported(self) -> None:
        assert dealkit.Rate is Rate
        assert dealkit.money_quantity is money_quantity
        assert dealkit.from_money_quantity is from_money_quantity
        for name in ("Rate", "money_quantity", "from_money_quantity"):
            assert name in dealkit.__all__


class TestMoneyOperators:
    """Money divided by a measure is a rate; money and a measure never add, in either order."""

    def test_money_over_energy_is_a_price(self) -> None:
        price = CurrencyAmount.parse("$5B") / Energy(10, "TWh")
        assert isinstance(price, Rate)
        # 5e9 USD over 10 TWh = 5e8 USD per TWh = 500 USD per MWh.
        assert price * Energy(1, "MWh") == CurrencyAmount("500", "USD")

    def test_money_over_duration_is_a_rate_per_year(self) -> None:
        rate = CurrencyAmount.parse("$100B") / Duration(10, "year")
        assert rate * Duration(1, "year") == CurrencyAmount.parse("$10B")

    @pytest.mark.parametrize("measure", [Energy(1, "TWh"), Power(1, "GW"), Duration(1, "year")])
    def test_adding_money_and_a_measure_fails_at_once(self, measure: Energy | Power | Duration) -> None:
        money = CurrencyAmount.parse("$1B")
        for attempt in (
            lambda: money + measure,  # type: ignore[operator]
            lambda: measure + money,  # type: ignore[operator]
            lambda: money - measure,  # type: ignore[operator]
            lambda: measure - money,  # type: ignore[operator]
        ):
            with pytest.raises(DimensionError, match="money"):
                attempt()
