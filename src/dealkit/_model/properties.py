"""The grammar of the properties a deal reads from its claims: one table, read by every part.

A deal's figures are claims about the deal, named by property: ``announced``,
``investment`` (the total over every investor), ``valuation`` for the deal itself,
and ``<section>.<part>.<field>`` for its parts, e.g. ``investor.amazon.amount``
(one investor's own amount), ``tranche.immediate.amount`` (a tranche, by its
name) or ``compute.new-capacity.capacity``.
The catalog builder, the analysis, the command, the plots and the schema all
name properties through :func:`property_name`, so a renamed or mistyped
property fails at once instead of silently dropping a figure.

>>> property_name("compute", "capacity", "new-capacity")
'compute.new-capacity.capacity'
>>> property_name("deal", "investment")
'investment'
>>> parse_property("tranche.immediate.amount")
PropertySpec(section='tranche', field='amount', kind='money', required=True)
"""

from __future__ import annotations

import re
from typing import Final, Literal, TypeAlias, final

import attrs

from .._errors import InvalidValueError
from .._typing import FigureKind

__all__ = [
    "DEAL_PROPERTIES",
    "PropertySpec",
    "Section",
    "parse_property",
    "property_name",
    "section_properties",
]

#: Where in a deal a property belongs: the deal itself, or one of its parts.
Section: TypeAlias = Literal["deal", "investor", "tranche", "compute", "spend", "milestone"]


@final
@attrs.frozen
class PropertySpec:
    """One property a deal reads from claims: where it sits, which field it fills, its figure kind.

    ``required`` properties must have a claim for the deal (or its part) to be built.
    """

    section: Section
    field: str
    kind: FigureKind
    required: bool = False

    def name(self, part: str | None = None) -> str:
        """The property name for ``part`` (an investor's party id, a tranche's, commitment's or milestone's name)."""
        if self.section == "deal":
            if part is not None:
                raise InvalidValueError(f"'{self.field}' belongs to the deal itself, not to a part", part)
            return self.field
        if part is None:
            raise InvalidValueError(f"'{self.section}.<name>.{self.field}' needs the part's name", self.field)
        return f"{self.section}.{part}.{self.field}"


#: Every property a deal reads from its claims.
DEAL_PROPERTIES: Final[tuple[PropertySpec, ...]] = (
    PropertySpec("deal", "announced", "date", required=True),
    PropertySpec("deal", "investment", "money"),
    PropertySpec("deal", "valuation", "money"),
    PropertySpec("investor", "amount", "money"),
    PropertySpec("tranche", "amount", "money", required=True),
    PropertySpec("tranche", "date", "date"),
    PropertySpec("compute", "capacity", "power", required=True),
    PropertySpec("compute", "by", "date"),
    PropertySpec("spend", "amount", "money", required=True),
    PropertySpec("spend", "term", "duration"),
    PropertySpec("milestone", "date", "date", required=True),
    PropertySpec("milestone", "capacity", "power"),
)

_BY_KEY: Final[dict[tuple[str, str], PropertySpec]] = {(p.section, p.field): p for p in DEAL_PROPERTIES}
_PART_RE: Final = re.compile(r"(investor|tranche|compute|spend|milestone)\.([a-z0-9][a-z0-9_-]*)\.([a-z][a-z0-9_]*)", re.ASCII)


def section_properties(section: Section) -> tuple[PropertySpec, ...]:
    """The properties of one section, in table order."""
    return tuple(p for p in DEAL_PROPERTIES if p.section == section)


def property_name(section: Section, field: str, part: str | None = None) -> str:
    """The name of a deal property; raises :class:`~dealkit.InvalidValueError` for one the table lacks."""
    spec = _BY_KEY.get((section, field))
    if spec is None:
        raise InvalidValueError(f"no deal property '{field}' in section '{section}'", field)
    return spec.name(part)


def parse_property(name: str) -> PropertySpec | None:
    """The table entry a property name refers to, or ``None`` for a property no deal reads."""
    m = _PART_RE.fullmatch(name)
    if m is not None:
        return _BY_KEY.get((m[1], m[3]))
    spec = _BY_KEY.get(("deal", name))
    return spec
