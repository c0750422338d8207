"""Two commits of dealkit side by side: structuring and unstructuring the same records.

    python benchmarks/ab_commits.py OLD NEW [--records 5000] [--rounds 9] [--data COMMIT]

Each commit's ``src`` is taken with ``git archive`` into a temporary
directory (the checkout is not touched).  Every round runs one fresh process
per commit, in a rotating order; each process builds the records (from
``benchmarks/_data.py`` of ``--data``, by default OLD, so both sides read the
same input), structures them once to warm up, then times
``converter.structure(records, list[Deal])`` and
``json.dumps(converter.unstructure(deals, list[Deal]))`` in process CPU time
with the collector off.  Printed: each side's median with its spread, and the
median of the per-round ratios NEW / OLD with theirs (above 1: NEW is slower).

This is how the structuring slowdown between 8b03743 and 5a18b6a was found,
and its undoing in a06b6b7 measured (see ``README.md``).  It is a tool, not a
goal: ``run.py`` does not run it.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

from _harness import MIN_ROUNDS, ROOT, Stat, bytecode_env, machine

_CHILD = """
import gc, json, sys, time
sys.path[:0] = [{src!r}, {data!r}]
import _data
import dealkit
assert dealkit.__file__.startswith({src!r}), dealkit.__file__
records = _data.records({n})
conv = dealkit.converter
deals = conv.structure(records, list[dealkit.Deal])
json.dumps(conv.unstructure(deals, list[dealkit.Deal]))
gc.collect(); gc.disable()
t0 = time.process_time(); deals = conv.structure(records, list[dealkit.Deal]); t1 = time.process_time()
json.dumps(conv.unstructure(deals, list[dealkit.Deal])); t2 = time.process_time()
print(json.dumps([t1 - t0, t2 - t1]))
"""


def _extract(commit: str, into: Path) -> None:
    blob = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "src", "benchmarks"],
                          check=True, capture_output=True).stdout
    with tarfile.open(fileobj=BytesIO(blob)) as tar:
        tar.extractall(into, filter="data")


def _line(name: str, samples: list[float], n: int) -> str:
    s = Stat.of([n / x for x in samples])
    return f"{name:>12}: {s.median:8,.0f} records/s [{s.low:,.0f}-{s.high:,.0f}]"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("old")
    parser.add_argument("new")
    parser.add_argument("--records", type=int, default=5_000)
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--data", help="the commit whose benchmarks/_data.py builds the records (default: OLD)")
    args = parser.parse_args()
    if args.rounds < MIN_ROUNDS:
        parser.error(f"at least {MIN_ROUNDS} rounds")
    print(machine(), flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        trees = {}
        for commit in dict.fromkeys([args.old, args.new, args.data or args.old]):
            trees[commit] = Path(tmp) / commit
            _extract(commit, trees[commit])
        data = str(trees[args.data or args.old] / "benchmarks")
        names = [args.old, args.new]
        times: dict[str, list[list[float]]] = {c: [] for c in names}
        env = bytecode_env()
        for r in range(args.rounds):
            for commit in names[r % 2:] + names[: r % 2]:
                code = _CHILD.format(src=str(trees[commit] / "src"), data=data, n=args.records)
                out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True, env=env)
                times[commit].append(json.loads(out.stdout))
    n = args.records
    print(f"{n:,} records from {args.data or args.old}'s benchmarks/_data.py, {args.rounds} interleaved rounds, "
          "process CPU time, collector off")
    for i, what in enumerate(("structure", "unstructure + json.dumps")):
        print(what)
        for commit in names:
            print(_line(commit, [t[i] for t in times[commit]], n))
        ratio = Stat.of([b[i] / a[i] for a, b in zip(times[args.old], times[args.new], strict=True)])
        print(f"{'time ratio':>12}: {args.new} / {args.old} = {ratio.median:.3f} [{ratio.low:.3f}-{ratio.high:.3f}]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
