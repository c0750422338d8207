"""Reading catalog files: bounded, hostile-input-safe parsing of TOML and JSON, then strict structuring.

Reading is the first of three steps (read, check, assemble): it turns bytes into
:class:`CatalogFile` objects, or a :class:`~dealkit.CatalogError` listing every
problem with its file and field path.  Nothing here builds a deal.
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final

from .._args import check_instance, check_items, check_path, check_text, file_errors
from .._errors import CatalogError, DealkitError, InvalidValueError, Problem
from .._typing import BuiltinPart
from ._shapes import MAX_PROBLEMS, CatalogFile, structure_catalog

__all__ = [
    "BUILTIN_PARTS",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "MAX_NESTING",
    "MAX_PROBLEMS",
    "USER_PART",
    "builtin_dir",
    "builtin_files",
    "builtin_parts",
    "catalog_paths",
    "parse_catalog_bytes",
    "read_catalog_file",
    "read_catalog_files",
    "structure_catalog",
]

#: The largest catalog file read (1 MiB, a hundred times the largest built-in
#: file, so any file is checked within a second); larger files are refused unread.
MAX_FILE_BYTES: Final = 1024 * 1024
#: The most items an array in a catalog file may hold (the built-in files hold under 50).
MAX_ITEMS: Final = 10_000
_TOO_LARGE: Final = f"file is larger than the limit of {MAX_FILE_BYTES} bytes (1 MiB)"
#: The deepest nesting of tables and arrays accepted in a catalog file.
MAX_NESTING: Final = 32


def _reject_constant(name: str) -> float:
    raise InvalidValueError("JSON number constants (NaN, Infinity) are not accepted", name)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InvalidValueError("duplicate key in a JSON object", key)
        out[key] = value
    return out


#: The most digits an integer in a file may have (only ``format`` is an integer).
_MAX_INT_DIGITS: Final = 20


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise InvalidValueError(f"a number with more than {_MAX_INT_DIGITS} digits", text)
    return int(text)


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise InvalidValueError("a number too large to be finite", text)
    return value


def _shape_problem(data: object, *, check_text: bool) -> tuple[str, object] | None:
    """The first problem with the shape of parsed data: too deep, too long an array, or
    (``check_text``) a string that is not Unicode.  Returns the reason and the offending node.

    Level by level and iterative, so hostile nesting cannot exhaust the stack.
    """
    level: list[object] = [data] if type(data) in (dict, list) else []
    depth = 1
    while level:
        if depth > MAX_NESTING:
            return f"nested more than {MAX_NESTING} levels deep", level[0]
        below: list[object] = []
        for node in level:
            if type(node) is dict:
                if check_text and not all(_is_unicode(k) for k in node):
                    return _NOT_UNICODE, node
                items: Iterable[object] = node.values()
            else:  # a list: only dicts and lists are ever queued
                assert isinstance(node, list)
                if len(node) > MAX_ITEMS:
                    return f"an array of {len(node)} items; at most {MAX_ITEMS} are accepted", node
                items = node
            if not check_text:
                below += [v for v in items if type(v) is dict or type(v) is list]
                continue
            for v in items:
                t = type(v)
                if t is dict or t is list:
                    below.append(v)
                elif t is str and not _is_unicode(v):  # type: ignore[arg-type]
                    return _NOT_UNICODE, v
        level = below
        depth += 1
    return None


_NOT_UNICODE: Final = "text holds an unpaired surrogate escape (\\ud800-\\udfff): not Unicode"


def _path_to(data: object, target: object) -> str:
    # The path of the node ``target`` (by identity) in ``data``; only called on the error path.
    stack: list[tuple[object, str, int]] = [(data, "$", 1)]
    while stack:
        node, path, depth = stack.pop()
        if node is target:
            return path
        if depth > MAX_NESTING:
            continue
        if isinstance(node, dict):
            stack.extend((v, f"{path}.{k}", depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(node))
    return "$"


def _is_unicode(text: str) -> bool:
    if text.isascii():  # a flag of the string: most text, at no cost
        return True
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# tomllib takes time quadratic in the number of parts of a dotted key or table
# name (``a.a.a...``).  The catalog format never needs more than a few, so longer
# chains are refused before tomllib sees them.  The scan looks only where keys
# start (a line, a table header, an inline table), and possessive quantifiers
# keep it linear.
_MAX_KEY_PARTS: Final = 16
_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_DOTTED_CHAIN: Final = re.compile(
    rf"""(?:^[ \t]*+(?:\[\[?[ \t]*+)?|[{{,][ \t]*+)(?:{_KEY_PART}[ \t]*+\.[ \t]*+){{{_MAX_KEY_PARTS},}}""",
    re.MULTILINE,
)


def _has_long_dotted_chain(text: str) -> bool:
    """Whether ``text`` holds a dotted key or table name of more than :data:`_MAX_KEY_PARTS` parts.

    A key, with every dot between its parts, is on one line (TOML keys cannot span
    lines), so only lines with that many dots can hold one: counting them first
    spares the pattern the rest of the file (it cost a tenth of tomllib's own time).
    """
    dots = _MAX_KEY_PARTS - 1
    if text.count(".") < dots:
        return False
    return any(_DOTTED_CHAIN.search(line) for line in text.split("\n") if line.count(".") >= dots)


def parse_catalog_bytes(raw: bytes, *, name: str, fmt: str) -> object:
    """Decode and parse one catalog document (``fmt`` is ``"toml"`` or ``"json"``)."""
    check_instance(raw, (bytes, bytearray), "raw", "bytes")
    check_text(name, "name")
    if fmt not in ("toml", "json"):
        raise InvalidValueError("'fmt' must be 'toml' or 'json'", fmt)
    if len(raw) > MAX_FILE_BYTES:
        raise CatalogError([Problem(_TOO_LARGE, "$")], file=name)
    if not raw.strip():
        raise CatalogError([Problem("file is empty", "$")], file=name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            [Problem(f"not UTF-8 text (byte {exc.start} cannot be decoded)", "$")], file=name
        ) from None
    if "\x00" in text:
        raise CatalogError([Problem("file contains NUL bytes: not a text file", "$")], file=name)
    too_deep = CatalogError([Problem(f"nested more than {MAX_NESTING} levels deep", "$")], file=name)
    if fmt != "json" and _has_long_dotted_chain(text):
        raise CatalogError([Problem(f"a dotted key or table name of more than {_MAX_KEY_PARTS} parts", "$")], file=name)
    try:
        if fmt == "json":
            data = json.loads(
                text, parse_constant=_reject_constant, parse_int=_json_int, parse_float=_json_float,
                object_pairs_hook=_no_duplicates,
            )
        else:
            data = tomllib.loads(text)
    except DealkitError as exc:
        raise CatalogError([Problem(exc.reason, "$", exc.value)], file=name) from None
    except RecursionError:
        # Both parsers recurse per bracket and stop at the recursion limit within
        # milliseconds, even for hundreds of thousands of brackets.
        raise too_deep from None
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        if "integer string conversion" in str(exc):
            reason = "a number with thousands of digits"
        else:
            reason = f"not valid {fmt.upper()}: {exc}"
        raise CatalogError([Problem(reason, "$")], file=name) from None
    found = _shape_problem(data, check_text=fmt == "json")
    if found is not None:
        reason, node = found
        path = "$" if reason.startswith("nested") else _path_to(data, node)
        raise CatalogError([Problem(reason, path)], file=name)
    return data


def read_catalog_file(path: str | os.PathLike[str]) -> CatalogFile:
    """Read and structure one catalog file (``.toml`` or ``.json``); raise :class:`CatalogError`.

    A path that is no usable path (not text, a NUL byte, a lone surrogate, too long) raises
    :class:`~dealkit.PathError` before anything is read.
    """
    p = check_path(path)
    name = str(p)
    fmt = "json" if p.suffix.lower() == ".json" else "toml"
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CatalogError([Problem(_TOO_LARGE, "$")], file=name)
        with p.open("rb") as f:
            # Never more than the limit, even from a device or pipe whose size says 0.
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CatalogError([Problem(f"cannot read file: {exc.strerror or exc}", "$")], file=name) from None
    return structure_catalog(parse_catalog_bytes(raw, name=name, fmt=fmt), file=name)


def catalog_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """The catalog files among ``paths``: each file as given, each directory's ``.toml`` and
    ``.json`` files in sorted order; raises :class:`~dealkit.PathError` for an unusable path
    or a directory that cannot be listed."""
    out: list[Path] = []
    for path in check_items(paths, object, "paths", "paths"):
        p = check_path(path)
        with file_errors(p, "list directory"):
            if p.is_dir():
                out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in (".toml", ".json")))
            else:
                out.append(p)
    return out


def read_catalog_files(
    paths: Sequence[str | os.PathLike[str]],
) -> tuple[list[tuple[str | None, CatalogFile]], list[Problem]]:
    """Read every catalog file among ``paths`` (files, or directories of ``.toml``/``.json``).

    Returns the files that read cleanly and every problem of those that did not.
    """
    files: list[tuple[str | None, CatalogFile]] = []
    problems: list[Problem] = []
    for p in catalog_paths(paths):
        try:
            files.append((str(p), read_catalog_file(p)))
        except CatalogError as exc:
            problems.extend(exc.problems)
    return files, problems


#: The parts of the built-in catalog and their directories under ``builtin/``: the seed
#: catalog (the five seed articles) at its root, the field's deals (sourced to web pages) in ``field/``.
BUILTIN_PARTS: Final[dict[BuiltinPart, str]] = {"seed": "", "field": "field"}
#: The part of the deals a user loads beside the built-in catalog.
USER_PART: Final = "user"


def builtin_dir(part: BuiltinPart = "seed") -> Path:
    """The directory of one part of the built-in catalog inside the installed package (the seed part's by default)."""
    if part not in BUILTIN_PARTS:
        raise InvalidValueError(f"no built-in part of this name; known: {', '.join(BUILTIN_PARTS)}", part)
    root = Path(str(resources.files("dealkit.catalog") / "builtin"))
    return root / BUILTIN_PARTS[part] if BUILTIN_PARTS[part] else root


@cache
def builtin_parts() -> tuple[tuple[BuiltinPart, str, CatalogFile], ...]:
    """Every built-in catalog file as ``(part, name, content)``: the seed part's files, then the field's, each by name."""
    out: list[tuple[BuiltinPart, str, CatalogFile]] = []
    for part, folder in BUILTIN_PARTS.items():
        root = resources.files("dealkit.catalog") / "builtin"
        if folder:
            root = root / folder
        for entry in sorted(root.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".toml"):
                shown = f"{folder}/{entry.name}" if folder else entry.name
                data = parse_catalog_bytes(entry.read_bytes(), name=shown, fmt="toml")
                out.append((part, f"dealkit/catalog/builtin/{shown}", structure_catalog(data, file=shown)))
    return tuple(out)


def builtin_files() -> tuple[tuple[str, CatalogFile], ...]:
    """Every built-in catalog file as ``(name, content)``, seed part first (see :func:`builtin_parts`)."""
    return tuple((name, content) for _part, name, content in builtin_parts())
