"""Analysis: derived figures with honest bounds, a consistency check across claims, and as-of views.

Every derived figure is a :class:`Metric`: an :class:`Estimate` whose bounds
follow from the bounds of its inputs (their qualifiers), its formula, and the
claims it came from.  Where the bounds do not determine a figure ("up to X"
divided by "up to Y" has neither bound), the metric says so and why, instead
of printing a number.

Interval rules, for positive values:

- ``[a, b] + [c, d] = [a + c, b + d]`` and ``[a, b] - [c, d] = [a - d, b - c]``;
- ``[a, b] / [c, d] = [a / d, b / c]``: the lower bound needs the dividend's
  lower and the divisor's upper bound, the upper bound the dividend's upper and
  the divisor's lower bound (a divisor that may be near zero bounds nothing);
- a stake bought at a valuation the text does not call pre- or post-money
  covers both readings: ``[I_low / (V_high + I_low), I_high / V_low]``.

:func:`check_consistency` compares what the articles state directly with what
other figures imply (tranches beside the total, a growth multiple beside the
figures it joins), and reports claims of one subject and property whose bounds
cannot both hold.  :func:`as_of` tells what of a deal is committed, unlocked
or online on a day, honouring the precision of each date.
"""

from __future__ import annotations

import builtins
import datetime as dt
import functools
import itertools
from collections.abc import Callable, Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Decimal
from typing import Any, Final, Literal, TypeAlias, TypeVar, cast, final, overload

import attrs

from .._args import check_instance, check_text
from .._errors import BoundsError, DealkitError, DimensionError, InvalidValueError
from .._model import Claim, Rank, property_name
from .._typing import FigureKind, JSONValue
from .._values import (
    APPROXIMATE_TOLERANCE,
    DATE_QUALIFIER_WORDS,
    QUALIFIER_WORDS,
    Certainty,
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    FigureValue,
    PartialDate,
    Power,
    Qualifier,
    Rate,
    canonical_decimal,
    canonical_text,
)
from ..catalog import Catalog
from ._json import json_table

__all__ = [
    "AsOfView",
    "CONSISTENCY_TOLERANCE",
    "Finding",
    "FindingStatus",
    "Metric",
    "MetricKind",
    "Status",
    "as_of",
    "as_of_deals",
    "check_consistency",
    "deal_metrics",
    "divide",
]

#: How far a stated figure may lie from the figures that imply it (relative, 10 %).
#:
#: Articles round: "3x" for 30/9.  A stated figure is widened by this much on
#: each side before its bounds are compared with the implied bounds, and the
#: stated and implied headline values "agree" when they differ by at most this much.
CONSISTENCY_TOLERANCE: Final = APPROXIMATE_TOLERANCE

#: The party whose ``power`` claim is the yardstick for "how many clusters".
REFERENCE_CLUSTER: Final = "large-training-cluster"

#: What a :class:`Metric` measures, which decides how its value is written.
MetricKind: TypeAlias = Literal["money", "rate", "energy", "power", "multiple", "percent", "count", "date"]
#: What a metric's estimate holds: money, a rate, energy, power, a date or a plain number (by its kind).
MetricValue: TypeAlias = CurrencyAmount | Rate | Energy | Power | PartialDate | Decimal
#: How the two sides of a :class:`Finding` relate (see :class:`Finding`).
FindingStatus: TypeAlias = Literal["agree", "compatible", "conflict", "incomparable"]
FindingKind: TypeAlias = Literal["claims", "implied", "recorded"]
StatusState: TypeAlias = Literal["committed", "unlocked", "online"]

_PLACES: Final[dict[str, int]] = {"percent": 4, "multiple": 2, "count": 2, "money": 2, "rate": 2}
_HUNDRED: Final = Decimal(100)


# -- interval division -------------------------------------------------------------------------


def _quotient(a: Any, b: Any) -> Any:
    """``a / b`` for one pair of bounds, typed: money/money and measure/measure give a number."""
    if isinstance(a, CurrencyAmount) and isinstance(b, (Power, Energy, Duration)):
        return Rate.of(a, b)
    if isinstance(a, Energy) and isinstance(b, Duration):
        return a.average_power(b)
    if isinstance(a, (Power, Energy, Duration)):
        return a / b if isinstance(b, Decimal) else a.ratio(b)
    if isinstance(a, (CurrencyAmount, Rate)):
        return a / b
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a / b
    raise DimensionError(f"cannot divide {type(a).__name__} by {type(b).__name__}", f"{a} / {b}")


def _is_positive(value: object) -> bool:
    if isinstance(value, Rate):
        return value.amount.amount > 0
    if isinstance(value, CurrencyAmount):
        return value.amount > 0
    if isinstance(value, (Power, Energy, Duration)):
        return value.base > 0
    if isinstance(value, Decimal):
        return value > 0
    return False


def _undetermined_reason(dividend: Estimate[Any], divisor: Estimate[Any]) -> str:
    low = (
        f"the dividend ({dividend}) has no lower bound"
        if dividend.low is None
        else f"the divisor ({divisor}) has no upper bound"
    )
    high = (
        f"the dividend ({dividend}) has no upper bound"
        if dividend.high is None
        else f"the divisor ({divisor}) has no lower bound above zero"
    )
    return f"the bounds do not determine it: no lower bound, as {low}; no upper bound, as {high}"


_MeasureT = TypeVar("_MeasureT", Power, Energy, Duration)


