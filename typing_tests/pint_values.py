"""pint values the other typing tests use: an application's own registry and its quantities.

pint's own annotations type a new registry as ``UnitRegistry[Any]``; the lines
that touch it end with the marker the Any check reads.
"""

from __future__ import annotations

from decimal import Decimal

import pint

app_ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
gigawatts: pint.Quantity[float] = app_ureg.Quantity(1.5, "GW")
megawatts: pint.Quantity[int] = app_ureg.Quantity(300, "MW")
terawatt_hours: pint.Quantity[Decimal] = app_ureg.Quantity(Decimal("43.8"), "TWh")
years: pint.Quantity[int] = app_ureg.Quantity(10, "year")
hours: pint.Quantity[int] = app_ureg.Quantity(1, "hour")
