"""``Deal`` and its parts: tranches, compute and spend commitments, milestones."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, final

import attrs

from .._errors import DealkitError, InvalidValueError, InvariantError
from .._typing import TrancheKind
from .._values import CurrencyAmount, Duration, Estimate, PartialDate, Power, Qualifier
from .validators import (
    check_id,
    check_text,
    check_tuple_of,
    estimate_of,
    instance_of,
    one_of,
    optional_instance_of,
)

__all__ = [
    "DEAL_RULES",
    "TRANCHE_KINDS",
    "ComputeCommitment",
    "Deal",
    "DealRule",
    "Milestone",
    "SpendCommitment",
    "Tranche",
    "sum_estimates",
    "validate_deal",
]

TRANCHE_KINDS: Final[tuple[TrancheKind, ...]] = ("immediate", "milestone_linked")

# Each one validator (the estimate's type, then positive bounds), not a chain of them.
_money: Final = estimate_of(CurrencyAmount, positive=True)
_power: Final = estimate_of(Power, positive=True)
_optional_money: Final = estimate_of(CurrencyAmount, positive=True, optional=True)
_optional_power: Final = estimate_of(Power, positive=True, optional=True)
_texts: Final = check_tuple_of(str)


@final
@attrs.frozen
class Tranche:
    """One part of an investment: paid ``immediate`` ly or ``milestone_linked``.

    >>> Tranche("immediate", Estimate.exact(CurrencyAmount.parse("$5B"))).is_immediate
    True
    """

    kind: TrancheKind = attrs.field(validator=one_of(*TRANCHE_KINDS))
    amount: Estimate[CurrencyAmount] = attrs.field(validator=_money)
    date: PartialDate | None = attrs.field(default=None, validator=optional_instance_of(PartialDate))
    condition: str = attrs.field(default="", validator=check_text)

    @property
    def is_immediate(self) -> bool:
        """Paid on signing."""
        return self.kind == "immediate"

    @property
    def is_milestone_linked(self) -> bool:
        """Unlocked only when milestones are met."""
        return self.kind == "milestone_linked"


@final
@attrs.frozen
class ComputeCommitment:
    """Compute capacity one party secures for another, in power (gigawatt-first).

    >>> c = ComputeCommitment("new", Estimate.at_most(Power(5, "GW")), provider="amazon", recipient="anthropic")
    >>> str(c.capacity), c.capacity.value.quantity
    ('up to 5 GW', <Quantity(5.0, 'gigawatt')>)
    """

    name: str = attrs.field(validator=check_id)
    capacity: Estimate[Power] = attrs.field(validator=_power)
    provider: str = attrs.field(validator=check_id)
    recipient: str = attrs.field(validator=check_id)
    chips: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    by: Estimate[PartialDate] | None = attrs.field(
        default=None, validator=estimate_of(PartialDate, optional=True)
    )
    description: str = attrs.field(default="", validator=check_text)
    prior: bool = attrs.field(default=False, validator=instance_of(bool))
    """The capacity was secured before the deal was announced (its ``by`` date may precede it)."""

    def __attrs_post_init__(self) -> None:
        if self.provider == self.recipient:
            raise InvariantError("provider and recipient must differ", self.provider, path="$.recipient")


@final
@attrs.frozen
class SpendCommitment:
    """Money one party commits to spend with another, over a term.

    >>> s = SpendCommitment("aws", "anthropic", "amazon", Estimate.at_least(CurrencyAmount.parse("$100B")), Duration(10, "year"))
    >>> str(s.per_year())
    'more than 10000000000 USD'
    """

    name: str = attrs.field(validator=check_id)
    payer: str = attrs.field(validator=check_id)
    payee: str = attrs.field(validator=check_id)
    amount: Estimate[CurrencyAmount] = attrs.field(validator=_money)
    term: Duration | None = attrs.field(default=None, validator=optional_instance_of(Duration))
    covers: tuple[str, ...] = attrs.field(default=(), validator=_texts)

    def __attrs_post_init__(self) -> None:
        if self.payer == self.payee:
            raise InvariantError("payer and payee must differ", self.payer, path="$.payee")
        if self.term is not None and not self.term.base:
            raise InvariantError("term must be longer than zero", str(self.term), path="$.term")

    def per_year(self) -> Estimate[CurrencyAmount]:
        """The average spend per 365-day year over the term (bounds kept)."""
        if self.term is None:
            raise InvariantError("the commitment has no term to spread it over", self.name, path="$.term")
        years = self.term.years
        return self.amount.map(lambda a: a / years)


@final
@attrs.frozen
class Milestone:
    """A dated step of a deal, e.g. chips coming online, with the capacity it brings.

    >>> m = Milestone("trainium2-online", "Trainium2 online", Estimate.exact(PartialDate.parse("2026-Q2")))
    >>> str(m.date)
    '2026-Q2'
    """

    name: str = attrs.field(validator=check_id)
    description: str = attrs.field(validator=check_text)
    date: Estimate[PartialDate] = attrs.field(validator=estimate_of(PartialDate))
    capacity: Estimate[Power] | None = attrs.field(default=None, validator=_optional_power)
    chips: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    prior: bool = attrs.field(default=False, validator=instance_of(bool))
    """The step came before the deal was announced (its date may precede the announcement)."""


@final
@attrs.frozen
class Deal:
    """A deal between an investor and an investee, with its figures and commitments.

    Invariants (checked on construction, :func:`validate_deal`): investor and
    investee differ; the names of commitments and milestones are unique; the
    tranches fit within the bounds of the total investment and share its
    currency; and the rules of :data:`DEAL_RULES`: each tranche kind once,
    nothing dated certainly before the announcement unless marked ``prior``,
    and a valuation above every floor the investment and the tranches state.
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    announced: PartialDate = attrs.field(validator=instance_of(PartialDate))
    investor: str = attrs.field(validator=check_id)
    investee: str = attrs.field(validator=check_id)
    investment: Estimate[CurrencyAmount] | None = attrs.field(default=None, validator=_optional_money)
    valuation: Estimate[CurrencyAmount] | None = attrs.field(default=None, validator=_optional_money)
    tranches: tuple[Tranche, ...] = attrs.field(default=(), validator=check_tuple_of(Tranche))
    compute: tuple[ComputeCommitment, ...] = attrs.field(
        default=(), validator=check_tuple_of(ComputeCommitment)
    )
    spend: tuple[SpendCommitment, ...] = attrs.field(default=(), validator=check_tuple_of(SpendCommitment))
    milestones: tuple[Milestone, ...] = attrs.field(default=(), validator=check_tuple_of(Milestone))
    summary: str = attrs.field(default="", validator=check_text)

    def __attrs_post_init__(self) -> None:
        validate_deal(self)

    @property
    def immediate(self) -> Estimate[CurrencyAmount] | None:
        """The sum of the immediate tranches, if any."""
        return sum_estimates(t.amount for t in self.tranches if t.is_immediate)

    @property
    def milestone_linked(self) -> Estimate[CurrencyAmount] | None:
        """The sum of the milestone-linked tranches, if any."""
        return sum_estimates(t.amount for t in self.tranches if t.is_milestone_linked)

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party id named in the deal, in order of first mention."""
        ids = [self.investor, self.investee]
        for c in self.compute:
            ids += [c.provider, c.recipient]
        for s in self.spend:
            ids += [s.payer, s.payee]
        return tuple(dict.fromkeys(ids))


def sum_estimates(items: Iterable[Estimate[CurrencyAmount]]) -> Estimate[CurrencyAmount] | None:
    total: Estimate[CurrencyAmount] | None = None
    for e in items:
        total = e if total is None else total + e
    return total


def validate_deal(deal: Deal) -> None:
    """Check the cross-field invariants of a deal; raise :class:`InvariantError` on the first broken one."""
    if not isinstance(deal, Deal):
        raise InvalidValueError(f"'deal' must be a Deal, not {type(deal).__name__}", deal)
    if deal.investor == deal.investee:
        raise InvariantError("investor and investee must differ", deal.investor, path="$.investee")
    sections: tuple[tuple[str, Sequence[ComputeCommitment | SpendCommitment | Milestone]], ...] = (
        ("compute", deal.compute), ("spend", deal.spend), ("milestones", deal.milestones)
    )
    for section, items in sections:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.name in seen:
                raise InvariantError("duplicate name", item.name, path=f"$.{section}[{i}].name")
            seen.add(item.name)
    for i, tranche in enumerate(deal.tranches):
        if tranche.date is not None and tranche.date < deal.announced:
            raise InvariantError(
                f"tranche is dated before the announcement ({deal.announced})",
                str(tranche.date),
                path=f"$.tranches[{i}].date",
            )
    if deal.tranches:
        try:
            total = sum_estimates(t.amount for t in deal.tranches)
        except DealkitError as exc:
            raise InvariantError(f"tranches do not add up: {exc.reason}", exc.value, path="$.tranches") from None
        assert total is not None
        if deal.investment is not None:
            # Amounts are positive, so an "up to" tranche adds at least nothing: the
            # tranches' floor is the sum of the lower bounds they do state.
            lows = [t.amount.low for t in deal.tranches if t.amount.low is not None]
            try:
                floor = _sum_amounts(lows)
                fits = _fits(total, floor, deal.investment)
            except DealkitError as exc:
                raise InvariantError(
                    f"tranches and investment disagree: {exc.reason}", exc.value, path="$.tranches"
                ) from None
            if not fits:
                raise InvariantError(
                    f"tranches add up to {total}, which cannot fit the investment of {deal.investment}",
                    str(total),
                    path="$.tranches",
                )
    for rule in DEAL_RULES:
        rule(deal)


# -- the rules a deal's terms imply, each on its own ------------------------------------------------
#
# Each rule reads one deal and raises InvariantError at the path of the first item that breaks it.
# docs/errors.md lists them, with an example each; tests/test_integrity.py breaks each alone.

#: A check of one deal: raises :class:`~dealkit.InvariantError`, or returns.
DealRule = Callable[["Deal"], None]


def tranche_kinds_once(deal: Deal) -> None:
    """Each tranche kind is declared once: two tranches of one kind would read the same claims twice."""
    seen: set[str] = set()
    for i, tranche in enumerate(deal.tranches):
        if tranche.kind in seen:
            raise InvariantError(
                "a second tranche of this kind (each kind once: both would read the same claims)",
                tranche.kind, path=f"$.tranches[{i}].kind",
            )
        seen.add(tranche.kind)


def dated_from_announcement(deal: Deal) -> None:
    """No milestone or compute commitment is dated certainly before the announcement, unless ``prior``."""
    dated: list[tuple[str, Estimate[PartialDate] | None, bool]] = [
        (f"$.milestones[{i}].date", m.date, m.prior) for i, m in enumerate(deal.milestones)
    ]
    dated += [(f"$.compute[{i}].by", c.by, c.prior) for i, c in enumerate(deal.compute)]
    for path, date, prior in dated:
        # Certainly before: even the latest day the estimate allows precedes the announcement.
        if date is not None and not prior and date.high is not None and date.high < deal.announced:
            raise InvariantError(
                f"dated before the announcement ({deal.announced}); mark it 'prior = true' if it came first",
                str(date), path=path,
            )


def valuation_above_floors(deal: Deal) -> None:
    """The valuation can exceed what the investment and its tranches certainly amount to.

    Otherwise the stake those amounts buy would be above 100 % at every valuation the
    claims allow.  An "up to" valuation has no floor of its own; its ceiling must clear
    the floors: the investment's, and the tranches' together (each tranche is positive,
    so their floor is at least any one's).
    """
    if deal.valuation is None or deal.valuation.high is None:
        return
    ceiling = deal.valuation.high
    lows = [t.amount.low for t in deal.tranches if t.amount.low is not None]
    try:
        floors = (
            ("the investment", None if deal.investment is None else deal.investment.low),
            ("the tranche" if len(deal.tranches) == 1 else "the tranches together", _sum_amounts(lows)),
        )
        for what, floor in floors:
            if floor is not None and ceiling <= floor:
                raise InvariantError(
                    f"valuation must be above {what} (at least {floor}): the stake would exceed 100%",
                    str(deal.valuation), path="$.valuation",
                )
    except InvariantError:
        raise
    except DealkitError as exc:  # amounts in two currencies
        raise InvariantError(exc.reason, exc.value, path="$.valuation") from None


#: The rules :func:`validate_deal` applies after the structural checks, in order.
DEAL_RULES: Final[tuple[DealRule, ...]] = (tranche_kinds_once, dated_from_announcement, valuation_above_floors)


def _sum_amounts(amounts: list[CurrencyAmount]) -> CurrencyAmount | None:
    total: CurrencyAmount | None = None
    for a in amounts:
        total = a if total is None else total + a
    return total


def _fits(
    parts: Estimate[CurrencyAmount], floor: CurrencyAmount | None, whole: Estimate[CurrencyAmount]
) -> bool:
    # The parts fit when their bounds overlap the whole's.  An "up to" whole has
    # an implicit floor of zero, so parts above zero never contradict it from below.
    if floor is not None and whole.high is not None and whole.high < floor:
        return False
    if whole.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.RANGE):
        if parts.high is not None and whole.low is not None and parts.high < whole.low:
            return False
    return True

