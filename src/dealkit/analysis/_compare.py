"""Deals side by side: one row per deal with its headline figures, each with bounds, qualifier and claims.

:func:`compare` reads, for every deal, the compute capacity it commits, the
money invested, the money committed to spend, the money per gigawatt, the spend
per year and the date the first capacity comes online.  Stated figures keep the
qualifier their claims give them ("up to 6 GW", "about $300B"); derived figures
follow from their inputs' bounds by :func:`~dealkit.divide`, so "up to $X" over
"up to Y GW" is undetermined, with the reason, rather than a number.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, Final, Literal, TypeAlias, final

import attrs

from .._args import check_instance, check_items
from .._errors import DealkitError, InvalidValueError
from .._model import Claim, Deal, property_name
from .._typing import JSONValue
from .._values import CurrencyAmount, Duration, Estimate, PartialDate, Power, Rate, estimate_as
from ..catalog import Catalog
from ..serialization import ColumnType
from ._json import json_table
from ._analysis import Metric, MetricKind, _metric, divide

__all__ = [
    "COMPARISON_COLUMNS",
    "COMPARISON_FIGURES",
    "ComparisonFigure",
    "ComparisonRow",
    "compare",
    "comparison_rows",
]

#: The figures of a comparison row, in the order they are shown.
ComparisonFigure: TypeAlias = Literal[
    "capacity", "investment", "spend", "money_per_gw", "spend_per_year", "first_capacity"
]
#: Every figure of a comparison row, in the order tables, CSV and charts show them.
COMPARISON_FIGURES: Final[tuple[ComparisonFigure, ...]] = (
    "capacity", "investment", "spend", "money_per_gw", "spend_per_year", "first_capacity"
)


@final
@attrs.frozen
class ComparisonRow:
    """One deal's headline figures, each a :class:`Metric` (bounds, qualifier, formula, claims) or ``None``.

    ``None`` means the catalog states nothing the figure could come from (no
    capacity, no spend); a figure whose inputs are stated but whose bounds do
    not fix it is a :class:`Metric` without an estimate, with the reason.

    .. versionadded:: 0.2
    """

    deal_id: str
    title: str
    announced: PartialDate
    parties: tuple[str, ...]
    """Every party the deal names, in order of first mention."""
    part: str | None
    """The part of the catalog the deal belongs to (``"seed"``, ``"field"``, ``"user"``)."""
    capacity: Metric | None
    """The compute capacity committed: the sum of the deal's compute commitments."""
    investment: Metric | None
    """The money invested (equity, or the headline amount of a financing)."""
    spend: Metric | None
    """The money committed to spend: the sum of the deal's spend commitments."""
    money_per_gw: Metric | None
    """The spend (or, for a deal without one, the investment) per GW of capacity."""
    spend_per_year: Metric | None
    """The spend spread over its term, per year."""
    first_capacity: Metric | None
    """When the first capacity comes online: the earliest milestone or compute deadline."""

    def figure(self, name: ComparisonFigure) -> Metric | None:
        """One figure by name (see :data:`COMPARISON_FIGURES`)."""
        if name not in COMPARISON_FIGURES:
            raise InvalidValueError(f"no such figure; figures: {', '.join(COMPARISON_FIGURES)}", name)
        found: Metric | None = getattr(self, name)
        return found

    def to_json(self) -> dict[str, JSONValue]:
        """The row as plain JSON: ``dealkit.converter.unstructure(self)``, what ``dealkit compare --format json`` prints."""
        return json_table(self)


def compare(catalog: Catalog, deal_ids: Sequence[str] | None = None) -> tuple[ComparisonRow, ...]:
    """One :class:`ComparisonRow` per deal (every deal of the catalog, or those named, in that order).

    >>> from dealkit import builtin_catalog
    >>> [row] = compare(builtin_catalog(), ["amazon-anthropic-2026"])
    >>> row.capacity.text, row.spend.text, row.spend_per_year.text, row.first_capacity.text
    ('up to 5 GW', 'more than 100000000000 USD', 'more than 10000000000 USD/year', 'by 2026-Q2')
    >>> row.money_per_gw.formula, row.money_per_gw.text
    ('spend / capacity', 'more than 20000000000 USD/GW')

    Raises:
        UnknownDealError: a deal id the catalog does not know.

    .. versionadded:: 0.2
    """
    check_instance(catalog, Catalog, "catalog", "a Catalog")
    if deal_ids is not None and (isinstance(deal_ids, str) or not isinstance(deal_ids, Sequence)):
        raise InvalidValueError("deal_ids must be a sequence of deal ids (or None for every deal)", deal_ids)
    ids = catalog.deal_ids() if deal_ids is None else tuple(deal_ids)
    return tuple(_row(catalog, catalog.deal(i)) for i in ids)


