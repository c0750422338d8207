"""The ``dealkit`` command (also ``python -m dealkit``)."""

from __future__ import annotations

from .._public import publish
from ._app import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main

__all__ = [
    "EXIT_INVALID",
    "EXIT_OK",
    "EXIT_USAGE",
    "main",
]

publish(__name__, __all__, globals())
