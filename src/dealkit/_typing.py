"""Named ``Literal`` aliases for dealkit's closed sets of options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, TypeAlias, Union

__all__ = [
    "DurationUnit",
    "JSONValue",
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
OutputFormat: TypeAlias = Literal["table", "json", "csv"]
#: Every kind of value with a canonical text: the figure kinds a claim holds, plus the plain
#: numbers (``"1.2987"``) that derived figures hold.
ValueKind: TypeAlias = Literal[
    "money", "rate", "power", "energy", "duration", "multiple", "percent", "count", "date", "number"
]
#: Plain JSON data, as ``to_json()`` and ``unstructure`` give it (read-only views, so a
#: ``list[str]`` is one): narrow with ``isinstance`` to use a value.
JSONValue: TypeAlias = Union[  # noqa: UP007 - a recursive alias needs the string forward references
    str, int, float, bool, None, Sequence["JSONValue"], Mapping[str, "JSONValue"]
]
