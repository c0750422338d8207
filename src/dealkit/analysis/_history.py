"""Deal histories: the deals between two parties' groups, in order, with running totals and honest bounds.

A deal may follow, extend or amend an earlier one (``relations`` in the
catalog).  :func:`deal_history` orders the deals between an investor's group
and an investee's group so that each comes after the deals it relates to
(then by announcement), and keeps a running total of what the investor's
group has committed:

- a deal that **follows** or **extends** another adds its money;
- a deal that **amends** another replaces the amended deal's figure with its own.

Totals are sums of positive amounts: an "up to" adds at least nothing, so
exactly $8B and then up to $25B more is $8B .. $33B, written "$8B plus up to
$25B".  A deal whose amount the text does not give leaves the total open above.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import Any, final

import attrs

from .._args import check_instance, check_items
from .._errors import InvalidValueError
from .._model import (
    Conflict,
    Deal,
    DealRelation,
    check_id,
    check_text,
    check_tuple_of,
    estimate_of,
    instance_of,
    property_name,
    sum_positive,
)
from .._typing import JSONValue
from .._values import Certainty, CurrencyAmount, Estimate, PartialDate
from ..catalog import Catalog
from ._json import json_table

__all__ = ["Contribution", "Cumulative", "DealHistory", "HistoryEntry", "deal_history"]


@final
@attrs.frozen
class Contribution:
    """One deal's figure within a running total.

    .. versionadded:: 0.2
    """

    deal: str = attrs.field(validator=check_id)
    amount: Estimate[CurrencyAmount] = attrs.field(validator=estimate_of(CurrencyAmount))


@final
@attrs.frozen
class Cumulative:
    """A running total of commitments: the amounts that stand, and their sum with honest bounds.

    >>> usd = CurrencyAmount.parse
    >>> c = Cumulative.of((Contribution("a", Estimate.exact(usd("$8B"))), Contribution("b", Estimate.at_most(usd("$25B")))))
    >>> c.text, str(c.total)
    ('8000000000 USD plus up to 25000000000 USD', '8000000000 USD .. 33000000000 USD')

    .. versionadded:: 0.2
    """

    parts: tuple[Contribution, ...] = attrs.field(validator=check_tuple_of(Contribution))
    """The figure of every deal that stands, in history order."""
    total: Estimate[CurrencyAmount] | None = attrs.field(validator=estimate_of(CurrencyAmount, optional=True))
    """The sum: lower bounds add (an "up to" adds nothing), upper bounds add while all are known."""
    unknown: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    """Deals in the total whose amount no claim gives: the total has no upper bound then."""
    possibly: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    """Deals left out of a total as of a day that were possibly (not certainly) announced by then."""

    @classmethod
    def of(
        cls,
        parts: tuple[Contribution, ...],
        unknown: tuple[str, ...] = (),
        possibly: tuple[str, ...] = (),
    ) -> Cumulative:
        """The running total of ``parts``; any ``unknown`` amount leaves it open above."""
        parts = check_items(parts, Contribution, "parts", "Contributions")
        unknown = check_items(unknown, str, "unknown", "deal ids")
        possibly = check_items(possibly, str, "possibly", "deal ids")
        total = sum_positive(p.amount for p in parts) if parts else None
        if total is not None and unknown:
            total = None if total.low is None else Estimate.at_least(total.low)
        return cls(parts, total, unknown, possibly)

    @property
    def text(self) -> str:
        """The parts in words: ``"8000000000 USD plus up to 25000000000 USD"`` (``"nothing known"`` for none)."""
        words = [str(p.amount) for p in self.parts] + ["an amount no claim gives" for _ in self.unknown]
        return " plus ".join(words) or "nothing known"

    def to_json(self) -> dict[str, JSONValue]:
        """The running total as plain JSON: ``dealkit.converter.unstructure(self)``, its one JSON form."""
        return json_table(self)


@final
@attrs.frozen
class HistoryEntry:
    """One deal of a history: what it adds or replaces, and the running total after it.

    .. versionadded:: 0.2
    """

    deal: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    announced: PartialDate = attrs.field(validator=instance_of(PartialDate))
    amount: Estimate[CurrencyAmount] | None = attrs.field(validator=estimate_of(CurrencyAmount, optional=True))
    """What the investor's group puts into the investee's group in this deal (``None``: no claim gives it)."""
    relations: tuple[DealRelation, ...] = attrs.field(validator=check_tuple_of(DealRelation))
    """The deal's relations to earlier deals of this history."""
    cumulative: Cumulative = attrs.field(validator=instance_of(Cumulative))
    """The running total after this deal."""
    claims: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    """The claims the amount comes from."""

    @property
    def replaces(self) -> tuple[str, ...]:
        """The deals whose figures this one replaces (those it amends)."""
        return tuple(r.deal for r in self.relations if r.kind == "amends")


