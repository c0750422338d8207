"""Money, rates, measures, estimates and dates: constructors, operators and accessors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import assert_type

import numpy as np
import numpy.typing as npt
import pint

import dealkit
from dealkit import (
    Certainty,
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
    Precision,
    Qualifier,
    Rate,
)

from pint_values import app_ureg, gigawatts, hours, megawatts, terawatt_hours, years

usd = CurrencyAmount.parse("$5 billion")
eur = CurrencyAmount(Decimal("3000000000"), "EUR")
five = Power(5, "GW")
energy = Energy("43.8", "TWh")
decade = Duration(10, "year")
price = Rate.parse("$50/MWh")

# -- CurrencyAmount --------------------------------------------------------------------------
assert_type(CurrencyAmount(5, "USD"), CurrencyAmount)
assert_type(CurrencyAmount.zero("EUR"), CurrencyAmount)
assert_type(CurrencyAmount.parse("EUR 3 billion"), CurrencyAmount)
assert_type(CurrencyAmount.parse("150 billion yen"), CurrencyAmount)
assert_type(usd.amount, Decimal)
assert_type(usd.currency, str)
assert_type(usd + usd, CurrencyAmount)
assert_type(usd - usd, CurrencyAmount)
assert_type(-usd, CurrencyAmount)
assert_type(abs(usd), CurrencyAmount)
assert_type(usd * 2, CurrencyAmount)
assert_type(2 * usd, CurrencyAmount)
assert_type(usd * Decimal("0.5"), CurrencyAmount)
assert_type(usd / 2, CurrencyAmount)
assert_type(usd / usd, Decimal)
assert_type(usd / energy, Rate)
assert_type(usd / five, Rate)
assert_type(usd / decade, Rate)
assert_type(usd / gigawatts, Rate)
assert_type(usd < usd, bool)
assert_type(usd >= usd, bool)
assert_type(sum([usd, usd], CurrencyAmount.zero("USD")), CurrencyAmount)
assert_type(usd.format("de_DE", style="compact"), str)
assert_type(usd.to_quantity(), pint.Quantity[float])
assert_type(usd.to_quantity(app_ureg), pint.Quantity[float])
assert_type(dealkit.sum_amounts([usd, usd]), CurrencyAmount)
assert_type(dealkit.known_currencies(), frozenset[str])
assert_type(dealkit.money_quantity(usd), pint.Quantity[float])
assert_type(dealkit.money_quantity(usd, app_ureg), pint.Quantity[float])
assert_type(dealkit.from_money_quantity(dealkit.money_quantity(usd)), CurrencyAmount | Rate)

# -- Rate ------------------------------------------------------------------------------------
assert_type(Rate(usd, "year"), Rate)
assert_type(Rate.of(usd, decade), Rate)
assert_type(Rate.of(usd, gigawatts), Rate)
assert_type(Rate.parse("$10 billion per year"), Rate)
assert_type(Rate.from_quantity(price.quantity), Rate)
assert_type(price.amount, CurrencyAmount)
assert_type(price.unit, str)
assert_type(price.currency, str)
assert_type(price.kind, str)
assert_type(price.per, type[Energy] | type[Power] | type[Duration])
assert_type(price.to("kWh"), Rate)
assert_type(price * energy, CurrencyAmount)
assert_type(price * terawatt_hours, CurrencyAmount)
assert_type(price * 2, Rate)
assert_type(price / 2, Rate)
assert_type(price / price, Decimal)
assert_type(price + price, Rate)
assert_type(price - price, Rate)
assert_type(-price, Rate)
assert_type(usd / price, Energy | Power | Duration)
assert_type(price < price, bool)
assert_type(price.quantity, pint.Quantity[float])
assert_type(price.to_quantity(app_ureg), pint.Quantity[float])

# -- Power, Energy, Duration -----------------------------------------------------------------
assert_type(Power(5), Power)
assert_type(Power("1.25", "GW"), Power)
assert_type(Power.parse("5 gigawatts"), Power)
assert_type(Power.from_quantity(gigawatts), Power)
assert_type(Power.from_quantity(megawatts), Power)
assert_type(five.base, Decimal)
assert_type(five.unit, str)
assert_type(five.magnitude, Decimal)
assert_type(five.to("MW"), Power)
assert_type(five.quantity, pint.Quantity[float])
assert_type(five.to_quantity(app_ureg), pint.Quantity[float])
assert_type(five + five, Power)
assert_type(five + megawatts, Power)
assert_type(five - megawatts, Power)
assert_type(five * 2, Power)
assert_type(2 * five, Power)
assert_type(five * Decimal("0.5"), Power)
assert_type(five / 2, Power)
assert_type(five / five, Decimal)
assert_type(five / megawatts, Decimal)
assert_type(five * decade, Energy)
assert_type(five * hours, Energy)
assert_type(decade * five, Energy)
assert_type(five.over(decade), Energy)
assert_type(five.per_year(), Energy)
assert_type(five.ratio(five), Decimal)
assert_type(five.scaled(2), Power)
assert_type(five < megawatts, bool)
assert_type(five >= five, bool)
assert_type(sum([five, five], Power(0)), Power)

assert_type(Energy(10, "TWh"), Energy)
assert_type(Energy.from_quantity(terawatt_hours), Energy)
assert_type(energy + terawatt_hours, Energy)
assert_type(energy - energy, Energy)
assert_type(energy * 2, Energy)
assert_type(energy / 2, Energy)
assert_type(energy / decade, Power)
assert_type(energy / energy, Decimal)
assert_type(energy / terawatt_hours, Decimal)
assert_type(energy.average_power(decade), Power)

assert_type(Duration(10), Duration)
assert_type(Duration(3, "month"), Duration)
assert_type(Duration.parse("a decade"), Duration)
assert_type(Duration.from_quantity(years), Duration)
assert_type(decade + years, Duration)
assert_type(decade - decade, Duration)
assert_type(decade * 2, Duration)
assert_type(decade / 2, Duration)
assert_type(decade / decade, Decimal)
assert_type(decade / years, Decimal)
assert_type(decade * gigawatts, Energy)
assert_type(decade.hours, Decimal)
assert_type(decade.years, Decimal)
assert_type(decade.quantity, pint.Quantity[float])
assert_type(dealkit.HOURS_PER_YEAR, Decimal)

# -- Estimate --------------------------------------------------------------------------------
up_to = Estimate.at_most(five)
assert_type(up_to, Estimate[Power])
assert_type(Estimate.exact(usd), Estimate[CurrencyAmount])
assert_type(Estimate.at_least(usd), Estimate[CurrencyAmount])
assert_type(Estimate.between(Power(30, "MW"), Power(50, "MW")), Estimate[Power])
assert_type(Estimate.approximately(usd), Estimate[CurrencyAmount])
assert_type(Estimate.nearly(five), Estimate[Power])
assert_type(Estimate.from_bounds(usd, None), Estimate[CurrencyAmount])
assert_type(Estimate.parse("more than EUR 10 billion", CurrencyAmount.parse), Estimate[CurrencyAmount])
assert_type(Estimate.parse("30–50 megawatts", Power.parse), Estimate[Power])
assert_type(Estimate.parse("by 2026-12", PartialDate.parse), Estimate[PartialDate])
assert_type(up_to.qualifier, Qualifier)
assert_type(up_to.low, Power | None)
assert_type(up_to.high, Power | None)
assert_type(up_to.central, Power | None)
assert_type(up_to.value, Power)
assert_type(up_to.value_text, str)
assert_type(up_to + up_to, Estimate[Power])
assert_type(up_to + five, Estimate[Power])
assert_type(up_to - five, Estimate[Power])
assert_type(up_to * 2, Estimate[Power])
assert_type(up_to.map(lambda p: p.per_year()), Estimate[Energy])
assert_type(up_to.contains(five), bool)
assert_type(up_to.compatible_with(up_to), bool)
widened: Estimate[Power | Energy] = up_to  # an Estimate is covariant: it never changes
assert_type(up_to.qualifier.value, str)

# -- PartialDate -----------------------------------------------------------------------------
q2 = PartialDate.parse("Q2 2026")
assert_type(q2, PartialDate)
assert_type(PartialDate.of_day(2026, 4, 20), PartialDate)
assert_type(PartialDate.of_month(2026, 4), PartialDate)
assert_type(PartialDate.of_quarter(2026, 2), PartialDate)
assert_type(PartialDate.of_half(2026, 1), PartialDate)
assert_type(PartialDate.of_year(2026), PartialDate)
assert_type(PartialDate.from_date(dt.date(2026, 4, 20)), PartialDate)
assert_type(q2.first, dt.date)
assert_type(q2.last, dt.date)
assert_type(q2.year, int)
assert_type(q2.precision, Precision)
assert_type(q2.contains(dt.date(2026, 5, 1)), bool)
assert_type(q2.overlaps(q2), bool)
assert_type(q2.reached_by(dt.date(2026, 5, 1)), Certainty)
assert_type(q2.sort_key(), tuple[dt.date, dt.date])
assert_type(q2.shifted_months(3), PartialDate)
assert_type(q2 < q2, bool)

# -- formatting and the registry -------------------------------------------------------------
assert_type(dealkit.format_money(usd, "de_DE", style="compact"), str)
assert_type(dealkit.format_power(five, "de_DE"), str)
assert_type(dealkit.format_date(q2, "en_GB"), str)
assert_type(dealkit.format_estimate(up_to, "fr_FR"), str)
assert_type(dealkit.format_value(usd), str)
assert_type(dealkit.get_registry(), pint.UnitRegistry[float])
assert_type(dealkit.ureg, pint.UnitRegistry[float])
assert_type(dealkit.quantity_array([five, five], "MW"), pint.Quantity[npt.NDArray[np.float64]])

# A pint quantity on the left: pint's operators are untyped, so mypy sees Any there (at run
# time pint hands the operation to dealkit, which answers with a Power).  Convert first for
# a typed result: Power.from_quantity(megawatts) + five.
print(megawatts + five)  # Any from pint
assert_type(Power.from_quantity(megawatts) + five, Power)
