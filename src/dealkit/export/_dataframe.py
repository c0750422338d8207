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

>>> from dealkit import builtin_catalog
>>> rows = claim_rows(builtin_catalog().claims("amazon-anthropic-2026", "investment"))
>>> rows[0]["amount_high"], rows[0]["currency"], rows[0]["amount_low"]
(Decimal('25000000000'), 'USD', None)
"""

from __future__ import annotations

import csv
import datetime as dt
import decimal
import io
import json
import os
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from .._errors import DealkitError, InvalidValueError
from .._model import Claim, Deal, sum_estimates
from .._optional import require
from .._values import (
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
    Qualifier,
    canonical_decimal,
)

if TYPE_CHECKING:
    import pandas as pd
    import pyarrow as pa

__all__ = [
    "CLAIM_COLUMNS",
    "DEAL_COLUMNS",
    "ExportFormat",
    "claim_rows",
    "claims_frame",
    "claims_table",
    "deal_rows",
    "deals_frame",
    "deals_table",
    "export_claims",
    "with_pint_units",
]

#: The file formats :func:`export_claims` writes.
ExportFormat: TypeAlias = Literal["csv", "parquet", "json"]
EXPORT_FORMATS: Final[tuple[ExportFormat, ...]] = ("csv", "parquet", "json")

#: Digits after the point kept in every decimal column (money must fit exactly).
SCALE: Final = 9
_PRECISION: Final = 38
_QUANTUM: Final = Decimal(1).scaleb(-SCALE)
_EXACT: Final = decimal.Context(prec=_PRECISION, traps=[decimal.Inexact, decimal.InvalidOperation])
_ROUND: Final = decimal.Context(prec=_PRECISION, rounding=decimal.ROUND_HALF_EVEN)

_Type: TypeAlias = Literal["string", "decimal", "date", "list"]

#: Claim columns in order: name -> (type, unit or "").
CLAIM_COLUMNS: Final[dict[str, tuple[_Type, str]]] = {
    "id": ("string", ""),
    "subject": ("string", ""),
    "property": ("string", ""),
    "kind": ("string", ""),
    "qualifier": ("string", ""),
    "value": ("string", ""),
    "rank": ("string", ""),
    "as_of": ("string", ""),
    "currency": ("string", ""),
    "amount_low": ("decimal", "currency"),
    "amount": ("decimal", "currency"),
    "amount_high": ("decimal", "currency"),
    "power_gw_low": ("decimal", "GW"),
    "power_gw": ("decimal", "GW"),
    "power_gw_high": ("decimal", "GW"),
    "energy_gwh_low": ("decimal", "GWh"),
    "energy_gwh": ("decimal", "GWh"),
    "energy_gwh_high": ("decimal", "GWh"),
    "duration_years_low": ("decimal", "year"),
    "duration_years": ("decimal", "year"),
    "duration_years_high": ("decimal", "year"),
    "number_low": ("decimal", ""),
    "number": ("decimal", ""),
    "number_high": ("decimal", ""),
    "date_start": ("date", ""),
    "date_end": ("date", ""),
    "date_precision": ("string", ""),
    "sources": ("list", ""),
    "quote": ("string", ""),
    "note": ("string", ""),
}

#: Deal columns in order: name -> (type, unit or "").
DEAL_COLUMNS: Final[dict[str, tuple[_Type, str]]] = {
    "id": ("string", ""),
    "title": ("string", ""),
    "announced": ("string", ""),
    "announced_start": ("date", ""),
    "announced_end": ("date", ""),
    "investor": ("string", ""),
    "investee": ("string", ""),
    "currency": ("string", ""),
    "investment_qualifier": ("string", ""),
    "investment_low": ("decimal", "currency"),
    "investment_high": ("decimal", "currency"),
    "immediate_low": ("decimal", "currency"),
    "immediate_high": ("decimal", "currency"),
    "milestone_linked_low": ("decimal", "currency"),
    "milestone_linked_high": ("decimal", "currency"),
    "valuation_currency": ("string", ""),
    "valuation_low": ("decimal", "valuation_currency"),
    "valuation_high": ("decimal", "valuation_currency"),
    "compute_gw_low": ("decimal", "GW"),
    "compute_gw_high": ("decimal", "GW"),
    "spend_currency": ("string", ""),
    "spend_low": ("decimal", "spend_currency"),
    "spend_high": ("decimal", "spend_currency"),
    "milestones": ("list", ""),
    "summary": ("string", ""),
}

_PREFIX: Final[dict[str, str]] = {
    "money": "amount", "power": "power_gw", "energy": "energy_gwh", "duration": "duration_years",
    "multiple": "number", "percent": "number", "count": "number",
}


# -- plain rows (stdlib only) ----------------------------------------------------------------


def _tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros, never in exponent form (``2.5E+10`` is ``25000000000``)."""
    value = value.normalize(_ROUND)
    return value.quantize(Decimal(1), context=_ROUND) if value.as_tuple().exponent > 0 else value  # type: ignore[operator]


