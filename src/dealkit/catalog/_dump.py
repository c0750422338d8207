"""Writing catalogs back to files: TOML (the editable form) or JSON."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Literal

from .._typing import JSONValue
from ._catalog import Catalog
from ._shapes import CatalogFile

__all__ = ["catalog_to_data", "dump_catalog"]


def catalog_to_data(content: Catalog | CatalogFile) -> dict[str, JSONValue]:
    """The catalog as plain data in the file format (``format``, ``parties``, ``deals``, ``claims``).

    The same as ``dealkit.converter.unstructure(content)``.
    """
    return content.to_data()


def dump_catalog(
    content: Catalog | CatalogFile,
    path: str | os.PathLike[str] | None = None,
    *,
    fmt: Literal["toml", "json"] = "toml",
) -> str:
    """Write a catalog as TOML (needs the ``tomli-w`` package) or JSON; return the text.

    Loading what this writes gives equal objects: every digit, precision,
    qualifier and source survives.
    """
    data = catalog_to_data(content)
    if fmt == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        try:
            import tomli_w
        except ImportError as exc:  # pragma: no cover - depends on the environment
            from .._errors import InvalidValueError

            raise InvalidValueError("writing TOML needs the 'tomli-w' package (pip install tomli-w)", fmt) from exc
        text = tomli_w.dumps(data)
    if path is not None:
        Path(path).write_text(text, encoding="utf-8")
    return text