@overload
def divide(dividend: Estimate[CurrencyAmount], divisor: Estimate[CurrencyAmount]) -> Estimate[Decimal]: ...
@overload
def divide(
    dividend: Estimate[CurrencyAmount], divisor: Estimate[Power] | Estimate[Energy] | Estimate[Duration]
) -> Estimate[Rate]: ...
@overload
def divide(dividend: Estimate[CurrencyAmount], divisor: Estimate[Decimal]) -> Estimate[CurrencyAmount]: ...
@overload
def divide(dividend: Estimate[Energy], divisor: Estimate[Duration]) -> Estimate[Power]: ...
@overload
def divide(dividend: Estimate[_MeasureT], divisor: Estimate[_MeasureT]) -> Estimate[Decimal]: ...
@overload
def divide(dividend: Estimate[_MeasureT], divisor: Estimate[Decimal]) -> Estimate[_MeasureT]: ...
@overload
def divide(dividend: Estimate[Rate], divisor: Estimate[Rate]) -> Estimate[Decimal]: ...
@overload
def divide(dividend: Estimate[Rate], divisor: Estimate[Decimal]) -> Estimate[Rate]: ...
@overload
def divide(dividend: Estimate[Decimal], divisor: Estimate[Decimal]) -> Estimate[Decimal]: ...
def divide(dividend: Estimate[object], divisor: Estimate[object]) -> Estimate[object]:
    """Divide two estimates of positive values by the interval rule ``[a, b] / [c, d] = [a / d, b / c]``.

    Money over money and a measure over a measure of its own kind give a plain
    ``Decimal``; money over energy, power or time gives a :class:`~dealkit.Rate`;
    energy over time gives power; anything over a plain number keeps its kind.
    The result type follows the arguments' (``@overload``).  A bound that the
    inputs do not fix stays open.

    Raises:
        BoundsError: neither bound is determined (``up to X / up to Y``); the
            message says which input leaves which bound open.
        InvalidValueError: a bound is zero or negative.
        DimensionError: the two kinds do not divide.

    >>> from dealkit import Power
    >>> clusters = divide(Estimate.at_most(Power(5, "GW")), Estimate.between(Power(30, "MW"), Power(50, "MW")))
    >>> clusters.qualifier.value, round(clusters.high, 2)
    ('at_most', Decimal('166.67'))
    >>> divide(Estimate.at_most(Power(5, "GW")), Estimate.at_most(Power(1, "GW")))
    Traceback (most recent call last):
    ...
    dealkit.BoundsError: the bounds do not determine it: no lower bound, as the dividend (up to 5 GW) has no lower bound; no upper bound, as the divisor (up to 1 GW) has no lower bound above zero (got 'up to 5 GW / up to 1 GW')

    .. versionadded:: 0.1.0
    """
    for e, role in ((dividend, "dividend"), (divisor, "divisor")):
        if not isinstance(e, Estimate):
            raise InvalidValueError(f"the {role} must be an Estimate", e)
        for bound in (e.low, e.high):
            if bound is not None and not _is_positive(bound):
                raise InvalidValueError(f"interval division needs positive values; the {role} has {bound}", str(e))
    low = None if dividend.low is None or divisor.high is None else _quotient(dividend.low, divisor.high)
    high = None if dividend.high is None or divisor.low is None else _quotient(dividend.high, divisor.low)
    if low is None and high is None:
        raise BoundsError(_undetermined_reason(dividend, divisor), f"{dividend} / {divisor}")
    return Estimate.from_bounds(low, high)


def _headline(e: Estimate[Any]) -> Any:
    """The stated value of an estimate, or ``None`` for a range."""
    return None if e.qualifier is Qualifier.RANGE else e.value


# -- metrics ------------------------------------------------------------------------------------


def _round(value: Any, kind: str, rounding: str) -> Any:
    places = _PLACES.get(kind)
    if places is None:
        return value
    exp = Decimal(1).scaleb(-places)
    if isinstance(value, Rate):
        return Rate(CurrencyAmount(value.amount.amount.quantize(exp, rounding), value.currency), value.unit)
    if isinstance(value, CurrencyAmount):
        return CurrencyAmount(value.amount.quantize(exp, rounding), value.currency)
    if isinstance(value, Decimal):
        return value.quantize(exp, rounding)
    return value


def _canonical(kind: str, value: Any) -> str:
    """:func:`canonical_text` for metric and finding kinds too: only its multiples and percents take a suffix."""
    return canonical_text(cast(FigureKind, kind), value)


def _value_text(value: Any, kind: str) -> str:
    if isinstance(value, Energy):
        return str(value.to("TWh") if value.base >= Energy.UNITS["TWh"] else value)
    return _canonical(kind, value)


@final
@attrs.frozen
class Metric:
    """One derived figure of a deal: its bounds (or why there are none), formula and claims.

    ``estimate`` holds the exact bounds; :attr:`text` rounds them outward for
    display (a lower bound down, an upper bound up) to 4 decimals for percent,
    2 for multiples, counts and money.

    .. versionadded:: 0.1.0
    """

    name: str
    """A dotted id: ``stake.immediate``, ``spend.aws.per_year``."""
    label: str
    """What it is, in words."""
    kind: MetricKind
    estimate: Estimate[MetricValue] | None
    """The bounds, or ``None`` when they do not determine the figure."""
    formula: str
    claims: tuple[str, ...]
    """The ids of the claims it came from."""
    sources: tuple[str, ...] = ()
    """Where those claims come from: seed articles by file name, web pages by URL."""
    reason: str = ""
    """Why the figure is undetermined; empty when it is determined."""

    def __attrs_post_init__(self) -> None:
        if (self.estimate is None) == (not self.reason):
            raise InvalidValueError("a metric has either an estimate or a reason it is undetermined", self.name)

    @property
    def determined(self) -> bool:
        """Whether the bounds fix at least one side of the figure."""
        return self.estimate is not None

    def _bound(self, value: Any, rounding: str) -> str:
        return _value_text(_round(value, self.kind, rounding), self.kind)

    @property
    def low_text(self) -> str | None:
        """The lower bound, rounded down for display (``None``: open)."""
        e = self.estimate
        if e is None or e.low is None:
            return None
        return self._bound(e.low, ROUND_HALF_EVEN if e.qualifier is Qualifier.EXACT else ROUND_FLOOR)

    @property
    def high_text(self) -> str | None:
        """The upper bound, rounded up for display (``None``: open)."""
        e = self.estimate
        if e is None or e.high is None:
            return None
        return self._bound(e.high, ROUND_HALF_EVEN if e.qualifier is Qualifier.EXACT else ROUND_CEILING)

    @property
    def text(self) -> str:
        """The figure for display: ``"1.2987% .. 1.3158%"``, ``"up to 166.67"``, or ``"undetermined"``."""
        e = self.estimate
        if e is None:
            return "undetermined"
        words = DATE_QUALIFIER_WORDS if self.kind == "date" else QUALIFIER_WORDS
        match e.qualifier:
            case Qualifier.EXACT:
                return self.low_text or ""
            case Qualifier.AT_MOST:
                return f"{words[e.qualifier]}{self.high_text}"
            case Qualifier.AT_LEAST:
                return f"{words[e.qualifier]}{self.low_text}"
            case _:
                return f"{self.low_text} .. {self.high_text}"

    def to_json(self) -> dict[str, JSONValue]:
        """The metric as plain JSON: ``dealkit.converter.unstructure(self)``, what ``dealkit metrics --format json`` prints."""
        return json_table(self)

