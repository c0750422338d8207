"""Reading figures out of English news text.

One scan over a lower-cased copy of the text finds *triggers*: runs of digits
and the words a figure can be made of ("five", "gigawatt", "doubled", "fiscal",
"April", "last year").  At each trigger small anchored readers work forward
(the number, its scale, its unit, currency, noun, a second number of a range, a
price's "per" unit) and backward (a currency symbol, "between", the qualifier
words), and build the value with the library's own constructors.  The longest
reading at a trigger wins; figures never overlap.  No text is ever evaluated,
and the input size is bounded (:data:`MAX_EXTRACT_LENGTH`).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal, InvalidOperation
from typing import Any, Final

from .._errors import DealkitError, InvalidValueError, ParseError
from .._typing import FigureKind
from .._values import (
    MONTHS,
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
    Qualifier,
    Rate,
    approximate_estimate,
    one_value_estimate,
    parse_decimal,
    stated_measure,
    stated_money,
)
from . import _dates
from ._figure import Figure
from ._grammar import (
    CODE_AFTER_RE,
    NAME_AFTER_RE,
    NOUN_RE,
    NUMBER_RE,
    PREFIX_BACK_RE,
    RANGE_SEP_RE,
    RATE_RE,
    SCALE_RE,
    SENTENCE_END,
    SPS,
    SUBUNIT_RE,
    UNIT_RE,
    lower,
    reversed_phrases,
    trigger_re,
)
from ._lexicon import (
    CODE_ALIASES,
    DURATION_UNITS,
    ENERGY_UNITS,
    FOLD_WORDS,
    FRACTIONS,
    IRREGULAR_PLURALS,
    MULTIPLE_WORDS,
    NOT_COUNTED,
    NUMBER_WORDS,
    POWER_UNITS,
    RATE_UNITS,
    SCALE_ABBREVIATIONS,
    SCALES,
    SUBUNITS,
    SYMBOLS,
    TEENS,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    currency_codes,
    currency_names,
)

__all__ = ["MAX_EXTRACT_LENGTH", "extract", "parse_multiple", "parse_percent"]

#: The longest text :func:`extract` reads (5,000,000 characters); longer input is refused.
MAX_EXTRACT_LENGTH: Final = 5_000_000

# -- qualifiers ------------------------------------------------------------------------------

_NEARLY: Final = ("nearly", "almost", "just under", "close to", "just shy of")
_ABOUT: Final = ("roughly", "about", "around", "approximately", "an estimated", "some", "~", "circa", "c.",
                 "an approximate", "more or less", "or so")
_AT_MOST: Final = ("up to", "as much as", "as many as", "at most", "no more than", "not more than", "under",
                   "below", "less than", "fewer than", "a maximum of", "capped at")
_AT_LEAST: Final = ("more than", "at least", "over", "upwards of", "in excess of", "above", "surpassing",
                    "surpassed", "exceeding", "exceeded", "topping", "no less than", "not less than",
                    "no fewer than", "beyond", "a minimum of", "north of", "well over", "well above")
#: "over the next five years", "spread over 20 years": a span, not a lower bound.
_NOT_FOR_DURATIONS: Final = frozenset(
    {"over", "above", "below", "beyond", "surpassing", "surpassed", "exceeding", "exceeded", "topping",
     "north of", "well over", "well above", "under"}
)
_QUALIFIER_OF: Final[dict[str, str]] = {
    **{w: "nearly" for w in _NEARLY}, **{w: "about" for w in _ABOUT},
    **{w: "at_most" for w in _AT_MOST}, **{w: "at_least" for w in _AT_LEAST},
}


def _lead_re(phrases: frozenset[str]) -> re.Pattern[str]:
    return re.compile(rf"(?P<q>{reversed_phrases(phrases)})")


_QUANTITY_LEAD: Final = _lead_re(frozenset(_QUALIFIER_OF))
_DURATION_LEAD: Final = _lead_re(frozenset(_QUALIFIER_OF) - _NOT_FOR_DURATIONS)
_BETWEEN_BACK: Final = re.compile(rf"{SPS}neewteb(?![\w])", re.I)
_LEAD_REACH: Final = 40


def _lead(pattern: re.Pattern[str], text: str, at: int) -> tuple[int, str]:
    """Where the qualifier phrase before ``text[at]`` starts, and the phrase (lower case)."""
    if not at:
        return at, ""
    m = pattern.match(lower(text[max(0, at - _LEAD_REACH) : at][::-1]))
    if m is None:
        return at, ""
    phrase = " ".join(m["q"][::-1].split())
    return at - m.end(), phrase


def _qualified(phrase: str, value: Any, plus: bool = False) -> Estimate[Any]:
    kind = _QUALIFIER_OF.get(phrase, "")
    if kind == "at_most":
        return one_value_estimate(Qualifier.AT_MOST, value)
    if kind == "at_least" or (plus and not kind):
        return one_value_estimate(Qualifier.AT_LEAST, value)
    if kind == "nearly":
        return approximate_estimate(value, nearly=True)
    if kind == "about":
        return approximate_estimate(value)
    return one_value_estimate(Qualifier.EXACT, value)


# -- numbers ---------------------------------------------------------------------------------


class _Number:
    """A number read at a trigger (internal, built once per trigger: a plain slotted class)."""

    __slots__ = ("article", "end", "plus", "scale", "scaled", "spelled", "start", "value", "written")

    def __init__(
        self, start: int, end: int, written: Decimal, scale: int, spelled: bool, article: bool, plus: bool = False
    ) -> None:
        self.start = start
        self.end = end
        self.written = written
        """The number as written, before its scale word."""
        self.scale = scale
        """The factor of its scale word ("billion": 10^9), 1 without one."""
        self.spelled = spelled
        """Written in words ("five", "a hundred")."""
        self.article = article
        """Only "a"/"an"/"half a": a number only before a unit or a scale."""
        self.plus = plus
        self.scaled = scale != 1
        self.value = written * scale if scale != 1 else written


def _word_value(words: str) -> Decimal | None:
    """The value of a spelled number ("a hundred and ten", "two and a half", "half a")."""
    s = " ".join(words.lower().replace("-", " ").split())
    half = Decimal(0)
    if s.endswith(" and a half"):
        s, half = s[: -len(" and a half")], Decimal("0.5")
    if s in ("half a", "half an"):
        return Decimal("0.5")
    if s in ("a dozen", "dozen"):
        return Decimal(12) + half
    if s in ("a single", "single"):
        return Decimal(1)
    total = 0
    current = 0
    for word in s.split():
        if word == "and":
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word in NUMBER_WORDS:
            current += NUMBER_WORDS[word]
        else:
            return None
    total += current
    return Decimal(total) + half


#: What SCALE_RE can start with: a blank, or the first letter of a scale word or abbreviation.
_SCALE_STARTS: Final = frozenset(" \t\u00a0\u202f") | frozenset(
    c for word in (*SCALES, *SCALE_ABBREVIATIONS) for c in (word[0].lower(), word[0].upper())
)


def _number(text: str, at: int, *, letter_scale: bool) -> _Number | None:
    """The number at ``at`` with its scale ("1.25bn", "five hundred", "a hundred thousand")."""
    m = NUMBER_RE.match(text, at)
    if m is None:
        return None
    end = m.end()
    if m["d"] is not None:
        if end < len(text) and text[end].isdigit():
            return None  # more digits than a figure holds
        written = Decimal(m["d"].replace(",", ""))
        spelled = article = False
    else:
        word_value = _word_value(m["w"])
        if word_value is None:
            return None
        written = word_value
        spelled = True
        low = m["w"].lower()
        article = low in ("a", "an") or low.startswith("half")
    scale = 1
    s = SCALE_RE.match(text, end) if text[end : end + 1] in _SCALE_STARTS else None
    if s is not None:
        if s["word"] is not None:
            scale = SCALES[s["word"].lower()]
            end = s.end()
            # "a hundred thousand GPUs": a scale word after "hundred" multiplies it.
            s2 = SCALE_RE.match(text, end) if scale == 100 else None
            if s2 is not None and s2["word"] is not None:
                scale *= SCALES[s2["word"].lower()]
                end = s2.end()
        else:
            abbr = s["abbr"].strip().lower()
            if not spelled and (letter_scale or len(abbr) == 2):
                scale = SCALE_ABBREVIATIONS[abbr]
                end = s.end()
        if scale != 1:
            article = False
    plus = end < len(text) and text[end] == "+"
    return _Number(at, end + plus, written, scale, spelled, article, plus)


# -- what follows a number -------------------------------------------------------------------


class _Reading:
    """A figure read forward from its number: kind, value and the end of its words."""

    __slots__ = ("end", "kind", "noun", "plus", "unit", "value")

    def __init__(
        self, kind: FigureKind, end: int, value: Any, noun: str | None = None, plus: bool = False, unit: str = ""
    ) -> None:
        self.kind = kind
        self.end = end
        self.value = value
        self.noun = noun
        self.plus = plus
        self.unit = unit


def _measure(kind: FigureKind, value: Decimal, symbol: str) -> Any:
    if kind == "power":
        return Power(value, symbol)  # type: ignore[arg-type]
    if kind == "energy":
        return Energy(value, symbol)  # type: ignore[arg-type]
    return Duration(value, symbol)  # type: ignore[arg-type]


def _unit_word(text: str) -> str:
    return text.strip(" \t\u00a0\u202f-").lower()


def _suffix(text: str, n: _Number, currency: str | None) -> _Reading | None:
    """What ``n`` measures, from the words after it."""
    end = n.end
    value = n.value
    if currency is not None:
        return _Reading("money", end, stated_money(value, currency), plus=n.plus)
    m = UNIT_RE.match(text, end)
    if m is not None:
        group = m.lastgroup
        word = _unit_word(m[group])  # type: ignore[index]
        if group == "percent":
            return _Reading("percent", m.end(), value, plus=n.plus)
        if group in ("x", "fold", "times"):
            if group == "times" and _frequency_after(text, m.end()):
                return None
            return _Reading("multiple", m.end(), value, plus=n.plus)
        if group == "energy":
            symbol = ENERGY_UNITS.get(word) or ENERGY_UNITS[_exact_case(m[group], ENERGY_UNITS)]
            return _Reading("energy", m.end(), stated_measure(Energy, value, symbol), unit=symbol)
        if group == "power":
            symbol = POWER_UNITS.get(word) or POWER_UNITS[_exact_case(m[group], POWER_UNITS)]
            return _Reading("power", m.end(), stated_measure(Power, value, symbol), unit=symbol)
        if group == "duration":
            unit, years = DURATION_UNITS[word.removesuffix("-long")]
            return _Reading("duration", m.end(), stated_measure(Duration, value * years, unit), unit=unit)
    money = _currency_after(text, end)
    if money is not None:
        code, subunit, money_end = money
        return _Reading("money", money_end, stated_money(value * subunit, code))
    return _count(text, n)


def _exact_case(found: str, table: dict[str, str]) -> str:
    word = found.strip(" \t\u00a0\u202f-")
    for key in table:
        if key.lower() == word.lower():
            return key
    raise KeyError(word)  # pragma: no cover - the grammar only matches keys of the table


def _frequency_after(text: str, at: int) -> bool:
    """Whether "times"/"twice" is followed by "a year", "per month": a frequency, not a multiple."""
    return _FREQUENCY_RE.match(text, at) is not None


_FREQUENCY_RE: Final = re.compile(rf"{SPS}(?i:a|an|per|each|every){SPS}(?i:year|month|week|day|quarter|decade)\b")


def _currency_after(text: str, at: int) -> tuple[str, Decimal, int] | None:
    """A currency after a number: an ISO code, a name ("billion yen"), cents or pence."""
    m = CODE_AFTER_RE.match(text, at)
    if m is not None:
        code = CODE_ALIASES.get(m["code"], m["code"])
        if code in currency_codes():
            return code, Decimal(1), m.end()
    sub = SUBUNIT_RE.match(text, at)
    if sub is not None:
        if sub["p"] is not None:
            return None if not _small_whole(text, at) else ("GBP", Decimal("0.01"), sub.end())
        word = sub["sub"] or sub["word"].lower()
        code, factor = SUBUNITS[word]
        return code, factor, sub.end()
    m = NAME_AFTER_RE.match(text, at)
    if m is not None and m["w1"].lower() in _first_name_words():
        names = currency_names()
        words = [w for w in (m["w1"], m["w2"], m["w3"]) if w]
        for count in (3, 2, 1):
            if len(words) >= count:
                name = " ".join(words[:count]).lower()
                if name in names:
                    end = m.end(f"w{count}")
                    return names[name], Decimal(1), end
    return None


@functools.cache
def _first_name_words() -> frozenset[str]:
    """The first word of every currency name ("japanese" of "japanese yen"): a name starts with one."""
    return frozenset(name.split()[0] for name in currency_names())


def _small_whole(text: str, at: int) -> bool:
    """"412p" is pence; "1080p" is a screen resolution."""
    start = at
    while start and (text[start - 1].isdigit() or text[start - 1] == "."):
        start -= 1
    try:
        return Decimal(text[start:at]) < 1000
    except InvalidOperation:  # pragma: no cover - digits and a point
        return False


#: Words before a year-like number that make it a date ("in 2000 ..."), not a count.
_YEAR_CONTEXT: Final = frozenset(
    "in the of for since from during by until through its their our this that these those than and or to at on"
    " fiscal calendar mid late early end before after".split()
)


def _year_like(text: str, n: _Number) -> bool:
    return (not n.spelled and not n.scaled and n.end - n.start - n.plus == 4
            and 1900 <= n.value <= 2200 and "," not in text[n.start : n.end])


def _count(text: str, n: _Number) -> _Reading | None:
    """A count: the number and the noun right after it ("600,000 accelerators", "10,000-card")."""
    if n.article or n.value != n.value.to_integral_value() or n.value < 0:
        return None
    m = NOUN_RE.match(text, n.end if not n.plus else n.end - 1)
    if m is None:
        return None
    noun = m["noun"]
    low = noun.lower()
    if low in NOT_COUNTED or low in RATE_UNITS or low in DURATION_UNITS or low in SCALES or low in FRACTIONS:
        return None
    if low in currency_names() or low in SUBUNITS:
        return None
    hyphen = m["sep"] == "-"
    if hyphen:
        if n.spelled:
            return None  # "one-time", "two-way"
    elif not (noun.endswith("s") and not noun.endswith(("ss", "us", "is")) or low in IRREGULAR_PLURALS):
        return None
    if m["sep"].startswith("+") and not n.plus:
        return None
    if _year_like(text, n) and _previous_word(text, n.start).lower() in _YEAR_CONTEXT:
        return None  # "in 2025 terms", "for 2026 puts": the year of something, not a count
    return _Reading("count", m.end(), n.value, noun=noun, plus=n.plus)


# -- the figure at a number ------------------------------------------------------------------


class _Candidate:
    """A figure found at a trigger, before the longest reading is chosen."""

    __slots__ = ("end", "kind", "noun", "start", "value")

    def __init__(
        self, start: int, end: int, kind: FigureKind, value: Estimate[Any], noun: str | None = None
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.noun = noun


_BLANKS: Final = frozenset(" \t\u00a0\u202f")
#: The last character of every currency prefix: a symbol's, a code's, "Rs.", "Rs".
_PREFIX_ENDS: Final = frozenset({s[-1] for s in SYMBOLS} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ.s"))


def _prefix_currency(text: str, at: int) -> tuple[str, int] | None:
    """A currency symbol or code just before the number at ``at``: (ISO code, where it starts)."""
    if not at:
        return None
    before = text[at - 1]
    if before in _BLANKS and at >= 2:
        before = text[at - 2]
    if before not in _PREFIX_ENDS:
        return None  # what PREFIX_BACK_RE could start with (backwards): skips most numbers at once
    m = PREFIX_BACK_RE.match(text[max(0, at - 5) : at][::-1])
    if m is None:
        return None
    if m["sym"] is not None:
        symbol = m["sym"][::-1]
        start = at - m.end()
        # "US$" and "HK$" read whole; a letter glued before "$" is part of another word.
        if start and text[start - 1].isalpha():
            return None
        return SYMBOLS[symbol], start
    code = m["code"][::-1]
    start = at - m.end()
    if start and (text[start - 1].isalnum()):
        return None
    code = CODE_ALIASES.get(code, code)
    return (code, start) if code in currency_codes() else None


def _read_quantity(text: str, at: int) -> _Candidate | None:
    """The quantity figure whose number starts at ``at``: money, rate, measure, percent, multiple, count."""
    prefix = _prefix_currency(text, at)
    currency = prefix[0] if prefix else None
    n = _number(text, at, letter_scale=currency is not None)
    if n is None:
        return None
    first = prefix[1] if prefix else at
    try:
        reading = _suffix(text, n, currency)
    except DealkitError:
        return None
    # A range: "30-50 MW", "$5bn-6bn", "18 to 24 months", "seven or eight years".
    ranged = _range(text, first, n, reading, currency)
    if ranged is not None:
        low_value, high_reading = ranged
        reading = high_reading
        low = low_value
    elif reading is None:
        return None
    else:
        low = None
    kind = reading.kind
    end = reading.end
    high = reading.value
    noun = reading.noun
    # A price: money per unit.
    if kind == "money":
        r = RATE_RE.match(text, end)
        if r is not None:
            unit = "year" if r["annually"] else RATE_UNITS[" ".join(r["unit"].lower().split())]
            try:
                high = Rate(high, unit)
                low = None if low is None else Rate(low, unit)
            except DealkitError:
                return None
            kind, end = "rate", r.end()
    if kind == "duration" and _AGO_ONLY_RE.match(text, end):
        return None  # "two years ago" is a date (read against the reference), not a span
    lead_pattern = _DURATION_LEAD if kind == "duration" else _QUANTITY_LEAD
    if low is not None:
        between = first
        if ranged_by_between(text, first):
            between = first - _BETWEEN_BACK.match(text[max(0, first - 12) : first][::-1]).end()  # type: ignore[union-attr]
        try:
            value: Estimate[Any] = Estimate.between(low, high)
        except DealkitError:
            return None
        return _Candidate(between, end, kind, value, noun)
    start, phrase = _lead(lead_pattern, text, first)
    if n.article and not phrase and kind in ("count",):
        return None
    try:
        value = _qualified(phrase, high, reading.plus)
    except DealkitError:
        return None
    return _Candidate(start, end, kind, value, noun)


def ranged_by_between(text: str, at: int) -> bool:
    return _BETWEEN_BACK.match(text[max(0, at - 12) : at][::-1]) is not None


def _range(
    text: str, first: int, low: _Number, low_reading: _Reading | None, currency: str | None
) -> tuple[Any, _Reading] | None:
    """The second number of a range after ``low``, and the low value in its unit."""
    sep_at = low_reading.end if low_reading is not None and low_reading.kind != "count" else low.end
    if low_reading is not None and low_reading.kind == "money":
        sep_at = low.end
    s = RANGE_SEP_RE.match(text, sep_at)
    if s is None:
        return None
    word = (s["word"] or "").lower()
    between = ranged_by_between(text, first)
    if word == "and" and not between:
        return None
    if between and word != "and":
        return None
    if word == "to" and _from_before(text, first):
        return None  # "from $9 billion to $30 billion" is a change, not a range
    if word == "or" and low_reading is not None:
        return None  # "seven or eight years" only
    at = s.end()
    high_currency = currency
    if currency is not None:
        p = _symbol_at(text, at)
        if p is not None:
            code, at = p
            if code != currency:
                return None
    high = _number(text, at, letter_scale=currency is not None)
    if high is None or high.article:
        return None
    try:
        high_reading = _suffix(text, high, high_currency)
    except DealkitError:
        return None
    if high_reading is None or high_reading.kind == "count" and low_reading is None:
        return None
    if low_reading is not None and low_reading.kind not in (high_reading.kind,):
        return None
    try:
        low_value = _low_end(low, low_reading, high, high_reading)
        if low_value is None or not low_value < high_reading.value:
            return None
    except (DealkitError, TypeError):
        return None
    return low_value, high_reading


def _symbol_at(text: str, at: int) -> tuple[str, int] | None:
    for symbol in sorted(SYMBOLS, key=len, reverse=True):
        if text.startswith(symbol, at):
            return SYMBOLS[symbol], at + len(symbol) + (1 if text[at + len(symbol) : at + len(symbol) + 1] == " " else 0)
    return None


def _low_end(low: _Number, low_reading: _Reading | None, high: _Number, high_reading: _Reading) -> Any:
    """The low end of a range in the high end's unit: "30-50 MW" is 30 MW; "$40-50B" is $40B."""
    if low_reading is not None and low_reading.kind != "money":
        return low_reading.value
    value = low.value
    if not low.scaled and high.scaled and low.written * high.scale < high.value:
        value = low.written * high.scale  # "$30-50 billion", "40-50B"
    hv = high_reading.value
    if high_reading.kind == "money":
        factor = hv.amount / high.value if high.value else Decimal(1)  # cents: 0.01
        return CurrencyAmount(value * factor, hv.currency)
    if high_reading.kind in ("power", "energy", "duration"):
        factor = hv.magnitude / high.value if high.value else Decimal(1)  # a decade: 10 years
        return _measure(high_reading.kind, value * factor, hv.unit)
    return value


