"""What a catalog file declares: the shape of each deal (everything but its figures), and the file itself."""

from __future__ import annotations

from typing import Final, final

import attrs

from .._model import (
    Claim,
    Party,
    check_id,
    check_text,
    check_tuple_of,
    one_of,
    section_properties,
)
from .._typing import FigureKind, TrancheKind

__all__ = ["FORMAT_VERSION", "CatalogFile", "ComputeShape", "DealShape", "MilestoneShape", "SpendShape", "TrancheShape"]

#: The version of the catalog file format this dealkit reads and writes.
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

    def parts(self) -> dict[str, tuple[str, ...]]:
        """The names of this deal's parts in each section (tranche kinds, commitment and milestone names)."""
        return {
            "deal": ("",),
            "tranche": tuple(t.kind for t in self.tranches),
            "compute": tuple(c.name for c in self.compute),
            "spend": tuple(s.name for s in self.spend),
            "milestone": tuple(m.name for m in self.milestones),
        }

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