def _refs(claims: Iterable[Claim | None]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(f for c in claims if c is not None for f in c.refs))


def _ids(claims: Iterable[Claim | None]) -> tuple[str, ...]:
    return tuple(c.id for c in claims if c is not None)


def _metric(
    name: str,
    label: str,
    kind: MetricKind,
    formula: str,
    inputs: Iterable[Claim | None],
    compute: Callable[[], Estimate[Any]],
) -> Metric:
    used = list(inputs)
    try:
        estimate: Estimate[Any] | None = compute()
        reason = ""
    except BoundsError as exc:
        estimate, reason = None, exc.reason
    except DealkitError as exc:  # e.g. inputs in two currencies
        estimate, reason = None, f"cannot be computed from these claims: {exc.reason}"
    return Metric(name, label, kind, estimate, formula, _ids(used), _refs(used), reason)


def _stake(immediate: Estimate[CurrencyAmount], valuation: Estimate[CurrencyAmount]) -> Estimate[Decimal]:
    i_lo, i_hi, v_lo, v_hi = immediate.low, immediate.high, valuation.low, valuation.high
    # pre-money I / (V + I) is the smaller reading, post-money I / V the larger.
    low = None if i_lo is None or v_hi is None else i_lo / (v_hi + i_lo) * _HUNDRED
    high = None if i_hi is None or v_lo is None else min(i_hi / v_lo * _HUNDRED, _HUNDRED)
    # A stake is a share: never above 100 % (a deal's valuation is above what its tranches
    # certainly amount to, so the lower bound, a pre-money share, is always below it).
    if low is None and high is None:
        raise BoundsError(
            _undetermined_reason(immediate, valuation).replace("dividend", "tranche").replace("divisor", "valuation"),
            f"{immediate} at {valuation}",
        )
    return Estimate.from_bounds(low, high)


def _latest_two(
    catalog: Catalog, subject: str, prop: str, *, known_by: PartialDate | None = None
) -> tuple[Claim, Claim] | None:
    """The best claims at the two latest ``as_of`` dates of a property (later first).

    With ``known_by``, only figures whose period starts by the end of that date count.
    One pass over the property's claims (the catalog's index, best rank first): the
    first claim that is not deprecated at each date is that date's best.
    """
    best: dict[PartialDate, Claim] = {}
    for c in catalog.claims(subject, prop):
        if c.as_of is None or (known_by is not None and c.as_of.first > known_by.last):
            continue
        if c.rank is not Rank.DEPRECATED and c.as_of not in best:
            best[c.as_of] = c
    if len(best) < 2:
        return None
    ordered = sorted(best, key=PartialDate.sort_key)
    return best[ordered[-1]], best[ordered[-2]]


def _growth_metric(catalog: Catalog, subject: str, prop: str, known_by: PartialDate) -> Metric | None:
    pair = _latest_two(catalog, subject, prop, known_by=known_by)
    if pair is None:
        return None
    later, earlier = pair
    return _metric(
        f"{subject}.{prop}.growth",
        f"growth of {subject}'s {prop} from {earlier.as_of} to {later.as_of}",
        "multiple",
        f"{prop} at {later.as_of} / {prop} at {earlier.as_of}",
        (later, earlier),
        lambda: divide(later.value_as(CurrencyAmount), earlier.value_as(CurrencyAmount)),
    )


