"""Optional dependencies (the ``dataframe``, ``plot`` and ``numpy`` extras), imported on first use."""

from __future__ import annotations

import importlib
from typing import Any

from ._errors import DealkitError

__all__ = ["require"]


def require(module: str, extra: str = "dataframe") -> Any:
    """Import ``module``, or raise a :class:`DealkitError` that names the ``extra`` that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        raise DealkitError(
            f"{module} is not installed; install the '{extra}' extra: pip install 'dealkit[{extra}]'",
            module,
        ) from None
