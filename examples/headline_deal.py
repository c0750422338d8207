"""The headline deal: Amazon's up-to-$25B investment in Anthropic, every figure with its source.

Run it with ``python examples/headline_deal.py``.
"""

from __future__ import annotations

import dealkit


def main() -> None:
    catalog = dealkit.builtin_catalog()
    deal = catalog.deal("amazon-anthropic-2026")
    print(deal.title)
    print(f"announced {deal.announced}, {deal.investor} -> {deal.investee}")
    if deal.investment is not None:
        print(f"investment: {dealkit.format_estimate(deal.investment, style='compact')}")
    for tranche in deal.tranches:
        print(f"  {tranche.kind}: {dealkit.format_estimate(tranche.amount, style='compact')}")
    # Up to $20B against milestones plus exactly $5B now: interval arithmetic keeps the bounds.
    if deal.immediate is not None and deal.milestone_linked is not None:
        total = deal.immediate + deal.milestone_linked
        print(f"tranches together: {dealkit.format_estimate(total, style='compact')}")
    for compute in deal.compute:
        print(f"compute: {dealkit.format_estimate(compute.capacity)} on {', '.join(compute.chips)}")
    for spend in deal.spend:
        print(f"spend: {dealkit.format_estimate(spend.amount, style='compact')} over {spend.term}")

    print("\nwhere the investment figure comes from:")
    best = catalog.best(deal.id, "investment")
    assert best is not None
    for source in best.sources:
        print(f'  {source.ref}: "{source.quote}"')


if __name__ == "__main__":
    main()
