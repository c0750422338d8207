"""The catalog: parties, deals and sourced claims, read from TOML or JSON files and validated.

A catalog file holds three arrays of tables: ``parties``, ``deals`` (the shape
of each deal: who, which tranches, commitments and milestones) and ``claims``
(every figure, sourced).  A deal's figures come from its claims by property
name, best rank first; see ``docs/catalog-format.md``.
"""

from __future__ import annotations

import json
import math
import os
import re
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Final, final, overload

import attrs

from .._errors import (
    CatalogError,
    DealkitError,
    InvalidValueError,
    Problem,
    UnknownDealError,
)
from .._errors import json_type as _json_type
from .._model import (
    Claim,
    ComputeCommitment,
    Deal,
    Milestone,
    Party,
    Rank,
    SpendCommitment,
    Tranche,
    check_id,
    check_text,
    check_tuple_of,
    one_of,
)
from .._typing import FigureKind, TrancheKind
from .._values import Estimate, FigureT, PartialDate, Qualifier

__all__ = [
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "MAX_NESTING",
    "MAX_PROBLEMS",
    "Catalog",
    "CatalogFile",
    "ComputeShape",
    "DealShape",
    "MilestoneShape",
    "SpendShape",
    "TrancheShape",
    "builtin_catalog",
    "builtin_dir",
    "builtin_files",
    "catalog_paths",
    "load_catalog",
    "parse_catalog_bytes",
    "read_catalog_file",
    "read_catalog_files",
    "structure_catalog",
]

#: The largest catalog file read (1 MiB, a hundred times the largest built-in
#: file, so any file is checked within a second); larger files are refused unread.
MAX_FILE_BYTES: Final = 1024 * 1024
#: At most this many problems are reported for one file; the rest is not checked.
MAX_PROBLEMS: Final = 1000
#: The most items an array in a catalog file may hold (the built-in files hold under 50).
MAX_ITEMS: Final = 10_000
_TOO_LARGE: Final = f"file is larger than the limit of {MAX_FILE_BYTES} bytes (1 MiB)"
#: The deepest nesting of tables and arrays accepted in a catalog file.
MAX_NESTING: Final = 32
FORMAT_VERSION: Final = 1


@final
@attrs.frozen
class TrancheShape:
    """A tranche as a catalog file declares it; its amount and date come from claims."""

    kind: TrancheKind = attrs.field(validator=one_of("immediate", "milestone_linked"))
    condition: str = attrs.field(default="", validator=check_text)


@final
@attrs.frozen
class ComputeShape:
    """A compute commitment as declared; capacity and date come from claims."""

    name: str = attrs.field(validator=check_id)
    provider: str = attrs.field(validator=check_id)
    recipient: str = attrs.field(validator=check_id)
    chips: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    description: str = attrs.field(default="", validator=check_text)


@final
@attrs.frozen
class SpendShape:
    """A spend commitment as declared; amount and term come from claims."""

    name: str = attrs.field(validator=check_id)
    payer: str = attrs.field(validator=check_id)
    payee: str = attrs.field(validator=check_id)
    covers: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))


@final
@attrs.frozen
class MilestoneShape:
    """A milestone as declared; its date and capacity come from claims."""

    name: str = attrs.field(validator=check_id)
    description: str = attrs.field(validator=check_text)
    chips: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))


@final
@attrs.frozen
class DealShape:
    """The shape of a deal in a catalog file: everything but its figures."""

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    investor: str = attrs.field(validator=check_id)
    investee: str = attrs.field(validator=check_id)
    summary: str = attrs.field(default="", validator=check_text)
    tranches: tuple[TrancheShape, ...] = ()
    compute: tuple[ComputeShape, ...] = ()
    spend: tuple[SpendShape, ...] = ()
    milestones: tuple[MilestoneShape, ...] = ()

    def slots(self) -> dict[str, FigureKind]:
        """Every property this deal reads from claims, with the kind it must have."""
        out: dict[str, FigureKind] = {"announced": "date", "investment": "money", "valuation": "money"}
        for t in self.tranches:
            out[f"tranche.{t.kind}.amount"] = "money"
            out[f"tranche.{t.kind}.date"] = "date"
        for c in self.compute:
            out[f"compute.{c.name}.capacity"] = "power"
            out[f"compute.{c.name}.by"] = "date"
        for s in self.spend:
            out[f"spend.{s.name}.amount"] = "money"
            out[f"spend.{s.name}.term"] = "duration"
        for m in self.milestones:
            out[f"milestone.{m.name}.date"] = "date"
            out[f"milestone.{m.name}.capacity"] = "power"
        return out