def _row(catalog: Catalog, deal: Deal) -> ComparisonRow:
    def best(prop: str) -> Claim | None:
        return catalog.best(deal.id, prop)

    capacity_claims = [best(property_name("compute", "capacity", c.name)) for c in deal.compute]
    capacity = _sum_metric(
        "capacity", "compute capacity committed", "power",
        " + ".join(property_name("compute", "capacity", c.name) for c in deal.compute),
        capacity_claims, [c.capacity for c in deal.compute],
    )
    investment_claim = best(property_name("deal", "investment"))
    investment = None if deal.investment is None else _metric(
        "investment", "money invested", "money", property_name("deal", "investment"),
        (investment_claim,), _given(deal.investment),
    )
    spend_claims = [best(property_name("spend", "amount", s.name)) for s in deal.spend]
    spend = _sum_metric(
        "spend", "money committed to spend", "money",
        " + ".join(property_name("spend", "amount", s.name) for s in deal.spend),
        spend_claims, [s.amount for s in deal.spend],
    )
    money_per_gw = None
    basis, basis_name = (spend, "spend") if spend is not None else (investment, "investment")
    if capacity is not None and basis is not None:
        money, power = basis.estimate, capacity.estimate
        used = [*(spend_claims if basis is spend else [investment_claim]), *capacity_claims]
        money_per_gw = _metric(
            "money_per_gw", f"{basis_name} per GW of capacity", "rate", f"{basis_name} / capacity", used,
            lambda: _per_gw(money, power),
        )
    spend_per_year = None
    if deal.spend:
        term_claims = [best(property_name("spend", "term", s.name)) for s in deal.spend]
        spend_per_year = _metric(
            "spend_per_year", "spend per year over its term", "rate",
            " + ".join(
                f"{property_name('spend', 'amount', s.name)} / {property_name('spend', 'term', s.name)}"
                for s in deal.spend
            ),
            [*spend_claims, *term_claims], lambda: _per_year(deal),
        )
    return ComparisonRow(
        deal.id, deal.title, deal.announced, deal.parties, catalog.parts.get(deal.id),
        capacity, investment, spend, money_per_gw, spend_per_year, _first_capacity(catalog, deal),
    )


def _given(estimate: Estimate[Any]) -> Callable[[], Estimate[Any]]:
    return lambda: estimate


def _sum_metric(
    name: str, label: str, kind: MetricKind, formula: str, claims: list[Claim | None], parts: list[Estimate[Any]]
) -> Metric | None:
    if not parts:
        return None

    def total() -> Estimate[Any]:
        out = parts[0]
        for e in parts[1:]:
            out = out + e
        return out

    return _metric(name, label, kind, formula, claims, total)


def _per_gw(money: Estimate[Any] | None, power: Estimate[Any] | None) -> Estimate[Rate]:
    if money is None or power is None:
        raise _undetermined_input(money, power)
    return divide(money, power).map(lambda r: r.to("GW"))


def _undetermined_input(*inputs: Estimate[Any] | None) -> DealkitError:
    from .._errors import BoundsError

    return BoundsError("an input is itself undetermined", ", ".join(str(e) for e in inputs))


def _per_year(deal: Deal) -> Estimate[Rate]:
    from .._errors import BoundsError

    total: Estimate[Rate] | None = None
    for s in deal.spend:
        if s.term is None:
            raise BoundsError(f"spend '{s.name}' has no term to spread it over", s.name)
        per_year = divide(s.amount, Estimate.exact(s.term)).map(lambda r: r.to("year"))
        total = per_year if total is None else total + per_year
    assert total is not None
    return total


def _first_capacity(catalog: Catalog, deal: Deal) -> Metric | None:
    """The earliest of the dates at which capacity comes online: compute deadlines and milestones.

    A milestone is a dated step of capacity coming online (chips deployed, a
    phase live, a contract's compute starting).  The earliest date's lower bound
    is the earliest lower bound (none if any date has none), its upper bound the
    earliest upper bound: the first of several dates is no later than the
    earliest of their latest days.
    """
    dated: list[tuple[str, Estimate[PartialDate]]] = []
    for c in deal.compute:
        if c.by is not None:
            dated.append((property_name("compute", "by", c.name), c.by))
    for m in deal.milestones:
        dated.append((property_name("milestone", "date", m.name), m.date))
    if not dated:
        return None
    claims = [catalog.best(deal.id, prop) for prop, _ in dated]

    def earliest() -> Estimate[PartialDate]:
        lows = [e.low for _, e in dated]
        highs = [e.high for _, e in dated if e.high is not None]
        low = None if any(d is None for d in lows) else min((d for d in lows if d is not None), key=_first)
        high = min(highs, key=_last) if highs else None
        if low is not None and high is not None and high.last < low.first:
            low = None  # cannot happen for valid dates; kept honest rather than raising
        return Estimate.from_bounds(low, high)

    return _metric(
        "first_capacity", "first capacity online", "date", "earliest of " + ", ".join(p for p, _ in dated),
        claims, earliest,
    )


def _first(d: PartialDate) -> tuple[Any, ...]:
    return (d.first, d.last)


def _last(d: PartialDate) -> tuple[Any, ...]:
    return (d.last, d.first)


