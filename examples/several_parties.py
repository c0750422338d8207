"""Several parties per deal: a three-way pact, its follow-on deal and a consortium, from a catalog file.

The deals are written in ``several_parties.toml`` beside this script.
Run it with ``python examples/several_parties.py``.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import dealkit
from dealkit.analysis import deal_history, deal_metrics
from dealkit.export import write_csv
from dealkit.serialization import DEAL_COLUMNS, deal_rows

CATALOG_FILE = Path(__file__).with_suffix(".toml")


def compact(estimate: dealkit.Estimate[dealkit.CurrencyAmount] | None) -> str:
    """A money estimate in a few characters ("up to $2B"), or "-" for none."""
    return "-" if estimate is None else dealkit.format_estimate(estimate, style="compact")


def main() -> None:
    catalog = dealkit.load_catalog(CATALOG_FILE, include_builtin=False)

    # The three-way pact: each investor with its own amount and tranches, one deal.
    pact = catalog.deal("pact-2027")
    print(f"{pact.id}: {compact(pact.investment)} in all")
    for investor in pact.investors:
        print(f"  {investor.party} ({investor.role}): {compact(investor.amount)}")
        for tranche in investor.tranches:
            print(f"    {tranche.name}: {compact(tranche.amount)}")
    for spend in pact.spend:
        group = catalog.group_of(spend.payee)
        print(f"  {spend.payer} spends {compact(spend.amount)} with {spend.payee} (in {group}'s group)")

    # Money that comes back to the investor's group, per dollar it puts in.
    metrics = {m.name: m for m in deal_metrics(catalog, "pact-2027")}
    print(f"  back to cloudco's group per dollar in: {metrics['flows.cloud.cloudco.back_per_dollar_in'].text}")

    # The follow-on deal extends the pact: CloudCo's running total, with honest bounds.
    history = deal_history(catalog, "cloudco", "lab")
    for entry in history.entries:
        print(f"history {entry.deal} ({entry.announced}): {compact(entry.amount)}; "
              f"in all {' plus '.join(compact(p.amount) for p in entry.cumulative.parts)} "
              f"({compact(entry.cumulative.total)})")

    # The consortium: four investors' shares of the total.
    for metric in deal_metrics(catalog, "venture-2027"):
        print(f"{metric.name}: {metric.text}")

    # The deals as CSV rows: each investor's amount beside the total, and the relations.
    buffer = io.StringIO()
    write_csv(deal_rows(catalog.deals()), DEAL_COLUMNS, buffer)
    for row in csv.DictReader(io.StringIO(buffer.getvalue())):
        print(f"csv {row['id']}: investment_high={row['investment_high']} investor_amounts={row['investor_amounts']} "
              f"relations={row['relations']}")

if __name__ == "__main__":
    main()
