"""Claims and deals as tables: pandas DataFrames, Arrow tables, and CSV, JSON or Parquet files.

pandas and pyarrow come with the ``dataframe`` extra and are imported on first use.
"""

from __future__ import annotations

from .._public import publish
from ._dataframe import (
    CLAIM_COLUMNS,
    DEAL_COLUMNS,
    EXPORT_FORMATS,
    ExportFormat,
    claim_rows,
    claims_frame,
    claims_table,
    deal_rows,
    deals_frame,
    deals_table,
    export_claims,
    with_pint_units,
)

__all__ = [
    "CLAIM_COLUMNS",
    "DEAL_COLUMNS",
    "EXPORT_FORMATS",
    "ExportFormat",
    "claim_rows",
    "claims_frame",
    "claims_table",
    "deal_rows",
    "deals_frame",
    "deals_table",
    "export_claims",
    "with_pint_units",
]

publish(__name__, __all__, globals())
