"""Claims and deals as tables: pandas DataFrames, Arrow tables, and CSV, JSON or Parquet files.

pandas and pyarrow come with the ``dataframe`` extra and are imported on first use.
"""

from __future__ import annotations

from .._public import publish
from ._dataframe import (
    EXPORT_FORMATS,
    PARQUET_METADATA_KEY,
    QUALIFIER_MEANINGS,
    ExportFormat,
    claims_frame,
    claims_table,
    deals_frame,
    deals_table,
    export_claims,
    with_pint_units,
    write_csv,
    write_json,
)

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "PARQUET_METADATA_KEY",
    "QUALIFIER_MEANINGS",
    "claims_frame",
    "claims_table",
    "deals_frame",
    "deals_table",
    "export_claims",
    "with_pint_units",
    "write_csv",
    "write_json",
]

publish(__name__, __all__, globals())
