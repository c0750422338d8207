"""The one JSON form of the analysis views (metrics, findings, as-of views, histories, comparison rows)."""

from __future__ import annotations

from .._typing import JSONValue
from ..serialization import unstructure


def json_table(view: object) -> dict[str, JSONValue]:
    """``view`` as plain JSON: ``dealkit.converter.unstructure(view)``, which is a table for an attrs instance."""
    out = unstructure(view)
    assert isinstance(out, dict)  # an attrs class unstructures to a table
    return out
