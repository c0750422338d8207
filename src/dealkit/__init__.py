"""dealkit: typed, unit-safe domain models for very large AI-infrastructure deals.

>>> import dealkit
>>> deal = dealkit.get_deal("amazon-anthropic-2026")
>>> str(deal.investment)
'up to 25000000000 USD'
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    import pint
    from ._serialization import DealkitConverter

    from ._currency import known_currencies
    from ._dates import Certainty, PartialDate, Precision
    from ._deal import ComputeCommitment, Deal, Milestone, SpendCommitment, Tranche, validate_deal
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
    from ._typing import DurationUnit, EnergyUnit, FigureKind, MoneyStyle, PowerUnit, TrancheKind
    from ._units import get_registry

__all__ = [
    "APPROXIMATE_TOLERANCE",
    "CONSISTENCY_TOLERANCE",
    "FIGURE_KINDS",
    "HOURS_PER_YEAR",
    "MAX_FILE_BYTES",
    "AsOfView",
    "BoundsError",
    "Catalog",
    "CatalogError",
    "Certainty",
    "Claim",
    "ComputeCommitment",
    "ComputeShape",
    "CurrencyAmount",
    "CurrencyMismatchError",
    "DateError",
    "Deal",
    "DealShape",
    "DealkitError",
    "DealkitWarning",
    "DimensionError",
    "Duration",
    "DurationUnit",
    "Energy",
    "EnergyUnit",
    "Estimate",
    "FigureKind",
    "Finding",
    "FindingStatus",
    "InvalidValueError",
    "InvariantError",
    "Metric",
    "MetricKind",
    "Milestone",
    "MilestoneShape",
    "MoneyStyle",
    "ParseError",
    "PartialDate",
    "Party",
    "PartyKind",
    "Power",
    "PowerUnit",
    "Precision",
    "Problem",
    "Qualifier",
    "Rank",
    "Rate",
    "Source",
    "SpendCommitment",
    "SpendShape",
    "Status",
    "Tranche",
    "TrancheKind",
    "TrancheShape",
    "UnknownCurrencyError",
    "UnknownDealError",
    "__version__",
    "as_of",
    "builtin_catalog",
    "canonical_text",
    "catalog_schema",
    "check_consistency",
    "claim_rows",
    "claims_frame",
    "claims_table",
    "converter",
    "deal_metrics",
    "deal_rows",
    "deals_frame",
    "deals_table",
    "divide",
    "dump_catalog",
    "export_claims",
    "format_date",
    "format_estimate",
    "format_money",
    "format_power",
    "format_value",
    "from_money_quantity",
    "get_deal",
    "get_registry",
    "known_currencies",
    "load_catalog",
    "make_converter",
    "money_quantity",
    "parse_canonical",
    "plot_deal",
    "quantity_array",
    "read_catalog_file",
    "sum_amounts",
    "ureg",
    "validate_deal",
    "with_pint_units",
]

# Attributes that cost an import (cattrs, pint, babel, the catalog machinery) are
# imported on first access, so `import dealkit` stays cheap.
_LAZY: dict[str, tuple[str, str]] = {
    # Every name is imported on first use (as `from dealkit import Deal` does), so
    # `import dealkit` alone costs next to nothing; the models cost attrs and their
    # own modules, the catalog, serialization and formatting their libraries.
    "known_currencies": ("._currency", "known_currencies"),
    **{name: ("._dates", name) for name in ("Certainty", "PartialDate", "Precision")},
    **{
        name: ("._errors", name)
        for name in (
            "BoundsError", "CatalogError", "CurrencyMismatchError", "DateError", "DealkitError",
            "DealkitWarning", "DimensionError", "InvalidValueError", "InvariantError", "ParseError",
            "Problem", "UnknownCurrencyError", "UnknownDealError",
        )
    },
    **{
        name: ("._deal", name)
        for name in ("ComputeCommitment", "Deal", "Milestone", "SpendCommitment", "Tranche", "validate_deal")
    },
    **{name: ("._estimate", name) for name in ("APPROXIMATE_TOLERANCE", "Estimate", "Qualifier")},
    "CurrencyAmount": ("._money", "CurrencyAmount"),
    **{name: ("._power", name) for name in ("HOURS_PER_YEAR", "Duration", "Energy", "Power")},
    **{
        name: ("._typing", name)
        for name in ("DurationUnit", "EnergyUnit", "FigureKind", "MoneyStyle", "PowerUnit", "TrancheKind")
    },
    "get_registry": ("._units", "get_registry"),
    **{
        name: ("._catalog", name)
        for name in (
            "MAX_FILE_BYTES", "Catalog", "ComputeShape", "DealShape", "MilestoneShape", "SpendShape",
            "TrancheShape", "builtin_catalog", "load_catalog", "read_catalog_file",
        )
    },
    **{name: ("._claim", name) for name in ("Claim", "Rank", "Source")},
    **{name: ("._figures", name) for name in ("FIGURE_KINDS", "canonical_text", "parse_canonical")},
    **{name: ("._party", name) for name in ("Party", "PartyKind")},
    "converter": ("._serialization", "converter"),
    "quantity_array": ("._bulk", "quantity_array"),
    "sum_amounts": ("._bulk", "sum_amounts"),
    "make_converter": ("._serialization", "make_converter"),
    "dump_catalog": ("._dump", "dump_catalog"),
    "format_date": ("._formatting", "format_date"),
    "format_estimate": ("._formatting", "format_estimate"),
    "format_money": ("._formatting", "format_money"),
    "format_power": ("._formatting", "format_power"),
    "format_value": ("._formatting", "format_value"),
    **{
        name: ("._dataframe", name)
        for name in (
            "claim_rows", "claims_frame", "claims_table", "deal_rows", "deals_frame", "deals_table", "export_claims",
            "with_pint_units",
        )
    },
    "catalog_schema": ("._schema", "catalog_schema"),
    "plot_deal": ("._plot", "plot_deal"),
    **{
        name: ("._analysis", name)
        for name in (
            "CONSISTENCY_TOLERANCE", "AsOfView", "Finding", "FindingStatus", "Metric", "MetricKind", "Status",
            "as_of", "check_consistency", "deal_metrics", "divide",
        )
    },
    **{name: ("._rates", name) for name in ("Rate", "from_money_quantity", "money_quantity")},
}


def get_deal(deal_id: str) -> Deal:
    """The deal ``deal_id`` from the built-in catalog.

    >>> get_deal("amazon-anthropic-2026").announced
    PartialDate.parse('2026-04-20')
    """
    from ._catalog import builtin_catalog

    return builtin_catalog().deal(deal_id)


def __getattr__(name: str) -> Any:
    if name == "ureg":
        from ._units import get_registry

        return get_registry()
    if name in _LAZY:
        import importlib

        module_name, attr = _LAZY[name]
        value = getattr(importlib.import_module(module_name, __name__), attr)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'dealkit' has no attribute {name!r}")



def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})

if TYPE_CHECKING:
    from ._analysis import (
        CONSISTENCY_TOLERANCE,
        AsOfView,
        Finding,
        FindingStatus,
        Metric,
        MetricKind,
        Status,
        as_of,
        check_consistency,
        deal_metrics,
        divide,
    )
    from ._bulk import quantity_array, sum_amounts
    from ._catalog import (
        MAX_FILE_BYTES,
        Catalog,
        ComputeShape,
        DealShape,
        MilestoneShape,
        SpendShape,
        TrancheShape,
        builtin_catalog,
        load_catalog,
        read_catalog_file,
    )
    from ._claim import Claim, Rank, Source
    from ._dataframe import (
        claim_rows,
        claims_frame,
        claims_table,
        deal_rows,
        deals_frame,
        deals_table,
        export_claims,
        with_pint_units,
    )
    from ._dump import dump_catalog
    from ._figures import FIGURE_KINDS, canonical_text, parse_canonical
    from ._party import Party, PartyKind
    from ._formatting import format_date, format_estimate, format_money, format_power, format_value
    from ._plot import plot_deal
    from ._schema import catalog_schema
    from ._rates import Rate, from_money_quantity, money_quantity
    from ._serialization import make_converter

    ureg: pint.UnitRegistry[float]
    converter: DealkitConverter