def _from_before(text: str, at: int) -> bool:
    return _previous_word(text, at).lower() == "from"


_PREVIOUS_WORD_RE: Final = re.compile(r"[ \t\u00a0\u202f]{1,3}([A-Za-z'’]*[A-Za-z])")


def _previous_word(text: str, at: int) -> str:
    m = _PREVIOUS_WORD_RE.match(text[max(0, at - 40) : at][::-1])
    return m[1][::-1] if m else ""


_AGO_RE: Final = re.compile(rf"{SPS}(?i:ago|after)\b")
_AGO_ONLY_RE: Final = re.compile(rf"{SPS}(?i:ago)\b")
#: "ago" or "after" within reach of a number: only then is it read as a relative date.
_AGO_NEAR: Final = re.compile(r"(?i:ago|after)\b")
_AGO_REACH: Final = 48


# -- figures made of words -------------------------------------------------------------------

#: "a", "an", "one", "a single", "half a", backwards, before a unit or scale word.
_ARTICLE_BACK: Final = re.compile(
    rf"{SPS}(?:elgnis{SPS}a|na|a|eno)(?:{SPS}flah)?(?![\w])", re.I
)
#: Words before "a gigawatt" that make it a unit, not an amount ("what does a gigawatt cost").
_NOT_AN_AMOUNT: Final = frozenset("does do did per each every what which".split())
#: Words before "a year" that make it a frequency ("twice a year", "2% a year").
_FREQUENCY_WORDS: Final = frozenset("once twice thrice times per each every percent cent annually".split())
_OF_RE: Final = re.compile(rf"{SPS}of\b", re.I)
_AFTER_FRACTION_RE: Final = re.compile(rf"{SPS}of\b|[ \t]*(?:[.,;:)!?]|$)", re.I)
_VAGUE_RE: Final = re.compile(
    rf"{SPS}of{SPS}(?:[a-z]+-[a-z]+{SPS}|[a-z]+{SPS}){{0,2}}?(?P<noun>[a-z]+s|people|staff)\b(?P<worth>[’']?)", re.I
)
_DECADE_MOD_BACK: Final = re.compile(rf"{SPS}(?P<mod>txen|gnimoc|tsap|tsal)(?![\w])", re.I)


