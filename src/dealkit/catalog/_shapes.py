"""What a catalog file declares: the shape of each deal (everything but its figures), and the file itself."""

from __future__ import annotations

from typing import Any, Final, final

import attrs

from .._errors import CatalogError, InvalidValueError, Problem, json_type
from .._model import (
    INVESTOR_ROLES,
    TRANCHE_KINDS,
    Claim,
    Conflict,
    DealRelation,
    OneOfFields,
    Party,
    Requires,
    Source,
    WebSource,
    check_id,
    check_part_name,
    check_sources,
    check_text,
    check_tuple_of,
    instance_of,
    one_of,
    section_properties,
)
from .._typing import FigureKind, InvestorRole, TrancheKind
from ..serialization import structure, unstructure

__all__ = [
    "FORMAT_VERSION",
    "MAX_PROBLEMS",
    "CatalogFile",
    "ComputeShape",
    "DealShape",
    "InvestorShape",
    "MilestoneShape",
    "SpendShape",
    "TrancheShape",
    "structure_catalog",
]

#: The version of the catalog file format this dealkit reads and writes.
FORMAT_VERSION: Final = 1
#: At most this many problems are reported for one file; the rest is not checked.
MAX_PROBLEMS: Final = 1000


@final
@attrs.frozen
class TrancheShape:
    """A tranche as a catalog file declares it; its amount and date come from claims.

    Its ``name`` (by default its kind) names it in properties (``tranche.<name>.amount``),
    across every investor of the deal.
    """

    kind: TrancheKind = attrs.field(validator=one_of(*TRANCHE_KINDS))
    condition: str = attrs.field(default="", validator=check_text)
    name: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_part_name))
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=check_sources)

    @property
    def part(self) -> str:
        """The tranche's name in property names: its ``name``, else its kind."""
        return self.name or self.kind


@final
@attrs.frozen
class ComputeShape:
    """A compute commitment as declared; capacity and date come from claims."""

    name: str = attrs.field(validator=check_id)
    provider: str = attrs.field(validator=check_id)
    recipient: str = attrs.field(validator=check_id)
    chips: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    description: str = attrs.field(default="", validator=check_text)
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=check_sources)
    prior: bool = attrs.field(default=False, validator=instance_of(bool))


@final
@attrs.frozen
class SpendShape:
    """A spend commitment as declared; amount and term come from claims."""

    name: str = attrs.field(validator=check_id)
    payer: str = attrs.field(validator=check_id)
    payee: str = attrs.field(validator=check_id)
    covers: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=check_sources)


@final
@attrs.frozen
class MilestoneShape:
    """A milestone as declared; its date and capacity come from claims."""

    name: str = attrs.field(validator=check_id)
    description: str = attrs.field(validator=check_text)
    chips: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=check_sources)
    prior: bool = attrs.field(default=False, validator=instance_of(bool))


@final
@attrs.frozen
class InvestorShape:
    """One investor of a deal as declared: the party, its investee (default: the deal's), role and tranches.

    Its own amount comes from the claim ``investor.<party>.amount``.
    """

    party: str = attrs.field(validator=check_id)
    investee: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    role: InvestorRole = attrs.field(default="member", validator=one_of(*INVESTOR_ROLES))
    tranches: tuple[TrancheShape, ...] = ()
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=check_sources)


_ONE_INVESTOR_OR_MANY: Final = OneOfFields(
    ("investor", "investors"), "a deal names its investors: 'investor' for one, or 'investors', not both"
)
_TRANCHES_OF_THE_ONE: Final = Requires(
    "investor", "top-level 'tranches' belong to the one 'investor'; with 'investors', list each investor's own"
)


