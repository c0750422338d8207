"""``Deal`` and its parts: investors and their tranches, compute and spend commitments, milestones, relations."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Final, final

import attrs

from .._errors import DealkitError, InvalidValueError, InvariantError
from .._typing import InvestorRole, RelationKind, TrancheKind
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
from .source import Source, WebSource, check_sources
from .validators import (
    check_id,
    check_part_name,
    check_text,
    check_tuple_of,
    estimate_of,
    instance_of,
    one_of,
    optional_instance_of,
)

__all__ = [
    "DEAL_RULES",
    "INVESTOR_ROLES",
    "RELATION_KINDS",
    "TRANCHE_KINDS",
    "ComputeCommitment",
    "Deal",
    "DealRelation",
    "DealRule",
    "Investor",
    "Milestone",
    "SpendCommitment",
    "Tranche",
    "sum_estimates",
    "sum_positive",
    "validate_deal",
]

TRANCHE_KINDS: Final[tuple[TrancheKind, ...]] = ("immediate", "milestone_linked")
INVESTOR_ROLES: Final[tuple[InvestorRole, ...]] = ("lead", "co_investor", "member")
RELATION_KINDS: Final[tuple[RelationKind, ...]] = ("follows", "extends", "amends")

# Each one validator (the estimate's type, then positive bounds), not a chain of them.
_money: Final = estimate_of(CurrencyAmount, positive=True)
_power: Final = estimate_of(Power, positive=True)
_optional_money: Final = estimate_of(CurrencyAmount, positive=True, optional=True)
_optional_power: Final = estimate_of(Power, positive=True, optional=True)
_texts: Final = check_tuple_of(str)
_sources: Final = check_sources


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
    name: str = attrs.field(
        default=attrs.Factory(lambda self: self.kind, takes_self=True), validator=check_part_name
    )
    """The tranche's name in property names (``tranche.<name>.amount``); by default its kind."""
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state the tranche's kind and condition."""

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
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state who provides it to whom, its chips and purpose."""
    prior: bool = attrs.field(default=False, validator=instance_of(bool))
    """The capacity was secured before the deal was announced (its ``by`` date may precede it)."""

    def __attrs_post_init__(self) -> None:
        if self.provider == self.recipient:
            raise InvariantError("provider and recipient must differ", self.provider, path="$.recipient")


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
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state who pays whom and what the spending covers."""

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
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state what happens and which chips are involved."""
    prior: bool = attrs.field(default=False, validator=instance_of(bool))
    """The step came before the deal was announced (its date may precede the announcement)."""


@final
@attrs.frozen
class Investor:
    """One investor's part in a deal: who invests in whom, how much, in which tranches.

    ``amount`` is this investor's own figure (``None`` when the text gives only
    the deal's total); ``role`` says what it is to the other investors.

    >>> i = Investor("acme", "lab", Estimate.at_most(CurrencyAmount.parse("$2B")),
    ...              (Tranche("immediate", Estimate.exact(CurrencyAmount.parse("$500M"))),), role="lead")
    >>> str(i.committed), str(i.immediate)
    ('up to 2000000000 USD', '500000000 USD')
    """

    party: str = attrs.field(validator=check_id)
    investee: str = attrs.field(validator=check_id)
    amount: Estimate[CurrencyAmount] | None = attrs.field(
        default=None, converter=optional_exact_money, validator=_optional_money
    )
    tranches: tuple[Tranche, ...] = attrs.field(default=(), validator=check_tuple_of(Tranche))
    role: InvestorRole = attrs.field(default="member", validator=one_of(*INVESTOR_ROLES))
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state who invests in whom."""

    def __attrs_post_init__(self) -> None:
        if self.party == self.investee:
            raise InvariantError("investor and investee must differ", self.party, path="$.investee")

    @property
    def immediate(self) -> Estimate[CurrencyAmount] | None:
        """The sum of this investor's immediate tranches, if any."""
        return sum_estimates(t.amount for t in self.tranches if t.is_immediate)

    @property
    def milestone_linked(self) -> Estimate[CurrencyAmount] | None:
        """The sum of this investor's milestone-linked tranches, if any."""
        return sum_estimates(t.amount for t in self.tranches if t.is_milestone_linked)

    @property
    def committed(self) -> Estimate[CurrencyAmount] | None:
        """This investor's own amount, else the sum of its tranches (``None``: the text gives neither)."""
        return self.amount if self.amount is not None else sum_estimates(t.amount for t in self.tranches)