def deal_metrics(catalog: Catalog, deal_id: str) -> tuple[Metric, ...]:
    """The derived figures of a deal, each with bounds, formula and the claims it came from.

    A metric whose inputs the catalog lacks is left out; a metric whose inputs'
    bounds do not fix it is kept, undetermined, with the reason.

    >>> from dealkit import builtin_catalog
    >>> for m in deal_metrics(builtin_catalog(), "amazon-anthropic-2026")[:4]:
    ...     print(f"{m.name:34} {m.text}")
    stake.immediate                    1.2987% .. 1.3158%
    spend.aws.per_year                 more than 10000000000 USD/year
    compute.new-capacity.energy        up to 43.8 TWh
    compute.new-capacity.clusters      up to 166.67

    .. versionadded:: 0.1.0
    """
    check_instance(catalog, Catalog, "catalog", "a Catalog")
    deal = catalog.deal(deal_id)
    best: Callable[[str], Claim | None] = lambda prop: catalog.best(deal_id, prop)  # noqa: E731
    out: list[Metric] = []
    investment = best(property_name("deal", "investment"))

    immediate, valuation = best(property_name("tranche", "amount", "immediate")), best(property_name("deal", "valuation"))
    if deal.immediate is not None and deal.valuation is not None:
        imm, val = deal.immediate, deal.valuation
        out.append(_metric(
            "stake.immediate", "stake the immediate tranche buys at the stated valuation", "percent",
            "immediate / (valuation + immediate) .. immediate / valuation (pre- or post-money)",
            (immediate, valuation), functools.partial(_stake, imm, val),
        ))

    # (amount, term) claims of each spend, looked up once for every metric that cites them.
    spend_claims = {s.name: (best(property_name("spend", "amount", s.name)), best(property_name("spend", "term", s.name))) for s in deal.spend}
    spend_per_year: dict[str, Estimate[Rate]] = {}
    for s in deal.spend:
        amount_claim, term_claim = spend_claims[s.name]
        if s.term is None:
            continue
        term = s.term
        spend_per_year[s.name] = s.amount.map(lambda a: Rate.of(a, term).to("year"))
        out.append(_metric(
            f"spend.{s.name}.per_year", f"{s.payer}'s spend with {s.payee} per year", "rate",
            f"{property_name('spend', 'amount', s.name)} / {property_name('spend', 'term', s.name)}",
            (amount_claim, term_claim), functools.partial(_given, spend_per_year[s.name]),
        ))

    reference = catalog.best(REFERENCE_CLUSTER, "power")
    for c in deal.compute:
        cap_claim = best(property_name("compute", "capacity", c.name))
        capacity = c.capacity
        energy = capacity.map(lambda p: p.per_year())
        out.append(_metric(
            f"compute.{c.name}.energy", f"energy per year at the committed power ({c.name})", "energy",
            f"{property_name('compute', 'capacity', c.name)} x 8760 h", (cap_claim,), functools.partial(_given, energy),
        ))
        if reference is not None:
            ref = reference.value
            out.append(_metric(
                f"compute.{c.name}.clusters", "how many large training clusters the capacity equals", "count",
                f"{property_name('compute', 'capacity', c.name)} / {REFERENCE_CLUSTER}.power",
                (cap_claim, reference), functools.partial(divide, capacity, ref),
            ))
        if deal.investment is not None:
            inv = deal.investment
            out.append(_metric(
                f"compute.{c.name}.investment_per_gw", "investment per GW of committed capacity", "rate",
                f"investment / {property_name('compute', 'capacity', c.name)}",
                (investment, cap_claim), functools.partial(_per_gw, inv, capacity),
            ))
        for s in deal.spend:
            if s.name in spend_per_year:
                per_year = spend_per_year[s.name]
                out.append(_metric(
                    f"spend.{s.name}.per_mwh", f"spend per MWh if the {c.name} capacity ran all year", "rate",
                    f"spend.{s.name}.per_year / compute.{c.name}.energy",
                    (*spend_claims[s.name], cap_claim),
                    functools.partial(_per_mwh, per_year, energy),
                ))

    several = len(deal.investors) > 1
    if several and deal.investment is not None:
        for i in deal.investors:
            if i.amount is None:
                continue
            share, total = i.amount, deal.investment
            out.append(_metric(
                f"investor.{i.party}.share", f"{i.party}'s share of the deal's total investment", "percent",
                f"{property_name('investor', 'amount', i.party)} / investment",
                (best(property_name("investor", "amount", i.party)), investment),
                functools.partial(_percent, share, total),
            ))
    for i in deal.investors:
        # Money that comes back: spend paid by the investee's group into this investor's group.
        into = deal.amount_of(i.party)
        if into is None:
            continue
        # What ``into`` came from: the investor's own amount, the deal's total (its only investor), or its tranches.
        inputs_in: tuple[Claim | None, ...]
        if i.amount is not None:
            inputs_in, source = (best(property_name("investor", "amount", i.party)),), property_name(
                "investor", "amount", i.party)
        elif not several:
            inputs_in, source = (investment,), "investment"
        else:
            inputs_in = tuple(best(property_name("tranche", "amount", t.name)) for t in i.tranches)
            source = f"{i.party}'s tranches"
        for s in deal.spend:
            if not (catalog.same_group(s.payee, i.party) and catalog.same_group(s.payer, i.investee)):
                continue
            amount_claim, term_claim = spend_claims[s.name]
            inputs = (*inputs_in, amount_claim)
            amount = s.amount
            prefix = f"flows.{s.name}" + (f".{i.party}" if several else "")
            out.append(_metric(
                f"{prefix}.back_per_dollar_in",
                f"money back to {i.party}'s group (spend with {s.payee}) per dollar {i.party} puts in", "multiple",
                f"{property_name('spend', 'amount', s.name)} / {source}", inputs,
                functools.partial(divide, amount, into),
            ))
            if s.term is not None:
                term = s.term
                out.append(_metric(
                    f"{prefix}.net_per_year",
                    f"money back to {i.party}'s group less money in, per year", "rate",
                    f"({property_name('spend', 'amount', s.name)} - {source}) / {property_name('spend', 'term', s.name)}",
                    (*inputs, term_claim),
                    functools.partial(_net_per_year, amount, into, term),
                ))

    growth = _growth_metric(catalog, deal.investee, "revenue.run_rate", deal.announced)
    if growth is not None:
        out.append(growth)
    return tuple(out)


def _percent(part: Estimate[CurrencyAmount], whole: Estimate[CurrencyAmount]) -> Estimate[Decimal]:
    return divide(part, whole).map(lambda r: r * _HUNDRED)


def _net(back: Estimate[CurrencyAmount], into: Estimate[CurrencyAmount]) -> Estimate[CurrencyAmount]:
    try:
        return back - into  # [a, b] - [c, d] = [a - d, b - c]
    except BoundsError:  # neither bound: say which figures leave it open
        raise BoundsError(
            f"the bounds do not determine it: {back} less {into} has neither bound", f"{back} - {into}"
        ) from None


def _given(estimate: Estimate[Any]) -> Estimate[Any]:
    return estimate


def _per_gw(investment: Estimate[CurrencyAmount], capacity: Estimate[Power]) -> Estimate[Rate]:
    return divide(investment, capacity).map(lambda r: r.to("GW"))


def _net_per_year(
    back: Estimate[CurrencyAmount], into: Estimate[CurrencyAmount], term: Duration
) -> Estimate[Rate]:
    return _net(back, into).map(lambda m: Rate.of(m, term).to("year"))


def _per_mwh(per_year: Estimate[Rate], energy: Estimate[Energy]) -> Estimate[Rate]:
    # (money / year) / (energy / year) = money / energy; both "per year" cancel.
    year = Duration(1, "year")
    money = per_year.map(lambda r: r * year)
    return divide(money, energy).map(lambda r: r.to("MWh"))


