"""Shared machinery of the benchmarks: interleaved rounds, medians with their spread, results.

Every case of a benchmark runs once per round, in a rotating order, so drift
on a busy machine hits both sides of a ratio alike.  A figure is printed as
its median over the rounds with the spread (min-max) beside it; a ratio is the
median of the per-round ratios (dealkit's sample over the peer's sample of the
same round), with their spread.
"""

from __future__ import annotations

import gc
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
#: The fewest rounds a figure for the table may rest on.
MIN_ROUNDS = 7


@dataclass(frozen=True)
class Stat:
    """The median of some samples, with their minimum and maximum."""

    median: float
    low: float
    high: float
    n: int

    @classmethod
    def of(cls, samples: Sequence[float]) -> Stat:
        return cls(statistics.median(samples), min(samples), max(samples), len(samples))


@dataclass(frozen=True)
class Result:
    """One line: dealkit's figure, the peer's, the ratio the goal bounds, and whether it holds."""

    goal: str
    what: str
    ours: Stat
    peer: Stat
    unit: str
    target: str
    ratio: Stat
    met: bool

    @property
    def is_goal(self) -> bool:
        return self.target != "info"

    def line(self) -> str:
        mark = "    " if not self.is_goal else "ok  " if self.met else "MISS"
        return (
            f"[{mark}] {self.goal:<9} {self.what}\n"
            f"           dealkit {_fmt_stat(self.ours, self.unit)}   peer {_fmt_stat(self.peer, self.unit)}"
            f"   ratio {self.ratio.median:.2f} [{self.ratio.low:.2f}-{self.ratio.high:.2f}]"
            f" (goal {self.target}, {self.ratio.n} rounds)"
        )

    def row(self) -> str:
        """The result as a row of the README's table."""
        met = "" if not self.is_goal else "yes" if self.met else "**no**"
        return (
            f"| {self.goal} | {self.what} | {_fmt_stat(self.ours, self.unit)} | {_fmt_stat(self.peer, self.unit)} "
            f"| {self.ratio.median:.2f} [{self.ratio.low:.2f}-{self.ratio.high:.2f}] | {self.target} | {met} |"
        )


def _fmt(value: float, unit: str) -> str:
    if unit == "s":
        # By size: a difference of two times (less the interpreter's start) can be negative.
        if abs(value) >= 1:
            return f"{value:.2f} s"
        if abs(value) >= 1e-3:
            return f"{value * 1e3:.1f} ms"
        if abs(value) >= 1e-6:
            return f"{value * 1e6:.2f} us"
        return f"{value * 1e9:.0f} ns"
    if unit == "B":
        return f"{value / 2**20:.1f} MiB"
    return f"{value:.3g} {unit}"


def _fmt_stat(s: Stat, unit: str) -> str:
    if s.n == 1 or s.low == s.high:
        return _fmt(s.median, unit)
    return f"{_fmt(s.median, unit)} [{_fmt(s.low, unit)}-{_fmt(s.high, unit)}]"


def _ratios(ours: Sequence[float], peer: Sequence[float]) -> list[float]:
    # Rounds pair up: interleaved samples of one round were taken side by side.
    return [a / b for a, b in zip(ours, peer, strict=True)]


def at_most(goal: str, what: str, ours: Sequence[float], peer: Sequence[float], limit: float,
            unit: str = "s") -> Result:
    """A cost goal (time, memory): dealkit's cost over the peer's, per round, at most ``limit``."""
    ratio = Stat.of(_ratios(ours, peer))
    return Result(goal, what, Stat.of(ours), Stat.of(peer), unit, f"<= {limit:g}x", ratio, ratio.median <= limit)


def faster(goal: str, what: str, ours: Sequence[float], peer: Sequence[float], limit: float) -> Result:
    """A speed-up goal on times: the peer's time over dealkit's, per round, at least ``limit``."""
    ratio = Stat.of(_ratios(peer, ours))
    return Result(goal, what, Stat.of(ours), Stat.of(peer), "s", f">= {limit:g}x faster", ratio,
                  ratio.median >= limit)


def info(goal: str, what: str, ours: Sequence[float], peer: Sequence[float], unit: str = "s") -> Result:
    """A figure shown for context, with no goal attached."""
    return Result(goal, what, Stat.of(ours), Stat.of(peer), unit, "info", Stat.of(_ratios(ours, peer)), True)


def command(name: str) -> list[str]:
    """The console script ``name`` installed beside this interpreter, else the same entry point via -c."""
    script = Path(sys.executable).parent / name
    if script.exists():
        return [str(script)]
    found = shutil.which(name)
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from dealkit.cli import main; sys.exit(main())"]


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


def time_processes(cases: Mapping[str, Sequence[str]], rounds: int, warmup: int = 2) -> dict[str, list[float]]:
    """Wall times (seconds) of each command, one per round, over ``rounds`` interleaved rounds.

    Every command must succeed; its output is discarded.  ``warmup`` rounds
    (not counted) fill the OS file cache and write any ``.pyc`` or disk cache.
    """
    env = bytecode_env()
    names = list(cases)
    samples: dict[str, list[float]] = {n: [] for n in names}
    for r in range(warmup + rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            start = time.perf_counter()
            subprocess.run(cases[name], check=True, stdout=subprocess.DEVNULL, env=env)
            elapsed = time.perf_counter() - start
            if r >= warmup:
                samples[name].append(elapsed)
    return samples


def interleaved(fns: Mapping[str, Callable[[], object]], rounds: int, *, gc_enabled: bool = True,
                freeze: bool = False, warmup: int = 1) -> dict[str, list[float]]:
    """Seconds of one call of each function, one sample per round, rounds in rotating order.

    ``gc_enabled=False`` switches the collector off around each timed call;
    ``freeze`` moves everything alive into the permanent generation first
    (``gc.freeze()``), so collections do not rescan the setup's objects.
    ``warmup`` rounds run first and are not counted.
    """
    names = list(fns)
    samples: dict[str, list[float]] = {n: [] for n in names}
    for r in range(warmup + rounds):
        for name in names[r % len(names):] + names[: r % len(names)]:
            gc.collect()
            if freeze:
                gc.freeze()
            if not gc_enabled:
                gc.disable()
            try:
                start = time.perf_counter()
                fns[name]()
                elapsed = time.perf_counter() - start
            finally:
                gc.enable()
                if freeze:
                    gc.unfreeze()
            if r >= warmup:
                samples[name].append(elapsed)
    return samples


def _cpu() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _version(dist: str) -> str:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def machine() -> str:
    """The header of every run: CPU, cores, Python, OS and the versions of dealkit and its peers."""
    import dealkit

    libs = ["attrs", "cattrs", "pint", "babel", "orjson", "msgspec", "pydantic", "pydantic-core", "py-moneyed", "numpy"]
    return (
        f"CPU: {_cpu()}, {os.cpu_count()} cores (shared: ratios are what to read)\n"
        f"Python: {platform.python_implementation()} {platform.python_version()} on {platform.platform()}\n"
        f"dealkit {dealkit.__version__}; " + ", ".join(f"{lib} {_version(lib)}" for lib in libs)
    )


#: Prefix for peer commands: hide numpy, as on a core install of dealkit (numpy is only in the
#: bench extra, and pint imports it when present, which would flatter every ratio against pint).
NO_NUMPY = "import sys; sys.modules['numpy'] = None; "
#: Prefix for dealkit commands without the ``fast`` extra: orjson hidden, as on a core install.
NO_ORJSON = "import sys; sys.modules['orjson'] = None; "
