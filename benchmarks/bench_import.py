"""Keep: ``python -c "import dealkit"`` costs at most 0.5x ``python -c "import pint"``.

Run alone: ``python benchmarks/bench_import.py [runs]``.
"""

from __future__ import annotations

import sys

from _harness import MIN_ROUNDS, NO_NUMPY, Result, at_most, info, python, time_processes


def run(rounds: int = 21) -> list[Result]:
    t = time_processes(
        {
            "pass": python("pass"),
            "dealkit": python("import dealkit"),
            "models": python("import dealkit; dealkit.Deal, dealkit.CurrencyAmount, dealkit.Power"),
            "pint": python(NO_NUMPY + "import pint"),
            "pint+numpy": python("import pint"),
            "quantity": python(NO_NUMPY + "import dealkit; dealkit.Power(5, 'GW').quantity"),
            "registry": python(NO_NUMPY + "import pint; pint.UnitRegistry()"),
            "cached": python(NO_NUMPY + "import pint; pint.UnitRegistry(cache_folder=':auto:')"),
        },
        rounds=rounds,
    )
    return [
        at_most("import", "import dealkit vs import pint (whole process)", t["dealkit"], t["pint"], 0.5),
        info("import", "  the same, less bare interpreter start (python -c pass)",
             [a - p for a, p in zip(t["dealkit"], t["pass"])], [b - p for b, p in zip(t["pint"], t["pass"])]),
        info("import", "  import dealkit and touch the models (Deal, CurrencyAmount, Power) vs import pint",
             t["models"], t["pint"]),
        info("import", "  import pint with numpy installed (pint then imports it)", t["pint+numpy"], t["pint"]),
        info("import", "  first pint quantity: import dealkit; Power(5, 'GW').quantity vs pint registry",
             t["quantity"], t["registry"]),
        info("import", "  pint registry from pint's disk cache vs built from definitions", t["cached"], t["registry"]),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else max(21, MIN_ROUNDS)):
        print(r.line())
