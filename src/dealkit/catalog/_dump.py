"""Writing catalogs back to files: TOML (the editable form) or JSON."""

from __future__ import annotations

import json
import os
from typing import Literal

from .._args import check_instance, check_path, file_errors
from .._errors import InvalidValueError
from .._typing import JSONValue
from ._catalog import Catalog
from ._shapes import CatalogFile

__all__ = ["catalog_to_data", "dump_catalog"]


def catalog_to_data(content: Catalog | CatalogFile) -> dict[str, JSONValue]:
    """The catalog as plain data in the file format (``format``, ``parties``, ``deals``, ``claims``).

    The same as ``dealkit.converter.unstructure(content)``.
    """
    check_instance(content, (Catalog, CatalogFile), "content", "a Catalog or CatalogFile")
    return content.to_data()


def dump_catalog(
    content: Catalog | CatalogFile,
    path: str | os.PathLike[str] | None = None,
    *,
    fmt: Literal["toml", "json"] = "toml",
) -> str:
    """Write a catalog as TOML (needs the ``tomli-w`` package) or JSON; return the text.

    Loading what this writes gives equal objects: every digit, precision,
    qualifier and source survives.  A ``path`` that is no usable path, or a file that
    cannot be written, raises :class:`~dealkit.PathError`.
    """
    if fmt not in ("toml", "json"):
        raise InvalidValueError("'fmt' must be 'toml' or 'json'", fmt)
    target = None if path is None else check_path(path)
    data = catalog_to_data(content)
    if fmt == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    else:
        try:
            import tomli_w
        except ImportError as exc:  # pragma: no cover - depends on the environment
            raise InvalidValueError("writing TOML needs the 'tomli-w' package (pip install tomli-w)", fmt) from exc
        text = tomli_w.dumps(data)
    if target is not None:
        with file_errors(target, "write file"):
            target.write_text(text, encoding="utf-8")
    return text
