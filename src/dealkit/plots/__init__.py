"""Pictures of deals (matplotlib, the ``plot`` extra): a deal's timeline and flows, and deals side by side."""

from __future__ import annotations

from .._public import publish

# The part's names are its modules' names: one deal's pictures, and the comparison chart.
from ._compare import *  # noqa: F403
from ._compare import __all__ as _compare_all
from ._plot import *  # noqa: F403
from ._plot import __all__ as _plot_all

__all__ = sorted([*_compare_all, *_plot_all])

publish(__name__, __all__, globals())
