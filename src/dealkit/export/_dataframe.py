"""Claims and deals as typed tables: Arrow, Parquet, pandas, CSV and JSON.

One row per claim (or per deal), with a column per field and exact types:

- money is a ``decimal128(38, 9)`` column (never a float), with the ISO 4217
  code in its own ``currency`` column;
- power, energy and durations are decimal columns whose name carries the unit
  (``power_gw``, ``energy_gwh``, ``duration_years``); the unit is also in each
  Arrow field's metadata (``{"unit": "GW"}``) and in ``DataFrame.attrs["units"]``;
- dates are ``date32`` spans (``date_start`` .. ``date_end``) with their
  ``date_precision``, so ``2026-Q2`` is April 1 to June 30;
- every figure keeps its bounds: ``amount_low``, ``amount``, ``amount_high``.

pyarrow and pandas are imported on first use (the ``dataframe`` extra);
without them :func:`claims_table` and friends raise a :class:`DealkitError`
that names the extra.  CSV and JSON need neither.

The rows themselves are defined once, in :mod:`dealkit.serialization`
(:func:`~dealkit.serialization.claim_rows`); this module turns them into tables and files.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, Literal, TextIO, TypeAlias

from .._args import check_instance, check_items, check_path, file_errors
from .._errors import InvalidValueError
from .._model import Claim, Deal
from .._optional import require
from ..serialization import (
    CLAIM_COLUMNS,
    DEAL_COLUMNS,
    PRECISION,
    SCALE,
    ColumnType,
    claim_rows,
    deal_rows,
    plain_row,
    plain_value,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "EXPORT_FORMATS",
    "ExportFormat",
    "PARQUET_METADATA_KEY",
    "QUALIFIER_MEANINGS",
    "claims_frame",
    "claims_table",
    "deals_frame",
    "deals_table",
    "export_claims",
    "with_pint_units",
    "write_csv",
    "write_json",
]

#: The file formats :func:`export_claims` writes.
ExportFormat: TypeAlias = Literal["csv", "parquet", "json"]
#: Every :data:`ExportFormat`, in order.
EXPORT_FORMATS: Final[tuple[ExportFormat, ...]] = ("csv", "parquet", "json")

# -- Arrow and pandas ------------------------------------------------------------------------


def _schema(columns: dict[str, tuple[ColumnType, str]]) -> pa.Schema:
    pyarrow = require("pyarrow")
    types = {
        "string": pyarrow.string(), "decimal": pyarrow.decimal128(PRECISION, SCALE),
        "date": pyarrow.date32(), "list": pyarrow.list_(pyarrow.string()),
    }
    fields = []
    for name, (kind, unit) in columns.items():
        metadata = {"unit": unit} if unit else None
        fields.append(pyarrow.field(name, types[kind], nullable=True, metadata=metadata))
    schema: pa.Schema = pyarrow.schema(fields, metadata={"dealkit.scale": str(SCALE)})
    return schema


def _table(rows: list[dict[str, object]], columns: dict[str, tuple[ColumnType, str]]) -> pa.Table:
    pyarrow = require("pyarrow")
    table: pa.Table = pyarrow.Table.from_pydict(
        {name: [r[name] for r in rows] for name in columns}, schema=_schema(columns)
    )
    return table


#: The key of dealkit's own entry in a Parquet file's key-value metadata (JSON).
PARQUET_METADATA_KEY: Final = "dealkit"
#: What each qualifier says of a row's bounds, as a Parquet file's metadata spells it out.
QUALIFIER_MEANINGS: Final = {
    "exact": "stated as is: low = value = high",
    "at_most": "an upper bound ('up to', 'by'): low is empty, value = high",
    "at_least": "a lower bound ('more than', 'from'): value = low, high is empty",
    "approximately": "near the value ('about', 'nearly'): low and high 10% either side unless the claim says",
    "range": "between low and high ('30-50 MW'); value is empty in the typed columns",
}


def _bound(name: str) -> str:
    return "low" if name.endswith("_low") else "high" if name.endswith("_high") else "stated"


def _parquet_metadata(columns: dict[str, tuple[ColumnType, str]]) -> dict[str, Any]:
    """What a Parquet file says about itself, for readers without dealkit: units, bounds, qualifiers."""
    described: dict[str, dict[str, str]] = {}
    for name, (kind, unit) in columns.items():
        entry = {"type": f"decimal128({PRECISION}, {SCALE})" if kind == "decimal" else kind}
        if unit:
            entry["unit"] = unit
        if kind == "decimal":
            entry["bound"] = _bound(name)
        described[name] = entry
    units = {name: unit for name, (_kind, unit) in columns.items() if unit}
    return {
        "format": 1,
        "scale": SCALE,
        "units": units,
        "currency_units": "a unit naming another column (currency) means: the ISO 4217 code in that column",
        "qualifiers": QUALIFIER_MEANINGS,
        "columns": described,
    }


def _parquet_table(rows: list[dict[str, Any]], columns: dict[str, tuple[ColumnType, str]]) -> Any:
    """The Arrow table of ``rows`` with the metadata that pandas, DuckDB and Polars read without dealkit.

    Each field keeps its unit and bound (``{"unit": "GW", "bound": "low"}``); the file's key-value
    metadata holds ``dealkit`` (units, bounds, the meaning of each qualifier, as JSON), pandas'
    own ``pandas`` entry (so ``pandas.read_parquet`` gives Arrow-typed dates and nullable strings)
    and ``PANDAS_ATTRS`` (so the frame's ``attrs`` hold the units and qualifiers).
    """
    pa = require("pyarrow")
    pandas = require("pandas")
    fields = []
    for field in _schema(columns):
        kind = columns[field.name][0]
        metadata: dict[bytes | str, bytes | str] = {k: v for k, v in (field.metadata or {}).items()}
        if kind == "decimal":
            metadata[b"bound"] = _bound(field.name).encode()
        fields.append(field.with_metadata(metadata) if metadata else field)
    table = pa.Table.from_pydict({name: [r[name] for r in rows] for name in columns}, schema=pa.schema(fields))
    # pandas' entry, from an empty frame of the same Arrow types (lists stay Python objects:
    # pandas cannot name a list's Arrow type in that entry).
    empty = table.slice(0, 0).to_pandas(types_mapper=pandas.ArrowDtype)
    empty = empty.astype({name: object for name, (kind, _u) in columns.items() if kind in ("list", "decimal")})
    pandas_entry = pa.Schema.from_pandas(empty, preserve_index=False).metadata[b"pandas"]
    described = _parquet_metadata(columns)
    metadata = {
        b"dealkit.scale": str(SCALE).encode(),
        PARQUET_METADATA_KEY.encode(): json.dumps(described).encode(),
        b"pandas": pandas_entry,
        b"PANDAS_ATTRS": json.dumps({"units": described["units"], "qualifiers": QUALIFIER_MEANINGS}).encode(),
    }
    return table.replace_schema_metadata(metadata)


def claims_table(claims: Iterable[Claim]) -> pa.Table:
    """The claims as a ``pyarrow.Table``, one row each, typed by :data:`CLAIM_COLUMNS`.

    Raises:
        DealkitError: pyarrow is not installed (the ``dataframe`` extra).

    .. versionadded:: 0.1
    """
    return _table(claim_rows(claims), CLAIM_COLUMNS)


def deals_table(deals: Iterable[Deal]) -> pa.Table:
    """The deals as a ``pyarrow.Table``, one row each, typed by :data:`DEAL_COLUMNS`.

    .. versionadded:: 0.1
    """
    return _table(deal_rows(deals), DEAL_COLUMNS)


def _frame(table: Any, columns: dict[str, tuple[ColumnType, str]]) -> pd.DataFrame:
    pandas = require("pandas")
    frame: pd.DataFrame = table.to_pandas(types_mapper=pandas.ArrowDtype)
    frame.attrs["units"] = {name: unit for name, (_kind, unit) in columns.items() if unit}
    return frame


def claims_frame(claims: Iterable[Claim]) -> pd.DataFrame:
    """The claims as a pandas ``DataFrame`` with Arrow-backed typed columns.

    Money columns hold exact ``Decimal`` values (``decimal128(38, 9)[pyarrow]``),
    dates ``date32[pyarrow]``; ``frame.attrs["units"]`` names the unit of every
    measure column.

    >>> from dealkit import builtin_catalog
    >>> df = claims_frame(builtin_catalog().claims("amazon-anthropic-2026"))
    >>> str(df["amount_high"].dtype), df.attrs["units"]["power_gw"]
    ('decimal128(38, 9)[pyarrow]', 'GW')

    Raises:
        DealkitError: pandas or pyarrow is not installed (the ``dataframe`` extra).

    .. versionadded:: 0.1
    """
    return _frame(claims_table(claims), CLAIM_COLUMNS)


def deals_frame(deals: Iterable[Deal]) -> pd.DataFrame:
    """The deals as a pandas ``DataFrame`` with Arrow-backed typed columns.

    >>> from dealkit import builtin_catalog
    >>> df = deals_frame(builtin_catalog().deals())
    >>> df.set_index("id").loc["amazon-anthropic-2026", "investment_high"]
    Decimal('25000000000.000000000')

    .. versionadded:: 0.1
    """
    return _frame(deals_table(deals), DEAL_COLUMNS)


#: Units of measure columns that pint-pandas can carry (durations stay decimal years:
#: dealkit's year is 365 days, pint's 365.25).
_PINT_UNITS: Final = ("GW", "GWh")


def with_pint_units(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``frame`` whose power and energy columns carry their unit as a pint-pandas dtype.

    ``power_gw`` becomes ``pint[gigawatt]``, ``energy_gwh`` ``pint[gigawatt_hour]``,
    so ``frame["power_gw"].pint.to("MW")`` and unit-checked sums work.  Magnitudes
    become floats there (pint-pandas stores floats); money columns are left
    exact.  The quantities belong to pint-pandas's registry
    (``pint_pandas.PintType.ureg``); set it to ``dealkit.ureg`` to mix them with
    :attr:`Power.quantity`.

    Raises:
        DealkitError: pint-pandas is not installed (the ``dataframe`` extra).

    .. versionadded:: 0.1
    """
    pint_pandas = require("pint_pandas")
    pandas = require("pandas")
    check_instance(frame, pandas.DataFrame, "frame", "a pandas DataFrame")
    out = frame.copy()
    units: dict[str, str] = dict(frame.attrs.get("units", {}))
    for column, unit in units.items():
        if unit in _PINT_UNITS and column in out.columns:
            values = [None if pandas.isna(v) else float(v) for v in out[column]]
            magnitudes = pandas.array(values, dtype="Float64")
            out[column] = pandas.Series(
                pint_pandas.PintArray(magnitudes, dtype=f"pint[{unit}]"), index=out.index, name=column
            )
    out.attrs["units"] = units
    return out


# -- files -----------------------------------------------------------------------------------


def _csv_cell(value: object) -> str:
    # A list (sources, quotes) is one cell holding a JSON array: unambiguous whatever the quotes contain.
    plain = plain_value(value)
    if isinstance(plain, list):
        return json.dumps(plain, ensure_ascii=False)
    return "" if plain is None else plain


def write_csv(rows: Iterable[Mapping[str, object]], columns: Iterable[str], stream: TextIO) -> None:
    """Write rows as CSV with a header of ``columns``: decimals as exact text, lists as JSON arrays.

    >>> import io
    >>> from dealkit import builtin_catalog
    >>> from dealkit.serialization import CLAIM_COLUMNS, claim_rows
    >>> buf = io.StringIO()
    >>> write_csv(claim_rows(builtin_catalog().claims("amazon-anthropic-2026", "investment"))[:1], CLAIM_COLUMNS, buf)
    >>> buf.getvalue().splitlines()[0].split(",")[:6]
    ['id', 'subject', 'property', 'kind', 'value', 'qualifier']
    """
    names = check_items(list(columns) if isinstance(columns, Mapping) else columns, str, "columns", "column names")
    table = check_items(rows, Mapping, "rows", "rows (mappings of column to value)")
    write = _writer(stream)
    for i, row in enumerate(table):
        missing = [name for name in names if name not in row]
        if missing:
            raise InvalidValueError(f"row {i} has no column {missing[0]!r}", missing[0])
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(names)
    for row in table:
        writer.writerow(_csv_cell(row[name]) for name in names)
    write(buf.getvalue())


def write_json(rows: Iterable[Mapping[str, object]], stream: TextIO) -> None:
    """Write rows as a JSON array of objects, each cell made JSON-safe by :func:`~dealkit.serialization.plain_row`."""
    table = check_items(rows, Mapping, "rows", "rows (mappings of column to value)")
    write = _writer(stream)
    write(json.dumps([plain_row(r) for r in table], indent=2, ensure_ascii=False) + "\n")


def _writer(stream: object) -> Callable[[str], object]:
    """``stream.write``, turning a stream that cannot be written into a :class:`~dealkit.PathError`."""
    write = getattr(stream, "write", None)
    if not callable(write):
        raise InvalidValueError(f"'stream' must be a text stream with a write method, not {type(stream).__name__}", stream)

    def guarded(text: str) -> object:
        with file_errors(getattr(stream, "name", "<stream>"), "write"):
            return write(text)

    return guarded


def export_claims(
    claims: Iterable[Claim], path: str | os.PathLike[str], format: ExportFormat = "csv"
) -> int:
    """Write the claims to ``path`` as CSV, Parquet or JSON, one row (object) per claim.

    CSV and JSON write decimals as exact text (``"25000000000"``) and need no
    extra; Parquet keeps the Arrow types of :func:`claims_table` and needs the
    ``dataframe`` extra.  A Parquet file carries its units, bounds and the
    meaning of each qualifier in its schema metadata (the ``dealkit`` key, JSON;
    each field's ``unit`` and ``bound``) and pandas' own entries, so pandas,
    DuckDB and Polars read it typed without dealkit: money as exact decimals,
    dates as dates, ``DataFrame.attrs["units"]`` in pandas.

    Args:
        claims: the claims to write.
        path: the file to write (replaced if it exists).
        format: ``"csv"``, ``"parquet"`` or ``"json"``.

    Returns:
        The number of rows written.

    Raises:
        InvalidValueError: an unknown format.
        DealkitError: the file cannot be written, or pyarrow is missing for Parquet.

    .. versionadded:: 0.1
    """
    if not isinstance(format, str) or format not in EXPORT_FORMATS:
        raise InvalidValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}", format)
    target = check_path(path)
    rows = claim_rows(claims)
    with file_errors(target, "write file"):
        if format == "parquet":
            table = _parquet_table(rows, CLAIM_COLUMNS)
            require("pyarrow.parquet").write_table(table, str(target))
        else:
            buf = io.StringIO()
            if format == "json":
                write_json(rows, buf)
            else:
                write_csv(rows, CLAIM_COLUMNS, buf)
            target.write_text(buf.getvalue(), encoding="utf-8")
    return len(rows)
