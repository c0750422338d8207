"""Pictures of a deal: a timeline of its dates and a chart of its flows (matplotlib, the ``plot`` extra)."""

from __future__ import annotations

from .._public import publish
from ._plot import PLOT_KINDS, PLOT_SUFFIXES, PlotKind, date_span, plot_deal

__all__ = [
    "PLOT_KINDS",
    "PLOT_SUFFIXES",
    "PlotKind",
    "date_span",
    "plot_deal",
]

publish(__name__, __all__, globals())
