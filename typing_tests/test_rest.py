"""Extraction, export, plots, serialization, the command line and the errors."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import assert_type

import pandas as pd
import pyarrow as pa

import dealkit
import dealkit.cli
from dealkit import (
    CatalogError,
    CurrencyAmount,
    DealkitConverter,
    DealkitError,
    Duration,
    Energy,
    Estimate,
    Figure,
    FigureKind,
    JSONValue,
    PartialDate,
    Rate,
    Power,
    Problem,
    Qualifier,
    Rate,
)
from dealkit.catalog import (
    CatalogFile,
    ComputeShape,
    DealShape,
    MilestoneShape,
    SpendShape,
    TrancheShape,
    builtin_files,
    catalog_paths,
    catalog_schema_json,
    parse_catalog_bytes,
    read_catalog_files,
    structure_catalog,
)
from dealkit.export import claims_table, deals_table, with_pint_units
from dealkit.extraction import parse_multiple, parse_percent
from dealkit.plots import date_span
from dealkit.serialization import (
    canonical_text,
    claim_rows,
    deal_rows,
    parse_canonical,
    plain_row,
    problems_from,
    structure,
    unstructure,
)

figures = dealkit.extract("Amazon will invest up to $25 billion in 5 GW of compute.")
assert_type(figures, list[Figure])
assert_type(figures[0].kind, FigureKind)
assert_type(figures[0].value, Estimate[CurrencyAmount | Rate | Power | Energy | Duration | Decimal | PartialDate])
assert_type(figures[0].to_json(), dict[str, str | int | None])

claims = dealkit.builtin_catalog().all_claims
assert_type(dealkit.claims_frame(claims), pd.DataFrame)
assert_type(dealkit.deals_frame(dealkit.builtin_catalog().deals()), pd.DataFrame)
assert_type(claims_table(claims), pa.Table)
assert_type(deals_table(dealkit.builtin_catalog().deals()), pa.Table)
assert_type(claim_rows(claims), list[dict[str, object]])
assert_type(plain_row(claim_rows(claims)[0]), dict[str, str | list[str] | None])
assert_type(dealkit.export_claims(claims, "claims.csv", "csv"), int)
assert_type(dealkit.plot_deal(dealkit.get_deal("amazon-anthropic-2026"), "t.svg"), Path)

# serialization: typed by the class asked for; canonical text typed by kind
assert_type(dealkit.converter, DealkitConverter)
assert_type(dealkit.make_converter(), DealkitConverter)
assert_type(dealkit.converter.structure({"qualifier": "exact", "value": "5 GW"}, Estimate[Power]), Estimate[Power])
assert_type(dealkit.converter.structure("50 USD/MWh", Rate), Rate)
assert_type(structure("5 GW", Power), Power)
assert_type(unstructure(Power(5)), JSONValue)
assert_type(parse_canonical("money", "5 USD"), CurrencyAmount)
assert_type(parse_canonical("power", "5 GW"), Power)
assert_type(parse_canonical("energy", "5 GWh"), Energy)
assert_type(parse_canonical("duration", "5 years"), Duration)
assert_type(parse_canonical("percent", "84%"), Decimal)
assert_type(parse_canonical("date", "2026-Q2"), PartialDate)

assert_type(dealkit.cli.main(["list"]), int)

error = DealkitError("must be positive", "-5 GW", path="$.capacity")
assert_type(error.reason, str)
assert_type(error.value, object)
assert_type(error.path, str)
assert_type(error.file, str | None)
assert_type(error.problems, tuple[Problem, ...])
assert_type(error.located("$.deals[0]", "my.toml"), DealkitError)
assert_type(CatalogError([Problem("bad")]).problems, tuple[Problem, ...])

# the rest of the public namespaces
assert_type(figures[0].qualifier, Qualifier)
assert_type(figures[0].value_text, str)
assert_type(figures[0].start, int)
assert_type(figures[0].words, str)
assert_type(parse_multiple("3x"), Decimal)
assert_type(parse_percent("84%"), Decimal)

shape = DealShape(
    "d", "D", "a", investee="b", tranches=(TrancheShape("immediate"),), compute=(ComputeShape("c", "a", "b"),),
    spend=(SpendShape("s", "b", "a"),), milestones=(MilestoneShape("m", "M"),),
)
assert_type(shape.slots(), dict[str, FigureKind])
assert_type(CatalogFile(deals=(shape,)).claims, tuple[dealkit.Claim, ...])
assert_type(builtin_files(), tuple[tuple[str, CatalogFile], ...])
assert_type(catalog_paths(["deals/"]), list[Path])
assert_type(catalog_schema_json(), str)
assert_type(parse_catalog_bytes(b"format = 1", name="x.toml", fmt="toml"), object)
assert_type(read_catalog_files(["x.toml"]), tuple[list[tuple[str | None, CatalogFile]], list[Problem]])
assert_type(structure_catalog({"format": 1}), CatalogFile)

assert_type(deal_rows(dealkit.builtin_catalog().deals()), list[dict[str, object]])
assert_type(with_pint_units(dealkit.claims_frame(claims)), pd.DataFrame)
assert_type(date_span(Estimate.exact(PartialDate.parse("2026-Q2"))), tuple[dt.date | None, dt.date | None])
assert_type(canonical_text("power", Power(5)), str)
assert_type(problems_from(ValueError("x")), list[Problem])

problem = Problem("must be positive", "$.value", "-5 GW", "my.toml")
assert_type(problem.reason, str)
assert_type(problem.path, str)
assert_type(problem.file, str | None)
assert_type(dealkit.InvalidValueError("bad", 5), dealkit.InvalidValueError)
assert_type(dealkit.DimensionError("bad"), dealkit.DimensionError)