def _sentence_start(text: str, at: int) -> bool:
    """Whether ``text[at]`` begins a sentence, a line or a quotation."""
    i = at - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f":
        i -= 1
    return i < 0 or text[i] in SENTENCE_END or text[i] in "\"'‘’“”*-•"


def _title_case(text: str, at: int) -> bool:
    """A capitalised number or change word inside a sentence is part of a name or a headline."""
    return text[at].isupper() and not _sentence_start(text, at)


def _article_before(text: str, at: int) -> int:
    """Where "a", "an", "one", "half a" before ``text[at]`` starts, or -1."""
    m = _ARTICLE_BACK.match(text[max(0, at - 16) : at][::-1])
    return -1 if m is None else at - m.end()


def _at_number_word(text: str, at: int, word: str) -> _Candidate | None:
    if _title_case(text, at):
        return None
    if word == "dozen":
        a = _article_before(text, at)
        at = a if a >= 0 else at
    return _read_quantity(text, at)


def _at_scale_word(text: str, at: int, word: str) -> _Candidate | None:
    """"a hundred thousand GPUs", "a billion dollars": the article is the number."""
    a = _article_before(text, at)
    return None if a < 0 else _read_quantity(text, a)


def _at_unit_word(text: str, at: int, word: str) -> _Candidate | None:
    """"a gigawatt", "half a gigawatt", "more than a gigawatt"."""
    a = _article_before(text, at)
    if a < 0 or _previous_word(text, a).lower() in _NOT_AN_AMOUNT:
        return None
    return _read_quantity(text, a)


