"""dealkit: typed, unit-safe domain models for very large AI-infrastructure deals.

>>> import dealkit
>>> deal = dealkit.get_deal("amazon-anthropic-2026")
>>> str(deal.investment)
'up to 25000000000 USD'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._currency import known_currencies
from ._dates import Certainty, PartialDate, Precision
from ._errors import (
    BoundsError,
    CatalogError,
    CurrencyMismatchError,
    DateError,
    DealkitError,
    DealkitWarning,
    DimensionError,
    InvalidValueError,
    InvariantError,
    ParseError,
    Problem,
    UnknownCurrencyError,
    UnknownDealError,
)
from ._estimate import APPROXIMATE_TOLERANCE, Estimate, Qualifier
from ._money import CurrencyAmount
from ._power import HOURS_PER_YEAR, Duration, Energy, Power
from ._units import get_registry
from ._version import __version__

if TYPE_CHECKING:
    import pint
    from cattrs import Converter

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "BoundsError",
    "CatalogError",
    "Certainty",
    "CurrencyAmount",
    "CurrencyMismatchError",
    "DateError",
    "DealkitError",
    "DealkitWarning",
    "DimensionError",
    "Duration",
    "Energy",
    "Estimate",
    "HOURS_PER_YEAR",
    "InvalidValueError",
    "InvariantError",
    "ParseError",
    "PartialDate",
    "Power",
    "Precision",
    "Problem",
    "Qualifier",
    "UnknownCurrencyError",
    "UnknownDealError",
    "__version__",
    "converter",
    "get_registry",
    "known_currencies",
    "ureg",
]

# Attributes that cost an import (cattrs, pint) are built on first access.
_LAZY: dict[str, tuple[str, str]] = {
    "converter": ("._serialization", "converter"),
}


def __getattr__(name: str) -> Any:
    if name == "ureg":
        return get_registry()
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        value = getattr(importlib.import_module(module_name, __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dealkit' has no attribute {name!r}")


if TYPE_CHECKING:
    ureg: pint.UnitRegistry
    converter: Converter