# -- consistency ---------------------------------------------------------------------------------


@final
@attrs.frozen
class Finding:
    """The result of comparing a stated figure with another claim or with what other figures imply.

    ``status`` is ``"conflict"`` when the bounds cannot both hold,
    ``"incomparable"`` when the values are of different kinds or currencies,
    ``"agree"`` when the headline values differ by at most
    :data:`CONSISTENCY_TOLERANCE`, and ``"compatible"`` when only the bounds
    overlap.  ``resolved`` is true when a deprecated claim (which says why in
    its note) is involved: the catalog already settled it.

    .. versionadded:: 0.1.0
    """

    kind: FindingKind
    status: FindingStatus
    subject: str
    property: str
    stated: Estimate[FigureValue]
    other: Estimate[FigureValue] | None
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    message: str
    resolved: bool = False
    as_of: PartialDate | None = None
    deviation: Decimal | None = None
    """``|implied - stated| / stated`` for the headline values, when both have one."""
    figure_kind: str = ""
    """The kind of the figures compared (``"money"``, ``"multiple"``, ...), for display."""
    meaning: bool = False
    """A recorded conflict of meaning: the figures may even agree, but the words mean different things."""

    @builtins.property
    def is_conflict(self) -> bool:
        """Whether the bounds cannot both hold."""
        return self.status == "conflict"

    def to_json(self) -> dict[str, JSONValue]:
        """The finding as plain JSON: ``dealkit.converter.unstructure(self)``, its one JSON form."""
        return json_table(self)

def _widened(e: Estimate[Any], tolerance: Decimal) -> Estimate[Any]:
    low = None if e.low is None else e.low * (1 - tolerance)
    high = None if e.high is None else e.high * (1 + tolerance)
    return Estimate.from_bounds(low, high)


#: Value types whose order is total: for these, estimates pairwise overlap exactly when the
#: largest lower bound is at most the smallest upper bound (dates are not: a quarter and a
#: day inside it are neither before nor after each other).
_TOTALLY_ORDERED: Final = (Decimal, CurrencyAmount, Power, Energy, Duration, Rate)


def _all_overlap(claims: list[Claim]) -> bool:
    """Whether every pair of ``claims`` is compatible, in one pass (False: compare pairs).

    For totally ordered values of one type, intervals overlap pairwise exactly when
    max(lows) <= min(highs) (Helly's theorem on the line), so a consistent group costs
    linear time, however large.  Anything else (dates, mixed types, currencies) is
    left to the pairwise comparison, which tells conflicts from incomparable pairs.
    """
    first = claims[0].value
    kind = type(first.low if first.low is not None else first.high)
    if not issubclass(kind, _TOTALLY_ORDERED):
        return False
    low: Any = None
    high: Any = None
    try:
        for c in claims:
            e = c.value
            for bound in (e.low, e.high):
                if bound is not None and type(bound) is not kind:
                    return False
            if e.low is not None and (low is None or e.low > low):
                low = e.low
            if e.high is not None and (high is None or e.high < high):
                high = e.high
        return low is None or high is None or bool(low <= high)
    except (DealkitError, TypeError):  # e.g. two currencies: compared pair by pair
        return False


def _pairwise(catalog: Catalog) -> Iterable[Finding]:
    groups: dict[tuple[str, str, PartialDate | None], list[Claim]] = {}
    for c in catalog.all_claims:
        groups.setdefault((c.subject, c.property, c.as_of), []).append(c)
    for claims in groups.values():
        if len(claims) < 2 or _all_overlap(claims):
            continue  # nothing to report: every pair agrees
        for a, b in itertools.combinations(claims, 2):
            try:
                status: FindingStatus = "conflict" if not a.value.compatible_with(b.value) else "agree"
                why = "their bounds cannot both hold"
            except (DealkitError, TypeError) as exc:
                status = "incomparable"
                why = f"they cannot be compared ({exc})" if isinstance(exc, DealkitError) else (
                    f"they hold different kinds ({a.kind}, {b.kind})"
                )
            if status == "agree":
                continue
            resolved = Rank.DEPRECATED in (a.rank, b.rank)
            first, second = sorted((a, b), key=lambda c: c.rank.order)
            yield Finding(
                "claims", status, a.subject, a.property, first.value, second.value,
                (first.id, second.id), _refs((first, second)),
                f"{first.id} ({first.rank.value}, {', '.join(first.refs)}) says {_plain_estimate(first.value, first.kind)}; "
                f"{second.id} ({second.rank.value}, {', '.join(second.refs)}) says "
                f"{_plain_estimate(second.value, second.kind)}: {why}"
                + (f"; resolved: {second.id if second.rank is Rank.DEPRECATED else first.id} is deprecated" if resolved else ""),
                resolved, a.as_of, figure_kind=first.kind if first.kind == second.kind else "",
            )


def _implied(
    stated: Claim,
    implied: Estimate[Any],
    implied_headline: Any,
    inputs: tuple[Claim, ...],
    what: str,
    tolerance: Decimal,
) -> Finding:
    try:
        overlap = _widened(stated.value, tolerance).compatible_with(implied)
    except (DealkitError, TypeError) as exc:
        return Finding(
            "implied", "incomparable", stated.subject, stated.property, stated.value, implied,
            (stated.id, *_ids(inputs)), _refs((stated, *inputs)), f"cannot compare with {what}: {exc}",
            as_of=stated.as_of,
        )
    deviation: Decimal | None = None
    head = _headline(stated.value)
    if implied_headline is not None and head is not None:
        diff = implied_headline - head
        ratio = diff / head
        deviation = abs(ratio if isinstance(ratio, Decimal) else Decimal(ratio))
    if not overlap:
        status: FindingStatus = "conflict"
        verdict = "their bounds cannot both hold, even allowing for rounding"
    elif deviation is None or deviation <= tolerance:
        status = "agree"
        verdict = f"they agree within {canonical_decimal(tolerance * 100)}%"
    else:
        status = "compatible"
        verdict = (
            f"their bounds overlap, but the stated values differ by {canonical_decimal(round(deviation * 100, 1))}%, "
            f"more than the {canonical_decimal(tolerance * 100)}% tolerance"
        )
    k = stated.kind
    shown = "" if implied_headline is None else f" ({_plain(implied_headline, k)} at their stated values)"
    return Finding(
        "implied", status, stated.subject, stated.property, stated.value, implied,
        (stated.id, *_ids(inputs)), _refs((stated, *inputs)),
        f"{stated.id} states {_plain_estimate(stated.value, k)}; {what} give {_plain_estimate(implied, k)}{shown}: "
        f"{verdict}",
        any(c.rank is Rank.DEPRECATED for c in (stated, *inputs)), stated.as_of, deviation, k,
    )