@final
@attrs.frozen
class DealRelation:
    """How a deal stands to an earlier ``deal``: it ``follows``, ``extends`` or ``amends`` it.

    In a history's running totals, a deal that follows or extends another adds
    its money; one that amends another replaces the amended deal's figure with
    its own.

    >>> DealRelation("extends", "amazon-anthropic-2023").kind
    'extends'
    """

    kind: RelationKind = attrs.field(validator=one_of(*RELATION_KINDS))
    deal: str = attrs.field(validator=check_id)
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state the relation."""
    note: str = attrs.field(default="", validator=check_text)

    @property
    def adds(self) -> bool:
        """Whether the later deal's money comes on top of the earlier's (``follows``, ``extends``)."""
        return self.kind != "amends"


@final
@attrs.frozen
class Deal:
    """A deal: one or more investors putting money into investees, with commitments and milestones.

    ``investors`` holds each investor's part (its amount and tranches);
    ``investment`` is the deal's total over every investor.  ``investment`` and
    ``valuation`` take an estimate, or a plain amount for an exact one.  A deal
    may follow, extend or amend earlier deals (``relations``).

    Invariants (checked on construction, :func:`validate_deal`), per investor
    and in total: each investor's tranches fit its own amount, no investor's
    amount is above the total, the investors' amounts and all tranches together
    fit the total, all in one currency; no tranche is dated certainly before the
    announcement; an investor and its investee differ; names of parts (tranches
    included) are unique; and the rules of :data:`DEAL_RULES`: nothing dated
    certainly before the announcement unless marked ``prior``, and a valuation
    above every floor the investment, the investors and the tranches state.
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    announced: PartialDate = attrs.field(validator=instance_of(PartialDate))
    investors: tuple[Investor, ...] = attrs.field(validator=check_tuple_of(Investor, min_items=1))
    investment: Estimate[CurrencyAmount] | None = attrs.field(
        default=None, converter=optional_exact_money, validator=_optional_money
    )
    valuation: Estimate[CurrencyAmount] | None = attrs.field(
        default=None, converter=optional_exact_money, validator=_optional_money
    )
    compute: tuple[ComputeCommitment, ...] = attrs.field(
        default=(), validator=check_tuple_of(ComputeCommitment)
    )
    spend: tuple[SpendCommitment, ...] = attrs.field(default=(), validator=check_tuple_of(SpendCommitment))
    milestones: tuple[Milestone, ...] = attrs.field(default=(), validator=check_tuple_of(Milestone))
    summary: str = attrs.field(default="", validator=check_text)
    relations: tuple[DealRelation, ...] = attrs.field(default=(), validator=check_tuple_of(DealRelation))
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=_sources)
    """The words that state who takes part in the deal."""

    def __attrs_post_init__(self) -> None:
        validate_deal(self)

    @classmethod
    def single(
        cls,
        id: str,
        title: str,
        announced: PartialDate,
        investor: str,
        investee: str,
        *,
        investment: Estimate[CurrencyAmount] | CurrencyAmount | None = None,
        valuation: Estimate[CurrencyAmount] | CurrencyAmount | None = None,
        tranches: tuple[Tranche, ...] = (),
        compute: tuple[ComputeCommitment, ...] = (),
        spend: tuple[SpendCommitment, ...] = (),
        milestones: tuple[Milestone, ...] = (),
        summary: str = "",
        relations: tuple[DealRelation, ...] = (),
        sources: tuple[Source, ...] = (),
    ) -> Deal:
        """A deal with one investor (its lead), as the shorthand ``investor``/``investee`` of a catalog file.

        >>> from dealkit import CurrencyAmount
        >>> d = Deal.single("a-b", "A backs B", PartialDate.parse("2026"), "a", "b",
        ...                 investment=CurrencyAmount.parse("$1B"))
        >>> d.investor, d.investee, d.investors[0].role, str(d.investment)
        ('a', 'b', 'lead', '1000000000 USD')
        """
        lead = Investor(investor, investee, tranches=tranches, role="lead")
        return cls(
            id, title, announced, (lead,), investment, valuation, compute, spend, milestones, summary,
            relations, sources,
        )

    @property
    def lead(self) -> Investor:
        """The lead investor: the first with ``role="lead"``, else the first listed."""
        return next((i for i in self.investors if i.role == "lead"), self.investors[0])

    @property
    def investor(self) -> str:
        """The lead investor's party id."""
        return self.lead.party

    @property
    def investee(self) -> str:
        """The lead investor's investee."""
        return self.lead.investee

    @property
    def tranches(self) -> tuple[Tranche, ...]:
        """Every tranche of every investor, in order."""
        if len(self.investors) == 1:
            return self.investors[0].tranches
        return tuple(t for i in self.investors for t in i.tranches)

    @property
    def immediate(self) -> Estimate[CurrencyAmount] | None:
        """The sum of the immediate tranches of every investor, if any."""
        return sum_estimates(t.amount for t in self.tranches if t.is_immediate)

    @property
    def milestone_linked(self) -> Estimate[CurrencyAmount] | None:
        """The sum of the milestone-linked tranches of every investor, if any."""
        return sum_estimates(t.amount for t in self.tranches if t.is_milestone_linked)

    def amount_of(self, party: str) -> Estimate[CurrencyAmount] | None:
        """What ``party`` puts into the deal: its own amount, else (the only investor) the total, else its tranches.

        ``None`` when the party is no investor or the text gives no figure for it.
        """
        mine = [i for i in self.investors if i.party == party]
        if not mine:
            return None
        if len(self.investors) == 1 and mine[0].amount is None and self.investment is not None:
            return self.investment
        parts = [i.committed for i in mine]
        if any(p is None for p in parts):
            return None
        return sum_positive(p for p in parts if p is not None)

    @property
    def parties(self) -> tuple[str, ...]:
        """Every party id named in the deal, in order of first mention."""
        ids: list[str] = []
        for i in self.investors:
            ids += [i.party, i.investee]
        for c in self.compute:
            ids += [c.provider, c.recipient]
        for s in self.spend:
            ids += [s.payer, s.payee]
        return tuple(dict.fromkeys(ids))


