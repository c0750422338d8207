"""The public names of dealkit: the one table of them.

Type checkers read this stub; at run time ``__init__.py`` reads the same
imports (with ``lazy_loader``) and imports each name from its part on first
use, so ``import dealkit`` itself costs next to nothing.
"""

import pint

# -- errors and warnings
from ._errors import (
    BoundsError as BoundsError,
)
from ._errors import (
    CatalogError as CatalogError,
)
from ._errors import (
    CurrencyMismatchError as CurrencyMismatchError,
)
from ._errors import (
    DateError as DateError,
)
from ._errors import (
    DealkitError as DealkitError,
)
from ._errors import (
    DealkitWarning as DealkitWarning,
)
from ._errors import (
    DimensionError as DimensionError,
)
from ._errors import (
    InvalidValueError as InvalidValueError,
)
from ._errors import (
    InvariantError as InvariantError,
)
from ._errors import (
    ParseError as ParseError,
)
from ._errors import (
    PathError as PathError,
)
from ._errors import (
    Problem as Problem,
)
from ._errors import (
    UnknownCurrencyError as UnknownCurrencyError,
)
from ._errors import (
    UnknownDealError as UnknownDealError,
)

# -- the domain model
from ._model import (
    Claim as Claim,
)
from ._model import (
    ComputeCommitment as ComputeCommitment,
)
from ._model import (
    Conflict as Conflict,
)
from ._model import (
    Deal as Deal,
)
from ._model import (
    DealRelation as DealRelation,
)
from ._model import (
    Derivation as Derivation,
)
from ._model import (
    Investor as Investor,
)
from ._model import (
    Milestone as Milestone,
)
from ._model import (
    Party as Party,
)
from ._model import (
    PartyKind as PartyKind,
)
from ._model import (
    Rank as Rank,
)
from ._model import (
    Source as Source,
)
from ._model import (
    SpendCommitment as SpendCommitment,
)
from ._model import (
    Tranche as Tranche,
)
from ._model import (
    validate_deal as validate_deal,
)
from ._model import (
    WebSource as WebSource,
)

# -- named closed sets of options
from ._typing import (
    ConflictKind as ConflictKind,
)
from ._typing import (
    DerivationRule as DerivationRule,
)
from ._typing import (
    DurationUnit as DurationUnit,
)
from ._typing import (
    EnergyUnit as EnergyUnit,
)
from ._typing import (
    FigureKind as FigureKind,
)
from ._typing import (
    InvestorRole as InvestorRole,
)
from ._typing import (
    JSONValue as JSONValue,
)
from ._typing import (
    MoneyStyle as MoneyStyle,
)
from ._typing import (
    PowerUnit as PowerUnit,
)
from ._typing import (
    RelationKind as RelationKind,
)
from ._typing import (
    TrancheKind as TrancheKind,
)

# -- values: money, measures, rates, estimates, dates, formatting
from ._values import (
    APPROXIMATE_TOLERANCE as APPROXIMATE_TOLERANCE,
)
from ._values import (
    FIGURE_KINDS as FIGURE_KINDS,
)
from ._values import (
    HOURS_PER_YEAR as HOURS_PER_YEAR,
)
from ._values import (
    Certainty as Certainty,
)
from ._values import (
    CurrencyAmount as CurrencyAmount,
)
from ._values import (
    Duration as Duration,
)
from ._values import (
    Energy as Energy,
)
from ._values import (
    Estimate as Estimate,
)
from ._values import (
    PartialDate as PartialDate,
)
from ._values import (
    Power as Power,
)
from ._values import (
    Precision as Precision,
)
from ._values import (
    Qualifier as Qualifier,
)
from ._values import (
    Rate as Rate,
)
from ._values import (
    format_date as format_date,
)
from ._values import (
    format_estimate as format_estimate,
)
from ._values import (
    format_money as format_money,
)
from ._values import (
    format_power as format_power,
)
from ._values import (
    format_value as format_value,
)
from ._values import (
    from_money_quantity as from_money_quantity,
)
from ._values import (
    get_registry as get_registry,
)
from ._values import (
    known_currencies as known_currencies,
)
from ._values import (
    money_quantity as money_quantity,
)
from ._values import (
    quantity_array as quantity_array,
)
from ._values import (
    sum_amounts as sum_amounts,
)

# -- the version
from ._version import (
    __version__ as __version__,
)
from .analysis import (
    CONSISTENCY_TOLERANCE as CONSISTENCY_TOLERANCE,
)

# -- analysis
from .analysis import (
    AsOfView as AsOfView,
)
from .analysis import (
    Contribution as Contribution,
)
from .analysis import (
    Cumulative as Cumulative,
)
from .analysis import (
    DealHistory as DealHistory,
)
from .analysis import (
    Finding as Finding,
)
from .analysis import (
    FindingStatus as FindingStatus,
)
from .analysis import (
    HistoryEntry as HistoryEntry,
)
from .analysis import (
    Metric as Metric,
)
from .analysis import (
    MetricKind as MetricKind,
)
from .analysis import (
    Status as Status,
)
from .analysis import (
    as_of as as_of,
)
from .analysis import (
    as_of_deals as as_of_deals,
)
from .analysis import (
    ComparisonRow as ComparisonRow,
)
from .analysis import (
    compare as compare,
)
from .analysis import (
    check_consistency as check_consistency,
)
from .analysis import (
    deal_history as deal_history,
)
from .analysis import (
    deal_metrics as deal_metrics,
)
from .analysis import (
    divide as divide,
)

# -- the catalog
from .catalog import (
    Catalog as Catalog,
)
from .catalog import (
    builtin_catalog as builtin_catalog,
)
from .catalog import (
    dump_catalog as dump_catalog,
)
from .catalog import (
    load_catalog as load_catalog,
)

# -- tables and files
from .export import (
    claims_frame as claims_frame,
)
from .export import (
    deals_frame as deals_frame,
)
from .export import (
    export_claims as export_claims,
)

# -- reading figures out of text
from .extraction import (
    Figure as Figure,
)
from .extraction import (
    extract as extract,
)

# -- pictures
from .plots import (
    plot_comparison as plot_comparison,
)
from .plots import (
    plot_deal as plot_deal,
)

# -- serialization
from .serialization import (
    DealkitConverter as DealkitConverter,
)
from .serialization import (
    converter as converter,
)
from .serialization import (
    make_converter as make_converter,
)

#: pint's application registry, as dealkit sees it when asked: where dealkit's quantities are built.
ureg: pint.UnitRegistry[float]

def get_deal(deal_id: str) -> Deal: ...