@final
@attrs.frozen
class DealHistory:
    """The deals from one party's group to another's, ordered by their relations, with running totals.

    .. versionadded:: 0.2
    """

    investor: str = attrs.field(validator=check_id)
    """The head of the investing group."""
    investee: str = attrs.field(validator=check_id)
    """The head of the group invested in."""
    entries: tuple[HistoryEntry, ...] = attrs.field(validator=check_tuple_of(HistoryEntry))
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), validator=check_tuple_of(Conflict))
    """Recorded conflicts about the claims of these deals (e.g. a total read as new money)."""

    @property
    def total(self) -> Cumulative:
        """The running total after the last deal (every deal of the history)."""
        return self.entries[-1].cumulative if self.entries else Cumulative.of(())

    def as_of(self, day: PartialDate | str) -> Cumulative:
        """The total of the deals certainly announced by ``day``, and of those they follow, extend or amend.

        Deals only *possibly* announced by then are left out and named in ``possibly``.

        >>> from dealkit import builtin_catalog
        >>> h = deal_history(builtin_catalog(), "amazon", "anthropic")
        >>> h.as_of("2026-04-20").text, h.as_of("2025").text
        ('8000000000 USD plus up to 25000000000 USD', '1250000000 USD')
        >>> h.as_of("2025").possibly
        ('amazon-anthropic-before-2026',)
        """
        when = PartialDate.parse(day) if isinstance(day, str) else day
        if not isinstance(when, PartialDate):
            raise InvalidValueError("day must be a PartialDate or date text like '2026-04-20'", day)
        by_id = {e.deal: e for e in self.entries}
        kept: set[str] = set()
        todo = [e.deal for e in self.entries if e.announced.reached_by(when) is Certainty.CERTAINLY]
        while todo:  # what a kept deal relates to came before it
            deal = todo.pop()
            if deal not in kept:
                kept.add(deal)
                todo += [r.deal for r in by_id[deal].relations]
        possibly = tuple(
            e.deal for e in self.entries
            if e.deal not in kept and e.announced.reached_by(when) is Certainty.POSSIBLY
        )
        totals = _running([e for e in self.entries if e.deal in kept])
        last = totals[-1] if totals else Cumulative.of(())
        return attrs.evolve(last, possibly=possibly)

    def to_json(self) -> dict[str, JSONValue]:
        """The history as plain JSON: ``dealkit.converter.unstructure(self)``, its one JSON form."""
        return json_table(self)


def _running(entries: Iterable[HistoryEntry]) -> list[Cumulative]:
    """The running totals after each entry: amendments replace, other deals add."""
    standing: dict[str, Estimate[CurrencyAmount] | None] = {}
    out: list[Cumulative] = []
    for e in entries:
        for replaced in e.replaces:
            standing.pop(replaced, None)
        standing[e.deal] = e.amount
        out.append(Cumulative.of(
            tuple(Contribution(d, a) for d, a in standing.items() if a is not None),
            tuple(d for d, a in standing.items() if a is None),
        ))
    return out