def _exact(value: Decimal, what: str) -> Decimal:
    try:
        return _tidy(value.quantize(_QUANTUM, context=_EXACT))
    except decimal.DecimalException:
        raise InvalidValueError(
            f"{what} has more than {SCALE} digits after the point and cannot be stored exactly", str(value)
        ) from None


def _rounded(value: Decimal) -> Decimal:
    return _tidy(value.quantize(_QUANTUM, context=_ROUND))


def _number(kind: str, value: object) -> Decimal:
    """The decimal a column stores for one value of ``kind``."""
    if isinstance(value, CurrencyAmount):
        return _exact(value.amount, "an amount of money")
    if isinstance(value, (Power, Energy)):
        # In the unit its column declares (GW, GWh).
        return _rounded(value.to(CLAIM_COLUMNS[_PREFIX[value.KIND]][1]).magnitude)
    if isinstance(value, Duration):
        return _rounded(value.years)
    if isinstance(value, Decimal):
        return _exact(value, f"a {kind}")
    raise InvalidValueError(f"no column holds a {type(value).__name__}", value)


def _stated(estimate: Estimate[Any]) -> Any:
    return None if estimate.qualifier is Qualifier.RANGE else estimate.value


def claim_rows(claims: Iterable[Claim]) -> list[dict[str, object]]:
    """One dict per claim, keyed by :data:`CLAIM_COLUMNS`, with ``Decimal``/``date`` values.

    Columns that do not apply to a claim's kind are ``None``.

    >>> from dealkit import builtin_catalog
    >>> row = claim_rows(builtin_catalog().claims("amazon-anthropic-2026", "compute.new-capacity.capacity"))[0]
    >>> row["power_gw"], row["power_gw_high"], row["qualifier"]
    (Decimal('5'), Decimal('5'), 'at_most')
    """
    out: list[dict[str, Any]] = []
    for claim in claims:
        if not isinstance(claim, Claim):
            raise InvalidValueError(f"expected a Claim, not {type(claim).__name__}", claim)
        row: dict[str, Any] = dict.fromkeys(CLAIM_COLUMNS)
        e = claim.value
        row.update(
            id=claim.id, subject=claim.subject, property=claim.property, kind=claim.kind,
            qualifier=claim.qualifier.value, value=claim.value_text, rank=claim.rank.value,
            as_of=None if claim.as_of is None else str(claim.as_of),
            sources=list(claim.files), quote=claim.sources[0].quote, note=claim.note,
        )
        if claim.kind == "date":
            dates = claim.value_as(PartialDate)
            low, high = dates.low, dates.high
            row["date_start"] = None if low is None else low.first
            row["date_end"] = None if high is None else high.last
            shown = next(d for d in (_stated(e), low, high) if isinstance(d, PartialDate))
            row["date_precision"] = shown.precision.value
        else:
            prefix = _PREFIX[claim.kind]
            stated = _stated(e)
            row[f"{prefix}_low"] = None if e.low is None else _number(claim.kind, e.low)
            row[prefix] = None if stated is None else _number(claim.kind, stated)
            row[f"{prefix}_high"] = None if e.high is None else _number(claim.kind, e.high)
            if claim.kind == "money":
                row["currency"] = next(v.currency for v in (e.low, e.high) if isinstance(v, CurrencyAmount))
        out.append(row)
    return out


def _money_bounds(e: Estimate[CurrencyAmount] | None) -> tuple[str | None, Decimal | None, Decimal | None]:
    if e is None:
        return None, None, None
    some = e.low if e.low is not None else e.high
    assert some is not None
    return (
        some.currency,
        None if e.low is None else _number("money", e.low),
        None if e.high is None else _number("money", e.high),
    )


