"""Reading figures out of English news text: money, power, energy, percentages, multiples, durations, dates.

The reader works in two steps.  Compiled regular expressions propose candidate
spans (with any qualifier phrase in front: "up to", "more than", "nearly",
"~", and a trailing "+"); each candidate is then read by the library's own
parsers (:meth:`Estimate.parse` over :meth:`CurrencyAmount.parse`,
:meth:`Power.parse`, :meth:`PartialDate.parse`, ...), and only what they accept
is reported, so what :func:`extract` finds is exactly what the parsers read.
Overlapping candidates are settled in favour of the longest.  No text is ever
evaluated, and the input size is bounded.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from decimal import Decimal
from typing import Any, Final, final

import attrs

from .._errors import DealkitError, InvalidValueError, ParseError
from .._model import instance_of, one_of
from .._typing import FigureKind
from .._values import (
    APPROX_PHRASES,
    AT_LEAST_PHRASES,
    AT_MOST_PHRASES,
    BELOW_PHRASES,
    CURRENCY_SYMBOLS,
    FIGURE_KINDS,
    MONTHS,
    SCALE_WORDS,
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    FigureValue,
    PartialDate,
    Power,
    Qualifier,
    check_estimate_kind,
    estimate_text,
    parse_decimal,
)

__all__ = ["Figure", "extract"]

#: The longest text :func:`extract` reads (5 MB of characters); longer input is refused.
MAX_EXTRACT_LENGTH: Final = 5_000_000


def _check_span(instance: Figure, attribute: attrs.Attribute[int], value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise InvalidValueError(f"'{attribute.name}' must be an int >= 0", value)


@final
@attrs.frozen
class Figure:
    """One figure found in a text: its kind, its qualified value, and where it stands.

    ``text[start:end]`` of the input is :attr:`text`, qualifier phrase included.

    >>> f = extract("Amazon will invest up to $25 billion.")[0]
    >>> f.kind, f.qualifier.value, f.value_text, f.start, f.end, f.text
    ('money', 'at_most', '25000000000 USD', 19, 36, 'up to $25 billion')

    .. versionadded:: 0.1.0
    """

    kind: FigureKind = attrs.field(validator=one_of(*FIGURE_KINDS))
    """What the figure measures: ``"money"``, ``"power"``, ``"date"``, ..."""
    estimate: Estimate[FigureValue] = attrs.field(validator=attrs.validators.instance_of(Estimate))
    """The value with the qualifier the wording gave it.

    Its values are of the kind's type (as for :class:`dealkit.Claim`): :class:`CurrencyAmount`,
    :class:`Power`, :class:`Energy`, :class:`Duration`, :class:`PartialDate`, or a
    ``Decimal`` for multiples, percentages and counts (``3`` for "3x", ``84`` for "84%").
    """
    start: int = attrs.field(validator=_check_span)
    """Offset of the first character in the input."""
    end: int = attrs.field(validator=_check_span)
    """Offset just past the last character (exclusive)."""
    text: str = attrs.field(validator=instance_of(str))
    """The figure as the input words it: ``input[start:end]``."""

    def __attrs_post_init__(self) -> None:
        check_estimate_kind(self.kind, self.estimate, "figure")
        if self.end - self.start != len(self.text) or not self.text:
            raise InvalidValueError(
                "'end' - 'start' must equal the (non-zero) length of 'text'",
                f"{self.start}..{self.end}: {self.text!r}",
            )

    @property
    def qualifier(self) -> Qualifier:
        """How the wording qualified the figure (``exact``, ``at_most``, ...)."""
        return self.estimate.qualifier

    @property
    def value_text(self) -> str:
        """The canonical value text.

        ``"25000000000 USD"``, ``"5 GW"``, ``"30 MW .. 50 MW"``, ``"2026-Q2"``, ``"3x"``, ``"84%"``.
        """
        return estimate_text(self.kind, self.estimate)

    def to_json(self) -> dict[str, str | int]:
        """The figure as a plain JSON object.

        >>> extract("nearly 1GW")[0].to_json()
        {'value': '1 GW', 'qualifier': 'approximately', 'kind': 'power',
         'start': 0, 'end': 10, 'text': 'nearly 1GW'}
        """
        return {
            "value": self.value_text,
            "qualifier": self.qualifier.value,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
        }


# -- the grammar of figures --------------------------------------------------------------
#
# Every piece is bounded ({1,3} spaces, at most 28 digits), and nothing nests a
# repetition inside a repetition, so each scan is linear in the input.

_SP: Final = r"[ \t\u00a0\u202f]"
_SPS: Final = _SP + "{1,3}"
#: A figure does not start inside a word or a number.
_LEFT: Final = r"(?<![\w.,])"
#: ... nor stop inside one.
_RIGHT: Final = r"(?![\w]|[.,][0-9])"
_NUM: Final = r"(?:[0-9]{1,3}(?:,[0-9]{3}){1,8}|[0-9]{1,28})(?:\.[0-9]{1,28})?"

_NUMBER_WORDS: Final[dict[str, int]] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "single": 1,
}
_WORD: Final = (
    r"(?i:" + "|".join(sorted((w for w in _NUMBER_WORDS if w != "single"), key=len, reverse=True)) + r")\b"
)
#: A digit number with an optional space, or a spelled number (one .. twenty) with one.
_QTY: Final = rf"(?:{_NUM}{_SP}?|{_WORD}{_SPS})"
_NUM_OR_WORD: Final = rf"(?:{_NUM}|{_WORD})"


def _alternation(words: Iterable[str]) -> str:
    """An alternation of ``words``, escaped, longest first (so "US$" is tried before "$")."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


