"""``Claim`` and ``Source``: every figure as a sourced statement, in the spirit of Wikidata."""

from __future__ import annotations

import builtins
import enum
import re
from typing import Final, final

import attrs

from .._args import CheckedEnumType
from .._errors import InvalidValueError
from .._typing import ConflictKind, DerivationRule, FigureKind
from .._values import (
    FIGURE_KINDS,
    CurrencyAmount,
    Estimate,
    FigureT,
    FigureValue,
    PartialDate,
    Qualifier,
    check_estimate_kind,
    estimate_as,
    estimate_text,
)
from .source import AnySource, Source, SourceKind, WebSource, check_quote, check_sources
from .validators import (
    Matches,
    Text,
    check_id,
    check_text,
    check_tuple_of,
    instance_of,
    one_of,
    optional_instance_of,
)

__all__ = [
    "CONFLICT_KINDS",
    "DERIVATION_RULES",
    "PROPERTY_RE",
    "Claim",
    "Conflict",
    "Derivation",
    "Rank",
    "check_property",
]

PROPERTY_RE: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_-]*){0,3}", re.ASCII)


class Rank(enum.Enum, metaclass=CheckedEnumType):
    """How much a claim is trusted beside others of the same subject and property."""

    PREFERRED = "preferred"
    """The best-supported value: the typed models are built from these."""
    NORMAL = "normal"
    """A valid value that is not the headline (another reading, a derived figure)."""
    DEPRECATED = "deprecated"
    """A value a source states that the others contradict; kept, with the reason in ``note``."""

    @property
    def order(self) -> int:
        """0 for preferred, 1 for normal, 2 for deprecated (sort ascending for best first)."""
        return ("preferred", "normal", "deprecated").index(self.value)


#: Each derivation rule, with what it does in words and the qualifiers its result may carry.
DERIVATION_RULES: Final[dict[DerivationRule, tuple[str, tuple[Qualifier, ...]]]] = {
    "count_word": (
        "a plural count word read as the least count it allows ('dozens': at least two dozen)",
        (Qualifier.AT_LEAST,),
    ),
    "nearly": (
        "'nearly X': just under X, down to the approximate tolerance (10 %) below it",
        (Qualifier.APPROXIMATELY,),
    ),
    "date_offset": (
        "a date a stated offset from another claim's date, at the precision the offset gives",
        (Qualifier.EXACT, Qualifier.RANGE, Qualifier.AT_MOST, Qualifier.AT_LEAST),
    ),
    "enclosing_period": (
        "the finest period that holds every date the words allow",
        (Qualifier.EXACT,),
    ),
    "rounded_ratio": (
        "a source's round figure for the ratio of figures it also gives",
        (Qualifier.APPROXIMATELY,),
    ),
    "option_ceiling": (
        "an option to raise a figure to X: X bounds it from above",
        (Qualifier.AT_MOST,),
    ),
    "decade_part": (
        "a part of a decade read as its years: early X0-X3, mid X4-X6, late X7-X9 ('the late 2020s': 2027 .. 2029)",
        (Qualifier.RANGE,),
    ),
    "reference_period": (
        "a period named by its length alone ('the decade', 'this year'), taken as the one holding another claim's date",
        (Qualifier.EXACT,),
    ),
}


@final
@attrs.frozen
class Derivation:
    """How a claim's figure is derived rather than read: the ``rule``, the source ``words`` and the ``inputs``.

    ``words`` are the words of a source the figure is derived from (as a quote:
    a few words, verbatim); ``inputs`` are the ids of other claims the rule uses
    (a date an offset is counted from, the figures a ratio joins).  The claim's
    qualifier must be one the rule supports (:data:`DERIVATION_RULES`).

    >>> Derivation("count_word", "dozens of frontier-scale models").explanation
    "a plural count word read as the least count it allows ('dozens': at least two dozen)"
    """

    rule: DerivationRule = attrs.field(validator=one_of(*DERIVATION_RULES))
    words: str = attrs.field(validator=check_quote)
    inputs: tuple[str, ...] = attrs.field(default=(), validator=check_tuple_of(str))

    @builtins.property
    def explanation(self) -> str:
        """What the rule does, in words."""
        return DERIVATION_RULES[self.rule][0]

    @builtins.property
    def qualifiers(self) -> tuple[Qualifier, ...]:
        """The qualifiers a figure derived by this rule may carry."""
        return DERIVATION_RULES[self.rule][1]


#: A property: a dotted lower-case name (``tranche.immediate.amount``).
check_property: Final = Matches(PROPERTY_RE, "a property is a dotted lower-case name, e.g. 'tranche.immediate.amount'")


