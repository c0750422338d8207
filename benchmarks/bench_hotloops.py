"""Issue 8's goal 4, kept: hot loops over 100,000 values.

* money: summing 100,000 ``CurrencyAmount`` (``dealkit.sum_amounts``, and the
  builtin ``sum()`` through ``+``) against py-moneyed's ``Money`` (``sum()``);
* power: 100,000 conversions GW -> MW against the naive pint path
  ``Q_(x, "GW").to("MW")``: dealkit's exact ``Power(x, "GW").to("MW")`` and pint
  with the unit objects cached once (no unit text parsed in the loop);
* vectorised: one pint quantity over a numpy array (``dealkit.quantity_array``)
  converted at once, against the same naive loop.

Run alone: ``python benchmarks/bench_hotloops.py [runs]``.
"""

from __future__ import annotations

import random
import sys
from decimal import Decimal

from _harness import MIN_ROUNDS, Result, faster, info, interleaved

N = 100_000


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    from moneyed import Money

    import dealkit
    from dealkit import CurrencyAmount, Power

    rng = random.Random(4217)
    cents = [Decimal(rng.randint(1, 10**11)) / 100 for _ in range(N)]
    amounts = [CurrencyAmount(c, "USD") for c in cents]
    moneys = [Money(c, "USD") for c in cents]
    assert dealkit.sum_amounts(amounts).amount == sum(moneys, Money(0, "USD")).amount == sum(amounts).amount
    money = interleaved(
        {
            "sum_amounts": lambda: dealkit.sum_amounts(amounts),
            "sum(+)": lambda: sum(amounts),
            "moneyed": lambda: sum(moneys, Money(0, "USD")),
            "decimal": lambda: sum(cents),
        },
        rounds,
    )

    ureg = dealkit.get_registry()
    Q_ = ureg.Quantity
    gigawatts = [rng.randint(1, 5000) / 100 for _ in range(N)]
    exact = [Decimal(rng.randint(1, 5000)) / 100 for _ in range(N)]
    powers = [Power(x, "GW") for x in exact]
    n_naive = N // 10  # the naive path is slow: time a tenth and scale

    def naive() -> object:
        return [Q_(x, "GW").to("MW") for x in gigawatts[:n_naive]]

    def cached() -> object:
        gw, mw = ureg.GW, ureg.MW
        return [Q_(x, gw).to(mw) for x in gigawatts]

    def dealkit_exact() -> object:
        return [Power(x, "GW").to("MW") for x in exact]

    def dealkit_to() -> object:
        return [p.to("MW") for p in powers]

    def vectorised() -> object:
        return dealkit.quantity_array(powers, "GW").to(ureg.MW)

    def numpy_only() -> object:
        import numpy as np

        return Q_(np.asarray(gigawatts), ureg.GW).to(ureg.MW)

    power = interleaved(
        {"naive": naive, "cached": cached, "exact": dealkit_exact, "to": dealkit_to,
         "vector": vectorised, "numpy": numpy_only},
        rounds,
    )
    naive_full = [t * N / n_naive for t in power["naive"]]
    return [
        faster("hotloops", f"sum {N:,} CurrencyAmounts: sum_amounts vs py-moneyed sum(Money)",
               money["sum_amounts"], money["moneyed"], 2.0),
        info("hotloops", "  builtin sum() through CurrencyAmount.__add__ vs py-moneyed",
             money["sum(+)"], money["moneyed"]),
        info("hotloops", "  sum_amounts vs sum() of the bare Decimals", money["sum_amounts"], money["decimal"]),
        faster("hotloops", f"{N:,} GW->MW: pint, cached unit objects vs naive Q_(x,'GW').to('MW')",
               power["cached"], naive_full, 2.0),
        faster("hotloops", f"{N:,} GW->MW: Power(x, 'GW').to('MW') (exact) vs naive pint",
               power["exact"], naive_full, 2.0),
        info("hotloops", "  p.to('MW') on existing Powers vs naive pint", power["to"], naive_full),
        faster("hotloops", f"{N:,} GW->MW vectorised: quantity_array(...).to(MW) vs naive",
               power["vector"], naive_full, 2.0),
        info("hotloops", "  vectorised from Powers vs from a ready float list (np.asarray)", power["vector"], power["numpy"]),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line())
