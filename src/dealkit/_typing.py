"""Named ``Literal`` aliases for dealkit's closed sets of options."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = [
    "BuiltinPart",
    "DurationUnit",
    "EnergyUnit",
    "FigureKind",
    "MoneyStyle",
    "OutputFormat",
    "PowerUnit",
    "PrecisionName",
    "RankName",
    "TrancheKind",
    "ValueKind",
]

PowerUnit: TypeAlias = Literal["W", "kW", "MW", "GW", "TW"]
EnergyUnit: TypeAlias = Literal["Wh", "kWh", "MWh", "GWh", "TWh"]
DurationUnit: TypeAlias = Literal["day", "month", "quarter", "year"]
MoneyStyle: TypeAlias = Literal["full", "compact"]
PrecisionName: TypeAlias = Literal["day", "month", "quarter", "half", "year", "decade", "fiscal_year"]
RankName: TypeAlias = Literal["preferred", "normal", "deprecated"]
TrancheKind: TypeAlias = Literal["immediate", "milestone_linked"]
FigureKind: TypeAlias = Literal[
    "money", "rate", "power", "energy", "duration", "multiple", "percent", "count", "date"
]
#: The parts of the built-in catalog: the seed articles' deals and the field's.
BuiltinPart: TypeAlias = Literal["seed", "field"]
OutputFormat: TypeAlias = Literal["table", "json", "csv"]
#: Every kind of value with a canonical text: the figure kinds a claim holds, plus the plain
#: numbers (``"1.2987"``) that derived figures hold.
ValueKind: TypeAlias = Literal[
    "money", "rate", "power", "energy", "duration", "multiple", "percent", "count", "date", "number"
]