def _plain(value: Any, kind: str = "") -> str:
    return _canonical(kind, round(value, 2) if isinstance(value, Decimal) else value)


def _plain_estimate(e: Estimate[Any], kind: str = "") -> str:
    if e.qualifier is Qualifier.RANGE:
        return f"{_plain(e.low, kind)} .. {_plain(e.high, kind)}"
    words = DATE_QUALIFIER_WORDS if isinstance(e.value, PartialDate) else QUALIFIER_WORDS  # as str(Estimate) words them
    return words[e.qualifier] + _plain(e.value, kind)


def _parts_check(
    total: Claim, parts: list[Claim], subject: str, what: str, tolerance: Decimal, *, complete: bool = True
) -> Finding:
    """A stated total beside the sum of its stated parts (positive amounts: an "up to" part adds at least nothing)."""
    try:
        amounts = [p.value_as(CurrencyAmount) for p in parts]
        head = amounts[0]
        first = head.low if head.low is not None else head.high
        assert isinstance(first, CurrencyAmount)
        zero = CurrencyAmount.zero(first.currency)
        low: CurrencyAmount = sum((p.low or zero for p in amounts[1:]), amounts[0].low or zero)
        highs: list[CurrencyAmount] = [p.high for p in amounts if p.high is not None]
        high = sum(highs[1:], highs[0]) if len(highs) == len(parts) and complete else None
        implied = Estimate.from_bounds(low if low else None, high)
        heads = [_headline(p) for p in amounts]
        headline = None if not complete or any(h is None for h in heads) else sum(heads[1:], heads[0])
    except (DealkitError, TypeError) as exc:
        return Finding(
            "implied", "incomparable", subject, total.property, total.value, None,
            (total.id, *_ids(parts)), _refs((total, *parts)), f"{what} do not add up: {exc}",
        )
    return _implied(total, implied, headline, tuple(parts), what, tolerance)


def _tranche_checks(catalog: Catalog, tolerance: Decimal) -> Iterable[Finding]:
    """Per investor, its stated amount beside its tranches; in total, the deal's beside its investors and tranches."""
    for shape in catalog.shapes:
        deal = catalog.deal(shape.id)
        total = catalog.best(shape.id, property_name("deal", "investment"))
        several = len(deal.investors) > 1
        for inv in deal.investors:
            tranches = [catalog.best(shape.id, property_name("tranche", "amount", t.name)) for t in inv.tranches]
            own = catalog.best(shape.id, property_name("investor", "amount", inv.party))
            # One investor without an amount of its own: its tranches make up the deal's total.
            stated = own if own is not None or several else total
            if stated is None or not tranches or any(t is None for t in tranches):
                continue
            what = f"the tranches of {inv.party}" if several else "the tranches"
            yield _parts_check(stated, [t for t in tranches if t is not None], shape.id, what, tolerance)
        if total is None or not several:
            continue
        shares = [catalog.best(shape.id, property_name("investor", "amount", i.party)) for i in deal.investors]
        known = [c for c in shares if c is not None]
        if known:
            yield _parts_check(total, known, shape.id, "the investors' amounts", tolerance,
                               complete=len(known) == len(shares))


class _DatedMoney:
    """The dated money figures of a catalog, by subject and property group, read once.

    A ``*.growth`` multiple is compared with the dated money properties of its group
    (``revenue.growth`` with ``revenue.run_rate``).  Looking them up by scanning the
    subject's claims for every growth claim cost (growth claims x claims); here each
    claim is filed once under every group its property belongs to, and the latest two
    figures of each property are found once, however many growth claims read them.
    """

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.groups: dict[tuple[str, str], list[Claim]] = {}
        for c in catalog.all_claims:
            if c.kind == "money" and c.as_of is not None:
                parts = c.property.split(".")
                for k in range(1, len(parts)):
                    self.groups.setdefault((c.subject, ".".join(parts[:k]) + "."), []).append(c)
        self._siblings: dict[tuple[str, str], tuple[str, ...]] = {}
        self._latest: dict[tuple[str, str], tuple[Claim, Claim] | None] = {}

    def siblings(self, subject: str, prefix: str) -> tuple[str, ...]:
        """The dated money properties of ``subject`` under ``prefix``, best-ranked first, each once."""
        key = (subject, prefix)
        found = self._siblings.get(key)
        if found is None:
            claims = sorted(self.groups.get(key, ()), key=lambda c: c.rank.order)  # as Catalog.claims orders them
            found = self._siblings[key] = tuple(dict.fromkeys(c.property for c in claims))
        return found

    def latest_two(self, subject: str, prop: str) -> tuple[Claim, Claim] | None:
        key = (subject, prop)
        if key not in self._latest:
            self._latest[key] = _latest_two(self.catalog, subject, prop)
        return self._latest[key]