#: The symbols and scale words :meth:`CurrencyAmount.parse` reads; a lone scale letter
#: only right after the number, in either case ("$25B", "$25b").
_SYM: Final = rf"(?:{_alternation(CURRENCY_SYMBOLS)})"
_SCALE_WORD: Final = rf"(?i:{_alternation(w for w in SCALE_WORDS if len(w) > 1)})\b"
_SCALE_LETTER: Final = "".join(w + w.upper() for w in SCALE_WORDS if len(w) == 1)
_SCALE: Final = rf"(?:{_SP}?{_SCALE_WORD}|[{_SCALE_LETTER}]\b)"
_MONEY_SYM: Final = rf"{_SYM}{_SP}?{_NUM}(?:{_SCALE})?{_RIGHT}"
_MONEY_CODE: Final = rf"{_NUM}(?:{_SP}?{_SCALE_WORD})?{_SP}[A-Z]{{3}}{_RIGHT}"
_MONEY_HIGH: Final = rf"(?:{_SYM}{_SP}?{_NUM}(?:{_SCALE})?|{_NUM}{_SCALE}){_RIGHT}"

_POWER_UNIT: Final = r"(?:[kMGT]W\b|(?i:(?:kilo|mega|giga|tera)?watts?)\b)"
_ENERGY_UNIT: Final = r"(?:[kMGT]?Wh\b|(?i:(?:kilo|mega|giga|tera)?watt-?hours?)\b)"
_POWER: Final = rf"{_QTY}{_POWER_UNIT}"
_ENERGY: Final = rf"{_QTY}{_ENERGY_UNIT}"

_PERCENT: Final = rf"(?:{_NUM}{_SP}?%|{_NUM_OR_WORD}{_SPS}(?i:percent|per{_SP}cent)\b)"
_MULTIPLE: Final = rf"{_NUM}[xX×](?!\w)"