def sum_estimates(items: Iterable[Estimate[CurrencyAmount]]) -> Estimate[CurrencyAmount] | None:
    """The interval sum of estimates (``None`` for none); an open bound of any part stays open."""
    total: Estimate[CurrencyAmount] | None = None
    for e in items:
        total = e if total is None else total + e
    return total


def sum_positive(items: Iterable[Estimate[CurrencyAmount]]) -> Estimate[CurrencyAmount] | None:
    """The sum of estimates of positive amounts: an open lower bound counts as zero, not as unknown.

    "Up to $25B" on top of exactly $8B is $8B .. $33B: amounts are never negative,
    so an "up to" adds at least nothing.

    >>> e = sum_positive([Estimate.exact(CurrencyAmount.parse("$8B")), Estimate.at_most(CurrencyAmount.parse("$25B"))])
    >>> str(e)
    '8000000000 USD .. 33000000000 USD'
    """
    parts = list(items)
    if not parts:
        return None
    lows = [e.low for e in parts if e.low is not None]
    highs = [e.high for e in parts if e.high is not None]
    low = _sum_amounts(lows)
    high = _sum_amounts(highs) if len(highs) == len(parts) else None
    if low is None and high is None:
        raise DealkitError("no bound of the sum is known", [str(e) for e in parts])
    return Estimate.from_bounds(low, high)


