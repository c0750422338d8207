"""Extraction, export, plots, serialization, the command line and the errors."""

from __future__ import annotations

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
    Power,
    Problem,
    Rate,
)
from dealkit.export import claim_rows, claims_table, deals_table
from dealkit.serialization import parse_canonical, structure, unstructure

figures = dealkit.extract("Amazon will invest up to $25 billion in 5 GW of compute.")
assert_type(figures, list[Figure])
assert_type(figures[0].kind, FigureKind)
assert_type(figures[0].estimate, Estimate[CurrencyAmount | Power | Energy | Duration | Decimal | PartialDate])
assert_type(figures[0].to_json(), dict[str, str | int])

claims = dealkit.builtin_catalog().all_claims
assert_type(dealkit.claims_frame(claims), pd.DataFrame)
assert_type(dealkit.deals_frame(dealkit.builtin_catalog().deals()), pd.DataFrame)
assert_type(claims_table(claims), pa.Table)
assert_type(deals_table(dealkit.builtin_catalog().deals()), pa.Table)
assert_type(claim_rows(claims), list[dict[str, object]])
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
