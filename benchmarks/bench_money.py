"""Money from text and money arithmetic, against py-moneyed.

* ``CurrencyAmount.parse(text)`` against py-moneyed's constructor from the same
  canonical text (``Money(*text.split(" "))``): 100,000 varied amounts with
  cents.  Goal: at most 1.5x.
* ``a + b`` of two amounts against py-moneyed's ``Money + Money``, 90,000
  sums.  Goal: at most 1.0x.

Run alone: ``python benchmarks/bench_money.py [rounds]``.
"""

from __future__ import annotations

import random
import sys

from _harness import MIN_ROUNDS, Result, at_most, info, interleaved

N = 100_000


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    from moneyed import Money

    from dealkit import CurrencyAmount

    rng = random.Random(4217)
    texts = [f"{rng.randint(1, 10**11)}.{rng.randint(0, 99):02d} USD" for _ in range(N)]
    texts += [f"{rng.randint(1, 10**11)} USD" for _ in range(N // 10)]  # whole amounts too
    assert all(CurrencyAmount.parse(t).amount == Money(*t.split(" ")).amount for t in texts)
    amounts = [CurrencyAmount.parse(t) for t in texts[:300]]
    moneys = [Money(*t.split(" ")) for t in texts[:300]]
    assert [a + b for a in amounts for b in amounts][:1000] == [
        CurrencyAmount((a + b).amount, "USD") for a in moneys for b in moneys
    ][:1000]
    news = [f"${rng.randint(1, 999)}.{rng.randint(0, 9)} billion" for _ in range(N // 10)]
    t = interleaved(
        {
            "parse": lambda: [CurrencyAmount.parse(x) for x in texts],
            "moneyed": lambda: [Money(*x.split(" ")) for x in texts],
            "add": lambda: [a + b for a in amounts for b in amounts],
            "moneyed add": lambda: [a + b for a in moneys for b in moneys],
            "news": lambda: [CurrencyAmount.parse(x) for x in news],
            "moneyed news": lambda: [Money(*x.split(" ")) for x in texts[: len(news)]],
        },
        rounds,
    )
    return [
        at_most("money", f"CurrencyAmount.parse of {len(texts):,} canonical texts vs py-moneyed Money(*text.split())",
                t["parse"], t["moneyed"], 1.5),
        at_most("money", f"{len(amounts) ** 2:,} sums a + b vs py-moneyed Money + Money", t["add"], t["moneyed add"], 1.0),
        info("money", "  CurrencyAmount.parse of news text ('$123.4 billion') vs py-moneyed from canonical text",
             t["news"], t["moneyed news"]),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line())
