"""A Parquet export reads typed in pandas, DuckDB and Polars, in a process that never imports dealkit."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

import dealkit
from dealkit.export import PARQUET_METADATA_KEY

HEADLINE = "amazon-anthropic-2026"

#: Reads the file with each library and reports what it found, as JSON; dealkit stays unimported.
READER = r"""
import json, sys
path = sys.argv[1]
out = {}

import pandas as pd
df = pd.read_parquet(path)
row = df.set_index("id").loc["a26-investment"]
out["pandas"] = {
    "amount_high": repr(row["amount_high"]), "currency": row["currency"], "qualifier": row["qualifier"],
    "dtypes": {c: str(df[c].dtype) for c in ("amount", "power_gw", "date_start", "subject", "sources")},
    "units": df.attrs.get("units"), "qualifiers": sorted(df.attrs.get("qualifiers", {})),
    "decimal_types": sorted({type(v).__name__ for v in df["amount"].dropna()}),
    "arrow_backend": str(pd.read_parquet(path, dtype_backend="pyarrow")["amount"].dtype),
}

import duckdb
con = duckdb.connect()
types = dict(con.execute(f"SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM read_parquet('{path}'))").fetchall())
high = con.execute(f"SELECT amount_high FROM read_parquet('{path}') WHERE id = 'a26-investment'").fetchone()[0]
total = con.execute(f"SELECT sum(power_gw_high) FROM read_parquet('{path}') WHERE property = 'compute.new-capacity.capacity'").fetchone()[0]
meta = dict(con.execute(f"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{path}')").fetchall())
out["duckdb"] = {"types": {c: types[c] for c in ("amount", "power_gw", "date_start", "sources")},
                 "amount_high": repr(high), "power_sum": repr(total), "dealkit": json.loads(meta["dealkit"])}

import polars as pl
frame = pl.read_parquet(path)
meta = pl.read_parquet_metadata(path)
out["polars"] = {"types": {c: str(frame.schema[c]) for c in ("amount", "power_gw", "date_start", "sources")},
                 "amount_high": repr(frame.filter(pl.col("id") == "a26-investment")["amount_high"][0]),
                 "dealkit": json.loads(meta["dealkit"])}
out["imported_dealkit"] = "dealkit" in sys.modules
print(json.dumps(out))
"""


@pytest.fixture(scope="module")
def read(tmp_path_factory):
    path = tmp_path_factory.mktemp("parquet") / "claims.parquet"
    from dealkit.cli import main

    assert main(["export", HEADLINE, "-o", str(path)]) == 0
    done = subprocess.run([sys.executable, "-c", READER, str(path)], capture_output=True, text=True, timeout=300,
                          cwd=path.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_dealkit_is_not_needed(read):
    assert read["imported_dealkit"] is False


class TestPandas:
    def test_money_is_exact_decimal(self, read):
        # numpy has no decimal type: pandas holds exact Decimals, never floats; Arrow's backend keeps the type.
        assert read["pandas"]["amount_high"] == repr(Decimal("25000000000.000000000"))
        assert read["pandas"]["decimal_types"] == ["Decimal"]
        assert read["pandas"]["arrow_backend"] == "decimal128(38, 9)[pyarrow]"

    def test_dates_and_text_are_typed(self, read):
        dtypes = read["pandas"]["dtypes"]
        assert dtypes["date_start"] == "date32[day][pyarrow]"
        assert dtypes["subject"] == "string"
        assert (read["pandas"]["currency"], read["pandas"]["qualifier"]) == ("USD", "at_most")

    def test_units_and_qualifiers_in_attrs(self, read):
        units = read["pandas"]["units"]
        assert units["power_gw"] == "GW" and units["energy_gwh_low"] == "GWh"
        assert units["duration_years"] == "year" and units["amount"] == "currency"
        assert read["pandas"]["qualifiers"] == ["approximately", "at_least", "at_most", "exact", "range"]


class TestDuckDB:
    def test_types(self, read):
        assert read["duckdb"]["types"] == {"amount": "DECIMAL(38,9)", "power_gw": "DECIMAL(38,9)",
                                           "date_start": "DATE", "sources": "VARCHAR[]"}

    def test_exact_values_and_sums(self, read):
        assert read["duckdb"]["amount_high"] == repr(Decimal("25000000000.000000000"))
        # Two claims of the 5 GW compute commitment (up to 5 GW, and 5 GW): 10 GW, exactly.
        assert read["duckdb"]["power_sum"] == repr(Decimal("10.000000000"))

    def test_metadata(self, read):
        meta = read["duckdb"]["dealkit"]
        assert meta["units"]["power_gw_high"] == "GW"
        assert meta["columns"]["amount_low"] == {"type": "decimal128(38, 9)", "unit": "currency", "bound": "low"}
        assert meta["columns"]["amount"]["bound"] == "stated"
        assert "upper bound" in meta["qualifiers"]["at_most"]


class TestPolars:
    def test_types(self, read):
        types = read["polars"]["types"]
        assert types["amount"] == types["power_gw"] == "Decimal(precision=38, scale=9)"
        assert types["date_start"] == "Date"
        assert types["sources"] == "List(String)"

    def test_exact_values_and_metadata(self, read):
        assert read["polars"]["amount_high"] == repr(Decimal("25000000000.000000000"))
        assert read["polars"]["dealkit"]["units"]["energy_gwh"] == "GWh"


def test_metadata_key_is_documented():
    text = (Path(__file__).resolve().parent.parent / "docs" / "dataframes.md").read_text(encoding="utf-8")
    assert f'"{PARQUET_METADATA_KEY}"' in text