@final
@attrs.frozen
class Claim:
    """One figure about a subject (deal or party), with its qualifier, rank and sources.

    >>> from dealkit import CurrencyAmount
    >>> c = Claim(
    ...     id="a26-investment-002", subject="amazon-anthropic-2026", property="investment",
    ...     kind="money", value=Estimate.at_most(CurrencyAmount.parse("$25 billion")),
    ...     sources=(Source("002_71c77df9dbb0c619.txt", "up to $25 billion"),), rank=Rank.PREFERRED)
    >>> c.value_text, c.qualifier.value
    ('25000000000 USD', 'at_most')
    """

    id: str = attrs.field(validator=check_id)
    subject: str = attrs.field(validator=check_id)
    property: str = attrs.field(validator=check_property)
    kind: FigureKind = attrs.field(validator=one_of(*FIGURE_KINDS))
    value: Estimate[FigureValue] = attrs.field(validator=instance_of(Estimate))
    sources: tuple[Source | WebSource, ...] = attrs.field(validator=check_sources)
    rank: Rank = attrs.field(default=Rank.NORMAL, validator=instance_of(Rank))
    as_of: PartialDate | None = attrs.field(default=None, validator=optional_instance_of(PartialDate))
    note: str = attrs.field(default="", validator=check_text)
    derived: Derivation | None = attrs.field(default=None, validator=optional_instance_of(Derivation))
    """How the figure is derived, for a figure no reading of the words gives by itself; ``None``: read as stated."""

    def __attrs_post_init__(self) -> None:
        check_estimate_kind(self.kind, self.value, "claim")
        if self.derived is not None and self.qualifier not in self.derived.qualifiers:
            allowed = ", ".join(q.value for q in self.derived.qualifiers)
            raise InvalidValueError(
                f"the rule {self.derived.rule!r} supports only the qualifier(s) {allowed}",
                self.qualifier.value, path="$.qualifier",
            )
        for bound in (self.value.low, self.value.high, self.value.central):
            # Power, energy, durations, multiples, percents and counts cannot be
            # negative at all; money can (a difference), but no figure a source states is.
            if isinstance(bound, CurrencyAmount) and bound.amount < 0:
                raise InvalidValueError("a money figure must not be negative", str(self.value), path="$.value")
        if not self.sources:
            raise InvalidValueError("a claim needs at least one source", self.id, path="$.sources")
        if self.rank is Rank.DEPRECATED and not self.note.strip():
            raise InvalidValueError(
                "a deprecated claim must say why in 'note'", self.id, path="$.note"
            )

    def value_as(self, kind: type[FigureT]) -> Estimate[FigureT]:
        """The value, typed as an estimate of ``kind``, checked: ``claim.value_as(CurrencyAmount)``.

        Raises:
            DimensionError: the claim holds values of another kind.

        >>> from dealkit import CurrencyAmount, Power
        >>> c = Claim("c1", "d", "investment", "money", Estimate.exact(CurrencyAmount.parse("$5B")),
        ...           (Source("a.txt", "$5 billion"),))
        >>> c.value_as(CurrencyAmount).value.amount
        Decimal('5000000000')
        >>> c.value_as(Power)
        Traceback (most recent call last):
        ...
        dealkit.DimensionError: claim 'c1' holds CurrencyAmount values, not Power (got '5000000000 USD')
        """
        return estimate_as(self.value, kind, f"claim '{self.id}'")

    @builtins.property
    def qualifier(self) -> Qualifier:
        """The qualifier the text gave the figure."""
        return self.value.qualifier

    @builtins.property
    def value_text(self) -> str:
        """The canonical value text (see :mod:`dealkit` docs, "claims JSON")."""
        return estimate_text(self.kind, self.value)

    @builtins.property
    def files(self) -> tuple[str, ...]:
        """The file names of the seed articles among the sources."""
        return tuple(s.file for s in self.sources if isinstance(s, Source))

    @builtins.property
    def refs(self) -> tuple[str, ...]:
        """How each source is cited, in order: a seed article's file name, a web page's URL."""
        return tuple(s.ref for s in self.sources)

    @builtins.property
    def published(self) -> PartialDate | None:
        """When the figure was first published: the earliest publication date of its sources.

        ``None`` when no source gives one (seed articles carry no date).  Dates of
        different precision are ordered by their first day, then their last.
        """
        dates = [s.published for s in self.sources if s.published is not None]
        return min(dates, key=PartialDate.sort_key) if dates else None

    def sources_of(self, kind: SourceKind) -> tuple[AnySource, ...]:
        """The sources of one kind: ``"article"`` or ``"web"``."""
        return tuple(s for s in self.sources if s.kind == kind)

    @builtins.property
    def is_derived(self) -> bool:
        """Whether the figure is derived (by a stated rule) rather than read as stated."""
        return self.derived is not None


CONFLICT_KINDS: Final[tuple[ConflictKind, ...]] = ("value", "meaning")


@final
@attrs.frozen
class Conflict:
    """A recorded disagreement between claims: of ``value``, or of ``meaning`` (same figure, other sense).

    Numbers alone show a conflict of value; a conflict of meaning (one article's
    "total" is another's "new money") they cannot show, so the catalog records
    it: the claims, what each means (``note``), and, once settled, how
    (``resolution``) and whose reading the catalog takes (``prefer``).

    >>> c = Conflict("c1", ("a", "b"), "meaning", "a says total, b says new money", resolution="b", prefer="b")
    >>> c.resolved
    True
    """

    id: str = attrs.field(validator=check_id)
    claims: tuple[str, ...] = attrs.field(validator=check_tuple_of(str, min_items=2))
    kind: ConflictKind = attrs.field(validator=one_of(*CONFLICT_KINDS))
    note: str = attrs.field(validator=Text(required=True, what="note"))
    resolution: str = attrs.field(default="", validator=check_text)
    """How the catalog settles it; empty while it is open."""
    prefer: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    """The claim whose reading the catalog takes, if it takes one (one of ``claims``)."""

    @builtins.property
    def resolved(self) -> bool:
        """Whether the catalog says how it settles the conflict."""
        return bool(self.resolution.strip())