@final
@attrs.frozen
class CatalogFile:
    """The content of one catalog file, as structured by the converter."""

    format: int = FORMAT_VERSION
    parties: tuple[Party, ...] = ()
    deals: tuple[DealShape, ...] = ()
    claims: tuple[Claim, ...] = ()


@final
@attrs.frozen(eq=False)
class Catalog:
    """Parties, deals and claims, validated together; deals are built from their best claims.

    >>> cat = builtin_catalog()
    >>> deal = cat.deal("amazon-anthropic-2026")
    >>> str(deal.investment), str(deal.announced)
    ('up to 25000000000 USD', '2026-04-20')
    >>> [str(c.value) for c in cat.claims(subject="amazon-anthropic-2026", property="investment")]
    ['up to 25000000000 USD', '5000000000 USD']
    """

    parties: tuple[Party, ...]
    shapes: tuple[DealShape, ...]
    all_claims: tuple[Claim, ...]
    _deals: dict[str, Deal] = attrs.field(factory=dict, repr=False)
    _by_property: dict[tuple[str, str], tuple[Claim, ...]] = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        # Claims by (subject, property), best rank first (a stable sort keeps file order
        # within a rank): building a deal looks up each of its figures here, so a large
        # catalog builds in linear time rather than scanning every claim per figure.
        index: dict[tuple[str, str], list[Claim]] = {}
        for c in self.all_claims:
            index.setdefault((c.subject, c.property), []).append(c)
        object.__setattr__(
            self,
            "_by_property",
            {key: tuple(sorted(found, key=lambda c: c.rank.order)) for key, found in index.items()},
        )

    @classmethod
    def build(cls, files: Iterable[tuple[str | None, CatalogFile]]) -> Catalog:
        """Merge structured files into one catalog and validate it; raise :class:`CatalogError`."""
        parties: list[Party] = []
        shapes: list[DealShape] = []
        claims: list[Claim] = []
        problems: list[Problem] = []
        seen: dict[tuple[str, str], str] = {}
        located: list[tuple[str | None, str, Any]] = []

        def accept(file: str | None, section: str, i: int, item: Party | DealShape | Claim) -> bool:
            key = ("party-or-deal" if section != "claims" else "claim", item.id)
            here = f"$.{section}[{i}].id"
            if key in seen:
                problems.append(Problem(f"duplicate id (first at {seen[key]})", here, item.id, file))
                return False
            seen[key] = f"{file or '<data>'} {here}"
            located.append((file, f"$.{section}[{i}]", item))
            return True

        for file, content in files:
            parties += [p for i, p in enumerate(content.parties) if accept(file, "parties", i, p)]
            shapes += [s for i, s in enumerate(content.deals) if accept(file, "deals", i, s)]
            claims += [c for i, c in enumerate(content.claims) if accept(file, "claims", i, c)]
        catalog = cls(tuple(parties), tuple(shapes), tuple(claims))
        problems.extend(catalog._check(located))
        if problems:
            raise CatalogError(problems)
        return catalog

    # -- queries --------------------------------------------------------------------

    def deal_ids(self) -> tuple[str, ...]:
        """The ids of every deal, in file order."""
        return tuple(s.id for s in self.shapes)

    def deals(self) -> tuple[Deal, ...]:
        """Every deal, built from its best claims."""
        return tuple(self.deal(i) for i in self.deal_ids())

    def deal(self, deal_id: str) -> Deal:
        """The deal with ``deal_id``; raises :class:`UnknownDealError` naming the known ids."""
        if deal_id not in self._deals:
            raise UnknownDealError(
                f"no deal with this id; known: {', '.join(self.deal_ids())}", deal_id
            )
        return self._deals[deal_id]

    def party(self, party_id: str) -> Party:
        """The party with ``party_id``."""
        for p in self.parties:
            if p.id == party_id:
                return p
        raise UnknownDealError("no party with this id", party_id)

    def claims(
        self,
        subject: str | None = None,
        property: str | None = None,
        *,
        rank: Rank | None = None,
    ) -> tuple[Claim, ...]:
        """Claims filtered by subject, property (a prefix ending in '.' matches a group) and rank; best rank first."""
        def keep(c: Claim) -> bool:
            if subject is not None and c.subject != subject:
                return False
            if property is not None and not (
                c.property == property or (property.endswith(".") and c.property.startswith(property))
            ):
                return False
            return rank is None or c.rank is rank

        found = [c for c in self.all_claims if keep(c)]
        return tuple(sorted(found, key=lambda c: c.rank.order))

    def claims_about_deal(self, deal_id: str) -> tuple[Claim, ...]:
        """Every claim whose subject is the deal, in file order."""
        self.deal(deal_id)
        return tuple(c for c in self.all_claims if c.subject == deal_id)

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
        for c in self._by_property.get((subject, property), ()):
            if c.rank is not Rank.DEPRECATED and (as_of is None or c.as_of == as_of):
                return c if kind is None else c.value_as(kind)
        if kind is None:
            return None
        raise UnknownDealError(f"no claim of '{property}' about this subject", subject)

    def merged(self, other: Catalog) -> Catalog:
        """This catalog and ``other`` together, validated again (ids must not clash)."""
        return Catalog.build([(None, self.to_file()), (None, other.to_file())])

    def to_file(self) -> CatalogFile:
        """The catalog as the content of one file (for :func:`dump_catalog`)."""
        return CatalogFile(parties=self.parties, deals=self.shapes, claims=self.all_claims)

    # -- validation -----------------------------------------------------------------------

    def _check(self, located: list[tuple[str | None, str, Any]]) -> Iterator[Problem]:
        party_ids = {p.id for p in self.parties}
        deal_ids = {s.id for s in self.shapes}
        where = {id(item): (file, path) for file, path, item in located}
        for p in self.parties:
            if p.parent is not None and p.parent not in party_ids:
                file, path = where[id(p)]
                yield Problem("parent is not a known party", f"{path}.parent", p.parent, file)
        slots = {s.id: s.slots() for s in self.shapes}
        preferred: dict[tuple[str, str, str], str] = {}
        for c in self.all_claims:
            file, path = where[id(c)]
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
        for s in self.shapes:
            file, path = where[id(s)]
            for role in ("investor", "investee"):
                if getattr(s, role) not in party_ids:
                    yield Problem("not a known party", f"{path}.{role}", getattr(s, role), file)
            try:
                self._deals[s.id] = self._build(s)
            except DealkitError as exc:
                for problem in exc.problems:
                    yield Problem(problem.reason, path + problem.path.removeprefix("$"), problem.value, file)

    def _figure(self, shape: DealShape, prop: str) -> Estimate[Any] | None:
        claim = self.best(shape.id, prop)
        return None if claim is None else claim.value

    def _build(self, s: DealShape) -> Deal:
        announced = self._figure(s, "announced")
        if announced is None:
            raise InvalidValueError("the deal has no claim for 'announced'", s.id, path="$.id")
        if announced.qualifier is not Qualifier.EXACT:
            raise InvalidValueError("'announced' must be an exact date", str(announced), path="$.id")
        tranches = []
        for i, t in enumerate(s.tranches):
            amount = self._figure(s, f"tranche.{t.kind}.amount")
            if amount is None:
                raise InvalidValueError(f"no claim for 'tranche.{t.kind}.amount'", s.id, path="$.tranches")
            date = self._figure(s, f"tranche.{t.kind}.date")
            with _within(f"$.tranches[{i}]"):
                tranches.append(Tranche(t.kind, amount, None if date is None else date.value, t.condition))
        compute = []
        for i, c in enumerate(s.compute):
            capacity = self._figure(s, f"compute.{c.name}.capacity")
            if capacity is None:
                raise InvalidValueError(f"no claim for 'compute.{c.name}.capacity'", s.id, path="$.compute")
            with _within(f"$.compute[{i}]"):
                compute.append(ComputeCommitment(
                    c.name, capacity, c.provider, c.recipient, c.chips,
                    self._figure(s, f"compute.{c.name}.by"), c.description,
                ))
        spend = []
        for i, sp in enumerate(s.spend):
            amount = self._figure(s, f"spend.{sp.name}.amount")
            if amount is None:
                raise InvalidValueError(f"no claim for 'spend.{sp.name}.amount'", s.id, path="$.spend")
            term = self._figure(s, f"spend.{sp.name}.term")
            with _within(f"$.spend[{i}]"):
                spend.append(SpendCommitment(
                    sp.name, sp.payer, sp.payee, amount, None if term is None else term.value, sp.covers
                ))
        milestones = []
        for i, m in enumerate(s.milestones):
            date = self._figure(s, f"milestone.{m.name}.date")
            if date is None:
                raise InvalidValueError(f"no claim for 'milestone.{m.name}.date'", s.id, path="$.milestones")
            with _within(f"$.milestones[{i}]"):
                milestones.append(Milestone(
                    m.name, m.description, date, self._figure(s, f"milestone.{m.name}.capacity"), m.chips
                ))
        return Deal(
            id=s.id, title=s.title, announced=announced.value, investor=s.investor, investee=s.investee,
            investment=self._figure(s, "investment"), valuation=self._figure(s, "valuation"),
            tranches=tuple(tranches), compute=tuple(compute), spend=tuple(spend),
            milestones=tuple(milestones), summary=s.summary,
        )


