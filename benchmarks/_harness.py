"""Shared machinery of the benchmarks: interleaved process timings, in-process timers, results.

Process-level figures are medians of many *interleaved* runs (each round runs
every command once, in a rotating order), so drift on a busy machine hits
both sides of a ratio alike.
"""

from __future__ import annotations

import gc
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass(frozen=True)
class Result:
    """One goal's measurement: dealkit's figure, the peer's, and the ratio the goal bounds."""

    goal: str
    what: str
    ours: float
    peer: float
    unit: str
    target: str
    ratio: float
    met: bool

    def line(self) -> str:
        mark = "    " if self.target == "info" else "ok  " if self.met else "MISS"
        return (
            f"[{mark}] {self.goal:<3} {self.what:<58} dealkit {_fmt(self.ours, self.unit):>11}"
            f"  peer {_fmt(self.peer, self.unit):>11}  ratio {self.ratio:6.2f}  (goal {self.target})"
        )


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        if value >= 1:
            return f"{value:.2f} s"
        if value >= 1e-3:
            return f"{value * 1e3:.1f} ms"
        if value >= 1e-6:
            return f"{value * 1e6:.2f} us"
        return f"{value * 1e9:.0f} ns"
    if unit == "rec/s":
        return f"{value / 1e3:.0f}k/s"
    if unit == "B":
        return f"{value / 2**20:.1f} MiB"
    return f"{value:.3g} {unit}"


def at_most(goal: str, what: str, ours: float, peer: float, limit: float, unit: str = "s") -> Result:
    """A cost goal: ``ours / peer <= limit``."""
    ratio = ours / peer
    return Result(goal, what, ours, peer, unit, f"<= {limit:g}x", ratio, ratio <= limit)


def at_least(goal: str, what: str, ours: float, peer: float, limit: float, unit: str = "rec/s") -> Result:
    """A speed goal: ``ours / peer >= limit`` (``ours`` and ``peer`` are rates)."""
    ratio = ours / peer
    return Result(goal, what, ours, peer, unit, f">= {limit:g}x", ratio, ratio >= limit)


def faster(goal: str, what: str, ours: float, peer: float, limit: float) -> Result:
    """A speed goal on times: ``peer / ours >= limit`` (dealkit at least ``limit`` times faster)."""
    ratio = peer / ours
    return Result(goal, what, ours, peer, "s", f">= {limit:g}x faster", ratio, ratio >= limit)


def info(goal: str, what: str, ours: float, peer: float, unit: str = "s") -> Result:
    """A figure shown for context, with no goal attached."""
    return Result(goal, what, ours, peer, unit, "info", ours / peer, True)


def command(name: str) -> list[str]:
    """The console script ``name`` installed beside this interpreter, else the same entry point via -c."""
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    found = shutil.which(name)
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from dealkit.cli._app import main; sys.exit(main())"]


def python(code: str) -> list[str]:
    """``python -c code`` with this interpreter."""
    return [sys.executable, "-c", code]


def bytecode_env() -> dict[str, str]:
    """This environment, with bytecode caching on (as on any installed package).

    A shell that sets ``PYTHONDONTWRITEBYTECODE`` would make every run compile
    dealkit from source (pip writes ``.pyc`` files for installed packages, an
    editable checkout has none).  The ``.pyc`` files go under a cache directory,
    never into the source tree; both sides of every ratio run the same way.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "dealkit-bench" / "pycache"
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    return env


def time_processes(cases: Mapping[str, Sequence[str]], runs: int = 21, warmup: int = 2) -> dict[str, float]:
    """Median wall time (seconds) of each command, over ``runs`` interleaved rounds.

    Every command must succeed; its output is discarded.  ``warmup`` rounds
    (not counted) fill the OS file cache and write any ``.pyc`` or disk cache.
    """
    env = bytecode_env()
    names = list(cases)
    samples: dict[str, list[float]] = {n: [] for n in names}
    for r in range(warmup + runs):
        order = names[r % len(names):] + names[: r % len(names)]
        for name in order:
            start = time.perf_counter()
            subprocess.run(cases[name], check=True, stdout=subprocess.DEVNULL, env=env)
            elapsed = time.perf_counter() - start
            if r >= warmup:
                samples[name].append(elapsed)
    return {n: statistics.median(v) for n, v in samples.items()}


def per_call(fn: Callable[[], object], *, repeat: int = 7, number: int = 1, gc_enabled: bool = True) -> float:
    """Median seconds of one call of ``fn`` (``number`` calls per sample, ``repeat`` samples)."""
    samples = []
    for _ in range(repeat):
        if not gc_enabled:
            gc.collect()
            gc.disable()
        try:
            start = time.perf_counter()
            for _ in range(number):
                fn()
            samples.append((time.perf_counter() - start) / number)
        finally:
            gc.enable()
    return statistics.median(samples)


def interleaved(fns: Mapping[str, Callable[[], object]], *, repeat: int = 7, gc_enabled: bool = True,
                freeze: bool = False) -> dict[str, float]:
    """Median seconds per call of each function, samples taken in rotating order.

    ``freeze`` moves everything alive into the permanent generation first
    (``gc.freeze()``), so collections do not rescan the setup's objects.
    """
    names = list(fns)
    samples: dict[str, list[float]] = {n: [] for n in names}
    for r in range(repeat):
        for name in names[r % len(names):] + names[: r % len(names)]:
            gc.collect()
            if freeze:
                gc.freeze()
            if not gc_enabled:
                gc.disable()
            try:
                start = time.perf_counter()
                fns[name]()
                samples[name].append(time.perf_counter() - start)
            finally:
                gc.enable()
                if freeze:
                    gc.unfreeze()
    return {n: statistics.median(v) for n, v in samples.items()}


#: Prefix for peer commands: hide numpy, as on a core install of dealkit (numpy is only in the
#: bench extra, and pint imports it when present, which would flatter every ratio against pint).
NO_NUMPY = "import sys; sys.modules['numpy'] = None; "
