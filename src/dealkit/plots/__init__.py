"""Pictures of a deal: a timeline of its dates and a chart of its flows (matplotlib, the ``plot`` extra)."""

from __future__ import annotations

from .._public import publish

# The part is one module: its names, and its __all__, are the part's.
from ._plot import *  # noqa: F403
from ._plot import __all__

publish(__name__, __all__, globals())