@contextmanager
def _within(prefix: str) -> Iterator[None]:
    # A part of a deal that refuses its figures is reported at the part's path.
    try:
        yield
    except DealkitError as exc:
        raise exc.located(prefix) from None


# -- reading files ------------------------------------------------------------------------------


def _reject_constant(name: str) -> float:
    raise InvalidValueError("JSON number constants (NaN, Infinity) are not accepted", name)


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise InvalidValueError("duplicate key in a JSON object", key)
        out[key] = value
    return out


#: The most digits an integer in a file may have (only ``format`` is an integer).
_MAX_INT_DIGITS: Final = 20


def _json_int(text: str) -> int:
    if len(text.lstrip("-")) > _MAX_INT_DIGITS:
        raise InvalidValueError(f"a number with more than {_MAX_INT_DIGITS} digits", text)
    return int(text)


def _json_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise InvalidValueError("a number too large to be finite", text)
    return value


def _shape_problem(data: object, *, check_text: bool) -> tuple[str, object] | None:
    """The first problem with the shape of parsed data: too deep, too long an array, or
    (``check_text``) a string that is not Unicode.  Returns the reason and the offending node.

    Level by level and iterative, so hostile nesting cannot exhaust the stack.
    """
    level: list[object] = [data] if type(data) in (dict, list) else []
    depth = 1
    while level:
        if depth > MAX_NESTING:
            return f"nested more than {MAX_NESTING} levels deep", level[0]
        below: list[object] = []
        for node in level:
            if type(node) is dict:
                if check_text and not all(_is_unicode(k) for k in node):
                    return _NOT_UNICODE, node
                items: Iterable[object] = node.values()
            else:  # a list: only dicts and lists are ever queued
                assert isinstance(node, list)
                if len(node) > MAX_ITEMS:
                    return f"an array of {len(node)} items; at most {MAX_ITEMS} are accepted", node
                items = node
            for v in items:
                t = type(v)
                if t is dict or t is list:
                    below.append(v)
                elif check_text and t is str and not _is_unicode(v):  # type: ignore[arg-type]
                    return _NOT_UNICODE, v
        level = below
        depth += 1
    return None


