"""Issue 13's goal 6, kept: reading figures at corpus scale.

* Throughput of ``dealkit.extract`` on one core, in MB of UTF-8 text per second, beside a
  plain ``re.finditer`` money scan (``$5 billion``-like spans) of the same text measured in
  the same run, interleaved.  Goal: at least 5 MB/s per core.  Two texts: the five seed
  articles (news as written: one figure per ~300 characters) and the labelled corpus
  (dense on purpose: one figure per ~60 characters).
* Scaling: ``extract_rows`` over many documents with 1 process and with every core;
  goal: linear, i.e. throughput x ``os.cpu_count()``.

    python benchmarks/bench_extract.py [--rounds N]
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from _harness import MIN_ROUNDS, ROOT, Result, Stat, info

from dealkit import PartialDate, extract
from dealkit.extraction import Document, extract_rows

REFERENCE = PartialDate.parse("2026-04-20")
#: The peer: what a quick script would do to find amounts of money.
MONEY_SCAN = re.compile(r"[$€£¥][ ]?[0-9][0-9,.]*(?:[ ]?(?:billion|million|trillion|bn|m|b)\b)?", re.I)


def _texts() -> dict[str, str]:
    texts = {}
    seeds = Path(os.environ.get("DEALKIT_SEEDS", ROOT.parent / "shared" / "seeds"))
    if seeds.is_dir():
        texts["seed articles"] = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    corpus = ROOT / "tests" / "extraction_corpus"
    texts["labelled corpus"] = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(corpus.glob("[0-9]*.txt")))
    return texts


def _interleaved(fns: dict[str, Callable[[], object]], rounds: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {name: [] for name in fns}
    names = list(fns)
    for r in range(rounds + 1):
        order = names[r % len(names) :] + names[: r % len(names)]
        for name in order:
            start = time.perf_counter()
            fns[name]()
            elapsed = time.perf_counter() - start
            if r:  # the first round warms up
                times[name].append(elapsed)
    return times


def _spread(values: list[float]) -> str:
    return f"median {statistics.median(values):.2f}, min {min(values):.2f}, max {max(values):.2f}"


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
        ours = [size / t for t in times["extract"]]
        peer = [size / t for t in times["re.finditer"]]
        figures = len(extract(big, reference=REFERENCE))
        print(f"  {name}: {size:.1f} MB, {len(big) / figures:.0f} characters per figure")
        print(f"    extract      MB/s: {_spread(ours)}")
        print(f"    re.finditer  MB/s: {_spread(peer)}")
        results.append(info("extract", f"  extract MB/s on one core, {name} (vs money regex)", ours, peer, "MB/s"))
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
    one = [size / t for t in times["1 process"]]
    many = [size / t for t in times[f"{cores} processes"]]
    print(f"  {len(docs)} documents, {size:.1f} MB")
    print(f"    1 process     MB/s: {_spread(one)}")
    print(f"    {cores} processes   MB/s: {_spread(many)}")
    ratios = Stat.of([m / o for m, o in zip(many, one)])
    return [Result("extract", f"speed-up with {cores} processes (pool start-up included)", Stat.of(many),
                   Stat.of(one), "MB/s", f">= {cores}x (linear)", ratios, ratios.median >= 0.9 * cores)]


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    return [*throughput(rounds), *scaling(rounds)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=MIN_ROUNDS)
    args = parser.parse_args()
    for result in run(args.rounds):
        print(result.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
