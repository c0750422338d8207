"""Goal 5: 10,000 loaded deals take at most as much memory as the same data in pydantic models.

Measured with tracemalloc: the memory still allocated after structuring, with
the input records (built before tracing started) excluded, the result alive.
Run alone: ``python benchmarks/bench_memory.py``.
"""

from __future__ import annotations

import gc
import tracemalloc
from collections.abc import Callable

from _harness import Result, at_most, info

N = 10_000


def _retained(build: Callable[[], object]) -> int:
    build()  # warm up: lazy imports, caches, generated code
    gc.collect()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    result = build()
    gc.collect()
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del result
    return after - before


def run(runs: int = 1) -> list[Result]:
    import msgspec

    import _data
    import _peer_msgspec as M
    import _peer_pydantic as P
    import dealkit

    records = _data.records(N)
    ours = _retained(lambda: dealkit.converter.structure(records, list[dealkit.Deal]))
    pydantic = _retained(lambda: P.DEALS.validate_python(records))
    structs = _retained(lambda: msgspec.convert(records, M.DEALS))
    return [
        at_most("5", f"memory of {N:,} loaded deals vs pydantic models (tracemalloc)", ours, pydantic, 1.0, "B"),
        info("5", "  the same, msgspec Structs (figures kept as text)", ours, structs, "B"),
    ]


if __name__ == "__main__":
    for r in run():
        print(r.line())
