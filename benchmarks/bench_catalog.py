"""Catalog loading at 1,000, 10,000 and 100,000 claims, against the parsers alone.

``load_catalog(directory, include_builtin=False)`` reads, checks and assembles
the files of a synthetic catalog (``_catalogs.py``: the built-in Amazon-Anthropic
2026 file renamed copy by copy, 19 claims and one deal per copy, 50 copies per
file) against ``tomllib.loads`` of the same files (read and decoded the same
way), and the same catalog as JSON files against ``json.loads``.

Goals: at most 1.3x ``tomllib`` at every size; linear from 1k to 100k claims
(the time per claim at 100k at most 1.3x that at 1k); JSON files at most 1.3x
``json.loads``.

Run alone: ``python benchmarks/bench_catalog.py [rounds]``.
"""

from __future__ import annotations

import json
import sys
import tempfile
import tomllib
from pathlib import Path

from _harness import MIN_ROUNDS, Result, at_most, info, interleaved

SIZES = (1_000, 10_000, 100_000)


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    import _catalogs
    from dealkit import load_catalog

    results: list[Result] = []
    per_claim: dict[int, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for size in SIZES:
            times = {}
            for fmt, parse in (("toml", tomllib.loads), ("json", json.loads)):
                directory = Path(tmp) / f"{fmt}-{size}"
                paths = _catalogs.write(directory, size, fmt)
                claims = len(load_catalog(directory, include_builtin=False).all_claims)

                def peer(paths: list[Path] = paths, parse: object = parse) -> object:
                    return [parse(p.read_bytes().decode("utf-8")) for p in paths]  # type: ignore[operator]

                t = interleaved(
                    {"dealkit": lambda d=directory: load_catalog(d, include_builtin=False), "peer": peer},
                    rounds if size < 100_000 else max(MIN_ROUNDS, rounds // 2),
                )
                times[fmt] = t
                if fmt == "toml":
                    per_claim[size] = [s / claims for s in t["dealkit"]]
            results.append(at_most("catalog", f"load_catalog, {claims:,} claims in {len(paths)} TOML files vs tomllib",
                                   times["toml"]["dealkit"], times["toml"]["peer"], 1.3))
            results.append(at_most("catalog", f"load_catalog, {claims:,} claims in {len(paths)} JSON files vs json.loads",
                                   times["json"]["dealkit"], times["json"]["peer"], 1.3))
    small, large = per_claim[SIZES[0]], per_claim[SIZES[-1]]
    n = min(len(small), len(large))
    results.append(at_most("catalog", f"linear: time per claim at {SIZES[-1]:,} vs at {SIZES[0]:,} claims (TOML)",
                           large[:n], small[:n], 1.3))
    results.append(info("catalog", f"  time per claim at {SIZES[1]:,} vs at {SIZES[0]:,} claims (TOML)",
                        per_claim[SIZES[1]][:n], small[:n]))
    return results


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line())