def _at_time_word(text: str, at: int, word: str, reference: PartialDate | None) -> _Candidate | None:
    """"a year", "a decade", "nearly a decade", "the next decade", "decade-long", "a year ago"."""
    a = -1 if text.startswith("decade-long", at) else _article_before(text, at)
    if a < 0:
        if word != "decade":
            return None
        m = _DECADE_MOD_BACK.match(text[max(0, at - 12) : at][::-1])
        if m is None:
            if text.startswith("decade-long", at) and not _title_case(text, at):
                return _Candidate(at, at + len("decade-long"), "duration", Estimate.exact(Duration(10, "year")))
            return None
        return _Candidate(at - m.end(), at + len(word), "duration", Estimate.exact(Duration(10, "year")))
    previous = _previous_word(text, a).lower()
    if previous in _FREQUENCY_WORDS or (a and text[a - 1 : a] == "%") or _after_a_figure(text, a):
        return None
    cand = _read_quantity(text, a)
    if cand is None:
        return _time_ago(text, a, reference)
    return cand


def _after_a_figure(text: str, at: int) -> bool:
    """"2.6 TWh a year", "grows 20% a year": a frequency after a figure, not a span of time."""
    before = text[max(0, at - 30) : at].split()
    if not before:
        return False
    token = before[-1].rstrip(",;:")
    return bool(token) and (
        token[-1].isdigit() or token[-1] in "%¢" or token in ENERGY_UNITS or token in POWER_UNITS
        or token.lower() in ENERGY_UNITS or token.lower() in POWER_UNITS
    )