def deal_rows(deals: Iterable[Deal]) -> list[dict[str, object]]:
    """One dict per deal, keyed by :data:`DEAL_COLUMNS`: its figures as bounds.

    Compute capacity and spend are summed over the deal's commitments; an
    unbounded side stays ``None`` (``up to 5 GW`` has no lower bound).

    >>> from dealkit import get_deal
    >>> [row] = deal_rows([get_deal("amazon-anthropic-2026")])
    >>> row["investment_high"], row["immediate_low"], row["compute_gw_high"], row["spend_low"]
    (Decimal('25000000000'), Decimal('5000000000'), Decimal('5'), Decimal('100000000000'))
    """
    out: list[dict[str, Any]] = []
    for deal in deals:
        if not isinstance(deal, Deal):
            raise InvalidValueError(f"expected a Deal, not {type(deal).__name__}", deal)
        row: dict[str, Any] = dict.fromkeys(DEAL_COLUMNS)
        row.update(
            id=deal.id, title=deal.title, announced=str(deal.announced),
            announced_start=deal.announced.first, announced_end=deal.announced.last, investor=deal.investor,
            investee=deal.investee, summary=deal.summary,
            milestones=[f"{m.date.value_text}: {m.description}" for m in deal.milestones],
        )
        currency, row["investment_low"], row["investment_high"] = _money_bounds(deal.investment)
        if deal.investment is not None:
            row["investment_qualifier"] = deal.investment.qualifier.value
        for name, e in (("immediate", deal.immediate), ("milestone_linked", deal.milestone_linked)):
            code, row[f"{name}_low"], row[f"{name}_high"] = _money_bounds(e)
            currency = currency or code
        row["currency"] = currency
        row["valuation_currency"], row["valuation_low"], row["valuation_high"] = _money_bounds(deal.valuation)
        try:
            spend = sum_estimates([s.amount for s in deal.spend])
        except DealkitError as exc:
            raise InvalidValueError(f"deal {deal.id!r}: spend commitments cannot be summed: {exc.reason}", exc.value) from None
        row["spend_currency"], row["spend_low"], row["spend_high"] = _money_bounds(spend)
        # The deal's sum adds any estimates; it is typed for money, so powers go in as Any.
        capacities: list[Estimate[Any]] = [c.capacity for c in deal.compute]
        compute = sum_estimates(capacities)
        if compute is not None:
            row["compute_gw_low"] = None if compute.low is None else _number("power", compute.low)
            row["compute_gw_high"] = None if compute.high is None else _number("power", compute.high)
        out.append(row)
    return out


# -- Arrow and pandas ------------------------------------------------------------------------


def _schema(columns: dict[str, tuple[_Type, str]]) -> Any:
    pa = require("pyarrow")
    types = {
        "string": pa.string(), "decimal": pa.decimal128(_PRECISION, SCALE),
        "date": pa.date32(), "list": pa.list_(pa.string()),
    }
    fields = []
    for name, (kind, unit) in columns.items():
        metadata = {"unit": unit} if unit else None
        fields.append(pa.field(name, types[kind], nullable=True, metadata=metadata))
    return pa.schema(fields, metadata={"dealkit.scale": str(SCALE)})


def _table(rows: list[dict[str, object]], columns: dict[str, tuple[_Type, str]]) -> pa.Table:
    pyarrow = require("pyarrow")
    schema = _schema(columns)
    table: pa.Table = pyarrow.Table.from_pydict({name: [r[name] for r in rows] for name in columns}, schema=schema)
    return table


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


def _frame(table: Any, columns: dict[str, tuple[_Type, str]]) -> pd.DataFrame:
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


def _plain(value: object) -> Any:
    if isinstance(value, Decimal):
        return canonical_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def export_claims(
    claims: Iterable[Claim], path: str | os.PathLike[str], format: ExportFormat = "csv"
) -> int:
    """Write the claims to ``path`` as CSV, Parquet or JSON, one row (object) per claim.

    CSV and JSON write decimals as exact text (``"25000000000"``) and need no
    extra; Parquet keeps the Arrow types of :func:`claims_table` and needs the
    ``dataframe`` extra.

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
    if format not in EXPORT_FORMATS:
        raise InvalidValueError(f"format must be one of {', '.join(EXPORT_FORMATS)}", format)
    rows = claim_rows(claims)
    target = Path(path)
    try:
        if format == "parquet":
            table = _table(rows, CLAIM_COLUMNS)
            require("pyarrow.parquet").write_table(table, str(target))
        elif format == "json":
            records = [{k: _plain(v) for k, v in r.items()} for r in rows]
            target.write_text(json.dumps(records, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            buf = io.StringIO()
            writer = csv.writer(buf, lineterminator="\n")
            writer.writerow(CLAIM_COLUMNS)
            for r in rows:
                writer.writerow(
                    ";".join(v) if isinstance(v, list) else ("" if v is None else _plain(v)) for v in r.values()
                )
            target.write_text(buf.getvalue(), encoding="utf-8")
    except OSError as exc:
        raise DealkitError(f"cannot write file: {exc.strerror or exc}", str(target), file=str(target)) from None
    return len(rows)
