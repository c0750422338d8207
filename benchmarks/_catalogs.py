"""Synthetic catalogs of any size, made of the built-in Amazon-Anthropic 2026 file, renamed.

The built-in file is a real catalog file (one deal, 19 claims with sources,
quotes and notes, comments).  Copy ``k`` renames the deal and its claim ids, so
every copy is a distinct deal with distinct claims; claims about the parties
stay about the same parties.  Copies are grouped into files of at most
:data:`COPIES_PER_FILE` (about 0.5 MiB, under the 1 MiB file limit), beside the
built-in parties file.  The JSON variant holds the same data, as a JSON catalog
file states it.
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

from _harness import ROOT

BUILTIN = ROOT / "src" / "dealkit" / "catalog" / "builtin"
SOURCE = BUILTIN / "10-amazon-anthropic-2026.toml"
DEAL = "amazon-anthropic-2026"
COPIES_PER_FILE = 50


def claims_per_copy() -> int:
    """Claims in one copy of the source file."""
    return len(tomllib.loads(SOURCE.read_text(encoding="utf-8"))["claims"])


def _copy(text: str, k: int) -> str:
    body = text.replace("format = 1\n", "", 1)
    return body.replace(f'"{DEAL}"', f'"{DEAL}-c{k:06d}"').replace('id = "a26-', f'id = "a26-c{k:06d}-')


def write(directory: Path, claims: int, fmt: str = "toml") -> list[Path]:
    """Catalog files holding about ``claims`` claims (whole copies) in ``directory``; the paths."""
    directory.mkdir(parents=True, exist_ok=True)
    text = SOURCE.read_text(encoding="utf-8")
    copies = max(1, round(claims / claims_per_copy()))
    parties = directory / f"00-parties.{fmt}"
    paths = [parties]
    parties_text = (BUILTIN / "00-parties.toml").read_text(encoding="utf-8")
    if fmt == "toml":
        parties.write_text(parties_text, encoding="utf-8")
    else:
        parties.write_text(json.dumps(tomllib.loads(parties_text), ensure_ascii=False), encoding="utf-8")
    for start in range(0, copies, COPIES_PER_FILE):
        group = "format = 1\n" + "".join(_copy(text, k) for k in range(start, min(copies, start + COPIES_PER_FILE)))
        path = directory / f"{10 + start // COPIES_PER_FILE:06d}-deals.{fmt}"
        if fmt == "toml":
            path.write_text(group, encoding="utf-8")
        else:
            path.write_text(json.dumps(tomllib.loads(group), ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths
