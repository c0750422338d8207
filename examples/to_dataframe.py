"""Claims and deals as pandas DataFrames with exact, typed columns; Parquet for DuckDB or Spark.

Needs the ``dataframe`` extra: ``pip install 'dealkit[dataframe]'``.
Run it with ``python examples/to_dataframe.py``.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import dealkit


def main() -> None:
    catalog = dealkit.builtin_catalog()
    claims = dealkit.claims_frame(catalog.all_claims)
    print(f"{len(claims)} claims; money is {claims['amount'].dtype}, dates are {claims['date_start'].dtype}")

    # The best-ranked money figures of the headline deal, exact to the cent.
    money = claims[(claims["subject"] == "amazon-anthropic-2026") & (claims["kind"] == "money")
                   & (claims["rank"] == "preferred")]
    print(money[["property", "qualifier", "amount_low", "amount_high", "currency"]].to_string(index=False))

    deals = dealkit.deals_frame(catalog.deals())
    print(deals[["id", "announced", "investment_high", "compute_gw_high"]].to_string(index=False))
    print(f"units: {deals.attrs['units']['compute_gw_high']} for compute_gw_high")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.parquet"
        rows = dealkit.export_claims(catalog.all_claims, path, "parquet")
        print(f"wrote {rows} rows to {path.name} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
