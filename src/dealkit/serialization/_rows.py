"""The one tabular form of claims and deals: the rows every listing and export writes.

A claim row carries the claim's canonical text (``value``, ``qualifier``,
``low``, ``high``), every source (a seed article's file name or a web page's
URL) with its quote and publisher, when the figure was first published
(``published``: the earliest publication date of its sources, as precise as
the page gave it), how it is derived if it is (``derived``: the rule,
``derived_words``, ``derived_inputs``), and typed columns for
analysis: money as exact decimals beside its ``currency``, power in GW,
energy in GWh, durations in years, dates as ``date_start`` .. ``date_end``
with their precision.  The claims JSON, ``dealkit claims --format csv|json``
and CSV, JSON and Parquet exports all write :data:`CLAIM_COLUMNS`, from
:func:`claim_rows`; JSON and CSV through :func:`plain_row`.

>>> from dealkit import builtin_catalog
>>> rows = claim_rows(builtin_catalog().claims("amazon-anthropic-2026", "investment"))
>>> rows[0]["amount_high"], rows[0]["currency"], rows[0]["amount_low"], rows[0]["high"]
(Decimal('25000000000'), 'USD', None, '25000000000 USD')
"""

from __future__ import annotations

import datetime as dt
import decimal
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any, Final, Literal, TypeAlias

from .._args import check_items
from .._errors import DealkitError, InvalidValueError, short_repr
from .._model import Claim, Deal, WebSource, sum_estimates
from .._values import (
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
    Qualifier,
    Rate,
    canonical_decimal,
    canonical_text,
)

__all__ = [
    "CLAIM_COLUMNS",
    "DEAL_COLUMNS",
    "SCALE",
    "ColumnType",
    "PRECISION",
    "PlainValue",
    "claim_rows",
    "deal_rows",
    "plain_row",
    "plain_value",
]

#: A JSON-safe cell: text, a list of texts, or nothing.
PlainValue: TypeAlias = str | list[str] | None


#: Digits after the point kept in every decimal column (money must fit exactly).
SCALE: Final = 9
#: Significant digits of every decimal column (Arrow's decimal128 holds 38).
PRECISION: Final = 38
_QUANTUM: Final = Decimal(1).scaleb(-SCALE)
_EXACT: Final = decimal.Context(prec=PRECISION, traps=[decimal.Inexact, decimal.InvalidOperation])
_ROUND: Final = decimal.Context(prec=PRECISION, rounding=decimal.ROUND_HALF_EVEN)

#: The type of a row column: text, an exact decimal, a date, or a list of texts.
ColumnType: TypeAlias = Literal["string", "decimal", "date", "list"]

#: The one row of a claim, column by column: name -> (type, unit or "").  The claims JSON,
#: ``dealkit claims --format csv`` and every export (CSV, JSON, Parquet) write exactly these.
CLAIM_COLUMNS: Final[dict[str, tuple[ColumnType, str]]] = {
    "id": ("string", ""),
    "subject": ("string", ""),
    "property": ("string", ""),
    "kind": ("string", ""),
    "value": ("string", ""),
    "qualifier": ("string", ""),
    "low": ("string", ""),
    "high": ("string", ""),
    "rank": ("string", ""),
    "as_of": ("string", ""),
    "currency": ("string", ""),
    "per": ("string", ""),
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
    "quotes": ("list", ""),
    "publishers": ("list", ""),
    "published": ("string", ""),
    "note": ("string", ""),
    "derived": ("string", ""),
    "derived_words": ("string", ""),
    "derived_inputs": ("list", ""),
}