def _growth_checks(catalog: Catalog, tolerance: Decimal) -> Iterable[Finding]:
    dated = _DatedMoney(catalog)
    for stated in catalog.all_claims:
        if stated.rank is Rank.DEPRECATED or stated.kind != "multiple" or not stated.property.endswith(".growth"):
            continue
        prefix = stated.property.removesuffix("growth")
        for prop in dated.siblings(stated.subject, prefix):
            pair = dated.latest_two(stated.subject, prop)
            if pair is None:
                continue
            later, earlier = pair
            if stated.as_of is not None and later.as_of != stated.as_of:
                continue
            try:
                implied = divide(later.value_as(CurrencyAmount), earlier.value_as(CurrencyAmount))
            except BoundsError as exc:
                yield Finding(
                    "implied", "incomparable", stated.subject, stated.property, stated.value, None,
                    (stated.id, later.id, earlier.id), _refs((stated, later, earlier)),
                    f"{prop} at {later.as_of} and {earlier.as_of} do not bound the growth: {exc.reason}",
                    as_of=stated.as_of,
                )
                continue
            head_l, head_e = _headline(later.value), _headline(earlier.value)
            headline = None if head_l is None or head_e is None else head_l / head_e
            yield _implied(
                stated, implied, headline, (later, earlier),
                f"{prop} at {later.as_of} over {earlier.as_of}", tolerance,
            )


def _recorded(catalog: Catalog) -> Iterable[Finding]:
    """Every conflict the catalog records, of value or of meaning, with what each side says."""
    by_id = {c.id: c for c in catalog.all_claims}
    for conflict in catalog.conflicts:
        claims = [by_id[c] for c in conflict.claims]
        first, second = claims[0], claims[1]
        prefer = f"; the catalog takes {conflict.prefer}" if conflict.prefer else ""
        settled = f"; resolved: {conflict.resolution.rstrip('.')}{prefer}" if conflict.resolved else "; open"
        sides = "; ".join(f"{c.id} ({', '.join(c.files)}) says {_plain_estimate(c.value, c.kind)}" for c in claims)
        yield Finding(
            "recorded", "conflict", first.subject, first.property, first.value, second.value,
            tuple(c.id for c in claims), _refs(claims),
            f"a conflict of {conflict.kind} recorded as {conflict.id}: {conflict.note} ({sides}){settled}",
            conflict.resolved, first.as_of, figure_kind=first.kind if first.kind == second.kind else "",
            meaning=conflict.kind == "meaning",
        )


def check_consistency(catalog: Catalog, *, tolerance: Decimal = CONSISTENCY_TOLERANCE) -> list[Finding]:
    """Compare claims with each other and with what other claims imply.

    Reports, in this order:

    - every pair of claims of one subject, property and ``as_of`` whose bounds
      cannot both hold (``"conflict"``) or cannot be compared (``"incomparable"``);
    - for each investor with tranches, its stated amount (for a deal's only
      investor, the deal's total) beside the sum of its tranches; for a deal of
      several investors, the stated total beside the investors' amounts;
    - for each ``*.growth`` multiple, the stated multiple beside the quotient of
      the two latest figures of a sibling money property (``revenue.run_rate``);
    - every conflict the catalog records (kind ``"recorded"``): of value, or of
      meaning (``meaning`` true), which no comparison of bounds can find.

    Implied comparisons widen the stated figure by ``tolerance`` on each side
    (articles round) before comparing bounds, and report every result.

    >>> from dealkit import builtin_catalog
    >>> findings = check_consistency(builtin_catalog())
    >>> [(f.claims, f.resolved) for f in findings if f.is_conflict and f.kind != "recorded"]
    [(('a26-tranche-immediate', 'a26-tranche-immediate-001'), True)]
    >>> [f.claims for f in findings if f.kind == "recorded" and f.meaning][0]
    ('a26-investment', 'a26-investment-option-001')

    .. versionadded:: 0.1.0
    """
    check_instance(catalog, Catalog, "catalog", "a Catalog")
    if not isinstance(tolerance, Decimal) or not tolerance.is_finite() or not Decimal(0) <= tolerance < 1:
        raise InvalidValueError("tolerance must be a Decimal in [0, 1)", tolerance)
    # Linear in the catalog's size: claims are grouped once (pairs are compared only in a
    # group whose bounds do not all overlap), every figure is looked up in the catalog's
    # indexes, and each growth claim reads figures filed once by _DatedMoney.
    return [
        *_pairwise(catalog), *_tranche_checks(catalog, tolerance), *_growth_checks(catalog, tolerance),
        *_recorded(catalog),
    ]


# -- as-of views ---------------------------------------------------------------------------------

_ORDER: Final = {Certainty.NO: 0, Certainty.POSSIBLY: 1, Certainty.CERTAINLY: 2}


def _reached(date: Estimate[PartialDate] | PartialDate, day: PartialDate, floor: PartialDate | None) -> Certainty:
    """Whether a (possibly imprecise, possibly bounded) date has come by ``day``.

    ``floor`` is the earliest the date can be when it states no lower bound: the
    announcement for a part of the deal, none for a part marked ``prior``.
    """
    if isinstance(date, PartialDate):
        return date.reached_by(day)
    if date.high is not None and date.high.reached_by(day) is Certainty.CERTAINLY:
        return Certainty.CERTAINLY
    low = date.low if date.low is not None else floor  # "by year-end": not before the announcement
    if low is not None and low.reached_by(day) is Certainty.NO:
        return Certainty.NO
    return Certainty.POSSIBLY


@final
@attrs.frozen
class Status:
    """One part of a deal on the day of an :class:`AsOfView`: whether it is committed, unlocked or online.

    .. versionadded:: 0.1.0
    """

    item: str
    """``investment``, ``tranche.immediate``, ``compute.new-capacity``, ``milestone.trainium2-online``, ..."""
    state: StatusState
    certainty: Certainty
    amount: Estimate[CurrencyAmount | Power] | None
    date: Estimate[PartialDate] | None
    description: str
    claims: tuple[str, ...] = ()

    def to_json(self) -> dict[str, JSONValue]:
        """The status as plain JSON: ``dealkit.converter.unstructure(self)``, its one JSON form."""
        return json_table(self)

