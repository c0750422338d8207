"""Goal (issue 16): ``dealkit check`` costs at most 1.5x ``dealkit validate`` on the same catalog, at every size.

Synthetic catalogs of 1,000 to 100,000 claims (``catalog_dir``) are written as
directories of JSON files (each under the 1 MiB and 10,000-item limits).  Both
commands load the same files and the built-in catalog; ``check`` then compares
every group of claims, every deal's tranches with its total and every growth
multiple with the figures it joins.  The two commands run as processes,
interleaved round by round, so a busy machine slows both alike; each size
prints the median of each with its spread, and the median of the per-round
ratios with theirs.  The fit is ``t = a * n^b`` by least squares on the medians,
for both commands and for ``check_consistency`` alone (timed in process): ``b``
near 1 is linear, near 2 quadratic.

Run alone: ``python benchmarks/bench_check.py [rounds]``.
"""

from __future__ import annotations

import json
import math
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _harness import MIN_ROUNDS, Result, at_most, command, info, time_processes

#: Claims per synthetic catalog.
SIZES = (1_000, 3_000, 10_000, 30_000, 100_000)
#: Deals per file: about 1,100 claims, some 600 KB of JSON (the limit is 1 MiB).
DEALS_PER_FILE = 100
GOAL = 1.5

_SOURCE = [{"file": "synthetic.txt", "quote": "a figure"}]


def _claim(cid: str, subject: str, prop: str, kind: str, value: str, qualifier: str, **more: Any) -> dict[str, Any]:
    return {"id": cid, "subject": subject, "property": prop, "kind": kind, "value": value,
            "qualifier": qualifier, "sources": _SOURCE, **more}


