"""Named ``Literal`` aliases for dealkit's closed sets of options."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Literal, TypeAlias, Union

__all__ = [
    "BuiltinPart",
    "ConflictKind",
    "DerivationRule",
    "DurationUnit",
    "JSONValue",
    "EnergyUnit",
    "FigureKind",
    "InvestorRole",
    "JsonBackend",
    "MoneyStyle",
    "OutputFormat",
    "PowerUnit",
    "PrecisionName",
    "RankName",
    "RelationKind",
    "TrancheKind",
    "ValueKind",
]

#: The units a :class:`~dealkit.Power` is written in.
PowerUnit: TypeAlias = Literal["W", "kW", "MW", "GW", "TW"]
#: The units an :class:`~dealkit.Energy` is written in.
EnergyUnit: TypeAlias = Literal["Wh", "kWh", "MWh", "GWh", "TWh"]
#: The units a :class:`~dealkit.Duration` is written in (a year is 365 days, a month a twelfth of it).
DurationUnit: TypeAlias = Literal["day", "month", "quarter", "year"]
#: How money is written: every digit (``full``) or with the locale's scale words (``compact``, "$25B").
MoneyStyle: TypeAlias = Literal["full", "compact"]
#: The precision of a :class:`~dealkit.PartialDate`, by name.
PrecisionName: TypeAlias = Literal["day", "month", "quarter", "half", "year", "decade", "fiscal_year"]
#: How a claim ranks among readings of one figure, by name.
RankName: TypeAlias = Literal["preferred", "normal", "deprecated"]
#: When a tranche is paid: on signing (``immediate``) or against milestones (``milestone_linked``).
TrancheKind: TypeAlias = Literal["immediate", "milestone_linked"]
#: What an investor is to the others of a deal: its ``lead``, a ``co_investor`` beside the lead,
#: or a ``member`` of a consortium of equals.
InvestorRole: TypeAlias = Literal["lead", "co_investor", "member"]
#: How a deal stands to an earlier one: a separate later deal (``follows``), new money on top
#: of it (``extends``), or new terms for it (``amends``: its figures replace the earlier deal's).
RelationKind: TypeAlias = Literal["follows", "extends", "amends"]
#: How a derived claim's figure follows from the words (and claims) it is derived from.
DerivationRule: TypeAlias = Literal[
    "count_word", "nearly", "date_offset", "enclosing_period", "rounded_ratio", "option_ceiling", "decade_part",
    "reference_period",
]
#: What two claims disagree on: their values, or what their words mean.
ConflictKind: TypeAlias = Literal["value", "meaning"]
#: What kind of figure a claim holds; it says how to read its value.
FigureKind: TypeAlias = Literal[
    "money", "rate", "power", "energy", "duration", "multiple", "percent", "count", "date"
]
#: The parts of the built-in catalog: the seed articles' deals and the field's.
BuiltinPart: TypeAlias = Literal["seed", "field"]
#: What a command prints: a table for people, JSON or CSV for programs.
OutputFormat: TypeAlias = Literal["table", "json", "csv"]
#: The JSON library behind ``dumps``/``loads``: orjson (the ``fast`` extra), the standard
#: library, or ``"auto"``: orjson when it is installed.  Both write the same bytes.
JsonBackend: TypeAlias = Literal["auto", "orjson", "stdlib"]
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