def _time_ago(text: str, at: int, reference: PartialDate | None) -> _Candidate | None:
    """"two months ago", "a year ago", and "(the move) comes two months after": dates before ``reference``."""
    if reference is None:
        return None
    n = _number(text, at, letter_scale=False)
    if n is None or n.scaled or n.value != n.value.to_integral_value():
        return None
    m = UNIT_RE.match(text, n.end)
    if m is None or m.lastgroup != "duration":
        return None
    unit, factor = DURATION_UNITS[_unit_word(m["duration"]).removesuffix("-long")]
    a = _AGO_RE.match(text, m.end())
    if a is None:
        return None
    word = a[0].strip().lower()
    if word == "after":
        if not _dates.comes_after(text, at):
            return None
    elif word != "ago":
        return None
    try:
        d = _dates.shifted(unit, int(n.value) * factor, reference)
    except DealkitError:
        return None
    return _Candidate(at, a.end(), "date", Estimate.exact(d))


def _at_fraction(text: str, at: int, word: str) -> _Candidate | None:
    """"a fifth", "nearly a tenth of", "more than half", "a quarter of": percentages."""
    if _title_case(text, at):
        return None
    end = at + len(word)
    a = _article_before(text, at)
    if word == "half":
        if _ARTICLE_AFTER_HALF.match(text, end) or _previous_word(text, at).lower() in ("and", "first", "second"):
            return None  # "half a gigawatt", "two and a half", "first half"
        start = at
    else:
        if a < 0 or text[a : a + 4].lower().startswith("half"):
            return None
        start = a
        if _AFTER_FRACTION_RE.match(text, end) is None or (word == "quarter" and _OF_RE.match(text, end) is None):
            return None
    lead, phrase = _lead(_QUANTITY_LEAD, text, start)
    if word == "half" and not phrase and _OF_RE.match(text, end) is None:
        return None
    value = Decimal(FRACTIONS[word])
    try:
        return _Candidate(lead, end, "percent", _qualified(phrase, value))
    except DealkitError:  # pragma: no cover - a positive percentage always qualifies
        return None


