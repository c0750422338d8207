"""Reading figures out of text: money, rates, power, energy, durations, percentages, multiples, counts and dates.

Beside the analysis layer: it needs only the value types and the model.

>>> from dealkit.extraction import extract
>>> [f.words for f in extract("Amazon will invest up to $25 billion for 5 GW.")]
['up to $25 billion', '5 GW']
"""

from __future__ import annotations

from .._public import publish
from ._corpus import (
    ROW_COLUMNS,
    Document,
    FigureRow,
    extract_rows,
    figure_rows,
    read_documents,
)
from ._dask import extract_bag
from ._extract import MAX_EXTRACT_LENGTH, extract, parse_multiple, parse_percent
from ._figure import Figure
from ._ingest import draft_catalog

__all__ = [
    "Document",
    "Figure",
    "FigureRow",
    "MAX_EXTRACT_LENGTH",
    "ROW_COLUMNS",
    "draft_catalog",
    "extract",
    "extract_bag",
    "extract_rows",
    "figure_rows",
    "parse_multiple",
    "parse_percent",
    "read_documents",
]

publish(__name__, __all__, globals())