#: Deal columns in order: name -> (type, unit or "").
DEAL_COLUMNS: Final[dict[str, tuple[ColumnType, str]]] = {
    "id": ("string", ""),
    "title": ("string", ""),
    "announced": ("string", ""),
    "announced_start": ("date", ""),
    "announced_end": ("date", ""),
    "investor": ("string", ""),
    "investee": ("string", ""),
    "investors": ("list", ""),
    "investor_amounts": ("list", ""),
    "relations": ("list", ""),
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
    """One row per claim, keyed by :data:`CLAIM_COLUMNS`, with ``Decimal``/``date`` values.

    Columns that do not apply to a claim's kind are ``None``; every source and
    every quote is kept, in order.  :func:`plain_row` makes a row JSON-safe.

    >>> from dealkit import builtin_catalog
    >>> row = claim_rows(builtin_catalog().claims("amazon-anthropic-2026", "compute.new-capacity.capacity"))[0]
    >>> row["power_gw"], row["power_gw_high"], row["qualifier"]
    (Decimal('5'), Decimal('5'), 'at_most')
    """
    out: list[dict[str, Any]] = []
    for claim in check_items(claims, Claim, "claims", "Claims"):
        if not isinstance(claim, Claim):
            raise InvalidValueError(f"expected a Claim, not {type(claim).__name__}", claim)
        row: dict[str, Any] = dict.fromkeys(CLAIM_COLUMNS)
        e = claim.value
        row.update(
            id=claim.id, subject=claim.subject, property=claim.property, kind=claim.kind,
            value=claim.value_text, qualifier=claim.qualifier.value,
            low=None if e.low is None else canonical_text(claim.kind, e.low),
            high=None if e.high is None else canonical_text(claim.kind, e.high),
            rank=claim.rank.value, as_of=None if claim.as_of is None else str(claim.as_of),
            sources=list(claim.refs), quotes=[s.quote for s in claim.sources],
            publishers=[s.publisher if isinstance(s, WebSource) else "" for s in claim.sources],
            published=None if claim.published is None else str(claim.published), note=claim.note,
        )
        if claim.derived is not None:
            row.update(derived=claim.derived.rule, derived_words=claim.derived.words,
                       derived_inputs=list(claim.derived.inputs))
        if claim.kind == "rate":
            # Money per one unit: every bound in the unit of the first, beside its currency.
            rates = claim.value_as(Rate)
            first = next(r for r in (rates.low, rates.high, rates.central) if r is not None)
            row["currency"], row["per"] = first.currency, first.unit
            stated_rate = _stated(rates)
            for column, bound in (("amount_low", rates.low), ("amount", stated_rate), ("amount_high", rates.high)):
                row[column] = None if bound is None else _number("rate", bound.to(first.unit).amount)
        elif claim.kind == "date":
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
    for deal in check_items(deals, Deal, "deals", "Deals"):
        if not isinstance(deal, Deal):
            raise InvalidValueError(f"expected a Deal, not {type(deal).__name__}", deal)
        row: dict[str, Any] = dict.fromkeys(DEAL_COLUMNS)
        row.update(
            id=deal.id, title=deal.title, announced=str(deal.announced),
            announced_start=deal.announced.first, announced_end=deal.announced.last, investor=deal.investor,
            investee=deal.investee, summary=deal.summary,
            investors=[i.party for i in deal.investors],
            investor_amounts=[f"{i.party}: {'-' if i.amount is None else i.amount}" for i in deal.investors],
            relations=[f"{r.kind} {r.deal}" for r in deal.relations],
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


def plain_value(value: object) -> PlainValue:
    """One cell made JSON-safe: a decimal as exact canonical text, a date as ISO text, a list of texts."""
    if isinstance(value, Decimal):
        return canonical_decimal(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_text(v) for v in value]
    return None if value is None else _text(value)


def _text(value: object) -> str:
    try:
        return str(value)
    except Exception:  # a hostile __str__
        raise InvalidValueError(f"a {type(value).__name__} that cannot be written as text", short_repr(value)) from None


def plain_row(row: Mapping[str, object]) -> dict[str, PlainValue]:
    """A row with JSON-safe cells: decimals as exact canonical text, dates as ISO text, lists kept.

    >>> from dealkit import builtin_catalog
    >>> row = plain_row(claim_rows(builtin_catalog().claims("amazon-anthropic-2026", "investment"))[0])
    >>> row["amount_high"], row["quotes"][:1]
    ('25000000000', ['invest up to $25 billion'])
    """
    if not isinstance(row, Mapping):
        raise InvalidValueError(f"'row' must be a mapping of column to value, not {type(row).__name__}", row)
    return {_text(k): plain_value(v) for k, v in row.items()}
