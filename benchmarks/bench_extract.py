"""Issue 13's goal 6, kept: reading figures at corpus scale.

* Throughput of ``dealkit.extract`` on one core, in MB of UTF-8 text per second, beside a
  plain ``re.finditer`` money scan (``$5 billion``-like spans) of the same text measured in
  the same run, interleaved.  Goal: at least 5 MB/s per core.  Two texts: the five seed
  articles (news as written: one figure per ~300 characters) and the labelled corpus
  (dense on purpose: one figure per ~60 characters).  "Per core" is measured on the
  process's CPU time: on a machine whose cores other work shares, wall time also counts
  the time the process waits for a core, CPU time does not.  Both are printed, with the
  peer's and their ratio, and the load average before and after.
* Scaling: ``extract_rows`` over many documents with 1 process and with every core;
  goal: linear, i.e. throughput x ``os.cpu_count()``.  Beside the wall-time speed-up
  (which other work on a shared machine caps), the CPU time of one process over that of
  the pool (parent and workers) shows what the pool itself costs: the speed-up it allows
  on idle cores is ``cores x`` that efficiency.

    python benchmarks/bench_extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _harness import MIN_ROUNDS, ROOT, Result, Stat, info, machine

from dealkit import PartialDate, extract
from dealkit.extraction import Document, extract_rows

REFERENCE = PartialDate.parse("2026-04-20")
#: The peer: what a quick script would do to find amounts of money.
MONEY_SCAN = re.compile(r"[$€£¥][ ]?[0-9][0-9,.]*(?:[ ]?(?:billion|million|trillion|bn|m|b)\b)?", re.I)

Sample = tuple[float, float]
"""One timing: wall seconds, and CPU seconds of this process and the workers it reaped."""


def _texts() -> dict[str, str]:
    texts = {}
    seeds = Path(os.environ.get("DEALKIT_SEEDS", ROOT.parent / "shared" / "seeds"))
    if seeds.is_dir():
        texts["seed articles"] = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    corpus = ROOT / "tests" / "extraction_corpus"
    texts["labelled corpus"] = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("[0-9]*.txt")))
    return texts


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _interleaved(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[Sample]]:
    times: dict[str, list[Sample]] = {name: [] for name in fns}
    names = list(fns)
    for r in range(rounds + 1):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            cpu = _cpu_seconds()
            start = time.perf_counter()
            fns[name]()
            elapsed = time.perf_counter() - start
            if r:  # the first round warms up
                times[name].append((elapsed, _cpu_seconds() - cpu))
    return times


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}, min {min(values):.2f}, max {max(values):.2f}"


def load() -> str:
    """The machine's load average, to read wall times by."""
    one, five, _ = os.getloadavg()
    return f"load average {one:.1f} (1 min), {five:.1f} (5 min) on {os.cpu_count()} cores"


def throughput(rounds: int) -> list[Result]:
    results = []
    for name, text in _texts().items():
        big = text * max(1, 2_000_000 // len(text))  # about 2 MB
        size = len(big.encode("utf-8")) / 1e6
        times = _interleaved(
            {
                "extract": lambda big=big: extract(big, reference=REFERENCE),
                "re.finditer": lambda big=big: sum(1 for _ in MONEY_SCAN.finditer(big)),
            },
            rounds,
        )
        ours = [size / cpu for _, cpu in times["extract"]]
        peer = [size / cpu for _, cpu in times["re.finditer"]]
        ours_wall = [size / wall for wall, _ in times["extract"]]
        peer_wall = [size / wall for wall, _ in times["re.finditer"]]
        figures = len(extract(big, reference=REFERENCE))
        print(f"  {name}: {size:.1f} MB, {len(big) / figures:.0f} characters per figure, {rounds} rounds ({load()})")
        print(f"    extract      MB per CPU second: {_spread(ours)};  per wall second: {_spread(ours_wall)}")
        print(f"    re.finditer  MB per CPU second: {_spread(peer)};  per wall second: {_spread(peer_wall)}")
        slower = [p / o for p, o in zip(peer, ours, strict=True)]
        print(f"    the money regex is faster by (per round, CPU): {_spread(slower)}")
        results.append(info("extract", f"  extract MB/s on one core (CPU time), {name} (vs money regex)",
                            ours, peer, "MB/s"))
        results.append(info("extract", f"  extract MB/s in wall time, {name} (vs money regex)",
                            ours_wall, peer_wall, "MB/s"))
        goal = Stat.of(ours)
        rate = Stat(goal.median / 5.0, goal.low / 5.0, goal.high / 5.0, goal.n)
        results.append(Result("extract", f"extract >= 5 MB/s per core, {name}", goal, Stat.of([5.0]),
                              "MB/s", ">= 5 MB/s", rate, goal.median >= 5.0))
    return results


def scaling(rounds: int) -> list[Result]:
    text = next(iter(_texts().values()))
    docs = [Document(f"doc-{i}", text, REFERENCE) for i in range(48)]
    size = len(text.encode("utf-8")) * len(docs) / 1e6
    cores = os.cpu_count() or 1
    times = _interleaved(
        {
            "1 process": lambda: sum(1 for _ in extract_rows(docs, jobs=1)),
            f"{cores} processes": lambda: sum(1 for _ in extract_rows(docs, jobs=cores)),
        },
        rounds,
    )
    one = [size / wall for wall, _ in times["1 process"]]
    many = [size / wall for wall, _ in times[f"{cores} processes"]]
    efficiency = [a / b for (_, a), (_, b) in zip(times["1 process"], times[f"{cores} processes"], strict=True)]
    print(f"  {len(docs)} documents, {size:.1f} MB, {rounds} rounds ({load()})")
    print(f"    1 process     MB/s: {_spread(one)}")
    print(f"    {cores} processes   MB/s: {_spread(many)}")
    print(f"    CPU of 1 process / CPU of the pool (parent and workers): {_spread(efficiency)}")
    ratios = Stat.of([m / o for m, o in zip(many, one, strict=True)])
    allowed = [cores * e for e in efficiency]
    return [
        Result("extract", f"speed-up with {cores} processes (pool start-up included; wall time)", Stat.of(many),
               Stat.of(one), "MB/s", f">= {cores}x (linear)", ratios, ratios.median >= 0.9 * cores),
        Result("extract", f"  speed-up the pool's CPU cost allows on {cores} idle cores", Stat.of(allowed),
               Stat.of([1.0]), "x", "info", Stat.of(allowed), True),
    ]


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    return [*throughput(rounds), *scaling(rounds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=MIN_ROUNDS)
    args = parser.parse_args()
    if args.rounds < MIN_ROUNDS:
        parser.error(f"--rounds: at least {MIN_ROUNDS} (a median and its spread need them)")
    print(machine())
    print(f"before: {load()}")
    results = run(args.rounds)
    print(f"after: {load()}")
    for result in results:
        print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