_DURATION_UNIT: Final = r"(?i:days?|months?|quarters?|years?)\b"
_DURATION_NUM: Final = rf"(?:{_NUM}|{_WORD}|(?i:single)\b)"
_DURATION: Final = rf"{_DURATION_NUM}(?:{_SPS}|-){_DURATION_UNIT}"
_DECADE: Final = rf"(?:(?i:decade-long)\b|(?i:a|one){_SPS}(?i:decade)\b(?!-))"

#: Month names and abbreviations as :meth:`PartialDate.parse` reads them, capitalised.
_MONTH: Final = rf"(?:{_alternation(name.capitalize() for name in MONTHS)})\b\.?"
_YEAR: Final = rf"(?:19[0-9]{{2}}|2[01][0-9]{{2}}|2200){_RIGHT}"
_DAY: Final = r"[0-9]{1,2}(?![0-9])"
_DATES: Final = (
    rf"[0-9]{{4}}-[0-9]{{2}}-[0-9]{{2}}{_RIGHT}(?!-)",
    rf"[0-9]{{4}}-[0-9]{{2}}{_RIGHT}(?!-)",
    rf"[0-9]{{4}}-[QH][0-9]{_RIGHT}",
    rf"[QH][0-9]{_SPS}{_YEAR}",
    rf"(?i:first|second|third|fourth){_SPS}(?i:quarter|half)(?:{_SPS}(?i:of))?{_SPS}{_YEAR}",
    rf"{_MONTH}{_SPS}{_DAY},?{_SPS}{_YEAR}",
    rf"{_DAY}{_SPS}{_MONTH},?{_SPS}{_YEAR}",
    rf"{_MONTH},?{_SPS}{_YEAR}",
    rf"(?:(?i:end){_SPS}(?i:of){_SPS}|(?i:late){_SPS}|(?i:end)-){_YEAR}",
    rf"(?i:year-end)(?:{_SPS}{_YEAR}|\b)",
)

_SEP: Final = rf"(?P<sep>{_SP}{{0,3}}[–—-]{_SP}{{0,3}}|{_SPS}(?i:to){_SPS})"


def _ranges(low: str, high: str) -> str:
    return rf"(?i:between){_SPS}{low}{_SPS}(?i:and){_SPS}{high}|{low}{_SEP}{high}"


def _phrases(words: tuple[str, ...], drop: frozenset[str] = frozenset()) -> str:
    """Qualifier phrases, spelled backwards, each after the space that follows it.

    The words before a figure are matched backwards from its first character
    (one anchored match, however long the text); longest phrases come first.
    """
    out = []
    for phrase in sorted(set(words) - drop, key=len, reverse=True):
        body = _SPS.join(re.escape(part[::-1]) for part in reversed(phrase.split(" ")))
        out.append((_SPS if phrase[-1].isalpha() else _SP + "{0,3}") + body)
    return "(?i:" + "|".join(out) + r")(?![\w.,])"


_ALL_PHRASES: Final = BELOW_PHRASES + APPROX_PHRASES + AT_MOST_PHRASES + AT_LEAST_PHRASES
#: Modifiers kept in a duration's span but not read: "the next decade" is ten years.
_MODIFIERS: Final = rf"(?:{_SPS}(?P<mod>(?i:txen|gnimoc|tsap))(?![\w.,]))?"
# What may stand before a figure, backwards: a qualifier phrase, and for durations a modifier.
#: "by $5 billion" is an increment, not a bound.
_QUANTITY_LEAD: Final = re.compile(rf"(?P<q>{_phrases(_ALL_PHRASES, frozenset({'by'}))})?")
#: "over ten years" is a period, not a lower bound.
_DURATION_LEAD: Final = re.compile(
    _MODIFIERS
    + "(?P<q>"
    + _phrases(
        _ALL_PHRASES,
        frozenset({"by", "over", "over the", "above", "below", "beyond", "surpassing",
                   "surpassed", "exceeding", "exceeded", "topping"}),
    )
    + ")?"
)
#: "by Q2 2026", "by the end of 2025" is a deadline; a date is never "about" anything.
_DATE_LEAD: Final = re.compile(rf"(?P<q>{_SPS}(?:(?i:eht){_SPS})?(?i:yb)(?![\w.,]))?")
#: How far back a lead is looked for (longer than any lead, so its boundary is seen).
_LEAD_REACH: Final = 48