# -- flat rows (CSV) -------------------------------------------------------------------------------

#: The columns of :func:`comparison_rows`: name -> (type, unit).  Money is in the deal's currency
#: (``currency``), capacity in GW, money per GW per GW, spend per year per year; a lower bound is
#: rounded down and an upper bound up, to cents.
COMPARISON_COLUMNS: Final[dict[str, tuple[ColumnType, str]]] = {
    "deal": ("string", ""),
    "title": ("string", ""),
    "announced": ("string", ""),
    "part": ("string", ""),
    "parties": ("list", ""),
    "currency": ("string", ""),
    "capacity": ("string", ""),
    "capacity_qualifier": ("string", ""),
    "capacity_gw_low": ("decimal", "GW"),
    "capacity_gw_high": ("decimal", "GW"),
    "investment": ("string", ""),
    "investment_qualifier": ("string", ""),
    "investment_low": ("decimal", "currency"),
    "investment_high": ("decimal", "currency"),
    "spend": ("string", ""),
    "spend_qualifier": ("string", ""),
    "spend_low": ("decimal", "currency"),
    "spend_high": ("decimal", "currency"),
    "money_per_gw": ("string", ""),
    "money_per_gw_basis": ("string", ""),
    "money_per_gw_qualifier": ("string", ""),
    "money_per_gw_low": ("decimal", "currency/GW"),
    "money_per_gw_high": ("decimal", "currency/GW"),
    "spend_per_year": ("string", ""),
    "spend_per_year_qualifier": ("string", ""),
    "spend_per_year_low": ("decimal", "currency/year"),
    "spend_per_year_high": ("decimal", "currency/year"),
    "first_capacity": ("string", ""),
    "first_capacity_qualifier": ("string", ""),
    "first_capacity_start": ("date", ""),
    "first_capacity_end": ("date", ""),
    "undetermined": ("list", ""),
    "claims": ("list", ""),
}

_CENT: Final = Decimal("0.01")


def _number(value: object, rounding: str) -> Decimal:
    if isinstance(value, Rate):
        return value.amount.amount.quantize(_CENT, rounding)
    if isinstance(value, CurrencyAmount):
        return value.amount.quantize(_CENT, rounding)
    if isinstance(value, (Power, Duration)):
        return value.to("GW").magnitude.normalize() if isinstance(value, Power) else value.years
    raise InvalidValueError(f"no column holds a {type(value).__name__}", value)


def _currency(row: ComparisonRow) -> str | None:
    for m in (row.investment, row.spend):
        e = None if m is None else m.estimate
        if e is not None:
            some = e.low if e.low is not None else e.high
            if isinstance(some, CurrencyAmount):
                return some.currency
    return None


def comparison_rows(rows: Iterable[ComparisonRow]) -> list[dict[str, Any]]:
    """Each row flat, keyed by :data:`COMPARISON_COLUMNS` (for CSV and tables of numbers).

    Bounds are exact for stated figures; derived rates are rounded outward to
    cents (a lower bound down, an upper bound up), so the true value lies within.

    >>> from dealkit import builtin_catalog
    >>> [row] = comparison_rows(compare(builtin_catalog(), ["amazon-anthropic-2026"]))
    >>> row["capacity_gw_high"], row["spend_low"], row["money_per_gw_basis"], row["money_per_gw_low"]
    (Decimal('5'), Decimal('100000000000.00'), 'spend', Decimal('20000000000.00'))
    """
    out: list[dict[str, Any]] = []
    for r in check_items(rows, ComparisonRow, "rows", "ComparisonRows"):
        flat: dict[str, Any] = dict.fromkeys(COMPARISON_COLUMNS)
        flat.update(
            deal=r.deal_id, title=r.title, announced=str(r.announced), part=r.part, parties=list(r.parties),
            currency=_currency(r),
        )
        claims: list[str] = []
        undetermined: list[str] = []
        for name in COMPARISON_FIGURES:
            m = r.figure(name)
            if m is None:
                continue
            claims += [c for c in m.claims if c not in claims]
            flat[name] = m.text
            if m.estimate is None:
                undetermined.append(f"{name}: {m.reason}")
                continue
            e = m.estimate
            flat[f"{name}_qualifier"] = e.qualifier.value
            if name == "first_capacity":
                dates = estimate_as(e, PartialDate, "the first capacity date")
                flat["first_capacity_start"] = None if dates.low is None else dates.low.first
                flat["first_capacity_end"] = None if dates.high is None else dates.high.last
                continue
            prefix = "capacity_gw" if name == "capacity" else name
            flat[f"{prefix}_low"] = None if e.low is None else _number(e.low, ROUND_FLOOR)
            flat[f"{prefix}_high"] = None if e.high is None else _number(e.high, ROUND_CEILING)
        if r.money_per_gw is not None:
            flat["money_per_gw_basis"] = r.money_per_gw.formula.split(" / ")[0]
        flat["claims"] = claims
        flat["undetermined"] = undetermined
        out.append(flat)
    return out
