"""Goal 1: ``python -c "import dealkit"`` costs at most 0.5x ``python -c "import pint"``.

Run alone: ``python benchmarks/bench_import.py [runs]``.
"""

from __future__ import annotations

import sys

from _harness import NO_NUMPY, Result, at_most, info, python, time_processes


def run(runs: int = 21) -> list[Result]:
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
        runs=runs,
    )
    return [
        at_most("1", "import dealkit vs import pint (whole process)", t["dealkit"], t["pint"], 0.5),
        info("1", "  the same, less bare interpreter start (python -c pass)",
             t["dealkit"] - t["pass"], t["pint"] - t["pass"]),
        info("1", "  import dealkit and touch the models (Deal, CurrencyAmount, Power) vs import pint",
             t["models"], t["pint"]),
        info("1", "  import pint with numpy installed (pint then imports it)", t["pint+numpy"], t["pint"]),
        info("1", "  first pint quantity: import dealkit; Power(5, 'GW').quantity vs pint registry",
             t["quantity"], t["registry"]),
        info("1", "  pint registry from pint's disk cache vs built from definitions", t["cached"], t["registry"]),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else 21):
        print(r.line())