def _lead(pattern: re.Pattern[str], text: str, at: int) -> tuple[int, int]:
    """Where the qualifier phrase and the modifier before ``text[at]`` start (-1: none)."""
    if not at or text[at - 1] not in " \t\u00a0\u202f~.":
        return -1, -1
    m = pattern.match(text[max(0, at - _LEAD_REACH) : at][::-1])
    if m is None:  # pragma: no cover - every group is optional
        return -1, -1
    q = at - m.end("q") if m["q"] else -1
    mod = at - m.end("mod") if "mod" in pattern.groupindex and m["mod"] else -1
    return q, mod


_PERCENT_RE: Final = re.compile(rf"({_NUM})\s*(?:%|percent|per cent)", re.I)
_MULTIPLE_RE: Final = re.compile(rf"({_NUM})[xX×]")


def _plain_number(digits: str) -> Decimal:
    return parse_decimal(digits.replace(",", ""))


def parse_percent(text: str) -> Decimal:
    """Read ``"84%"`` or ``"84 percent"`` as percentage points (``Decimal('84')``).

    >>> parse_percent("84%"), parse_percent("12.5 per cent")
    (Decimal('84'), Decimal('12.5'))
    """
    m = _PERCENT_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None:
        raise ParseError("not a percentage (e.g. '84%')", text)
    return _plain_number(m[1])


def parse_multiple(text: str) -> Decimal:
    """Read ``"3x"`` as the factor (``Decimal('3')``).

    >>> parse_multiple("3x"), parse_multiple("1.5×")
    (Decimal('3'), Decimal('1.5'))
    """
    m = _MULTIPLE_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None:
        raise ParseError("not a multiple (e.g. '3x')", text)
    return _plain_number(m[1])


@attrs.frozen
class _Form:
    """One way a kind of figure is written, and how to read it."""

    core: str
    """The figure's own text, qualifier phrase excluded (regex source)."""
    plus: bool = True
    """Whether a trailing "+" (at least) may follow."""
    ranged: bool = False
    bare_year: bool = False
    needs_mod: bool = False
    """Whether it is a figure only after a modifier ("next decade")."""


@attrs.frozen
class _Kind:
    """The forms of one kind of figure, the lead before them, and the parser of one value."""

    kind: FigureKind
    forms: tuple[_Form, ...]
    lead: re.Pattern[str]
    parse: Callable[[str], FigureValue]
    anchor: re.Pattern[str]
    """Something every figure of the kind contains (a unit, a symbol, a year): only
    the text around it is scanned."""
    scanner: re.Pattern[str] = attrs.field(init=False)
    """Where any of the forms starts: one pass over the text finds every start."""
    matchers: tuple[tuple[_Form, re.Pattern[str]], ...] = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "scanner", _scanner(self.forms))
        object.__setattr__(self, "matchers", tuple((f, _form_re(f)) for f in self.forms))


