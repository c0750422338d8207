"""``Claim`` and ``Source``: every figure as a sourced statement, in the spirit of Wikidata."""

from __future__ import annotations

import builtins
import enum
import re
from typing import Any, Final, final

import attrs

from .._args import CheckedEnumType
from .._errors import InvalidValueError
from .._typing import FigureKind
from .._values import (
    FIGURE_KINDS,
    CurrencyAmount,
    Estimate,
    PartialDate,
    Qualifier,
    check_estimate_kind,
    estimate_text,
)
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

__all__ = ["FILE_RE", "MAX_QUOTE_WORDS", "PROPERTY_RE", "Claim", "Rank", "Source", "check_file", "check_property", "check_quote"]

#: The longest quote a source may carry: a few words, never whole sentences.
MAX_QUOTE_WORDS: Final = 12
PROPERTY_RE: Final = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z0-9][a-z0-9_-]*){0,3}", re.ASCII)
FILE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", re.ASCII)


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


#: A source's quote: a few words stating the figure, never a sentence.
check_quote: Final = Text(
    required=True, max_words=MAX_QUOTE_WORDS, what="quote",
    too_long=f"a quote is a few words stating the figure (at most {MAX_QUOTE_WORDS}), not a sentence",
)
#: A source is named by its file name, without directories.
check_file: Final = Matches(FILE_RE, "a source is named by its file name (no directories)")


@final
@attrs.frozen
class Source:
    """Where a claim comes from: the article's file name and the words in it that state the figure.

    >>> Source("002_71c77df9dbb0c619.txt", "up to $25 billion").quote
    'up to $25 billion'
    """

    file: str = attrs.field(validator=check_file)
    quote: str = attrs.field(validator=check_quote)


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
    value: Estimate[Any] = attrs.field(validator=instance_of(Estimate))
    sources: tuple[Source, ...] = attrs.field(validator=check_tuple_of(Source))
    rank: Rank = attrs.field(default=Rank.NORMAL, validator=instance_of(Rank))
    as_of: PartialDate | None = attrs.field(default=None, validator=optional_instance_of(PartialDate))
    note: str = attrs.field(default="", validator=check_text)

    def __attrs_post_init__(self) -> None:
        check_estimate_kind(self.kind, self.value, "claim")
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
        """The file names of the sources."""
        return tuple(s.file for s in self.sources)
