"""``Deal`` and its parts: tranches, compute and spend commitments, milestones."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, final

import attrs

from .._errors import DealkitError, InvariantError
from .._typing import TrancheKind
from .._values import (
    CurrencyAmount,
    Duration,
    Estimate,
    PartialDate,
    Power,
    Qualifier,
    exact_date,
    exact_money,
    exact_power,
    optional_duration,
    optional_exact_date,
    optional_exact_money,
    optional_exact_power,
)
from .validators import (
    check_id,
    check_text,
    check_tuple_of,
    estimate_of,
    instance_of,
    one_of,
    optional_instance_of,
)

__all__ = ["TRANCHE_KINDS", "ComputeCommitment", "Deal", "Milestone", "SpendCommitment", "Tranche", "sum_estimates", "validate_deal"]

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

    ``amount`` takes an estimate, or a plain amount for an exact one.

    >>> Tranche("immediate", Estimate.exact(CurrencyAmount.parse("$5B"))).is_immediate
    True
    >>> Tranche("immediate", CurrencyAmount.parse("$5B")).amount
    Estimate.exact(CurrencyAmount(Decimal('5000000000'), 'USD'))
    """

    kind: TrancheKind = attrs.field(validator=one_of(*TRANCHE_KINDS))
    amount: Estimate[CurrencyAmount] = attrs.field(converter=exact_money, validator=_money)
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

    ``capacity`` takes an estimate of power, or for an exact figure a :class:`Power`
    or a pint quantity of power (any registry); ``by`` an estimate or a date.

    >>> c = ComputeCommitment("new", Estimate.at_most(Power(5, "GW")), provider="amazon", recipient="anthropic")
    >>> str(c.capacity), c.capacity.value.quantity
    ('up to 5 GW', <Quantity(5.0, 'gigawatt')>)
    """

    name: str = attrs.field(validator=check_id)
    capacity: Estimate[Power] = attrs.field(converter=exact_power, validator=_power)
    provider: str = attrs.field(validator=check_id)
    recipient: str = attrs.field(validator=check_id)
    chips: tuple[str, ...] = attrs.field(default=(), validator=_texts)
    by: Estimate[PartialDate] | None = attrs.field(
        default=None, converter=optional_exact_date, validator=estimate_of(PartialDate, optional=True)
    )
    description: str = attrs.field(default="", validator=check_text)


@final
@attrs.frozen
class SpendCommitment:
    """Money one party commits to spend with another, over a term.

    ``amount`` takes an estimate or a plain amount (exact); ``term`` a
    :class:`Duration` or a pint quantity of time (a pint year is one 365-day year).

    >>> s = SpendCommitment("aws", "anthropic", "amazon", Estimate.at_least(CurrencyAmount.parse("$100B")), Duration(10, "year"))
    >>> str(s.per_year())
    'more than 10000000000 USD'
    """

    name: str = attrs.field(validator=check_id)
    payer: str = attrs.field(validator=check_id)
    payee: str = attrs.field(validator=check_id)
    amount: Estimate[CurrencyAmount] = attrs.field(converter=exact_money, validator=_money)
    term: Duration | None = attrs.field(
        default=None, converter=optional_duration, validator=optional_instance_of(Duration)
    )
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

    ``date`` takes an estimate or a :class:`PartialDate`; ``capacity`` as :class:`ComputeCommitment`'s.

    >>> m = Milestone("trainium2-online", "Trainium2 online", Estimate.exact(PartialDate.parse("2026-Q2")))
    >>> str(m.date)
    '2026-Q2'
    """

    name: str = attrs.field(validator=check_id)
    description: str = attrs.field(validator=check_text)
    date: Estimate[PartialDate] = attrs.field(converter=exact_date, validator=estimate_of(PartialDate))
    capacity: Estimate[Power] | None = attrs.field(
        default=None, converter=optional_exact_power, validator=_optional_power
    )
    chips: tuple[str, ...] = attrs.field(default=(), validator=_texts)


@final
@attrs.frozen
class Deal:
    """A deal between an investor and an investee, with its figures and commitments.

    ``investment`` and ``valuation`` take an estimate, or a plain amount for an exact one.

    Invariants (checked on construction, :func:`validate_deal`): the tranches
    fit within the bounds of the total investment and share its currency; no
    tranche is dated certainly before the announcement; the valuation is above
    the investment; investor and investee differ.
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    announced: PartialDate = attrs.field(validator=instance_of(PartialDate))
    investor: str = attrs.field(validator=check_id)
    investee: str = attrs.field(validator=check_id)
    investment: Estimate[CurrencyAmount] | None = attrs.field(
        default=None, converter=optional_exact_money, validator=_optional_money
    )
    valuation: Estimate[CurrencyAmount] | None = attrs.field(
        default=None, converter=optional_exact_money, validator=_optional_money
    )
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
    if deal.valuation is not None and deal.investment is not None:
        try:
            below = (
                deal.valuation.high is not None
                and deal.investment.low is not None
                and deal.valuation.high <= deal.investment.low
            )
        except DealkitError as exc:
            raise InvariantError(exc.reason, exc.value, path="$.valuation") from None
        if below:
            raise InvariantError(
                f"valuation must be above the investment ({deal.investment})",
                str(deal.valuation),
                path="$.valuation",
            )


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

