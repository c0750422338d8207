"""Claims and deals as typed tables: pandas, Arrow, Parquet (and DuckDB over it), CSV, JSON."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from decimal import Decimal

import pandas as pd
import pytest

import dealkit
from dealkit import Claim, CurrencyAmount, DealkitError, Estimate, InvalidValueError, Rank, Source
from dealkit.cli._app import main

HEADLINE = "amazon-anthropic-2026"


def _by_id(frame, claim_id):
    rows = frame[frame["id"] == claim_id]
    assert len(rows) == 1, claim_id
    return rows.iloc[0]


def _claim(value: str, claim_id: str = "x-money") -> Claim:
    return Claim(
        id=claim_id, subject=HEADLINE, property="investment.test", kind="money",
        value=Estimate.exact(CurrencyAmount.parse(value)),
        sources=(Source("002_71c77df9dbb0c619.txt", "up to $25 billion"),), rank=Rank.NORMAL,
    )


@pytest.fixture(scope="module")
def claims():
    return dealkit.builtin_catalog().all_claims


@pytest.fixture(scope="module")
def frame(claims):
    return dealkit.claims_frame(claims)


class TestClaimsFrame:
    def test_one_row_per_claim(self, claims, frame):
        assert len(frame) == len(claims)
        assert list(frame["id"]) == [c.id for c in claims]

    def test_money_is_exact_decimal_with_currency_column(self, frame):
        assert str(frame["amount"].dtype).startswith("decimal128(38, 9)")
        row = _by_id(frame, "a26-investment")  # "up to $25 billion"
        assert row["currency"] == "USD"
        assert row["amount"] == Decimal("25000000000")
        assert row["amount_high"] == Decimal("25000000000")
        assert pd.isna(row["amount_low"])
        assert isinstance(row["amount"], Decimal)

    def test_exact_tranche_has_equal_bounds(self, frame):
        row = _by_id(frame, "a26-tranche-immediate")  # $5 billion now
        assert row["amount_low"] == row["amount_high"] == Decimal(5 * 10**9)
        assert row["qualifier"] == "exact"

    def test_power_keeps_its_unit_in_name_and_metadata(self, frame):
        row = _by_id(frame, "a26-compute")  # up to 5 GW
        assert row["power_gw_high"] == Decimal(5)
        assert frame.attrs["units"]["power_gw"] == "GW"
        assert frame.attrs["units"]["energy_gwh"] == "GWh"

    def test_range_in_megawatts_becomes_gigawatts(self, frame):
        row = _by_id(frame, "training-cluster-power")  # 30-50 MW
        assert row["power_gw_low"] == Decimal("0.03")
        assert row["power_gw_high"] == Decimal("0.05")
        assert row["qualifier"] == "range"
        assert pd.isna(row["power_gw"])  # a range states no single value

    def test_quarter_is_a_date_span(self, frame):
        row = _by_id(frame, "a26-trainium2-online")  # Q2 2026
        assert row["date_start"] == dt.date(2026, 4, 1)
        assert row["date_end"] == dt.date(2026, 6, 30)
        assert row["date_precision"] == "quarter"

    def test_duration_in_years(self, frame):
        row = _by_id(frame, "a26-spend-term")  # ten years
        assert row["duration_years"] == Decimal(10)

    def test_other_kinds_leave_money_columns_empty(self, frame):
        row = _by_id(frame, "a26-compute")
        assert pd.isna(row["currency"])
        assert pd.isna(row["amount"])

    def test_sources_are_a_list(self, frame):
        row = _by_id(frame, "a26-investment")
        assert "002_71c77df9dbb0c619.txt" in list(row["sources"])

    def test_amount_beyond_nine_decimals_is_refused(self):
        with pytest.raises(InvalidValueError, match="cannot be stored exactly"):
            dealkit.serialization.claim_rows([_claim("0.0000000001 USD")])

    def test_not_a_claim(self):
        with pytest.raises(InvalidValueError, match="must be a list of Claims"):
            dealkit.serialization.claim_rows(["a26-investment"])  # type: ignore[list-item]


class TestDealsFrame:
    def test_headline_deal(self):
        df = dealkit.deals_frame(dealkit.builtin_catalog().deals()).set_index("id")
        row = df.loc[HEADLINE]
        assert row["currency"] == "USD"
        assert row["investment_qualifier"] == "at_most"
        assert row["investment_high"] == Decimal(25 * 10**9)
        assert row["immediate_low"] == Decimal(5 * 10**9)
        assert row["milestone_linked_high"] == Decimal(20 * 10**9)
        assert row["spend_low"] == Decimal(100 * 10**9)
        assert pd.isna(row["spend_high"])  # "more than $100 billion": no upper bound
        assert row["compute_gw_high"] == Decimal(5)
        assert row["announced_start"] == row["announced_end"] == dt.date(2026, 4, 20)

    def test_a_year_is_announced_as_a_span(self):
        row = dealkit.serialization.deal_rows([dealkit.get_deal("amazon-anthropic-2023")])[0]
        assert row["announced"] == "2023"
        assert (row["announced_start"], row["announced_end"]) == (dt.date(2023, 1, 1), dt.date(2023, 12, 31))


class TestPintUnits:
    def test_power_and_energy_columns_carry_their_unit(self, frame):
        df = dealkit.export.with_pint_units(frame)
        assert str(df["power_gw_high"].dtype).startswith("pint[gigawatt]")
        assert str(df["energy_gwh"].dtype).startswith("pint[gigawatt_hour]")
        in_mw = df.loc[df["id"] == "a26-compute", "power_gw_high"].pint.to("MW")
        assert in_mw.pint.magnitude.tolist() == [5000.0]  # up to 5 GW is up to 5,000 MW

    def test_money_stays_exact(self, frame):
        df = dealkit.export.with_pint_units(frame)
        assert str(df["amount"].dtype).startswith("decimal128(38, 9)")
        assert frame["power_gw_high"].dtype != df["power_gw_high"].dtype  # the input is not changed in place

    def test_missing_pint_pandas_names_the_extra(self, monkeypatch, frame):
        monkeypatch.setitem(sys.modules, "pint_pandas", None)
        with pytest.raises(DealkitError, match=r"pip install 'dealkit\[dataframe\]'"):
            dealkit.export.with_pint_units(frame)


class TestFiles:
    def test_parquet_round_trip_keeps_types_and_units(self, claims, tmp_path):
        import pyarrow as pa
        import pyarrow.parquet as pq

        path = tmp_path / "claims.parquet"
        assert dealkit.export_claims(claims, path, "parquet") == len(claims)
        table = pq.read_table(path)
        assert table.num_rows == len(claims)
        assert table.schema.field("amount").type == pa.decimal128(38, 9)
        assert table.schema.field("date_start").type == pa.date32()
        assert table.schema.field("power_gw").metadata == {b"unit": b"GW", b"bound": b"stated"}
        assert table.schema.field("power_gw_low").metadata == {b"unit": b"GW", b"bound": b"low"}
        ids = table.column("id").to_pylist()
        assert table.column("amount_high").to_pylist()[ids.index("a26-investment")] == Decimal(25 * 10**9)

    def test_parquet_keeps_cents_exact(self, tmp_path):
        import pyarrow.parquet as pq

        path = tmp_path / "cents.parquet"
        dealkit.export_claims([_claim("1234567890123.45 USD")], path, "parquet")
        assert pq.read_table(path).column("amount").to_pylist() == [Decimal("1234567890123.45")]

    def test_duckdb_queries_the_parquet(self, claims, tmp_path):
        import duckdb
        path = tmp_path / "claims.parquet"
        dealkit.export_claims(claims, path, "parquet")
        con = duckdb.connect()
        total = con.execute(
            "SELECT sum(amount) FROM read_parquet(?) WHERE subject = ? AND property LIKE 'tranche.%' "
            "AND rank = 'preferred'", [str(path), HEADLINE],
        ).fetchone()[0]
        # $5 billion now plus $20 billion against milestones.
        assert total == Decimal(25 * 10**9)
        gw = con.execute("SELECT power_gw_high FROM read_parquet(?) WHERE id = 'a26-compute'", [str(path)]).fetchone()[0]
        assert gw == Decimal(5)

    def test_csv_writes_exact_text(self, claims, tmp_path):
        path = tmp_path / "claims.csv"
        dealkit.export_claims(claims, path, "csv")
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == len(claims)
        row = next(r for r in rows if r["id"] == "a26-investment")
        assert row["amount_high"] == "25000000000"
        assert row["amount_low"] == ""
        assert row["currency"] == "USD"
        trainium = next(r for r in rows if r["id"] == "a26-trainium2-online")
        assert (trainium["date_start"], trainium["date_end"]) == ("2026-04-01", "2026-06-30")

    def test_json_writes_one_object_per_claim(self, claims, tmp_path):
        path = tmp_path / "claims.json"
        dealkit.export_claims(claims, path, "json")
        records = json.loads(path.read_text(encoding="utf-8"))
        assert len(records) == len(claims)
        rec = next(r for r in records if r["id"] == "a26-compute")
        assert rec["power_gw_high"] == "5"
        assert rec["amount"] is None

    def test_unknown_format(self, claims, tmp_path):
        with pytest.raises(InvalidValueError, match="format must be one of csv, parquet, json"):
            dealkit.export_claims(claims, tmp_path / "x", "xlsx")  # type: ignore[arg-type]

    def test_unwritable_path(self, claims, tmp_path):
        with pytest.raises(DealkitError, match="cannot write file"):
            dealkit.export_claims(claims, tmp_path / "missing-dir" / "x.csv", "csv")


class TestMissingExtra:
    @pytest.mark.parametrize("module", ["pyarrow", "pandas"])
    def test_names_the_extra(self, monkeypatch, claims, module):
        monkeypatch.setitem(sys.modules, module, None)
        with pytest.raises(DealkitError, match=r"pip install 'dealkit\[dataframe\]'"):
            dealkit.claims_frame(claims)

    def test_csv_needs_no_extra(self, monkeypatch, claims, tmp_path):
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        monkeypatch.setitem(sys.modules, "pandas", None)
        assert dealkit.export_claims(claims, tmp_path / "c.csv", "csv") == len(claims)


class TestExportCommand:
    def test_one_deal_to_parquet_by_suffix(self, tmp_path, capsys):
        import pyarrow.parquet as pq

        path = tmp_path / "deal.parquet"
        assert main(["export", HEADLINE, "-o", str(path)]) == 0
        # Every claim whose subject is the deal, chosen here without the function export uses.
        ids = {c.id for c in dealkit.builtin_catalog().all_claims if c.subject == HEADLINE}
        table = pq.read_table(path)
        assert sorted(table.column("id").to_pylist()) == sorted(ids)
        assert set(table.column("subject").to_pylist()) == {HEADLINE}
        assert f"{len(ids)} claims written" in capsys.readouterr().out

    def test_all_claims_as_json(self, tmp_path):
        path = tmp_path / "all.json"
        assert main(["export", "--format", "json", "-o", str(path)]) == 0
        assert len(json.loads(path.read_text(encoding="utf-8"))) == len(dealkit.builtin_catalog().all_claims)

    def test_unknown_deal_is_one_line(self, tmp_path, capsys):
        assert main(["export", "no-such-deal", "-o", str(tmp_path / "x.csv")]) == 1
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "no-such-deal" in err
        assert not (tmp_path / "x.csv").exists()

    def test_bad_format_is_a_usage_error(self, tmp_path, capsys):
        assert main(["export", "--format", "xlsx", "-o", str(tmp_path / "x")]) == 2