@final
@attrs.frozen
class AsOfView:
    """What of a deal is committed, unlocked or online on ``day``, each with its certainty.

    .. versionadded:: 0.1.0
    """

    deal_id: str
    day: PartialDate
    items: tuple[Status, ...]

    def item(self, name: str, state: StatusState | None = None) -> Status:
        """The status of one item (and state, if the item has several)."""
        check_text(name, "name")
        for s in self.items:
            if s.item == name and (state is None or s.state == state):
                return s
        raise InvalidValueError("no such item in this view", name)

    def _total(self, state: StatusState, at_least: Certainty) -> Estimate[Any] | None:
        check_instance(at_least, Certainty, "at_least", "a Certainty")
        total: Estimate[Any] | None = None
        for s in self.items:
            if s.state == state and s.amount is not None and _ORDER[s.certainty] >= _ORDER[at_least]:
                total = s.amount if total is None else total + s.amount
        return total

    def unlocked(self, at_least: Certainty = Certainty.CERTAINLY) -> Estimate[CurrencyAmount] | None:
        """The money of the tranches unlocked with at least this certainty (``None``: none)."""
        return self._total("unlocked", at_least)

    def online(self, at_least: Certainty = Certainty.CERTAINLY) -> Estimate[Power] | None:
        """The capacity of the milestones online with at least this certainty (``None``: none)."""
        return self._total("online", at_least)

    def to_json(self) -> dict[str, JSONValue]:
        """The view as plain JSON: ``dealkit.converter.unstructure(self)``, its one JSON form."""
        return json_table(self)

def as_of(catalog: Catalog, deal_id: str, day: PartialDate | dt.date | str) -> AsOfView:
    """What of a deal is committed, unlocked or online on ``day``, honouring each date's precision.

    ``day`` is a :class:`PartialDate`, a :class:`datetime.date` or canonical
    text.  A Q2 milestone is "possibly" online on May 1 and "certainly" by
    July 1; a tranche without a date (unlockable against milestones) is only
    ever "possibly" unlocked after the announcement; "by year-end" counts from
    the announcement.

    >>> from dealkit import builtin_catalog
    >>> view = as_of(builtin_catalog(), "amazon-anthropic-2026", "2026-05-01")
    >>> view.item("milestone.trainium2-online").certainty.value, str(view.unlocked())
    ('possibly', '5000000000 USD')

    .. versionadded:: 0.1.0
    """
    check_instance(catalog, Catalog, "catalog", "a Catalog")
    when = _as_day(day)
    deal = catalog.deal(deal_id)
    ann = deal.announced
    signed = ann.reached_by(when)

    def ids(*props: str) -> tuple[str, ...]:
        return _ids(catalog.best(deal_id, p) for p in props)

    items: list[Status] = []
    if deal.investment is not None:
        items.append(Status("investment", "committed", signed, deal.investment, Estimate.exact(ann),
                            "the investment, committed on announcement", ids(property_name("deal", "investment"), property_name("deal", "announced"))))
    for t in deal.tranches:
        date = t.date or ann
        if t.date is None and t.is_milestone_linked:
            certainty = Certainty.NO if signed is Certainty.NO else Certainty.POSSIBLY
            words = "undated: unlocks as its milestones are met"
        else:
            certainty = date.reached_by(when)
            words = "paid on signing" if t.is_immediate else "dated"
        items.append(Status(f"tranche.{t.name}", "unlocked", certainty, t.amount,
                            None if t.is_milestone_linked and t.date is None else Estimate.exact(date),
                            f"{t.kind.replace('_', '-')} tranche, {words}" + (f" ({t.condition})" if t.condition else ""),
                            ids(property_name("tranche", "amount", t.name), property_name("tranche", "date", t.name))))
    for c in deal.compute:
        items.append(Status(f"compute.{c.name}", "committed", signed, c.capacity, Estimate.exact(ann),
                            c.description or "compute capacity", ids(property_name("compute", "capacity", c.name))))
        if c.by is not None:
            items.append(Status(f"compute.{c.name}", "online", _reached(c.by, when, None if c.prior else ann), c.capacity, c.by,
                                c.description or "compute capacity", ids(property_name("compute", "capacity", c.name), property_name("compute", "by", c.name))))
    for s in deal.spend:
        items.append(Status(f"spend.{s.name}", "committed", signed, s.amount, Estimate.exact(ann),
                            f"{s.payer} spends with {s.payee}" + (f" over {s.term}" if s.term else ""),
                            ids(property_name("spend", "amount", s.name), property_name("spend", "term", s.name))))
    for m in deal.milestones:
        items.append(Status(f"milestone.{m.name}", "online", _reached(m.date, when, None if m.prior else ann), m.capacity, m.date,
                            m.description, ids(property_name("milestone", "date", m.name), property_name("milestone", "capacity", m.name))))
    return AsOfView(deal_id, when, tuple(items))


def as_of_deals(
    catalog: Catalog, day: PartialDate | dt.date | str, deal_ids: Sequence[str] | None = None
) -> tuple[AsOfView, ...]:
    """:func:`as_of` for many deals on one day: every deal of the catalog, or those named, in that order.

    >>> from dealkit import builtin_catalog
    >>> views = as_of_deals(builtin_catalog(), "2026-01-01", ["amd-openai-2025", "meta-amd-2026"])
    >>> [(v.deal_id, v.item("compute.instinct").certainty.value, v.item("milestone.first-gigawatt").certainty.value)
    ...  for v in views]
    [('amd-openai-2025', 'certainly', 'no'), ('meta-amd-2026', 'no', 'no')]

    .. versionadded:: 0.2
    """
    if deal_ids is not None and (isinstance(deal_ids, str) or not isinstance(deal_ids, Sequence)):
        raise InvalidValueError("deal_ids must be a sequence of deal ids (or None for every deal)", deal_ids)
    when = _as_day(day)
    ids = catalog.deal_ids() if deal_ids is None else tuple(deal_ids)
    return tuple(as_of(catalog, deal_id, when) for deal_id in ids)


def _as_day(day: object) -> PartialDate:
    import datetime as dt

    if isinstance(day, PartialDate):
        return day
    if isinstance(day, str):
        return PartialDate.parse(day)
    if isinstance(day, dt.date):
        return PartialDate.from_date(day)
    raise InvalidValueError("day must be a PartialDate, a date or date text like '2026-05-01'", day)

