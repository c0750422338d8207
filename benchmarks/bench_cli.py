"""Keep: ``dealkit show`` and ``dealkit claims --format json`` cost at most 0.6x building pint's registry.

The peer is ``python -c "import pint; pint.UnitRegistry()"``, the cost of merely
having a default pint registry.  Run alone: ``python benchmarks/bench_cli.py [runs]``.
"""

from __future__ import annotations

import sys

from _harness import NO_NUMPY, Result, at_most, command, info, python, time_processes


def run(rounds: int = 21) -> list[Result]:
    dealkit = command("dealkit")
    t = time_processes(
        {
            "registry": python(NO_NUMPY + "import pint; pint.UnitRegistry()"),
            "show": [*dealkit, "show", "amazon-anthropic-2026"],
            "claims": [*dealkit, "claims", "--format", "json"],
            "show-de": [*dealkit, "show", "amazon-anthropic-2026", "--locale", "de_DE"],
            "list": [*dealkit, "list"],
        },
        rounds=rounds,
    )
    peer = t["registry"]
    return [
        at_most("cli", "dealkit show amazon-anthropic-2026 vs pint registry", t["show"], peer, 0.6),
        at_most("cli", "dealkit claims --format json vs pint registry", t["claims"], peer, 0.6),
        info("cli", "  dealkit show ... --locale de_DE", t["show-de"], peer),
        info("cli", "  dealkit list", t["list"], peer),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else 21):
        print(r.line())
