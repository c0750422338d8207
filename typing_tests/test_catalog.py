"""The catalog: loading, querying (typed by kind) and writing."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import assert_type

import dealkit
from dealkit import Catalog, Claim, CurrencyAmount, Deal, Estimate, JSONValue, PartialDate, Party, Power
from dealkit.catalog import CatalogFile, DealShape, catalog_schema, catalog_to_data, read_catalog_file

catalog = dealkit.builtin_catalog()
assert_type(catalog, Catalog)
assert_type(dealkit.load_catalog("my-deals.toml", include_builtin=False), Catalog)
assert_type(catalog.deal_ids(), tuple[str, ...])
assert_type(catalog.deals(), tuple[Deal, ...])
assert_type(catalog.deal("amazon-anthropic-2026"), Deal)
assert_type(catalog.party("amazon"), Party)
assert_type(catalog.parties, tuple[Party, ...])
assert_type(catalog.shapes, tuple[DealShape, ...])
assert_type(catalog.all_claims, tuple[Claim, ...])
assert_type(catalog.claims("amazon-anthropic-2026", "investment"), tuple[Claim, ...])
assert_type(catalog.claims_about_deal("amazon-anthropic-2026"), tuple[Claim, ...])
assert_type(catalog.merged(catalog), Catalog)
assert_type(catalog.to_file(), CatalogFile)

# best: the claim, or, given a kind, its value typed as that kind
assert_type(catalog.best("amazon-anthropic-2026", "investment"), Claim | None)
assert_type(catalog.best("amazon-anthropic-2026", "investment", CurrencyAmount), Estimate[CurrencyAmount])
capacity = catalog.best("amazon-anthropic-2026", "compute.new-capacity.capacity", Power)
assert_type(capacity, Estimate[Power])
assert_type(catalog.best("amazon-anthropic-2026", "announced", PartialDate), Estimate[PartialDate])
assert_type(catalog.best("x", "y", Decimal, as_of=PartialDate.parse("2026")), Estimate[Decimal])
best = catalog.best("amazon-anthropic-2026", "investment")
if best is not None:
    assert_type(best.rank, dealkit.Rank)

assert_type(dealkit.dump_catalog(catalog), str)
assert_type(dealkit.dump_catalog(catalog, "out.json", fmt="json"), str)
assert_type(catalog_to_data(catalog), dict[str, JSONValue])
assert_type(catalog_schema(), dict[str, JSONValue])
assert_type(read_catalog_file(Path("my-deals.toml")), CatalogFile)
