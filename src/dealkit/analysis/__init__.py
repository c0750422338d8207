"""Derived figures, consistency checks and as-of views over a catalog (also exported from ``dealkit``).

>>> from dealkit.analysis import deal_metrics
>>> from dealkit import builtin_catalog
>>> deal_metrics(builtin_catalog(), "amazon-anthropic-2026")[0].text
'1.2987% .. 1.3158%'
"""

from __future__ import annotations

from .._public import publish

# The part is one module: its names, and its __all__, are the part's.
from ._analysis import *  # noqa: F403
from ._analysis import __all__

publish(__name__, __all__, globals())
