"""Reading figures out of text: money, rates, power, energy, durations, percentages, multiples, counts and dates.

Beside the analysis layer: it needs only the value types and the model.

>>> from dealkit.extraction import extract
>>> [f.words for f in extract("Amazon will invest up to $25 billion for 5 GW.")]
['up to $25 billion', '5 GW']
"""

from __future__ import annotations

from .._public import publish
from ._extract import MAX_EXTRACT_LENGTH, extract, parse_multiple, parse_percent
from ._figure import Figure

__all__ = [
    "Figure",
    "MAX_EXTRACT_LENGTH",
    "extract",
    "parse_multiple",
    "parse_percent",
]

publish(__name__, __all__, globals())