_DURATION_LOW: Final = rf"{_DURATION_NUM}(?:(?:{_SPS}|-){_DURATION_UNIT})?"
_FORMS: Final[dict[FigureKind, tuple[_Form, ...]]] = {
    "money": (
        _Form(_MONEY_SYM),
        _Form(_MONEY_CODE),
        _Form(_ranges(_MONEY_SYM, _MONEY_HIGH), ranged=True),
    ),
    "power": (_Form(_POWER), _Form(_ranges(rf"(?:{_POWER}|{_NUM_OR_WORD})", _POWER), ranged=True)),
    "energy": (_Form(_ENERGY), _Form(_ranges(rf"(?:{_ENERGY}|{_NUM_OR_WORD})", _ENERGY), ranged=True)),
    "percent": (_Form(_PERCENT), _Form(_ranges(rf"(?:{_PERCENT}|{_NUM})", _PERCENT), ranged=True)),
    "multiple": (_Form(_MULTIPLE), _Form(_ranges(rf"{_NUM}[xX×]?", _MULTIPLE), ranged=True)),
    "duration": (
        _Form(_DURATION, plus=False),
        _Form(_DECADE, plus=False),
        _Form(r"(?i:decade)\b(?!-)", plus=False, needs_mod=True),
        _Form(_ranges(_DURATION_LOW, _DURATION), plus=False, ranged=True),
    ),
    "date": (
        *(_Form(d, plus=False) for d in _DATES),
        _Form(_YEAR, plus=False, bare_year=True),
        _Form(_ranges(_YEAR, _YEAR), plus=False, ranged=True),
    ),
}


_ANCHORS: Final[dict[FigureKind, re.Pattern[str]]] = {
    "money": re.compile(r"[$€£]|[A-Z]{3}"),
    "power": re.compile(r"[kMGT]W|[Ww][Aa][Tt][Tt]"),
    "energy": re.compile(r"Wh|[Ww][Aa][Tt][Tt]"),
    "percent": re.compile(r"%|[Pp][Ee][Rr]"),
    "multiple": re.compile(r"[0-9][xX×]"),
    "duration": re.compile(r"day|month|quarter|year|decade", re.I),
    "date": re.compile(r"[0-9]{4}|(?i:year-end)"),
}
#: How far a figure may start before the first anchor in it (a long "between ... and ...").
_BEFORE_ANCHOR: Final = 200
#: How far a figure may end after the start of the last anchor in it.
_AFTER_ANCHOR: Final = 200


@functools.cache
def _form_re(form: _Form) -> re.Pattern[str]:
    plus = r"(?P<plus>\+)?" if form.plus else ""
    return re.compile(rf"(?P<core>{form.core}){plus}")


@functools.cache
def _scanner(forms: tuple[_Form, ...]) -> re.Pattern[str]:
    return re.compile(_LEFT + "(?:" + "|".join(f"(?:{f.core})" for f in forms) + ")")


@functools.lru_cache(maxsize=16)
def _kinds(reference: PartialDate | None) -> tuple[_Kind, ...]:
    def parse_date(text: str) -> PartialDate:
        return PartialDate.parse(text, reference=reference)

    return (
        _Kind("money", _FORMS["money"], _QUANTITY_LEAD, CurrencyAmount.parse, _ANCHORS["money"]),
        _Kind("power", _FORMS["power"], _QUANTITY_LEAD, Power.parse, _ANCHORS["power"]),
        _Kind("energy", _FORMS["energy"], _QUANTITY_LEAD, Energy.parse, _ANCHORS["energy"]),
        _Kind("percent", _FORMS["percent"], _QUANTITY_LEAD, parse_percent, _ANCHORS["percent"]),
        _Kind("multiple", _FORMS["multiple"], _QUANTITY_LEAD, parse_multiple, _ANCHORS["multiple"]),
        _Kind("duration", _FORMS["duration"], _DURATION_LEAD, Duration.parse, _ANCHORS["duration"]),
        _Kind("date", _FORMS["date"], _DATE_LEAD, parse_date, _ANCHORS["date"]),
    )


# -- reading candidates ------------------------------------------------------------------

