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
from .._errors import CatalogError, DealkitError, InvalidValueError, Problem
from .._model import (
    Claim,
    ComputeCommitment,
    Conflict,
    Deal,
    Investor,
    Milestone,
    Party,
    Rank,
    SpendCommitment,
    Tranche,
    WebSource,
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
    conflicts: Sequence[Conflict] = (),
    index: ClaimIndex | None = None,
    locate: Locate | None = None,
) -> Assembly:
    """Check parties, shapes, claims and recorded conflicts together and build every deal from its best claims.

    Problems carry the path of the offending item in the merged catalog
    (``$.claims[7].kind``), or where ``locate`` puts it (a file and the path in it).
    """
    parties = check_items(parties, Party, "parties", "Parties")
    shapes = check_items(shapes, DealShape, "shapes", "DealShapes")
    claims = check_items(claims, Claim, "claims", "Claims")
    conflicts = check_items(conflicts, Conflict, "conflicts", "Conflicts")
    index = best_claims(claims) if index is None else check_instance(index, dict, "index", "a dict")
    locate = _here if locate is None else check_callable(locate, "locate")
    problems = list(_duplicates(parties, shapes, claims, locate))
    problems += _references(parties, shapes, claims, locate)
    problems += _links(parties, shapes, claims, conflicts, locate)
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
        for j, source in enumerate(c.sources):
            if isinstance(source, WebSource) and source.published is not None and (
                source.published.first > source.retrieved.last
            ):
                yield Problem(
                    f"a page cannot be published ({source.published}) after it was read ({source.retrieved})",
                    f"{path}.sources[{j}].published", str(source.published), file,
                )
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
    # The parties a deal names are checked by named_parties_exist (ASSEMBLY_RULES, below).


# -- rules across items ---------------------------------------------------------------------------
#
# What one item cannot check on its own: a deal and the parties it names, a claim and the deal it
# is about.  Each rule reads the whole catalog once (linear in its size) and yields a problem at
# the path of each offending item.  docs/errors.md lists them, with an example each;
# tests/test_integrity.py breaks each alone.  (Cycles of party groups and deal histories are
# _links' to find, below.)

#: A check across the items of a catalog: yields every problem it finds.
AssemblyRule = Callable[[Sequence[Party], Sequence[DealShape], Sequence[Claim], Locate], Iterable[Problem]]


def named_parties_exist(
    parties: Sequence[Party], shapes: Sequence[DealShape], claims: Sequence[Claim], locate: Locate
) -> Iterator[Problem]:
    """Every party a deal names (investors, investees, providers, recipients, payers, payees)
    exists, and is an organisation, not a reference yardstick."""
    kinds = {p.id: p.kind for p in parties}
    for i, s in enumerate(shapes):
        file, path = locate(f"$.deals[{i}]")
        for where, party_id in s.named_parties():
            kind = kinds.get(party_id)
            if kind is None:
                yield Problem("not a known party", f"{path}.{where}", party_id, file)
            elif kind == "reference":
                yield Problem("a reference yardstick takes no part in deals", f"{path}.{where}", party_id, file)


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


#: The rules across items that :func:`assemble` applies, in order, after ids, references and links.
ASSEMBLY_RULES: Final[tuple[AssemblyRule, ...]] = (named_parties_exist, deal_terms_undated)


def _links(
    parties: Sequence[Party],
    shapes: Sequence[DealShape],
    claims: Sequence[Claim],
    conflicts: Sequence[Conflict],
    locate: Locate,
) -> Iterator[Problem]:
    """What links items across the catalog: party groups, deal histories, derivations, recorded conflicts.

    Groups (``parent``) and histories (``relations``) must be free of cycles;
    relations, derivation inputs and conflicts must name known deals and claims.
    Each cycle is reported once, at the item that closes it, with the whole loop.
    """
    parents = {p.id: p.parent for p in parties if p.parent is not None}
    group_loops = _cycles([p.id for p in parties], lambda node: [parents[node]] if node in parents else [])
    for i, p in enumerate(parties):
        loop = group_loops.pop(p.id, None)  # pop: a repeated id reports its loop once
        if loop is not None:
            file, path = locate(f"$.parties[{i}]")
            yield Problem(f"party group cycle: {' -> '.join(loop)}", f"{path}.parent", p.parent, file)
    deal_ids = {s.id for s in shapes}
    earlier = {s.id: [r.deal for r in s.relations if r.deal in deal_ids and r.deal != s.id] for s in shapes}
    history_loops = _cycles([s.id for s in shapes], lambda node: earlier.get(node, []))
    for i, s in enumerate(shapes):
        file, path = locate(f"$.deals[{i}]")
        for k, r in enumerate(s.relations):
            if r.deal not in deal_ids:
                yield Problem(f"{s.id} {r.kind} a deal the catalog does not have", f"{path}.relations[{k}].deal",
                              r.deal, file)
        loop = history_loops.pop(s.id, None)
        if loop is not None:
            k = next(k for k, r in enumerate(s.relations) if r.deal == loop[-1])
            yield Problem(
                f"history cycle: {' -> '.join(loop)} (a deal follows, extends or amends only earlier deals)",
                f"{path}.relations[{k}].deal", loop[-1], file,
            )
    claim_ids = {c.id for c in claims}
    for i, c in enumerate(claims):
        if c.derived is None:
            continue
        for k, used in enumerate(c.derived.inputs):
            if used not in claim_ids or used == c.id:
                file, path = locate(f"$.claims[{i}]")
                why = "a claim is not derived from itself" if used == c.id else "not a known claim"
                yield Problem(why, f"{path}.derived.inputs[{k}]", used, file)
    seen: dict[str, str] = {}
    for i, conflict in enumerate(conflicts):
        file, path = locate(f"$.conflicts[{i}]")
        if conflict.id in seen:
            yield Problem(f"duplicate id (first at {seen[conflict.id]})", f"{path}.id", conflict.id, file)
        seen.setdefault(conflict.id, f"{file or '<data>'} {path}.id")
        for k, used in enumerate(conflict.claims):
            if used not in claim_ids:
                yield Problem("not a known claim", f"{path}.claims[{k}]", used, file)
        if len(set(conflict.claims)) < len(conflict.claims):
            yield Problem("a conflict names each claim once", f"{path}.claims", list(conflict.claims), file)
        if conflict.prefer is not None and conflict.prefer not in conflict.claims:
            yield Problem("'prefer' must be one of the conflict's claims", f"{path}.prefer", conflict.prefer, file)


