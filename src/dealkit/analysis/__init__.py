"""Derived figures, consistency checks and as-of views over a catalog (also exported from ``dealkit``).

>>> from dealkit.analysis import deal_metrics
>>> from dealkit import builtin_catalog
>>> deal_metrics(builtin_catalog(), "amazon-anthropic-2026")[0].text
'1.2987% .. 1.3158%'
"""

from __future__ import annotations

from .._public import publish

# The part's names are its modules' names: derived figures, consistency and as-of views; comparison.
from ._analysis import *  # noqa: F403
from ._analysis import __all__ as _analysis_all
from ._compare import *  # noqa: F403
from ._compare import __all__ as _compare_all

__all__ = sorted([*_analysis_all, *_compare_all])

publish(__name__, __all__, globals())