def validate_deal(deal: Deal) -> None:
    """Check the cross-field invariants of a deal; raise :class:`InvariantError` on the first broken one.

    Per investor and in total: each investor's tranches fit its own amount; no
    investor's amount is above the deal's total; the investors' amounts together,
    and every tranche together, fit the total; then the rules of :data:`DEAL_RULES`.
    Messages are written only when a check fails: a valid deal (nearly every one
    loaded) costs no text.
    """
    if not isinstance(deal, Deal):
        raise InvalidValueError(f"'deal' must be a Deal, not {type(deal).__name__}", deal)
    tranches = deal.tranches
    _check_names(deal, tranches)
    for i, tranche in enumerate(tranches):
        if tranche.date is not None and tranche.date < deal.announced:
            raise InvariantError(
                f"tranche is dated before the announcement ({deal.announced})",
                str(tranche.date),
                path=_tranche_path(deal, i) + ".date",
            )
    total = deal.investment
    several = len(deal.investors) > 1
    for j, investor in enumerate(deal.investors):
        if investor.party == investor.investee:
            raise InvariantError("investor and investee must differ", investor.party, path=f"$.investors[{j}].investee")
        amount = investor.amount
        if amount is None:
            continue
        if investor.tranches:
            _check_parts(
                [t.amount for t in investor.tranches], amount, f"$.investors[{j}].tranches",
                f"the tranches of {investor.party}", "its amount of",
            )
        if total is not None and _above(amount, total):
            raise InvariantError(
                f"{investor.party}'s amount ({amount}) is above the deal's total investment ({total})",
                str(amount), path=f"$.investors[{j}].amount",
            )
    if total is not None and several:
        shares = [i.amount for i in deal.investors if i.amount is not None]
        if len(shares) > 1:
            _check_parts(
                shares, total, "$.investors", "the investors' amounts", "the investment of",
                complete=len(shares) == len(deal.investors),
            )
    if tranches:
        amounts = [t.amount for t in tranches]
        if total is None:
            try:
                sum_estimates(amounts)
            except DealkitError as exc:
                raise InvariantError(f"tranches do not add up: {exc.reason}", exc.value, path="$.tranches") from None
        else:
            # Investors without tranches may add more: the tranches are complete only when every investor has some.
            _check_parts(
                amounts, total, "$.tranches", "tranches", "the investment of",
                complete=not several or all(i.tranches for i in deal.investors),
            )
    for rule in DEAL_RULES:
        rule(deal)


# -- the rules a deal's terms imply, each on its own ------------------------------------------------
#
# Each rule reads one deal and raises InvariantError at the path of the first item that breaks it.
# docs/errors.md lists them, with an example each; tests/test_integrity.py breaks each alone.
# (Each named tranche once is checked with the other names, in _check_names.)