@final
@attrs.frozen
class DealShape:
    """The shape of a deal in a catalog file: everything but its figures.

    Investors: ``investor`` (with top-level ``tranches``) is the shorthand for a
    deal with one investor, its lead; ``investors`` lists several, each with its
    own tranches.  Exactly one of the two is given.  ``investee`` is keyword-only.

    >>> DealShape("acme-lab-2027", "Acme backs A Lab", "acme", investee="lab").investor_shapes()[0].role
    'lead'
    
    """

    id: str = attrs.field(validator=check_id)
    title: str = attrs.field(validator=check_text)
    investor: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    # Keyword-only: the third argument stays ``investor``, as it was when a deal had one.
    investee: str = attrs.field(kw_only=True, validator=check_id)
    summary: str = attrs.field(default="", validator=check_text)
    tranches: tuple[TrancheShape, ...] = attrs.field(default=(), validator=_TRANCHES_OF_THE_ONE)
    investors: tuple[InvestorShape, ...] = attrs.field(default=(), validator=_ONE_INVESTOR_OR_MANY)
    compute: tuple[ComputeShape, ...] = ()
    spend: tuple[SpendShape, ...] = ()
    milestones: tuple[MilestoneShape, ...] = ()
    relations: tuple[DealRelation, ...] = ()
    sources: tuple[Source | WebSource, ...] = attrs.field(default=(), validator=check_sources)

    def investor_shapes(self) -> tuple[InvestorShape, ...]:
        """Every investor as declared; the shorthand ``investor`` is one lead with the top-level tranches."""
        if self.investor is not None:
            return (InvestorShape(self.investor, None, "lead", self.tranches),)
        return self.investors

    def all_tranches(self) -> tuple[TrancheShape, ...]:
        """Every tranche of every investor, in order."""
        return tuple(t for i in self.investor_shapes() for t in i.tranches)

    def parts(self) -> dict[str, tuple[str, ...]]:
        """The names of this deal's parts in each section (investors, tranche, commitment and milestone names)."""
        return {
            "deal": ("",),
            "investor": tuple(i.party for i in self.investor_shapes()),
            "tranche": tuple(t.part for t in self.all_tranches()),
            "compute": tuple(c.name for c in self.compute),
            "spend": tuple(s.name for s in self.spend),
            "milestone": tuple(m.name for m in self.milestones),
        }

    def named_parties(self) -> tuple[tuple[str, str], ...]:
        """Every party this deal names, as ``(path within the deal, party id)``, in declaration order.

        >>> DealShape("d", "D", "amazon", investee="anthropic").named_parties()
        (('investee', 'anthropic'), ('investor', 'amazon'))
        """
        out = [("investee", self.investee)]
        if self.investor is not None:
            out.append(("investor", self.investor))
        for j, inv in enumerate(self.investors):
            out.append((f"investors[{j}].party", inv.party))
            if inv.investee is not None:
                out.append((f"investors[{j}].investee", inv.investee))
        for i, c in enumerate(self.compute):
            out += [(f"compute[{i}].provider", c.provider), (f"compute[{i}].recipient", c.recipient)]
        for i, s in enumerate(self.spend):
            out += [(f"spend[{i}].payer", s.payer), (f"spend[{i}].payee", s.payee)]
        return tuple(out)

    def slots(self) -> dict[str, FigureKind]:
        """Every property this deal reads from claims (named by the property table), with its figure kind."""
        out: dict[str, FigureKind] = {}
        for section, names in self.parts().items():
            for spec in section_properties(section):  # type: ignore[arg-type]
                for part in names:
                    out[spec.name(part or None)] = spec.kind
        return out


@final
@attrs.frozen
class CatalogFile:
    """The content of one catalog file, as structured by the converter."""

    format: int = FORMAT_VERSION
    parties: tuple[Party, ...] = ()
    deals: tuple[DealShape, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()

    def to_data(self) -> dict[str, Any]:
        """The file as plain data, as a catalog file writes it (empty sections and fields left out)."""
        data = {
            "format": self.format,
            "parties": unstructure(self.parties, tuple[Party, ...]),
            "deals": unstructure(self.deals, tuple[DealShape, ...]),
            "claims": unstructure(self.claims, tuple[Claim, ...]),
            "conflicts": unstructure(self.conflicts, tuple[Conflict, ...]),
        }
        out: dict[str, Any] = _drop_empty(data)
        return out

    @classmethod
    def from_data(cls, data: object) -> CatalogFile:
        """Structure parsed file data, listing every problem (see :func:`~dealkit.catalog.structure_catalog`)."""
        return structure_catalog(data)


def _drop_empty(value: Any) -> Any:
    if isinstance(value, dict):
        # A false flag (``prior``) is its default: left out, as the file most likely did.
        return {
            k: _drop_empty(v) for k, v in value.items() if v is not None and v is not False and v != [] and v != ()
        }
    if isinstance(value, (list, tuple)):
        return [_drop_empty(v) for v in value]
    return value


def structure_catalog(data: object, *, file: str | None = None) -> CatalogFile:
    """Structure parsed data into a :class:`CatalogFile`, listing every problem found.

    Items are structured one at a time, so that a hostile file with a million
    broken entries costs no more than :data:`MAX_PROBLEMS` of them: past that
    many problems, the rest of the file is not checked and the last problem
    says so.
    """
    if file is not None and not isinstance(file, str):
        raise InvalidValueError(f"'file' must be text or None, not {type(file).__name__}", file)
    if not isinstance(data, dict):
        raise CatalogError([Problem("a catalog must be a table at the top level", "$", data)], file=file)
    problems: list[Problem] = []
    sections: dict[str, list[Any]] = {"parties": [], "deals": [], "claims": [], "conflicts": []}
    item_types: dict[str, type] = {"parties": Party, "deals": DealShape, "claims": Claim, "conflicts": Conflict}
    fmt = data.get("format", FORMAT_VERSION)
    if type(fmt) is not int:
        problems.append(Problem(f"must be a whole number, not {json_type(fmt)}", "$.format", fmt))
    elif fmt != FORMAT_VERSION:
        problems.append(Problem(f"unsupported format (this dealkit reads {FORMAT_VERSION})", "$.format", fmt))
    for key in data:
        if key != "format" and key not in sections and len(problems) < MAX_PROBLEMS:
            problems.append(Problem("unknown key (a typo?)", f"$.{key}", key))
    for section, out in sections.items():
        items = data.get(section, [])
        if not isinstance(items, list):
            problems.append(Problem(f"must be a list of tables, not {json_type(items)}", f"$.{section}", items))
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
        parties=tuple(sections["parties"]), deals=tuple(sections["deals"]), claims=tuple(sections["claims"]),
        conflicts=tuple(sections["conflicts"]),
    )
