"""Named ``Literal`` aliases for dealkit's closed sets of options."""

from __future__ import annotations

from typing import Literal, TypeAlias

__all__ = [
    "DurationUnit",
    "EnergyUnit",
    "FigureKind",
    "MoneyStyle",
    "OutputFormat",
    "PowerUnit",
    "PrecisionName",
    "RankName",
    "TrancheKind",
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
OutputFormat: TypeAlias = Literal["table", "json", "csv"]
