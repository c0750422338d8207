"""Load your own catalog file beside the built-in one, and see what a mistake looks like.

Run it with ``python examples/own_catalog.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import dealkit

MY_DEALS = """\
format = 1

[[parties]]
id = "acme-compute"
name = "Acme Compute"

[[deals]]
id = "acme-anthropic-2027"
title = "Acme Compute backs Anthropic"
investor = "acme-compute"
investee = "anthropic"

[[deals.tranches]]
kind = "immediate"

[[claims]]
id = "acme-announced"
subject = "acme-anthropic-2027"
property = "announced"
kind = "date"
value = "2027-03"
qualifier = "exact"
sources = [{ file = "acme-press-release.txt", quote = "in March 2027" }]

[[claims]]
id = "acme-investment"
subject = "acme-anthropic-2027"
property = "investment"
kind = "money"
value = "2000000000 USD"
qualifier = "at_most"
rank = "preferred"
sources = [{ file = "acme-press-release.txt", quote = "up to $2 billion" }]

[[claims]]
id = "acme-immediate"
subject = "acme-anthropic-2027"
property = "tranche.immediate.amount"
kind = "money"
value = "500000000 USD"
qualifier = "exact"
sources = [{ file = "acme-press-release.txt", quote = "$500 million at signing" }]
"""


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "my-deals.toml"
        path.write_text(MY_DEALS, encoding="utf-8")
        catalog = dealkit.load_catalog(path)  # the built-in catalog is loaded too
        deal = catalog.deal("acme-anthropic-2027")
        assert deal.investment is not None
        print(f"{deal.title}: {dealkit.format_estimate(deal.investment, style='compact')}, announced {deal.announced}")
        print(f"deals in the merged catalog: {', '.join(catalog.deal_ids())}")

        # A typo and a non-canonical figure: one CatalogError lists both, with file and field path.
        broken = Path(tmp) / "broken.toml"
        broken.write_text(MY_DEALS.replace('value = "2000000000 USD"', 'value = "$2B"')
                          .replace("investee =", "investeee ="), encoding="utf-8")
        try:
            dealkit.load_catalog(broken)
        except dealkit.CatalogError as exc:
            print("broken.toml is refused:")
            for problem in exc.problems:
                print(f"  {problem.path}: {problem.reason}")


if __name__ == "__main__":
    main()
