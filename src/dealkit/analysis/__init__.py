"""Derived figures, consistency checks, as-of views, histories and comparisons over a catalog (also in ``dealkit``).

>>> from dealkit.analysis import deal_metrics
>>> from dealkit import builtin_catalog
>>> deal_metrics(builtin_catalog(), "amazon-anthropic-2026")[0].text
'1.2987% .. 1.3158%'
"""

from __future__ import annotations

from .._public import publish
from ._analysis import (
    CONSISTENCY_TOLERANCE,
    AsOfView,
    Finding,
    FindingStatus,
    Metric,
    MetricKind,
    Status,
    as_of,
    as_of_deals,
    check_consistency,
    deal_metrics,
    divide,
)
from ._compare import (
    COMPARISON_COLUMNS,
    COMPARISON_FIGURES,
    ComparisonFigure,
    ComparisonRow,
    compare,
    comparison_rows,
)
from ._history import Contribution, Cumulative, DealHistory, HistoryEntry, deal_history

__all__ = [
    "AsOfView",
    "COMPARISON_COLUMNS",
    "COMPARISON_FIGURES",
    "CONSISTENCY_TOLERANCE",
    "ComparisonFigure",
    "ComparisonRow",
    "Contribution",
    "Cumulative",
    "DealHistory",
    "Finding",
    "FindingStatus",
    "HistoryEntry",
    "Metric",
    "MetricKind",
    "Status",
    "as_of",
    "as_of_deals",
    "check_consistency",
    "compare",
    "comparison_rows",
    "deal_history",
    "deal_metrics",
    "divide",
]

publish(__name__, __all__, globals())
