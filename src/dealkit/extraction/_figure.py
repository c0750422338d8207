"""``Figure``: one figure found in a text, with its kind, qualified value and words."""

from __future__ import annotations

from typing import Any, Final, final

import attrs

from .._errors import InvalidValueError
from .._model import instance_of, one_of
from .._typing import FigureKind
from .._values import (
    FIGURE_KINDS,
    Duration,
    Energy,
    Estimate,
    FigureValue,
    PartialDate,
    Power,
    Qualifier,
    Rate,
    check_estimate_kind,
    estimate_text,
)

__all__ = ["Figure"]

#: The JSON keys of :meth:`Figure.to_json`, in order.
FIGURE_JSON_KEYS: Final = ("kind", "value", "qualifier", "start", "end", "text", "unit")


def _check_offset(instance: Figure, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(f"'{attribute.name}' must be an int >= 0", value)


def _check_noun(instance: Figure, attribute: attrs.Attribute[str | None], value: str | None) -> None:
    if value is not None and (not isinstance(value, str) or not value or value != value.strip()):
        raise InvalidValueError("'noun' must be None or a non-empty word", value)


@final
@attrs.frozen
class Figure:
    """One figure found in a text: what it measures, its qualified value, and the words that state it.

    ``text[start:end]`` of the input is :attr:`words`, qualifier words included
    ("up to $25 billion").  A count carries the :attr:`noun` it counts; a rate's
    :attr:`unit` is the unit it is per.

    >>> from dealkit import extract
    >>> f = extract("Halcyon will spend up to $25 billion on 600,000 GPUs at $45/MWh.")[0]
    >>> f.kind, f.qualifier.value, f.value_text, f.span, f.words
    ('money', 'at_most', '25000000000 USD', (19, 36), 'up to $25 billion')
    >>> [(g.kind, g.value_text, g.unit) for g in extract("600,000 GPUs at $45/MWh")]
    [('count', '600000', 'GPUs'), ('rate', '45 USD/MWh', 'MWh')]

    .. versionadded:: 0.1.0
    """

    kind: FigureKind = attrs.field(validator=one_of(*FIGURE_KINDS))
    """What the figure measures: ``"money"``, ``"rate"``, ``"power"``, ``"energy"``,
    ``"duration"``, ``"percent"``, ``"multiple"``, ``"count"`` or ``"date"``."""
    value: Estimate[FigureValue] = attrs.field(validator=instance_of(Estimate))
    """The value with the qualifier the wording gives it.

    Its values have the kind's type, as a :class:`dealkit.Claim`'s do:
    :class:`~dealkit.CurrencyAmount`, :class:`~dealkit.Rate`, :class:`~dealkit.Power`,
    :class:`~dealkit.Energy`, :class:`~dealkit.Duration`, :class:`~dealkit.PartialDate`,
    or a ``Decimal`` for percentages (``84`` for "84%"), multiples (``3`` for
    "tripled") and counts.
    """
    start: int = attrs.field(validator=_check_offset)
    """Offset of the first character in the input."""
    end: int = attrs.field(validator=_check_offset)
    """Offset just past the last character (exclusive)."""
    words: str = attrs.field(validator=instance_of(str))
    """The figure as the input words it: ``input[start:end]``."""
    noun: str | None = attrs.field(default=None, validator=_check_noun)
    """What a count counts, as the text writes it (``"GPUs"``, ``"people"``); ``None`` for other kinds."""

    def __attrs_post_init__(self) -> None:
        check_estimate_kind(self.kind, self.value, "figure")
        if self.end - self.start != len(self.words) or not self.words:
            raise InvalidValueError(
                "'end' - 'start' must equal the (non-zero) length of 'words'",
                f"{self.start}..{self.end}: {self.words!r}",
            )
        if (self.noun is None) != (self.kind != "count"):
            raise InvalidValueError("a count names its noun, and only a count does", self.noun)

    @classmethod
    def _trusted(
        cls, kind: FigureKind, value: Estimate[Any], start: int, end: int, words: str, noun: str | None
    ) -> Figure:
        # For the extractor only: every field comes from its own readers, which build
        # values of the kind's type, spans from the input and nouns from its words.
        new = object.__new__(cls)
        _set_kind(new, kind)
        _set_value(new, value)
        _set_start(new, start)
        _set_end(new, end)
        _set_words(new, words)
        _set_noun(new, noun)
        return new

    @property
    def qualifier(self) -> Qualifier:
        """How the wording qualifies the figure (``exact``, ``at_most``, ``at_least``, ``approximately``, ``range``)."""
        return self.value.qualifier

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``: where the figure stands in the input."""
        return (self.start, self.end)

    @property
    def value_text(self) -> str:
        """The canonical value text, as catalog files write it.

        ``"25000000000 USD"``, ``"45 USD/MWh"``, ``"30 MW .. 50 MW"``, ``"2026-Q2"``,
        ``"FY2027"``, ``"2030s"``, ``"3x"``, ``"84%"``, ``"600000"``.
        """
        return estimate_text(self.kind, self.value)

    @property
    def unit(self) -> str | None:
        """The unit of the value: a rate's "per" unit (``"MWh"``), a measure's unit
        (``"GW"``, ``"year"``), a count's noun; ``None`` for money, dates, percentages and multiples."""
        if self.kind == "count":
            return self.noun
        bound = self.value.high if self.value.high is not None else self.value.low
        if isinstance(bound, Rate):
            return bound.unit
        if isinstance(bound, (Power, Energy, Duration)):
            return bound.unit
        return None

    @property
    def fiscal(self) -> bool:
        """Whether the figure is a fiscal year (``FY2027``, "fiscal 2027")."""
        bound = self.value.high if self.value.high is not None else self.value.low
        return isinstance(bound, PartialDate) and bound.precision.value == "fiscal_year"

    def to_json(self) -> dict[str, str | int | None]:
        """The figure as a plain JSON object (what ``dealkit extract`` writes per figure).

        >>> from dealkit import extract
        >>> extract("nearly 1GW")[0].to_json()
        {'kind': 'power', 'value': '1 GW', 'qualifier': 'approximately', 'start': 0, 'end': 10,
         'text': 'nearly 1GW', 'unit': 'GW'}
        """
        return {
            "kind": self.kind,
            "value": self.value_text,
            "qualifier": self.qualifier.value,
            "start": self.start,
            "end": self.end,
            "text": self.words,
            "unit": self.unit,
        }


# The slots' own setters: what object.__setattr__ reaches on a frozen instance, without its lookup.
_set_kind, _set_value, _set_start, _set_end, _set_words, _set_noun = (
    Figure.__dict__[name].__set__ for name in ("kind", "value", "start", "end", "words", "noun")
)