def _amount(catalog: Catalog, deal: Deal, investors: list[str]) -> tuple[Estimate[CurrencyAmount] | None, tuple[str, ...]]:
    """What ``investors`` put into the deal (as :meth:`Deal.amount_of` reads it), and the claims it comes from."""
    amounts = [deal.amount_of(p) for p in investors]
    if any(a is None for a in amounts):
        return None, ()
    props: list[str] = []
    for inv in [i for i in deal.investors if i.party in investors]:
        party = inv.party
        if inv.amount is not None:
            props.append(property_name("investor", "amount", party))
        elif len(deal.investors) == 1 and deal.investment is not None:
            props.append(property_name("deal", "investment"))
        else:
            props += [property_name("tranche", "amount", t.name) for t in inv.tranches]
    used = tuple(dict.fromkeys(c.id for p in props if (c := catalog.best(deal.id, p)) is not None))
    return sum_positive(a for a in amounts if a is not None), used


def deal_history(catalog: Catalog, investor: str, investee: str) -> DealHistory:
    """The deals in which ``investor``'s group invests in ``investee``'s group, in order, with running totals.

    Groups follow ``parent``: a deal of AWS counts for Amazon.  Deals are ordered
    so that each comes after the deals it follows, extends or amends, then by
    announcement; the running total adds what follows or extends and replaces
    what is amended.

    >>> from dealkit import builtin_catalog
    >>> h = deal_history(builtin_catalog(), "amazon", "anthropic")
    >>> [(e.deal, e.cumulative.text) for e in h.entries]  # doctest: +NORMALIZE_WHITESPACE
    [('amazon-anthropic-2023', '1250000000 USD'),
     ('amazon-anthropic-before-2026', '8000000000 USD'),
     ('amazon-anthropic-2026', '8000000000 USD plus up to 25000000000 USD')]
    >>> str(h.total.total)
    '8000000000 USD .. 33000000000 USD'

    Raises:
        UnknownDealError: either party is not in the catalog.

    .. versionadded:: 0.2
    """
    check_instance(catalog, Catalog, "catalog", "a Catalog")
    a, b = catalog.party(investor).id, catalog.party(investee).id  # unknown parties raise here
    head_a, head_b = catalog.group_of(a), catalog.group_of(b)
    found: dict[str, tuple[Deal, list[str]]] = {}
    for deal in catalog.deals():
        mine = [i.party for i in deal.investors
                if catalog.group_of(i.party) == head_a and catalog.group_of(i.investee) == head_b]
        if mine:
            found[deal.id] = (deal, list(dict.fromkeys(mine)))
    order = {deal_id: n for n, deal_id in enumerate(catalog.deal_ids())}
    earlier = {d: [r.deal for r in deal.relations if r.deal in found] for d, (deal, _) in found.items()}
    # Kahn's algorithm: a deal comes after those it relates to; ties by announcement, then file order.
    waiting = {d: len(set(e)) for d, e in earlier.items()}
    later: dict[str, list[str]] = {d: [] for d in found}
    for d, before in earlier.items():
        for x in set(before):
            later[x].append(d)

    def key(d: str) -> tuple[Any, ...]:
        return (*found[d][0].announced.sort_key(), order[d], d)

    ready = [key(d) for d, n in waiting.items() if n == 0]
    heapq.heapify(ready)
    ordered: list[str] = []
    while ready:
        d = heapq.heappop(ready)[-1]
        ordered.append(d)
        for nxt in later[d]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0:
                heapq.heappush(ready, key(nxt))
    entries: list[HistoryEntry] = []
    for d in ordered:  # assembly refuses history cycles, so every deal is ordered
        deal, investors = found[d]
        amount, used = _amount(catalog, deal, investors)
        related = tuple(r for r in deal.relations if r.deal in found)
        entries.append(HistoryEntry(d, deal.title, deal.announced, amount, related, Cumulative.of(()), used))
    totals = _running(entries)
    entries = [attrs.evolve(e, cumulative=t) for e, t in zip(entries, totals, strict=True)]
    claim_ids = [c.id for d in ordered for c in catalog.claims_about_deal(d)]
    return DealHistory(head_a, head_b, tuple(entries), catalog.conflicts_about(claim_ids))
