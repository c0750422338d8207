"""Locale-aware text for money, power, energy and dates (babel), full and compact.

Run it with ``python examples/locale_formatting.py``.
"""

from __future__ import annotations

import dealkit
from dealkit import CurrencyAmount, PartialDate, Power

LOCALES = ("en_US", "de_DE", "fr_FR", "ja_JP")


def main() -> None:
    investment = CurrencyAmount.parse("$25 billion")
    power = Power("1.25", "GW")
    day = PartialDate.parse("2026-04-20")
    quarter = PartialDate.parse("2026-Q2")
    for locale in LOCALES:
        full = dealkit.format_money(investment, locale)
        compact = dealkit.format_money(investment, locale, style="compact")
        watts = dealkit.format_power(power, locale)
        energy = dealkit.format_power(power.per_year(), locale, unit="TWh")
        dates = f"{dealkit.format_date(day, locale)} / {dealkit.format_date(quarter, locale)}"
        print(f"{locale}: {compact:>12} | {full:>24} | {watts} | {energy} a year | {dates}")

    deal = dealkit.get_deal("amazon-anthropic-2026")
    assert deal.investment is not None
    print(dealkit.format_estimate(deal.investment, "de_DE", style="compact"))


if __name__ == "__main__":
    main()
