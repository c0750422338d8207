"""Run the benchmarks and print each goal's ratio, with both figures, their spread and the machine.

    python benchmarks/run.py                  # every benchmark, default rounds (~20 minutes on 2 cores)
    python benchmarks/run.py json money       # some of them
    python benchmarks/run.py --rounds 9       # more rounds (never fewer than 7 for the table)
    python benchmarks/run.py --quick          # 3 rounds: a smoke test, not for the table
    python benchmarks/run.py --check          # exit 1 when a goal is missed
    python benchmarks/run.py --table          # also print the results as the README's table
    python benchmarks/run.py check            # dealkit check vs validate, 1k..100k claims, with the fit

Needs the ``bench`` extra (``pip install -e ".[bench]"``).  Ratios, not
absolute times, are what the goals bound: both sides of each ratio are
measured in the same run, in interleaved rounds.  See ``benchmarks/README.md``.
Benchmarks are not tests: nothing here runs in the test suite.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _harness import MIN_ROUNDS, Result, machine  # noqa: E402

#: benchmark module -> default rounds
BENCHMARKS = {
    "import": 21,
    "cli": 21,
    "json": MIN_ROUNDS,
    "money": MIN_ROUNDS,
    "catalog": MIN_ROUNDS,
    "memory": MIN_ROUNDS,
    "hotloops": MIN_ROUNDS,
    "extract": MIN_ROUNDS,
    "check": MIN_ROUNDS,
}
QUICK = 3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("benchmarks", nargs="*", choices=[*BENCHMARKS, []], help="which benchmarks (default: all)")
    parser.add_argument("--rounds", type=int, help=f"rounds for every benchmark (at least {MIN_ROUNDS} for the table)")
    parser.add_argument("--quick", action="store_true", help=f"{QUICK} rounds: a smoke test, not for the table")
    parser.add_argument("--check", action="store_true", help="exit 1 when any goal is missed")
    parser.add_argument("--table", action="store_true", help="print the results as a Markdown table at the end")
    args = parser.parse_args()

    print(machine(), flush=True)
    if args.quick:
        print(f"(quick: {QUICK} rounds each, a smoke test; the table needs at least {MIN_ROUNDS})", flush=True)
    elif args.rounds is not None and args.rounds < MIN_ROUNDS:
        print(f"(fewer than {MIN_ROUNDS} rounds: not for the table)", flush=True)
    results: list[Result] = []
    for name in args.benchmarks or BENCHMARKS:
        rounds = QUICK if args.quick else args.rounds if args.rounds is not None else BENCHMARKS[name]
        start = time.perf_counter()
        module = importlib.import_module(f"bench_{name}")
        for r in module.run(rounds):
            print(r.line(), flush=True)
            results.append(r)
        print(f"      ({name}: {rounds} rounds, {time.perf_counter() - start:.0f} s)", flush=True)
    missed = [r for r in results if r.is_goal and not r.met]
    goals = sum(r.is_goal for r in results)
    print(f"{goals - len(missed)} of {goals} goals met" + (": missed " + "; ".join(
        f"{r.goal} {r.what.strip()}" for r in missed) if missed else ""))
    if args.table:
        print("\n| goal | measure | dealkit | peer | ratio [spread] | target | met |")
        print("| --- | --- | ---: | ---: | ---: | --- | --- |")
        for r in results:
            print(r.row())
    return 1 if args.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