def _deal(i: int, rng: random.Random, labs: list[str]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """One deal (the shape of the built-in headline deal) and its 11 claims, one of them a
    deprecated reading that conflicts with the preferred total (resolved, so check exits 0)."""
    d = f"deal-{i:06d}"
    investor, investee = f"cloud-{i % 50:03d}", labs[i % len(labs)]
    year = rng.randint(2021, 2028)
    immediate = rng.randint(1, 50) * 10**8
    linked = rng.randint(1, 200) * 10**8
    total = immediate + linked + rng.randint(0, 10**9)
    shape = {
        "id": d, "title": f"{investor} backs {investee}, round {i}", "investor": investor, "investee": investee,
        "tranches": [{"kind": "immediate"}, {"kind": "milestone_linked"}],
        "compute": [{"name": "capacity", "provider": investor, "recipient": investee}],
        "spend": [{"name": "cloud", "payer": investee, "payee": investor}],
        "milestones": [{"name": "online", "description": "capacity online"}],
    }
    claims = [
        _claim(f"{d}-announced", d, "announced", "date", f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
               "exact", rank="preferred"),
        _claim(f"{d}-investment", d, "investment", "money", f"{total} USD", "at_most", rank="preferred"),
        _claim(f"{d}-investment-flat", d, "investment", "money", f"{total} USD", "exact"),
        _claim(f"{d}-investment-old", d, "investment", "money", f"{total * 3} USD", "exact", rank="deprecated",
               note="an earlier report; the others disagree"),
        _claim(f"{d}-valuation", d, "valuation", "money", f"{total * rng.randint(5, 40)} USD", "exact"),
        _claim(f"{d}-immediate", d, "tranche.immediate.amount", "money", f"{immediate} USD", "exact"),
        _claim(f"{d}-linked", d, "tranche.milestone_linked.amount", "money", f"{linked} USD", "at_most"),
        _claim(f"{d}-capacity", d, "compute.capacity.capacity", "power", f"{rng.randint(1, 9999)} MW", "at_most"),
        _claim(f"{d}-capacity-by", d, "compute.capacity.by", "date", f"{year + 2}", "at_most"),
        _claim(f"{d}-spend", d, "spend.cloud.amount", "money", f"{total * 4} USD", "at_least"),
        _claim(f"{d}-online", d, "milestone.online.date", "date", f"{year + 1}-Q{rng.randint(1, 4)}", "exact"),
    ]
    return shape, claims


def _series(lab: str, rng: random.Random) -> list[dict[str, Any]]:
    """A lab's run-rate revenue at four dates and the growth multiple its articles state (5 claims)."""
    base = rng.randint(1, 50) * 10**8
    out = []
    for q in range(4):
        out.append(_claim(f"{lab}-run-rate-{q}", lab, "revenue.run_rate", "money", f"{base * (q + 1)} USD",
                          "exact", as_of=f"2026-Q{q + 1}", rank="preferred"))
    out.append(_claim(f"{lab}-growth", lab, "revenue.growth", "multiple", "1.3x", "approximately",
                      as_of="2026-Q4", rank="preferred"))
    return out


def catalog_dir(claims: int, root: Path, seed: int = 16) -> int:
    """Write a catalog of about ``claims`` claims to ``root``; return the exact number of claims."""
    rng = random.Random(seed)
    deals = max(1, round(claims / 11.25))  # 11 claims a deal, 5 per lab, a lab per 20 deals
    labs = [f"lab-{k:05d}" for k in range(max(1, deals // 20))]
    parties = [{"id": f"cloud-{k:03d}", "name": f"Cloud {k}"} for k in range(50)]
    parties += [{"id": lab, "name": lab.replace("-", " ").title()} for lab in labs]
    root.mkdir(parents=True, exist_ok=True)
    (root / "00-parties.json").write_text(json.dumps({"format": 1, "parties": parties}), encoding="utf-8")
    count = 0
    series = [c for lab in labs for c in _series(lab, rng)]
    count += len(series)
    (root / "01-series.json").write_text(json.dumps({"format": 1, "claims": series}), encoding="utf-8")
    for f, start in enumerate(range(0, deals, DEALS_PER_FILE)):
        shapes, claims_out = [], []
        for i in range(start, min(deals, start + DEALS_PER_FILE)):
            shape, cs = _deal(i, rng, labs)
            shapes.append(shape)
            claims_out += cs
        count += len(claims_out)
        text = json.dumps({"format": 1, "deals": shapes, "claims": claims_out})
        assert len(text.encode()) < 1024 * 1024
        (root / f"{f + 10:05d}-deals.json").write_text(text, encoding="utf-8")
    return count


def _in_process(path: Path, rounds: int) -> tuple[float, float]:
    """Median seconds of ``load_catalog`` and of ``check_consistency`` alone, in this process."""
    import dealkit

    loads, checks = [], []
    for _ in range(rounds):
        start = time.perf_counter()
        catalog = dealkit.load_catalog(path)
        loads.append(time.perf_counter() - start)
        start = time.perf_counter()
        dealkit.check_consistency(catalog)
        checks.append(time.perf_counter() - start)
    return statistics.median(loads), statistics.median(checks)


def _exponent(sizes: list[int], times: list[float]) -> float:
    """``b`` of the least-squares fit ``log t = log a + b log n``."""
    xs, ys = [math.log(n) for n in sizes], [math.log(t) for t in times]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)


def run(rounds: int = MIN_ROUNDS, sizes: tuple[int, ...] = SIZES) -> list[Result]:
    dealkit = command("dealkit")
    results: list[Result] = []
    rows = []
    with tempfile.TemporaryDirectory(prefix="dealkit-check-") as tmp:
        for size in sizes:
            path = Path(tmp) / f"n{size}"
            n = catalog_dir(size, path)
            # Interleaved process runs: one of each command per round, in rotating order.
            t = time_processes({
                "validate": [*dealkit, "validate", str(path)],
                "check": [*dealkit, "check", "--catalog", str(path)],
            }, rounds, warmup=1)
            load, check_alone = _in_process(path, 1 if size >= 30_000 else 3)
            rows.append((n, statistics.median(t["validate"]), statistics.median(t["check"]), check_alone, load))
            results.append(at_most("16", f"dealkit check vs validate, {n:,} claims", t["check"], t["validate"], GOAL))
            results.append(info("16", "  check_consistency alone vs load_catalog, in process", [check_alone], [load]))
    ns = [r[0] for r in rows]
    if len(ns) > 1:
        for label, column in (("dealkit validate", 1), ("dealkit check", 2), ("check_consistency alone", 3),
                              ("load_catalog alone", 4)):
            b = _exponent(ns, [r[column] for r in rows])
            print(f"      fit: {label} time ~ n^{b:.2f} over {ns[0]:,}..{ns[-1]:,} claims", flush=True)
    return results


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line(), flush=True)