_ARTICLE_AFTER_HALF: Final = re.compile(rf"{SPS}(?i:an?|of{SPS}an?{SPS}(?:giga|mega|kilo|tera)?watt)\b")
_NOT_A_MULTIPLE_AFTER: Final = re.compile(rf"-|{SPS}(?i:down|up|click|check|digits?)\b")


def _at_multiple_word(text: str, at: int, word: str) -> _Candidate | None:
    """"doubled", "more than triples", "nearly twice", "tenfold"."""
    end = at + len(word)
    if _title_case(text, at) or _NOT_A_MULTIPLE_AFTER.match(text, end) or _frequency_after(text, end):
        return None
    value = MULTIPLE_WORDS.get(word) or FOLD_WORDS[word]
    start, phrase = _lead(_QUANTITY_LEAD, text, at)
    return _Candidate(start, end, "multiple", _qualified(phrase, value))


def _at_vague_plural(text: str, at: int, word: str) -> _Candidate | None:
    """"dozens of frontier-scale models" (at least 24), "millions of dollars" (at least 2,000,000 USD)."""
    if _title_case(text, at):
        return None
    m = _VAGUE_RE.match(text, at + len(word))
    if m is None:
        return None
    noun = m["noun"]
    value = Decimal(VAGUE_PLURALS[word])
    names = currency_names()
    if noun.lower() in names:
        return _Candidate(at, m.end("noun"), "money",
                          Estimate.at_least(CurrencyAmount(value, names[noun.lower()])))
    if noun.lower() in NOT_COUNTED or noun.lower() in DURATION_UNITS or noun.lower() in RATE_UNITS:
        return None
    return _Candidate(at, m.end("noun"), "count", Estimate.at_least(value), noun)