_NOT_UNICODE: Final = "text holds an unpaired surrogate escape (\\ud800-\\udfff): not Unicode"


def _path_to(data: object, target: object) -> str:
    # The path of the node ``target`` (by identity) in ``data``; only called on the error path.
    stack: list[tuple[object, str, int]] = [(data, "$", 1)]
    while stack:
        node, path, depth = stack.pop()
        if node is target:
            return path
        if depth > MAX_NESTING:
            continue
        if isinstance(node, dict):
            stack.extend((v, f"{path}.{k}", depth + 1) for k, v in node.items())
        elif isinstance(node, list):
            stack.extend((v, f"{path}[{i}]", depth + 1) for i, v in enumerate(node))
    return "$"


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


# tomllib takes time quadratic in the number of parts of a dotted key or table
# name (``a.a.a...``).  The catalog format never needs more than a few, so longer
# chains are refused before tomllib sees them.  The scan looks only where keys
# start (a line, a table header, an inline table), and possessive quantifiers
# keep it linear.
_MAX_KEY_PARTS: Final = 16
_KEY_PART: Final = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]|\\.)*+"|'[^'\n]*+')"""
_DOTTED_CHAIN: Final = re.compile(
    rf"""(?:^[ \t]*+(?:\[\[?[ \t]*+)?|[{{,][ \t]*+)(?:{_KEY_PART}[ \t]*+\.[ \t]*+){{{_MAX_KEY_PARTS},}}""",
    re.MULTILINE,
)


