"""Keep: 10,000 loaded deals take at most half the memory of the same data in pydantic models.

Measured with tracemalloc: the memory still allocated after structuring, with
the input records (built before tracing started) excluded, the result alive.
Each round measures dealkit, pydantic and msgspec once, in a rotating order.
Run alone: ``python benchmarks/bench_memory.py [rounds]``.
"""

from __future__ import annotations

import gc
import sys
import tracemalloc
from collections.abc import Callable

from _harness import MIN_ROUNDS, Result, at_most, info

N = 10_000


def _retained(build: Callable[[], object]) -> int:
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = build()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return after - before


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    import msgspec

    import _data
    import _peer_msgspec as M
    import _peer_pydantic as P
    import dealkit

    records = _data.records(N)
    builds: dict[str, Callable[[], object]] = {
        "dealkit": lambda: dealkit.converter.structure(records, list[dealkit.Deal]),
        "pydantic": lambda: P.DEALS.validate_python(records),
        "msgspec": lambda: msgspec.convert(records, M.DEALS),
    }
    for build in builds.values():
        build()  # warm up: lazy imports, caches, generated code
    names = list(builds)
    sizes: dict[str, list[float]] = {n: [] for n in names}
    for r in range(rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            sizes[name].append(float(_retained(builds[name])))
    return [
        at_most("memory", f"tracemalloc of {N:,} loaded deals vs pydantic models", sizes["dealkit"], sizes["pydantic"],
                0.5, "B"),
        info("memory", "  the same, msgspec Structs (figures kept as text)", sizes["dealkit"], sizes["msgspec"], "B"),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line())