# -- dates -----------------------------------------------------------------------------------


def _date(text: str, reading: _dates.DateReading | None) -> _Candidate | None:
    if reading is None:
        return None
    q = _dates.qualify(text, reading)
    if q is None:
        return None
    start, value = q
    return _Candidate(start, reading.end, "date", value)


_DATE_WORDS: Final = {
    "fiscal": _dates.read_at_fiscal, "fy": _dates.read_at_fiscal,
    "end of": _dates.read_at_end, "end-": _dates.read_at_end, "year-end": _dates.read_at_end,
    "late": _dates.read_at_part, "early": _dates.read_at_part, "mid": _dates.read_at_part,
    "mid-": _dates.read_at_part,
    **{f"{r} {u}": _dates.read_at_relative for r in ("this", "last", "next") for u in ("year", "month", "quarter")},
    **{f"{o}{sep}{p}": _dates.read_at_ordinal for o in ("first", "second", "third", "fourth") for sep in (" ", "-")
       for p in ("quarter", "half")},
    **{m: _dates.read_at_month for m in MONTHS},
    **{d: _dates.read_at_weekday for d in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                           "sunday")},
    **{f"{qh}{n}": _dates.read_at_qh for qh in "qh" for n in "1234"},
}


# -- the bare values of percentages and multiples ----------------------------------------------

_PERCENT_RE: Final = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:%|percent|per cent)", re.I)
_MULTIPLE_RE: Final = re.compile(r"([0-9][0-9,]*(?:\.[0-9]+)?)[xX×]")


def _plain_number(digits: str, text: str) -> Decimal:
    try:
        return parse_decimal(digits.replace(",", ""))
    except DealkitError as exc:
        raise type(exc)(exc.reason, text) from None


def parse_percent(text: str) -> Decimal:
    """Read ``"84%"`` or ``"84 percent"`` as percentage points (``Decimal('84')``).

    >>> parse_percent("84%"), parse_percent("12.5 per cent")
    (Decimal('84'), Decimal('12.5'))
    """
    m = _PERCENT_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None:
        raise ParseError("not a percentage (e.g. '84%')", text)
    return _plain_number(m[1], text)


def parse_multiple(text: str) -> Decimal:
    """Read ``"3x"`` as the factor (``Decimal('3')``).

    >>> parse_multiple("3x"), parse_multiple("1.5×")
    (Decimal('3'), Decimal('1.5'))
    """
    m = _MULTIPLE_RE.fullmatch(text.strip()) if isinstance(text, str) else None
    if m is None:
        raise ParseError("not a multiple (e.g. '3x')", text)
    return _plain_number(m[1], text)


# -- the scan --------------------------------------------------------------------------------


def _longest(a: _Candidate | None, b: _Candidate | None) -> _Candidate | None:
    if a is None:
        return b
    if b is None:
        return a
    return a if a.end - a.start >= b.end - b.start else b


def _digits_allowed(text: str, at: int) -> bool:
    """A figure does not start inside a word, a number, a path or a name ("H100", "GPT-5", "24/7")."""
    if not at:
        return True
    before = text[at - 1]
    if before.isalnum() or before in "_.,/":
        return False
    return not (before in "-–‐" and at >= 2 and text[at - 2].isalpha())


def _at_digits(text: str, at: int, run: int, reference: PartialDate | None) -> _Candidate | None:
    """The figure at a run of ``run`` digits: a quantity, or a date (only 1, 2 or 4 digits start one)."""
    if not _digits_allowed(text, at):
        return None
    quantity = _read_quantity(text, at)
    date = _date(text, _dates.read_at_digits(text, at, reference)) if run in (1, 2, 4) else None
    if reference is not None and _AGO_NEAR.search(text, at, at + _AGO_REACH) is not None:
        date = _longest(date, _time_ago(text, at, reference))
    return _longest(date, quantity)