def parse_catalog_bytes(raw: bytes, *, name: str, fmt: str) -> object:
    """Decode and parse one catalog document (``fmt`` is ``"toml"`` or ``"json"``)."""
    if len(raw) > MAX_FILE_BYTES:
        raise CatalogError([Problem(_TOO_LARGE, "$")], file=name)
    if not raw.strip():
        raise CatalogError([Problem("file is empty", "$")], file=name)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogError(
            [Problem(f"not UTF-8 text (byte {exc.start} cannot be decoded)", "$")], file=name
        ) from None
    if "\x00" in text:
        raise CatalogError([Problem("file contains NUL bytes: not a text file", "$")], file=name)
    too_deep = CatalogError([Problem(f"nested more than {MAX_NESTING} levels deep", "$")], file=name)
    if fmt != "json" and _DOTTED_CHAIN.search(text):
        raise CatalogError([Problem(f"a dotted key or table name of more than {_MAX_KEY_PARTS} parts", "$")], file=name)
    try:
        if fmt == "json":
            data = json.loads(
                text, parse_constant=_reject_constant, parse_int=_json_int, parse_float=_json_float,
                object_pairs_hook=_no_duplicates,
            )
        else:
            data = tomllib.loads(text)
    except DealkitError as exc:
        raise CatalogError([Problem(exc.reason, "$", exc.value)], file=name) from None
    except RecursionError:
        # Both parsers recurse per bracket and stop at the recursion limit within
        # milliseconds, even for hundreds of thousands of brackets.
        raise too_deep from None
    except (ValueError, tomllib.TOMLDecodeError) as exc:
        if "integer string conversion" in str(exc):
            reason = "a number with thousands of digits"
        else:
            reason = f"not valid {fmt.upper()}: {exc}"
        raise CatalogError([Problem(reason, "$")], file=name) from None
    found = _shape_problem(data, check_text=fmt == "json")
    if found is not None:
        reason, node = found
        path = "$" if reason.startswith("nested") else _path_to(data, node)
        raise CatalogError([Problem(reason, path)], file=name)
    return data


def read_catalog_file(path: str | os.PathLike[str]) -> CatalogFile:
    """Read and structure one catalog file (``.toml`` or ``.json``); raise :class:`CatalogError`."""
    p = Path(path)
    name = str(path)
    fmt = "json" if p.suffix.lower() == ".json" else "toml"
    try:
        size = p.stat().st_size
        if size > MAX_FILE_BYTES:
            raise CatalogError([Problem(_TOO_LARGE, "$")], file=name)
        with p.open("rb") as f:
            # Never more than the limit, even from a device or pipe whose size says 0.
            raw = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise CatalogError([Problem(f"cannot read file: {exc.strerror or exc}", "$")], file=name) from None
    return structure_catalog(parse_catalog_bytes(raw, name=name, fmt=fmt), file=name)


