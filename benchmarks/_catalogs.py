"""Synthetic catalogs of any size, made of the built-in Amazon-Anthropic 2026 file, renamed.

The built-in file is a real catalog file (one deal, 19 claims with sources,
quotes and notes, recorded conflicts, a relation to an earlier deal, comments).
Copy ``k`` renames the deal and its claim ids (and every reference to them, in
conflicts and derived claims), so every copy is a distinct deal with distinct
claims; claims about the parties stay about the same parties, and every copy
extends the same earlier deal.  Copies are grouped into files of at most
:data:`COPIES_PER_FILE` (about 0.5 MiB, under the 1 MiB file limit), beside the
built-in parties file, the original, and the built-in file of that earlier deal.  The JSON variant holds the same data, as a JSON catalog
file states it.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from _harness import ROOT

BUILTIN = ROOT / "src" / "dealkit" / "catalog" / "builtin"
SOURCE = BUILTIN / "10-amazon-anthropic-2026.toml"
#: Built-in files written once beside the copies: the parties, the deal every copy extends, and
#: the original (claims of the earlier deal are derived from it).
BESIDE = ("00-parties", "10-amazon-anthropic-2026", "20-amazon-anthropic-2023")
DEAL = "amazon-anthropic-2026"
COPIES_PER_FILE = 50


def claims_per_copy() -> int:
    """Claims in one copy of the source file."""
    return len(tomllib.loads(SOURCE.read_text(encoding="utf-8"))["claims"])


def _copy(text: str, k: int) -> str:
    body = text.replace("format = 1\n", "", 1)
    return body.replace(f'"{DEAL}"', f'"{DEAL}-c{k:06d}"').replace('"a26-', f'"a26-c{k:06d}-')


def write(directory: Path, claims: int, fmt: str = "toml") -> list[Path]:
    """Catalog files holding about ``claims`` claims (whole copies) in ``directory``; the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    text = SOURCE.read_text(encoding="utf-8")
    copies = max(1, round(claims / claims_per_copy()) - 1)  # the original counts as one
    paths = []
    for name in BESIDE:
        path = directory / f"{name}.{fmt}"
        beside = (BUILTIN / f"{name}.toml").read_text(encoding="utf-8")
        if fmt == "toml":
            path.write_text(beside, encoding="utf-8")
        else:
            path.write_text(json.dumps(tomllib.loads(beside), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    for start in range(0, copies, COPIES_PER_FILE):
        group = "format = 1\n" + "".join(_copy(text, k) for k in range(start, min(copies, start + COPIES_PER_FILE)))
        path = directory / f"{30 + start // COPIES_PER_FILE:06d}-deals.{fmt}"
        if fmt == "toml":
            path.write_text(group, encoding="utf-8")
        else:
            path.write_text(json.dumps(tomllib.loads(group), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths
