"""An application with its own pint registry, using dealkit's measures, rates and JSON.

Written from the docs alone (the unit-math cookbook and "Building deals in
code"): a data-centre planner keeps its own pint registry with a unit of its
own, hands its quantities to dealkit, gets quantities back it can combine with,
and stores single estimates and rates as JSON.

Run it with ``python examples/pint_integration.py``.
"""

from __future__ import annotations

import json
from decimal import Decimal

import pint

import dealkit
from dealkit import (
    ComputeCommitment,
    CurrencyAmount,
    DimensionError,
    Duration,
    Energy,
    Estimate,
    Power,
    Rate,
)


def main() -> None:
    # The application's own registry, with a unit of its own, shared with libraries.
    app_ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
    app_ureg.define("rack = 40 * kilowatt")
    pint.set_application_registry(app_ureg)  # type: ignore[no-untyped-call]  # pint leaves it untyped

    # pint in: a quantity in the application's own unit becomes an exact dealkit Power.
    racks = app_ureg.Quantity(25_000, "rack")
    campus = Power.from_quantity(racks)
    print(f"25,000 racks: {campus}")  # 25,000 x 40 kW = 1 GW

    # ... and models take it where an exact figure is meant.
    commitment = ComputeCommitment("campus", racks, provider="acme-cloud", recipient="globex")
    print(f"commitment: {commitment.capacity}")

    # Typed arithmetic: power x duration is energy, energy / duration is power.
    term = Duration.from_quantity(app_ureg.Quantity(5, "year"))  # a pint year is a 365-day year
    energy: Energy = campus * term
    average: Power = energy / term
    print(f"over {term}: {energy.to('TWh')}, on average {average}")

    # pint out: quantities land on the application registry, so they combine with its own.
    headroom = app_ureg.Quantity(1.2, "GW") - campus.quantity
    print(f"headroom: {headroom.to('MW'):.1f~P}")
    print(f"in racks: {campus.quantity.to('rack'):~P}")

    # Money per measure is a Rate; a rate times a measure (or a quantity of it) is money.
    price = CurrencyAmount.parse("EUR 3 billion") / energy
    print(f"price: {price.to('MWh')}")
    bill: CurrencyAmount = Rate.parse("40 EUR/MWh") * app_ureg.Quantity(2, "TWh")
    print(f"2 TWh at 40 EUR/MWh: {bill}")

    # Mistakes are dealkit's errors, never pint's.
    try:
        campus + app_ureg.Quantity(3, "MWh")
    except DimensionError as exc:
        print(f"refused: {exc.reason}")

    # JSON round trips of single estimates and rates, through the converter.
    window = Estimate.between(Power(800, "MW"), campus)
    stored = json.dumps({
        "capacity": dealkit.converter.unstructure(window, Estimate[Power]),
        "price": dealkit.converter.unstructure(price.to("MWh")),
    })
    data = json.loads(stored)
    capacity_back = dealkit.converter.structure(data["capacity"], Estimate[Power])
    price_back = dealkit.converter.structure(data["price"], Rate)
    assert capacity_back == window and price_back == price
    print(f"JSON: {stored}")
    print(f"read back: {capacity_back}, {price_back}")

    # The read-back values are typed: the bounds are Powers, the rate multiplies energy.
    high = capacity_back.high
    if high is not None:
        print(f"share of the campus at the high end: {high / campus:.2f}")
    print(f"one year at the stored price: {price_back * campus.per_year()}")
    print(f"exact: {price_back * Energy(Decimal('8.76'), 'TWh') == price_back * campus.per_year()}")


if __name__ == "__main__":
    main()
