"""Run every benchmark and print each goal's ratio with both figures.

    python benchmarks/run.py                 # all goals, default run counts
    python benchmarks/run.py --quick         # fewer runs (a smoke test, noisier)
    python benchmarks/run.py import cli      # only some goals
    python benchmarks/run.py check           # dealkit check vs validate, 1k..100k claims

Needs the ``bench`` extra (``pip install -e ".[bench]"``).  Ratios, not
absolute times, are what the goals bound: both sides of each ratio are
measured in the same run, interleaved.  See ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: goal module -> (default runs, quick runs)
GOALS = {
    "import": (21, 7),
    "cli": (21, 7),
    "load": (9, 3),
    "hotloops": (7, 3),
    "memory": (1, 1),
    "extract": (7, 3),
    "check": (5, 2),
}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("goals", nargs="*", choices=[*GOALS, []], help="which benchmarks (default: all)")
    parser.add_argument("--quick", action="store_true", help="fewer runs: a smoke test")
    args = parser.parse_args()
    import dealkit

    print(f"dealkit {dealkit.__version__}, Python {platform.python_version()}, {platform.machine()}, "
          f"{os.cpu_count()} cores, {platform.platform()}")
    missed = 0
    for name in args.goals or GOALS:
        runs = GOALS[name][1 if args.quick else 0]
        start = time.perf_counter()
        module = importlib.import_module(f"bench_{name}")
        results = module.run(runs)
        for r in results:
            print(r.line(), flush=True)
            missed += not r.met
        print(f"      ({name}: {runs} runs, {time.perf_counter() - start:.0f} s)", flush=True)
    print(f"{missed} goal(s) missed" if missed else "every goal met")
    return 0


if __name__ == "__main__":
    sys.exit(main())