def _cycles(nodes: Sequence[str], successors: Callable[[str], Sequence[str]]) -> dict[str, list[str]]:
    """Every loop among ``nodes`` following ``successors``: by the node that closes it, ``[node, ..., node]``.

    One iterative depth-first search over the whole graph (three colours): each
    node and link is visited once, so n items with m links cost O(n + m), and
    hostile depth cannot exhaust the stack.  A loop is reported once, at the
    node whose link goes back into the current path.
    """
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    found: dict[str, list[str]] = {}
    for root in nodes:
        if root in state:
            continue
        path: list[str] = [root]
        state[root] = 1
        todo: list[Iterator[str]] = [iter(successors(root))]
        while todo:
            nxt = next(todo[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                todo.pop()
                continue
            seen = state.get(nxt)
            if seen == 1:
                found.setdefault(path[-1], [*path[path.index(nxt):], nxt])
            elif seen is None:
                state[nxt] = 1
                path.append(nxt)
                todo.append(iter(successors(nxt)))
    return found


@contextmanager
def _within(prefix: str) -> Iterator[None]:
    # A part of a deal that refuses its figures is reported at the part's path.
    try:
        yield
    except DealkitError as exc:
        raise exc.located(prefix) from None


def build_deal(s: DealShape, index: ClaimIndex) -> Deal:
    """The deal ``s`` declares, each figure taken from its best claim; raises :class:`~dealkit.DealkitError`.

    Paths in its errors are those of the file: a deal written with the shorthand
    ``investor`` reports its investor at ``$.investor`` and its tranches at ``$.tranches[i]``.
    """
    check_instance(s, DealShape, "s", "a DealShape")
    check_instance(index, dict, "index", "a dict of claims by (subject, property), as best_claims gives")
    try:
        return _build(s, index)
    except DealkitError as exc:
        if s.investor is None:
            raise
        raise _shorthand_paths(exc) from None


def _shorthand_paths(exc: DealkitError) -> DealkitError:
    # The model's one investor is the file's shorthand: "$.investors[0]..." is "$.investor" or "$.tranches...".
    def where(path: str) -> str:
        if path.startswith("$.investors[0].tranches"):
            return "$.tranches" + path.removeprefix("$.investors[0].tranches")
        if path.startswith("$.investors"):
            return "$.investor"
        return path

    if isinstance(exc, CatalogError):
        return CatalogError([Problem(p.reason, where(p.path), p.value, p.file) for p in exc.problems])
    clone = exc.located()
    clone.path = where(exc.path)
    return clone


def _build(s: DealShape, index: ClaimIndex) -> Deal:

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
    investors = []
    for j, inv in enumerate(s.investor_shapes()):
        here = f"$.investors[{j}]"
        tranches = []
        for i, t in enumerate(inv.tranches):
            amount = required(property_name("tranche", "amount", t.part), f"{here}.tranches")
            date = figure(property_name("tranche", "date", t.part))
            with _within(f"{here}.tranches[{i}]"):
                tranches.append(Tranche(
                    t.kind, amount, None if date is None else date.value, t.condition, t.part, t.sources
                ))
        with _within(here):
            investors.append(Investor(
                inv.party, inv.investee or s.investee, figure(property_name("investor", "amount", inv.party)),
                tuple(tranches), inv.role, inv.sources,
            ))
    compute = []
    for i, c in enumerate(s.compute):
        capacity = required(property_name("compute", "capacity", c.name), "$.compute")
        with _within(f"$.compute[{i}]"):
            compute.append(ComputeCommitment(
                c.name, capacity, c.provider, c.recipient, c.chips,
                figure(property_name("compute", "by", c.name)), c.description, c.sources, c.prior,
            ))
    spend = []
    for i, sp in enumerate(s.spend):
        amount = required(property_name("spend", "amount", sp.name), "$.spend")
        term = figure(property_name("spend", "term", sp.name))
        with _within(f"$.spend[{i}]"):
            spend.append(SpendCommitment(
                sp.name, sp.payer, sp.payee, amount, None if term is None else term.value, sp.covers, sp.sources
            ))
    milestones = []
    for i, m in enumerate(s.milestones):
        date = required(property_name("milestone", "date", m.name), "$.milestones")
        with _within(f"$.milestones[{i}]"):
            milestones.append(Milestone(
                m.name, m.description, date, figure(property_name("milestone", "capacity", m.name)), m.chips,
                m.sources, m.prior,
            ))
    return Deal(
        id=s.id, title=s.title, announced=announced.value, investors=tuple(investors),
        investment=figure(property_name("deal", "investment")),
        valuation=figure(property_name("deal", "valuation")),
        compute=tuple(compute), spend=tuple(spend), milestones=tuple(milestones), summary=s.summary,
        relations=s.relations, sources=s.sources,
    )
