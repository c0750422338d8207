"""Energy and cost math with exact units: what 5 GW and $100B+ over ten years mean.

Run it with ``python examples/energy_and_cost.py``.
"""

from __future__ import annotations

from decimal import Decimal

import dealkit
from dealkit import CurrencyAmount, Duration, Estimate, Power


def main() -> None:
    deal = dealkit.get_deal("amazon-anthropic-2026")
    capacity = deal.compute[0].capacity  # Estimate[Power]: up to 5 GW
    five_gw = capacity.value

    # A 365-day year at full power: 5 GW x 8,760 h = 43.8 TWh.
    per_year = five_gw.per_year().to("TWh")
    print(f"{five_gw} for a year: {per_year}")
    print(f"over ten years: {five_gw.over(Duration(10, 'year')).to('TWh')}")

    # Estimates carry their bounds through the arithmetic: up to 5 GW is up to 43.8 TWh a year.
    yearly = capacity.map(lambda p: p.per_year().to("TWh"))
    print(f"the commitment, per year: {dealkit.format_estimate(yearly)}")

    # More than $100B over ten years is more than $10B a year.
    spend = deal.spend[0]
    print(f"AWS spend per year: {dealkit.format_estimate(spend.per_year(), style='compact')}")

    # Cost per unit of energy, if the spend all went to running 5 GW (a floor, as the spend is).
    energy_mwh = five_gw.over(Duration(10, "year")).to("MWh").magnitude
    floor = spend.amount.map(lambda money: money / energy_mwh)
    print(f"spend per MWh of that capacity: {dealkit.format_estimate(floor)}")

    # Units are checked: adding megawatts to gigawatts is fine, money to power is not.
    print(f"5 GW + 250 MW = {Power(5, 'GW') + Power(250, 'MW')}")
    print(f"a 30-50 MW cluster: {Estimate.parse('30-50 MW', Power.parse)}")
    print(f"pint sees: {five_gw.quantity.to('MW')}")

    # Money stays exact Decimal, never float.
    third = CurrencyAmount.parse("$25B") / Decimal(3)
    print(f"a third of $25B: {third}")


if __name__ == "__main__":
    main()
