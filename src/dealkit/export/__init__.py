"""Claims and deals as tables: pandas DataFrames, Arrow tables, and CSV, JSON or Parquet files.

pandas and pyarrow come with the ``dataframe`` extra and are imported on first use.
"""

from __future__ import annotations

from .._public import publish

# The part is one module: its names, and its __all__, are the part's.
from ._dataframe import *  # noqa: F403
from ._dataframe import __all__

publish(__name__, __all__, globals())