def _at_word(text: str, at: int, word: str, reference: PartialDate | None) -> _Candidate | None:
    reader = _DATE_WORDS.get(word)
    if reader is not None:
        return _date(text, reader(text, at, reference))
    if word in ("yesterday", "tomorrow"):
        return _date(text, _dates.read_at_day_word(text, at, reference, word))
    if word in UNITS or word in TEENS or word in TENS or word in ("single", "dozen"):
        best = _at_number_word(text, at, word)
        if reference is not None and not _title_case(text, at) and _AGO_NEAR.search(text, at, at + _AGO_REACH):
            best = _longest(_time_ago(text, at, reference), best)
        return best
    if word in SCALES:
        return _at_scale_word(text, at, word)
    if word in VAGUE_PLURALS:
        return _at_vague_plural(text, at, word)
    if word in FRACTIONS:
        return _at_fraction(text, at, word)
    if word in MULTIPLE_WORDS or word in FOLD_WORDS:
        return _at_multiple_word(text, at, word)
    if word in ("year", "month", "decade", "decades"):
        return _at_time_word(text, at, word, reference)
    return _at_unit_word(text, at, word)


def _scan(text: str, reference: PartialDate | None) -> list[_Candidate]:
    low = lower(text)
    search = trigger_re().search
    chosen: list[_Candidate] = []
    last_end = 0
    pos = 0
    while (m := search(low, pos)) is not None:
        at = m.start()
        try:
            if m.lastgroup == "d":
                found = _at_digits(text, at, m.end() - at, reference)
            else:
                found = _at_word(text, at, m["w"], reference)
        except DealkitError:
            found = None
        if found is not None and found.start >= last_end and found.end > at:
            chosen.append(found)
            last_end = found.end
            pos = max(found.end, m.end())
        else:
            pos = m.end()
    return chosen


def extract(text: str, *, reference: PartialDate | None = None) -> list[Figure]:
    """Find every figure in English news text, with the qualifier its wording gives.

    Reads money (``$25 billion``, ``EUR 3 billion``, ``150 billion yen``, ``¥600 billion``,
    ``412p``), prices as rates (``$45/MWh``, ``9.8 cents per kWh``, ``$10 billion a
    year``), power and energy (``5GW``, ``half a gigawatt``, ``2.6 terawatt-hours``),
    durations (``seven-year``, ``a decade``), percentages (``84%``, ``a fifth``),
    multiples (``3x``, ``tripled``, ``2.5-fold``, ``nearly twice``), counts with their
    noun (``600,000 accelerators``, ``2000 people``, ``a dozen projects``) and dates
    (``April 20, 2026``, ``4Q25``, ``fiscal 2027``, ``early 2027``, ``mid-2026``,
    ``the 2030s``, ``the late 2020s``), each with the qualifier its words give:
    ``up to`` / ``by`` / ``before`` (at most), ``more than`` / ``from`` / ``no earlier
    than`` (at least), ``about`` / ``nearly`` / ``~`` (approximately), ``between ...
    and ...`` / ``30–50`` (a range).  Figures never overlap; numbers that are not
    figures (``Claude Opus 4.7``, ``GPT-5``, ``Build 2026``, phone numbers) are not
    reported.

    Args:
        text: the text to read, at most :data:`MAX_EXTRACT_LENGTH` characters.
        reference: the date the text was written.  Relative dates ("last year",
            "by year-end", "yesterday", "announced Monday", "two months ago") are
            read against it, and left out without it.

    Returns:
        The figures in text order.

    Raises:
        InvalidValueError: ``text`` is not a ``str`` or is too long, or ``reference``
            is not a :class:`~dealkit.PartialDate`.

    >>> from dealkit import PartialDate
    >>> for f in extract("Amazon will invest up to $25 billion at $45/MWh, and nearly 1GW comes online "
    ...                  "by year-end, 30–50 megawatts in fiscal 2027.",
    ...                  reference=PartialDate.parse("2026-04-20")):
    ...     print(f"{f.words!r:22} {f.kind:6} {f.qualifier.value:13} {f.value_text}")
    'up to $25 billion'    money  at_most       25000000000 USD
    '$45/MWh'              rate   exact         45 USD/MWh
    'nearly 1GW'           power  approximately 1 GW
    'by year-end'          date   at_most       2026-12
    '30–50 megawatts'      power  range         30 MW .. 50 MW
    'fiscal 2027'          date   exact         FY2027

    .. versionadded:: 0.1.0
    """
    if not isinstance(text, str):
        raise InvalidValueError(f"text must be a str, not {type(text).__name__}", type(text).__name__)
    if len(text) > MAX_EXTRACT_LENGTH:
        raise InvalidValueError(
            f"text is longer than {MAX_EXTRACT_LENGTH} characters; split it first", len(text)
        )
    if reference is not None and not isinstance(reference, PartialDate):
        raise InvalidValueError("reference must be a PartialDate", type(reference).__name__)
    return [
        Figure._trusted(c.kind, c.value, c.start, c.end, text[c.start : c.end], c.noun)
        for c in _scan(text, reference)
    ]