def structure_catalog(data: object, *, file: str | None = None) -> CatalogFile:
    """Structure parsed data into a :class:`CatalogFile`, listing every problem found.

    Items are structured one at a time, so that a hostile file with a million
    broken entries costs no more than :data:`MAX_PROBLEMS` of them: past that
    many problems, the rest of the file is not checked and the last problem
    says so.
    """
    from ..serialization import structure

    if not isinstance(data, dict):
        raise CatalogError([Problem("a catalog must be a table at the top level", "$", data)], file=file)
    problems: list[Problem] = []
    sections: dict[str, list[Any]] = {"parties": [], "deals": [], "claims": []}
    item_types: dict[str, type] = {"parties": Party, "deals": DealShape, "claims": Claim}
    fmt = data.get("format", FORMAT_VERSION)
    if type(fmt) is not int:
        problems.append(Problem(f"must be a whole number, not {_json_type(fmt)}", "$.format", fmt))
    elif fmt != FORMAT_VERSION:
        problems.append(Problem(f"unsupported format (this dealkit reads {FORMAT_VERSION})", "$.format", fmt))
    for key in data:
        if key != "format" and key not in sections and len(problems) < MAX_PROBLEMS:
            problems.append(Problem("unknown key (a typo?)", f"$.{key}", key))
    for section, out in sections.items():
        items = data.get(section, [])
        if not isinstance(items, list):
            problems.append(Problem(f"must be a list of tables, not {_json_type(items)}", f"$.{section}", items))
            continue
        for i, item in enumerate(items):
            if len(problems) >= MAX_PROBLEMS:
                break
            try:
                out.append(structure(item, item_types[section]))
            except CatalogError as exc:
                here = f"$.{section}[{i}]"
                problems.extend(attrs.evolve(p, path=here + p.path.removeprefix("$")) for p in exc.problems)
    if len(problems) >= MAX_PROBLEMS:
        del problems[MAX_PROBLEMS:]
        problems.append(Problem(f"more than {MAX_PROBLEMS} problems: the rest of the file was not checked", "$"))
    if problems:
        raise CatalogError(problems, file=file)
    return CatalogFile(
        parties=tuple(sections["parties"]), deals=tuple(sections["deals"]), claims=tuple(sections["claims"])
    )


def catalog_paths(paths: Sequence[str | os.PathLike[str]]) -> list[Path]:
    out: list[Path] = []
    for path in paths:
        p = Path(path)
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix.lower() in (".toml", ".json")))
        else:
            out.append(p)
    return out


def read_catalog_files(
    paths: Sequence[str | os.PathLike[str]],
) -> tuple[list[tuple[str | None, CatalogFile]], list[Problem]]:
    """Read every catalog file among ``paths`` (files, or directories of ``.toml``/``.json``).

    Returns the files that read cleanly and every problem of those that did not.
    """
    files: list[tuple[str | None, CatalogFile]] = []
    problems: list[Problem] = []
    for p in catalog_paths(paths):
        try:
            files.append((str(p), read_catalog_file(p)))
        except CatalogError as exc:
            problems.extend(exc.problems)
    return files, problems


def load_catalog(*paths: str | os.PathLike[str], include_builtin: bool = True) -> Catalog:
    """Load catalog files (or directories of them), by default beside the built-in catalog.

    Every file is read and checked; one :class:`CatalogError` lists every problem in every file.

    >>> len(load_catalog().deal_ids()) >= 3
    True
    """
    if not paths and include_builtin:
        return builtin_catalog()  # built once per process
    files, problems = read_catalog_files(paths)
    if problems:
        raise CatalogError(problems)
    return Catalog.build([*builtin_files(), *files] if include_builtin else files)


def builtin_dir() -> Path:
    """The directory of the built-in catalog files inside the installed package."""
    return Path(str(resources.files("dealkit.catalog") / "builtin"))


@cache
def builtin_files() -> tuple[tuple[str, CatalogFile], ...]:
    root = resources.files("dealkit.catalog") / "builtin"
    out = []
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            data = parse_catalog_bytes(entry.read_bytes(), name=entry.name, fmt="toml")
            out.append((f"dealkit/catalog/builtin/{entry.name}", structure_catalog(data, file=entry.name)))
    return tuple(out)


@cache
def builtin_catalog() -> Catalog:
    """The catalog that ships with dealkit, seeded from the five source articles (built once)."""
    return Catalog.build(builtin_files())