_WORD_RE: Final = re.compile(
    r"\b(?:" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\b", re.I
)
_DECADE_RE: Final = re.compile(r"\b(?:(?:a|one)\s+)?decade(?:-long)?\b", re.I)
_UNIT_HYPHEN_RE: Final = re.compile(r"(?<=[0-9A-Za-z])-(?=(?:day|month|quarter|year)s?\b)", re.I)
#: The word before a position, backwards.
_PREVIOUS_WORD_RE: Final = re.compile(r"[ \t\u00a0\u202f]{1,3}([A-Za-z'’]*[A-Za-z])")
_HYPHEN_PREFIX_RE: Final = re.compile(r"(?:^|[^\w])[a-z]{2,6}-$")
#: Words that may stand capitalised right before a bare year that is a date ("In 2023").
_YEAR_LEAD_WORDS: Final = frozenset(
    "in by since for from until till through throughout before after during of at and or to on"
    " circa around about early late mid end fiscal year calendar".split()
)


def _normalise(kind: FigureKind, text: str) -> str:
    """The candidate as the parsers read it: spelled numbers as digits, "10-year" as "10 year"."""
    if kind == "duration":
        if "ecade" in text:
            return _DECADE_RE.sub("a decade", text)
        text = _UNIT_HYPHEN_RE.sub(" ", text)
    if kind in ("duration", "power", "energy", "percent"):
        text = _WORD_RE.sub(lambda m: str(_NUMBER_WORDS[m[0].lower()]), text)
    return text


def _previous_word(text: str, at: int) -> str:
    m = _PREVIOUS_WORD_RE.match(text[max(0, at - 40) : at][::-1])
    return m[1][::-1] if m else ""


def _is_named_year(text: str, start: int) -> bool:
    """Whether a bare year is part of a name (``Build 2026``, ``GPT-2024``) rather than a date."""
    if start and text[start - 1] in "-–—":
        return _HYPHEN_PREFIX_RE.search(text, max(0, start - 8), start) is None  # "mid-2026" is a date
    word = _previous_word(text, start)
    return bool(word) and word[0].isupper() and word.lower() not in _YEAR_LEAD_WORDS


@attrs.frozen
class _Candidate:
    start: int
    end: int
    kind: FigureKind
    estimate: Estimate[FigureValue]


def _variants(kind: _Kind, form: _Form, m: re.Match[str]) -> Iterator[tuple[int, int, str]]:
    """The spans a figure may take (qualifier and "+" included or not), longest first.

    Yields ``(start, end, text for the parser)``; a modifier ("next") stays in
    the span but is not given to the parser.
    """
    text = m.string
    core_start, core_end = m.span("core")
    q_start, mod_start = _lead(kind.lead, text, core_start)
    if form.needs_mod and mod_start < 0:
        return
    if form.bare_year and q_start < 0 and _is_named_year(text, core_start):
        return
    if form.ranged and m["sep"] is not None and "to" in m["sep"].lower():
        # "from $9 billion to $30 billion" is a change, not a range.
        if _previous_word(text, q_start if q_start >= 0 else core_start).lower() == "from":
            return
    first = mod_start if mod_start >= 0 else core_start
    plus_end = m.end("plus") if form.plus else -1
    core = text[core_start:core_end]
    for with_q in (True, False) if q_start >= 0 else (False,):
        for with_plus in (True, False) if plus_end >= 0 else (False,):
            start = q_start if with_q else first
            end = plus_end if with_plus else core_end
            q = text[q_start:first] if with_q else ""
            yield start, end, q + core + ("+" if with_plus else "")


_Seen = dict[tuple[str, str], "Estimate[FigureValue] | None"]


def _windows(anchor: re.Pattern[str], text: str) -> Iterator[tuple[int, int]]:
    """The stretches of ``text`` that may hold a figure: around each anchor, merged."""
    low = high = -1
    for m in anchor.finditer(text):
        start = m.start() - _BEFORE_ANCHOR
        if start > high:
            if high >= 0:
                yield max(0, low), min(len(text), high)
            low = start
        high = m.start() + _AFTER_ANCHOR
    if high >= 0:
        yield max(0, low), min(len(text), high)