#: A check of one deal: raises :class:`~dealkit.InvariantError`, or returns.
DealRule = Callable[["Deal"], None]


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
    """The valuation can exceed what the investment, the investors and the tranches certainly amount to.

    Otherwise the stake those amounts buy would be above 100 % at every valuation the
    claims allow.  An "up to" valuation has no floor of its own; its ceiling must clear
    the floors: the investment's, the investors' amounts together, and the tranches
    together (amounts are positive, so the floor of several is at least any one's).
    """
    if deal.valuation is None or deal.valuation.high is None:
        return
    ceiling = deal.valuation.high
    tranche_lows = [t.amount.low for t in deal.tranches if t.amount.low is not None]
    investor_lows = [i.amount.low for i in deal.investors if i.amount is not None and i.amount.low is not None]
    try:
        floors = (
            ("the investment", None if deal.investment is None else deal.investment.low),
            ("the investors' amounts together", _sum_amounts(investor_lows)),
            ("the tranche" if len(deal.tranches) == 1 else "the tranches together", _sum_amounts(tranche_lows)),
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
DEAL_RULES: Final[tuple[DealRule, ...]] = (dated_from_announcement, valuation_above_floors)


def _tranche_path(deal: Deal, index: int) -> str:
    """The path of the ``index``-th tranche of the deal (counted over every investor)."""
    for j, investor in enumerate(deal.investors):
        if index < len(investor.tranches):
            return f"$.investors[{j}].tranches[{index}]"
        index -= len(investor.tranches)
    return "$.tranches"  # pragma: no cover - the index is always in range


def _check_names(deal: Deal, tranches: tuple[Tranche, ...]) -> None:
    sections: tuple[tuple[str, Sequence[ComputeCommitment | SpendCommitment | Milestone]], ...] = (
        ("compute", deal.compute), ("spend", deal.spend), ("milestones", deal.milestones)
    )
    for section, items in sections:
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.name in seen:
                raise InvariantError("duplicate name", item.name, path=f"$.{section}[{i}].name")
            seen.add(item.name)
    # Tranches are named across every investor: a property names a tranche by its name alone.
    if len(tranches) < 2 and len(deal.investors) < 2 and not deal.relations:
        return
    names: set[str] = set()
    for i, tranche in enumerate(tranches):
        if tranche.name in names:
            raise InvariantError(
                "duplicate tranche name (name each tranche when a kind recurs)", tranche.name,
                path=_tranche_path(deal, i) + ".name",
            )
        names.add(tranche.name)
    pairs: set[tuple[str, str]] = set()
    for j, investor in enumerate(deal.investors):
        key = (investor.party, investor.investee)
        if key in pairs:
            raise InvariantError("the same investor is listed twice for one investee", investor.party,
                                 path=f"$.investors[{j}].party")
        pairs.add(key)
    related: set[tuple[str, str]] = set()
    for k, relation in enumerate(deal.relations):
        if relation.deal == deal.id:
            raise InvariantError(f"a deal cannot {relation.kind.removesuffix('s')} itself", relation.deal,
                                 path=f"$.relations[{k}].deal")
        if (relation.kind, relation.deal) in related:
            raise InvariantError("duplicate relation", relation.deal, path=f"$.relations[{k}].deal")
        related.add((relation.kind, relation.deal))


def _above(part: Estimate[CurrencyAmount], whole: Estimate[CurrencyAmount]) -> bool:
    """Whether ``part`` is certainly above ``whole`` (its floor over the whole's ceiling)."""
    try:
        return part.low is not None and whole.high is not None and whole.high < part.low
    except DealkitError as exc:
        raise InvariantError(f"amounts disagree: {exc.reason}", exc.value, path="$.investment") from None


def _check_parts(
    parts: Sequence[Estimate[CurrencyAmount]],
    whole: Estimate[CurrencyAmount],
    path: str,
    what: str,
    whole_words: str,
    *,
    complete: bool = True,
) -> None:
    """Parts (of positive amounts) must fit the whole: their floor not above it, and (``complete``) their ceiling not below it.

    ``whole_words`` names the whole ("the investment of"); the figure follows it in a message.
    """
    try:
        total = sum_estimates(parts)
        assert total is not None
        # Amounts are positive, so an "up to" part adds at least nothing: the parts'
        # floor is the sum of the lower bounds they do state.
        floor = _sum_amounts([p.low for p in parts if p.low is not None])
        fits = _fits(total, floor, whole, complete=complete)
    except DealkitError as exc:
        raise InvariantError(
            f"{what} and {whole_words} {whole} disagree: {exc.reason}", exc.value, path=path
        ) from None
    if not fits:
        raise InvariantError(f"{what} add up to {total}, which cannot fit {whole_words} {whole}", str(total), path=path)


def _sum_amounts(amounts: list[CurrencyAmount]) -> CurrencyAmount | None:
    total: CurrencyAmount | None = None
    for a in amounts:
        total = a if total is None else total + a
    return total


def _fits(
    parts: Estimate[CurrencyAmount],
    floor: CurrencyAmount | None,
    whole: Estimate[CurrencyAmount],
    *,
    complete: bool = True,
) -> bool:
    # The parts fit when their bounds overlap the whole's.  An "up to" whole has
    # an implicit floor of zero, so parts above zero never contradict it from below;
    # parts that are not all of the whole (``complete`` false) may fall short of it.
    if floor is not None and whole.high is not None and whole.high < floor:
        return False
    if complete and whole.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST, Qualifier.RANGE):
        if parts.high is not None and whole.low is not None and parts.high < whole.low:
            return False
    return True

