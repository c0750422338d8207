"""Checking a catalog's content and assembling its deals: a pure function of parties, shapes and claims.

:func:`assemble` is the second and third of the catalog's steps (read, check,
assemble).  It reads nothing and changes nothing: the same parties, shapes and
claims always give the same deals, or the same problems, in the same order.
Every way of making a :class:`~dealkit.Catalog` goes through it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

from .._args import check_callable, check_instance, check_items
from .._errors import DealkitError, InvalidValueError, Problem
from .._model import (
    Claim,
    ComputeCommitment,
    Deal,
    Milestone,
    Party,
    Rank,
    SpendCommitment,
    Tranche,
    property_name,
)
from .._values import Estimate, Qualifier
from ._shapes import DealShape

__all__ = ["ASSEMBLY_RULES", "Assembly", "AssemblyRule", "Locate", "assemble", "best_claims"]

#: Where a path of the merged catalog (``$.claims[7]``) stands in its file: ``(file, path)``.
Locate = Callable[[str], tuple[str | None, str]]
#: Claims by (subject, property), best rank first.
ClaimIndex = dict[tuple[str, str], tuple[Claim, ...]]


def _here(path: str) -> tuple[str | None, str]:
    return None, path


class Assembly:
    """The outcome of :func:`assemble`: the deals by id, in shape order, and every problem found."""

    __slots__ = ("deals", "problems")

    def __init__(self, deals: dict[str, Deal], problems: list[Problem]) -> None:
        self.deals: Final = deals
        self.problems: Final = problems


def best_claims(claims: Sequence[Claim]) -> ClaimIndex:
    """Claims by (subject, property), best rank first; a stable sort keeps file order within a rank.

    Building a deal looks up each of its figures here, so a large catalog builds in
    linear time rather than scanning every claim per figure.
    """
    index: dict[tuple[str, str], list[Claim]] = {}
    for c in check_items(claims, Claim, "claims", "Claims"):
        index.setdefault((c.subject, c.property), []).append(c)
    return {key: tuple(sorted(found, key=lambda c: c.rank.order)) for key, found in index.items()}


def _best(index: ClaimIndex, subject: str, prop: str) -> Claim | None:
    for c in index.get((subject, prop), ()):
        if c.rank is not Rank.DEPRECATED:
            return c
    return None


def assemble(
    parties: Sequence[Party],
    shapes: Sequence[DealShape],
    claims: Sequence[Claim],
    *,
    index: ClaimIndex | None = None,
    locate: Locate | None = None,
) -> Assembly:
    """Check parties, shapes and claims together and build every deal from its best claims.

    Problems carry the path of the offending item in the merged catalog
    (``$.claims[7].kind``), or where ``locate`` puts it (a file and the path in it).
    """
    parties = check_items(parties, Party, "parties", "Parties")
    shapes = check_items(shapes, DealShape, "shapes", "DealShapes")
    claims = check_items(claims, Claim, "claims", "Claims")
    index = best_claims(claims) if index is None else check_instance(index, dict, "index", "a dict")
    locate = _here if locate is None else check_callable(locate, "locate")
    problems = list(_duplicates(parties, shapes, claims, locate))
    problems += _references(parties, shapes, claims, locate)
    for rule in ASSEMBLY_RULES:
        problems += rule(parties, shapes, claims, locate)
    deals: dict[str, Deal] = {}
    for i, s in enumerate(shapes):
        if s.id in deals:
            continue  # a duplicate, reported above
        file, path = locate(f"$.deals[{i}]")
        try:
            deals[s.id] = build_deal(s, index)
        except DealkitError as exc:
            problems += [
                Problem(p.reason, path + p.path.removeprefix("$"), p.value, file) for p in exc.problems
            ]
    return Assembly(deals, problems)


def _duplicates(
    parties: Sequence[Party], shapes: Sequence[DealShape], claims: Sequence[Claim], locate: Locate
) -> Iterator[Problem]:
    # Parties and deals share one namespace of ids (a claim's subject is either); claims have their own.
    seen: dict[tuple[str, str], str] = {}
    sections: tuple[tuple[str, str, Sequence[Party | DealShape | Claim]], ...] = (
        ("parties", "party-or-deal", parties), ("deals", "party-or-deal", shapes), ("claims", "claim", claims),
    )
    for section, namespace, items in sections:
        for i, item in enumerate(items):
            file, here = locate(f"$.{section}[{i}].id")
            key = (namespace, item.id)
            if key in seen:
                yield Problem(f"duplicate id (first at {seen[key]})", here, item.id, file)
            else:
                seen[key] = f"{file or '<data>'} {here}"


def _references(
    parties: Sequence[Party], shapes: Sequence[DealShape], claims: Sequence[Claim], locate: Locate
) -> Iterator[Problem]:
    party_ids = {p.id for p in parties}
    deal_ids = {s.id for s in shapes}
    for i, p in enumerate(parties):
        if p.parent is not None and p.parent not in party_ids:
            file, path = locate(f"$.parties[{i}]")
            yield Problem("parent is not a known party", f"{path}.parent", p.parent, file)
    slots = {s.id: s.slots() for s in shapes}
    preferred: dict[tuple[str, str, str], str] = {}
    for i, c in enumerate(claims):
        file, path = locate(f"$.claims[{i}]")
        if c.subject not in party_ids and c.subject not in deal_ids:
            yield Problem("subject is neither a known deal nor a known party", f"{path}.subject", c.subject, file)
        expected = slots.get(c.subject, {}).get(c.property)
        if expected is not None and expected != c.kind:
            yield Problem(f"property {c.property!r} holds {expected} figures, not {c.kind}", f"{path}.kind", c.kind, file)
        if c.rank is Rank.PREFERRED:
            key = (c.subject, c.property, str(c.as_of))
            if key in preferred:
                yield Problem(
                    f"a second preferred claim for the same subject and property (first: {preferred[key]}); "
                    "merge their sources or rank one lower",
                    f"{path}.rank", c.id, file,
                )
            preferred[key] = c.id


# -- rules across items ---------------------------------------------------------------------------
#
# What one item cannot check on its own: a deal and the parties it names, a party and its
# parents, a claim and the deal it is about.  Each rule reads the whole catalog once (linear in
# its size) and yields a problem at the path of each offending item.  docs/errors.md lists them,
# with an example each; tests/test_integrity.py breaks each alone.

#: A check across the items of a catalog: yields every problem it finds.
AssemblyRule = Callable[[Sequence[Party], Sequence[DealShape], Sequence[Claim], Locate], Iterable[Problem]]


def named_parties_exist(
    parties: Sequence[Party], shapes: Sequence[DealShape], claims: Sequence[Claim], locate: Locate
) -> Iterator[Problem]:
    """Every party a deal names (investor, investee, provider, recipient, payer, payee) exists,
    and is an organisation, not a reference yardstick."""
    kinds = {p.id: p.kind for p in parties}
    for i, s in enumerate(shapes):
        file, path = locate(f"$.deals[{i}]")
        for where, party_id in s.named_parties():
            kind = kinds.get(party_id)
            if kind is None:
                yield Problem("not a known party", f"{path}.{where}", party_id, file)
            elif kind == "reference":
                yield Problem("a reference yardstick takes no part in deals", f"{path}.{where}", party_id, file)


def parents_form_no_cycle(
    parties: Sequence[Party], shapes: Sequence[DealShape], claims: Sequence[Claim], locate: Locate
) -> Iterator[Problem]:
    """No party is its own parent, directly or through others; each cycle is reported once, at
    its first party in file order."""
    parent = {p.id: p.parent for p in parties}
    index = {p.id: i for i, p in reversed(list(enumerate(parties)))}
    state: dict[str, int] = {}  # 1: on the chain being walked, 2: done
    for start in parent:
        chain: list[str] = []
        node: str | None = start
        while node is not None and node in parent and node not in state:
            state[node] = 1
            chain.append(node)
            node = parent[node]
        if node is not None and state.get(node) == 1:
            cycle = chain[chain.index(node):]
            first = min(cycle, key=index.__getitem__)
            file, path = locate(f"$.parties[{index[first]}]")
            loop = " -> ".join([*cycle[cycle.index(first):], *cycle[: cycle.index(first)], first])
            reason = "a party cannot be its own parent" + ("" if len(cycle) == 1 else f" ({loop})")
            yield Problem(reason, f"{path}.parent", parent[first], file)
        for done in chain:
            state[done] = 2


def deal_terms_undated(
    parties: Sequence[Party], shapes: Sequence[DealShape], claims: Sequence[Claim], locate: Locate
) -> Iterator[Problem]:
    """The claims a deal is built from (its terms) carry no ``as_of``: terms are fixed when the
    deal is announced, and only figures that change over time (revenue, capital spending) are dated."""
    slots = {s.id: s.slots() for s in shapes}
    for i, c in enumerate(claims):
        if c.as_of is not None and c.property in slots.get(c.subject, ()):
            file, path = locate(f"$.claims[{i}]")
            yield Problem(
                f"{c.property!r} is a term of the deal, fixed at its announcement: it takes no 'as_of'",
                f"{path}.as_of", str(c.as_of), file,
            )


#: The rules across items that :func:`assemble` applies, in order, after ids and references.
ASSEMBLY_RULES: Final[tuple[AssemblyRule, ...]] = (named_parties_exist, parents_form_no_cycle, deal_terms_undated)


@contextmanager
def _within(prefix: str) -> Iterator[None]:
    # A part of a deal that refuses its figures is reported at the part's path.
    try:
        yield
    except DealkitError as exc:
        raise exc.located(prefix) from None


def build_deal(s: DealShape, index: ClaimIndex) -> Deal:
    """The deal ``s`` declares, each figure taken from its best claim; raises :class:`~dealkit.DealkitError`."""
    check_instance(s, DealShape, "s", "a DealShape")
    check_instance(index, dict, "index", "a dict of claims by (subject, property), as best_claims gives")

    def figure(prop: str) -> Estimate[Any] | None:
        claim = _best(index, s.id, prop)
        return None if claim is None else claim.value

    def required(prop: str, path: str) -> Estimate[Any]:
        found = figure(prop)
        if found is None:
            raise InvalidValueError(f"no claim for {prop!r}", s.id, path=path)
        return found

    announced = figure(property_name("deal", "announced"))
    if announced is None:
        raise InvalidValueError("the deal has no claim for 'announced'", s.id, path="$.id")
    if announced.qualifier is not Qualifier.EXACT:
        raise InvalidValueError("'announced' must be an exact date", str(announced), path="$.id")
    tranches = []
    for i, t in enumerate(s.tranches):
        amount = required(property_name("tranche", "amount", t.kind), "$.tranches")
        date = figure(property_name("tranche", "date", t.kind))
        with _within(f"$.tranches[{i}]"):
            tranches.append(Tranche(t.kind, amount, None if date is None else date.value, t.condition))
    compute = []
    for i, c in enumerate(s.compute):
        capacity = required(property_name("compute", "capacity", c.name), "$.compute")
        with _within(f"$.compute[{i}]"):
            compute.append(ComputeCommitment(
                c.name, capacity, c.provider, c.recipient, c.chips,
                figure(property_name("compute", "by", c.name)), c.description, c.prior,
            ))
    spend = []
    for i, sp in enumerate(s.spend):
        amount = required(property_name("spend", "amount", sp.name), "$.spend")
        term = figure(property_name("spend", "term", sp.name))
        with _within(f"$.spend[{i}]"):
            spend.append(SpendCommitment(
                sp.name, sp.payer, sp.payee, amount, None if term is None else term.value, sp.covers
            ))
    milestones = []
    for i, m in enumerate(s.milestones):
        date = required(property_name("milestone", "date", m.name), "$.milestones")
        with _within(f"$.milestones[{i}]"):
            milestones.append(Milestone(
                m.name, m.description, date, figure(property_name("milestone", "capacity", m.name)), m.chips,
                m.prior,
            ))
    return Deal(
        id=s.id, title=s.title, announced=announced.value, investor=s.investor, investee=s.investee,
        investment=figure(property_name("deal", "investment")),
        valuation=figure(property_name("deal", "valuation")),
        tranches=tuple(tranches), compute=tuple(compute), spend=tuple(spend),
        milestones=tuple(milestones), summary=s.summary,
    )