def _read(kind: _Kind, text: str, seen: _Seen) -> Iterator[_Candidate]:
    """Every reading of ``kind`` in ``text`` the parsers accept (they may overlap)."""
    search = kind.scanner.search
    for pos, endpos in _windows(kind.anchor, text):
        while (hit := search(text, pos, endpos)) is not None:
            at = hit.start()
            pos = at + 1
            yield from _read_at(kind, text, at, endpos, seen)


def _read_at(kind: _Kind, text: str, at: int, endpos: int, seen: _Seen) -> Iterator[_Candidate]:
    """The readings of ``kind`` that start at ``at`` (the longest of each form)."""
    for form, matcher in kind.matchers:
        m = matcher.match(text, at, endpos)
        if m is None:
            continue
        for start, end, words in _variants(kind, form, m):
            key = (kind.kind, words)
            if key not in seen:
                try:
                    seen[key] = Estimate.parse(_normalise(kind.kind, words), kind.parse)
                except DealkitError:
                    seen[key] = None
            estimate = seen[key]
            if estimate is not None:
                yield _Candidate(start, end, kind.kind, estimate)
                break


def _longest_first(candidates: list[_Candidate], length: int) -> list[_Candidate]:
    """Keep the longest of overlapping candidates (the earlier one on a tie), in text order."""
    candidates.sort(key=lambda c: (c.start - c.end, c.start))
    taken = bytearray(length)
    chosen = []
    for c in candidates:
        if taken.find(1, c.start, c.end) < 0:
            taken[c.start : c.end] = b"\x01" * (c.end - c.start)
            chosen.append(c)
    chosen.sort(key=lambda c: c.start)
    return chosen


def extract(text: str, *, reference: PartialDate | None = None) -> list[Figure]:
    """Find every figure in English news text, with the qualifier its wording gives.

    Reports amounts of money (``$25 billion``, ``$1.25bn``, ``€3 billion``,
    ``$100B+``), power and energy (``5GW``, ``five gigawatts``, ``43.8 TWh``),
    percentages (``84%``), multiples (``3x``), durations (``two months``,
    ``ten years``, ``next decade``) and dates (``April 20, 2026``, ``Q2 2026``,
    ``end of 2025``, ``2023``), each with its qualifier phrase ("up to", "more
    than", "nearly", "~", "between ... and ...", "30–50") inside the span.
    Spans never overlap; the longest reading wins.  Numbers that are not
    figures (``Claude Opus 4.7``, ``GPT-5.4``, ``Build 2026``) are not reported.

    Args:
        text: the text to read, at most :data:`MAX_EXTRACT_LENGTH` characters.
        reference: the date the text was written, for ``year-end``; without
            it such dates are not reported.

    Returns:
        The figures in text order.

    Raises:
        InvalidValueError: ``text`` is not a ``str`` or is too long.

    >>> for f in extract("Amazon will invest up to $25 billion, and nearly 1GW comes online "
    ...                  "by year-end, 30–50 megawatts in Q2 2026.",
    ...                  reference=PartialDate.parse("2026-04-20")):
    ...     print(f"{f.text!r:22} {f.kind:6} {f.qualifier.value:13} {f.value_text}")
    'up to $25 billion'    money  at_most       25000000000 USD
    'nearly 1GW'           power  approximately 1 GW
    'by year-end'          date   at_most       2026-12
    '30–50 megawatts'      power  range         30 MW .. 50 MW
    'Q2 2026'              date   exact         2026-Q2

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise InvalidValueError(f"text must be a str, not {type(text).__name__}", type(text).__name__)
    if len(text) > MAX_EXTRACT_LENGTH:
        raise InvalidValueError(
            f"text is longer than {MAX_EXTRACT_LENGTH} characters; split it first", len(text)
        )
    seen: _Seen = {}
    candidates = [c for kind in _kinds(reference) for c in _read(kind, text, seen)]
    return [
        Figure(c.kind, c.estimate, c.start, c.end, text[c.start : c.end])
        for c in _longest_first(candidates, len(text))
    ]
