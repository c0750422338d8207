"""The catalog: parties, deal shapes and sourced claims, checked and assembled into deals, and queried.

A catalog file holds three arrays of tables: ``parties``, ``deals`` (the shape
of each deal: who, which tranches, commitments and milestones) and ``claims``
(every figure, sourced).  A deal's figures come from its claims by property
name, best rank first; see ``docs/catalog-format.md``.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, final, overload

import attrs

from .._args import check_instance, check_items, check_path, check_text
from .._errors import CatalogError, InvalidValueError, UnknownDealError
from .._model import Claim, Conflict, Deal, Party, Rank, check_tuple_of
from .._values import Estimate, FigureT, PartialDate
from ._assemble import Locate, assemble, best_claims
from ._read import USER_PART, builtin_parts, read_catalog_files
from ._shapes import CatalogFile, DealShape

__all__ = ["Catalog", "builtin_catalog", "load_catalog"]


@final
@attrs.frozen(eq=False)
class Catalog:
    """Parties, deal shapes and claims, checked together; each deal is built from its best claims.

    However a catalog is made (its constructor, :meth:`build` from files,
    :func:`load_catalog`, :meth:`merged`), the same content is checked and
    assembled by the same pure function, so it lists the same deals or raises
    the same :class:`~dealkit.CatalogError`.

    >>> cat = builtin_catalog()
    >>> deal = cat.deal("amazon-anthropic-2026")
    >>> str(deal.investment), str(deal.announced)
    ('up to 25000000000 USD', '2026-04-20')
    >>> [str(c.value) for c in cat.claims(subject="amazon-anthropic-2026", property="investment")]
    ['up to 25000000000 USD', 'more than 2000000000 USD', '5000000000 USD']
    """

    parties: tuple[Party, ...] = attrs.field(validator=check_tuple_of(Party))
    shapes: tuple[DealShape, ...] = attrs.field(validator=check_tuple_of(DealShape))
    all_claims: tuple[Claim, ...] = attrs.field(validator=check_tuple_of(Claim))
    conflicts: tuple[Conflict, ...] = attrs.field(default=(), validator=check_tuple_of(Conflict))
    """The conflicts between claims the catalog records (of value, or of meaning)."""
    _locate: Locate | None = attrs.field(default=None, kw_only=True, repr=False, alias="_locate")
    parts: Mapping[str, str] = attrs.field(factory=dict, kw_only=True, repr=False)
    """The part each deal belongs to, by deal id: ``"seed"`` or ``"field"`` for the built-in
    catalog, ``"user"`` for files loaded beside it; a deal of no part is absent."""
    _by_property: dict[tuple[str, str], tuple[Claim, ...]] = attrs.field(init=False, repr=False)
    _by_subject: dict[str, tuple[Claim, ...]] = attrs.field(init=False, repr=False)
    _deals: dict[str, Deal] = attrs.field(init=False, repr=False)
    _parties: dict[str, Party] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Checked and assembled here, whichever way the catalog was made: the same
        # content always gives the same deals or the same problems.
        index = best_claims(self.all_claims)
        assembly = assemble(
            self.parties, self.shapes, self.all_claims, conflicts=self.conflicts, index=index, locate=self._locate
        )
        if assembly.problems:
            raise CatalogError(assembly.problems)
        # The indexes every query reads (each built in one pass): claims by subject and
        # property (best rank first), claims by subject (file order), parties by id.
        by_subject: dict[str, list[Claim]] = {}
        for c in self.all_claims:
            by_subject.setdefault(c.subject, []).append(c)
        object.__setattr__(self, "_by_property", index)
        object.__setattr__(self, "_by_subject", {k: tuple(v) for k, v in by_subject.items()})
        object.__setattr__(self, "_deals", assembly.deals)
        object.__setattr__(self, "_parties", {p.id: p for p in self.parties})

    @classmethod
    def build(
        cls,
        files: Iterable[tuple[str | None, CatalogFile]],
        *,
        parts: Mapping[str, str] | None = None,
        deal_parts: Mapping[str, str] | None = None,
    ) -> Catalog:
        """Merge structured files into one catalog, check and assemble it; raise :class:`CatalogError`.

        Problems name the file and the path within it of the item they concern.
        ``parts`` names the part of each file's deals, by file name; ``deal_parts``
        the part of single deals, by deal id.
        """
        found_parts: dict[str, str] = dict(deal_parts or {})
        parties: list[Party] = []
        shapes: list[DealShape] = []
        claims: list[Claim] = []
        conflicts: list[Conflict] = []
        origin: dict[str, list[tuple[str | None, int]]] = {"parties": [], "deals": [], "claims": [], "conflicts": []}
        pairs = check_items(files, tuple, "files", "(file name, CatalogFile) pairs")
        for pair in pairs:
            if len(pair) != 2 or not isinstance(pair[0], (str, type(None))) or not isinstance(pair[1], CatalogFile):
                raise InvalidValueError("'files' must be a list of (file name or None, CatalogFile) pairs", pair)
        for file, content in pairs:
            for section, items, out in (
                ("parties", content.parties, parties), ("deals", content.deals, shapes),
                ("claims", content.claims, claims), ("conflicts", content.conflicts, conflicts),
            ):
                origin[section] += [(file, i) for i in range(len(items))]
                out += items
            part = None if parts is None or file is None else parts.get(file)
            if part is not None:
                found_parts.update((s.id, part) for s in content.deals)

        def locate(path: str) -> tuple[str | None, str]:
            # "$.claims[7].kind" of the merged catalog -> (file, "$.claims[2].kind") of the file it came from.
            section, _, rest = path[2:].partition("[")
            number, _, tail = rest.partition("]")
            file, i = origin[section][int(number)]
            return file, f"$.{section}[{i}]{tail}"

        return cls(
            tuple(parties), tuple(shapes), tuple(claims), tuple(conflicts), _locate=locate, parts=found_parts
        )

    # -- queries --------------------------------------------------------------------

    def deal_ids(self, part: str | None = None) -> tuple[str, ...]:
        """The ids of every deal (or of one part's deals), in file order.

        >>> len(builtin_catalog().deal_ids("seed"))
        4
        """
        return tuple(s.id for s in self.shapes if part is None or self.parts.get(s.id) == part)

    def part(self, deal_id: str) -> str | None:
        """The part a deal belongs to (``"seed"``, ``"field"``, ``"user"``), or ``None`` for none.

        >>> builtin_catalog().part("amazon-anthropic-2026")
        'seed'
        """
        self.deal(deal_id)
        return self.parts.get(deal_id)

    def deals(self) -> tuple[Deal, ...]:
        """Every deal, built from its best claims."""
        return tuple(self.deal(i) for i in self.deal_ids())

    def deal(self, deal_id: str) -> Deal:
        """The deal with ``deal_id``; raises :class:`UnknownDealError` naming the known ids."""
        if check_text(deal_id, "deal_id") not in self._deals:
            raise UnknownDealError(
                f"no deal with this id; known: {', '.join(self.deal_ids())}", deal_id
            )
        return self._deals[deal_id]

    def party(self, party_id: str) -> Party:
        """The party with ``party_id``."""
        found = self._parties.get(check_text(party_id, "party_id"))
        if found is None:
            raise UnknownDealError("no party with this id", party_id)
        return found

    def group_of(self, party_id: str) -> str:
        """The head of the party's group: the party its ``parent`` chain ends at (itself, without a parent).

        >>> builtin_catalog().group_of("aws")
        'amazon'
        """
        seen = {check_text(party_id, "party_id")}
        here = self._parties.get(party_id)
        while here is not None and here.parent is not None and here.parent not in seen:
            seen.add(here.parent)
            party_id = here.parent
            here = self._parties.get(party_id)
        return party_id

    def same_group(self, a: str, b: str) -> bool:
        """Whether two parties belong to one group (AWS and Amazon do)."""
        return self.group_of(a) == self.group_of(b)

    def group(self, party_id: str) -> tuple[str, ...]:
        """Every party of the group ``party_id`` heads, or belongs to: the head first, then file order."""
        head = self.group_of(party_id)
        return (head, *(p.id for p in self.parties if p.id != head and self.group_of(p.id) == head))

    def conflicts_about(self, claim_ids: Iterable[str]) -> tuple[Conflict, ...]:
        """The recorded conflicts that name any of ``claim_ids``, in file order."""
        wanted = set(check_items(claim_ids, str, "claim_ids", "claim ids"))
        return tuple(c for c in self.conflicts if wanted.intersection(c.claims))

    def claims(
        self,
        subject: str | None = None,
        property: str | None = None,
        *,
        rank: Rank | None = None,
        since: PartialDate | None = None,
    ) -> tuple[Claim, ...]:
        """Claims filtered by subject, property (a prefix ending in '.' matches a group), rank and freshness; best rank first.

        ``since`` keeps the claims first published on or after that date (see
        :attr:`~dealkit.Claim.published`): those whose publication date may fall
        on or after its first day.  A claim published in ``2025-10`` is kept for
        ``since=2025-10-15``, as it may be as recent; a claim without a publication
        date (a seed article's) is left out.

        >>> cat = builtin_catalog()
        >>> [str(c.published) for c in cat.claims("amd-openai-2025", "compute.instinct.capacity", since=PartialDate.parse("2025-10"))]
        ['2025-10-06']
        >>> cat.claims("amd-openai-2025", since=PartialDate.parse("2025-11"))
        ()

        With a subject, the cost is that of the subject's claims (the catalog's index), not of the catalog.
        """
        if subject is not None:
            check_text(subject, "subject")
        if property is not None:
            check_text(property, "property")
        if rank is not None:
            check_instance(rank, Rank, "rank", "a Rank")
        if since is not None:
            check_instance(since, PartialDate, "since", "a PartialDate")
        group = property is not None and property.endswith(".")
        if subject is not None and property is not None and not group and since is None:
            # Already best rank first, file order within a rank (best_claims).
            return tuple(c for c in self._by_property.get((subject, property), ()) if rank is None or c.rank is rank)

        def keep(c: Claim) -> bool:
            if subject is not None and c.subject != subject:
                return False
            if property is not None and not (
                c.property == property or (group and c.property.startswith(property))
            ):
                return False
            if since is not None and (c.published is None or c.published.last < since.first):
                return False
            return rank is None or c.rank is rank

        pool = self.all_claims if subject is None else self._by_subject.get(subject, ())
        found = [c for c in pool if keep(c)]
        return tuple(sorted(found, key=lambda c: c.rank.order))

    def claims_about_deal(self, deal_id: str) -> tuple[Claim, ...]:
        """Every claim whose subject is the deal, in file order."""
        self.deal(deal_id)
        return self._by_subject.get(deal_id, ())

    @overload
    def best(self, subject: str, property: str, *, as_of: PartialDate | None = None) -> Claim | None: ...
    @overload
    def best(
        self, subject: str, property: str, kind: type[FigureT], *, as_of: PartialDate | None = None
    ) -> Estimate[FigureT]: ...
    def best(
        self,
        subject: str,
        property: str,
        kind: type[FigureT] | None = None,
        *,
        as_of: PartialDate | None = None,
    ) -> Claim | Estimate[FigureT] | None:
        """The best claim (preferred, else normal; never deprecated) for a subject and property.

        With ``kind`` (``CurrencyAmount``, ``Power``, ``PartialDate``, ...), its value instead,
        typed as an estimate of ``kind``: there must be such a claim, holding such values.

        Raises:
            UnknownDealError: ``kind`` is given and no claim fits.
            DimensionError: ``kind`` is given and the claim holds values of another kind.

        >>> from dealkit import CurrencyAmount, builtin_catalog
        >>> builtin_catalog().best("amazon-anthropic-2026", "investment", CurrencyAmount).high
        CurrencyAmount(Decimal('25000000000'), 'USD')
        """
        check_text(subject, "subject"), check_text(property, "property")
        if as_of is not None:
            check_instance(as_of, PartialDate, "as_of", "a PartialDate")
        for c in self._by_property.get((subject, property), ()):
            if c.rank is not Rank.DEPRECATED and (as_of is None or c.as_of == as_of):
                return c if kind is None else c.value_as(kind)
        if kind is None:
            return None
        raise UnknownDealError(f"no claim of '{property}' about this subject", subject)

    def merged(self, other: Catalog) -> Catalog:
        """This catalog and ``other`` together, validated again (ids must not clash); each deal keeps its part."""
        check_instance(other, Catalog, "other", "a Catalog")
        return Catalog.build([(None, self.to_file()), (None, other.to_file())], deal_parts={**self.parts, **other.parts})

    def to_file(self) -> CatalogFile:
        """The catalog as the content of one file (for :func:`dump_catalog`)."""
        return CatalogFile(parties=self.parties, deals=self.shapes, claims=self.all_claims, conflicts=self.conflicts)

    def to_data(self) -> dict[str, Any]:
        """The catalog as plain data in the file format: what ``converter.unstructure(catalog)`` gives."""
        return self.to_file().to_data()

    @classmethod
    def from_data(cls, data: object) -> Catalog:
        """The catalog that file data describes, checked and assembled: what ``converter.structure(data, Catalog)`` gives."""
        return cls.build([(None, CatalogFile.from_data(data))])


def load_catalog(*paths: str | os.PathLike[str], include_builtin: bool = True) -> Catalog:
    """Load catalog files (or directories of them), by default beside the built-in catalog.

    Every file is read and checked; one :class:`CatalogError` lists every problem in every file.
    The cyclic garbage collector is paused while the files are read and the catalog is
    assembled, and restored as it was (as :meth:`~dealkit.serialization.DealkitConverter.loads`
    does): nothing a load creates can be freed before it ends, and the collector's passes
    over the growing catalog made large loads grow faster than their size.

    >>> len(load_catalog().deal_ids()) >= 3
    True
    """
    checked = [check_path(p) for p in paths]
    check_instance(include_builtin, bool, "include_builtin", "true or false")
    if not paths and include_builtin:
        return builtin_catalog()  # built once per process
    paused = gc.isenabled()
    if paused:
        gc.disable()
    try:
        files, problems = read_catalog_files(checked)
        if problems:
            raise CatalogError(problems)
        parts = {name: USER_PART for name, _ in files if name is not None}
        if not include_builtin:
            return Catalog.build(files, parts=parts)
        builtin = builtin_parts()
        parts.update((name, part) for part, name, _ in builtin)
        return Catalog.build([*((name, content) for _, name, content in builtin), *files], parts=parts)
    finally:
        if paused:
            gc.enable()


@cache
def builtin_catalog() -> Catalog:
    """The catalog that ships with dealkit, built once: the seed part (five seed articles) and the field part.

    >>> cat = builtin_catalog()
    >>> sorted(set(cat.parts.values()))
    ['field', 'seed']
    """
    builtin = builtin_parts()
    return Catalog.build(
        [(name, content) for _, name, content in builtin], parts={name: part for part, name, _ in builtin}
    )
