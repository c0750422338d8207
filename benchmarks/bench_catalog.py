"""Catalog loading at 1,000, 10,000 and 100,000 claims, against the parsers alone.

``load_catalog(directory, include_builtin=False)`` reads, checks and assembles
the files of a synthetic catalog (``_catalogs.py``: the built-in Amazon-Anthropic
2026 file renamed copy by copy, 19 claims and one deal per copy, 50 copies per
file) against ``tomllib.loads`` of the same files (read and decoded the same
way), and the same catalog as JSON files against ``json.loads``.

Goals: at most 1.3x ``tomllib`` at every size; linear from 1k to 100k claims
(the time per claim at 100k at most 1.3x that at 1k, every size in the same
rounds); JSON files (1k and 10k claims) at most 1.3x ``json.loads``.

Run alone: ``python benchmarks/bench_catalog.py [rounds]``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from collections.abc import Callable
from pathlib import Path

from _harness import MIN_ROUNDS, Result, at_most, info, interleaved

SIZES = (1_000, 10_000, 100_000)


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    import _catalogs
    from dealkit import load_catalog

    results: list[Result] = []
    with tempfile.TemporaryDirectory() as tmp:
        for fmt, parse, sizes in (("toml", tomllib.loads, SIZES), ("json", json.loads, SIZES[:2])):
            cases: dict[str, Callable[[], object]] = {}
            counts: dict[int, tuple[int, int]] = {}
            for size in sizes:
                directory = Path(tmp) / f"{fmt}-{size}"
                paths = _catalogs.write(directory, size, fmt)
                counts[size] = (len(load_catalog(directory, include_builtin=False).all_claims), len(paths))

                def peer(paths: list[Path] = paths, parse: Callable[[str], object] = parse) -> object:
                    return [parse(p.read_bytes().decode("utf-8")) for p in paths]

                cases[f"dealkit {size}"] = lambda d=directory: load_catalog(d, include_builtin=False)
                cases[f"peer {size}"] = peer
            # Every size in the same rounds, so the per-claim times of one round compare.
            t = interleaved(cases, rounds, warmup=0)
            name = "tomllib" if fmt == "toml" else "json.loads"
            for size in sizes:
                claims, files = counts[size]
                results.append(at_most(
                    "catalog", f"load_catalog, {claims:,} claims in {files} {fmt.upper()} files vs {name}",
                    t[f"dealkit {size}"], t[f"peer {size}"], 1.3,
                ))
            if fmt == "toml":
                small, large = sizes[0], sizes[-1]
                per_small = [x / counts[small][0] for x in t[f"dealkit {small}"]]
                per_large = [x / counts[large][0] for x in t[f"dealkit {large}"]]
                results.append(at_most("catalog", f"linear: time per claim at {large:,} vs at {small:,} claims (TOML)",
                                       per_large, per_small, 1.3))
                peer_small = [x / counts[small][0] for x in t[f"peer {small}"]]
                peer_large = [x / counts[large][0] for x in t[f"peer {large}"]]
                results.append(info("catalog", f"  tomllib alone: time per claim at {large:,} vs at {small:,} claims",
                                    peer_large, peer_small))
    return results


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line())
