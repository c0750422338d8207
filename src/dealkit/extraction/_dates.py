"""Reading dates out of news text: calendar forms, fiscal years, decades, periods and relative dates.

Each reader starts at a trigger (a year, a month name, "Q3", "fiscal", "mid-",
"last year", a weekday) and returns the date, or a range of dates for "mid-2026"
(its second and third quarters) and "the late 2020s" (2027 to 2029).  The words
before a date give its qualifier: "by", "before", "no later than" an upper
bound; "from", "no earlier than", "not before", "as early as" a lower bound.
"before 2028" ends with 2027, and "after Q3 2027" starts with its fourth
quarter.  Relative dates ("last month", "yesterday", "announced Monday", "two
months ago") are read only against a ``reference`` date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

import attrs

from .._errors import DealkitError
from .._values import MONTHS, Estimate, PartialDate, Precision, Qualifier, one_value_estimate
from ._grammar import SENTENCE_END, SP, SPS, lower, reversed_phrases

__all__: list[str] = []

_YEAR: Final = r"(?:19[0-9]{2}|2[01][0-9]{2}|2200)"
#: A year ends a figure: no digit, decimal or word character follows.
_END: Final = r"(?![0-9]|[.,][0-9]|[A-Za-z])"
_MONTH: Final = "(?:" + "|".join(sorted((m.capitalize() for m in MONTHS), key=len, reverse=True)) + r")\b\.?"
_DAY: Final = r"(?:[0-9]{1,2})(?:st|nd|rd|th)?(?![0-9])"
_REL: Final = r"(?P<rel>this|last|next)"

_AT_DIGITS: Final = re.compile(
    "|".join(
        (
            rf"(?P<iso>(?P<iy>{_YEAR})-(?:(?P<im>[0-9]{{2}})(?:-(?P<id>[0-9]{{2}}))?(?![0-9-])|(?P<iqh>[QH])(?P<iqn>[1-4])\b))",
            rf"(?P<dmy>(?P<d1>{_DAY}){SPS}(?P<m1>{_MONTH}),?{SPS}(?P<y1>{_YEAR}){_END})",
            rf"(?P<nq>(?P<nqn>[1-4])(?P<nqh>[QH])(?P<nqy>[0-9]{{2}}|{_YEAR})\b)",
            rf"(?P<yrange>(?P<ry1>{_YEAR}){SP}?[–—-]{SP}?(?P<ry2>{_YEAR}){_END})",
            r"(?P<decade>(?P<dy>[0-9]{3}0)[’']?s\b)",
            rf"(?P<year>(?P<yy>{_YEAR})(?P<e>E)?{_END})",
        )
    )
)
_AT_MONTH: Final = re.compile(
    rf"(?P<m>{_MONTH})(?:{SPS}(?P<d>{_DAY}),?)?(?:{SPS}(?:of{SPS})?(?P<y>{_YEAR}){_END}|,?{SPS}(?P<y2>{_YEAR}){_END})?"
)
_AT_QH: Final = re.compile(rf"(?P<qh>[QH])(?P<n>[1-4]){SPS}(?:of{SPS})?(?P<y>{_YEAR}){_END}")
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_AT_ORDINAL: Final = re.compile(
    rf"(?i:(?P<o>first|second|third|fourth)[- ](?P<p>quarter|half))(?:{SPS}(?i:of))?{SPS}"
    rf"(?:(?P<y>{_YEAR}){_END}|(?i:{_REL}){SPS}(?i:year)\b)"
)
_AT_FISCAL: Final = re.compile(
    rf"(?:FY{SP}?|(?i:fiscal)(?:{SPS}(?i:year))?{SPS})(?P<y>{_YEAR}|[0-9]{{2}})(?![0-9]|[.,][0-9]|[A-Za-z])"
)
_AT_END: Final = re.compile(
    rf"(?i:end{SPS}of{SPS}(?:the{SPS})?(?:(?P<y>{_YEAR}){_END}|{_REL}{SPS}year\b|(?P<the>year)\b)"
    rf"|end-(?P<y2>{_YEAR}){_END}"
    rf"|year-end(?:{SPS}(?P<y3>{_YEAR}){_END})?)"
)
_AT_PART: Final = re.compile(
    rf"(?i:(?P<part>early|late|mid)(?:-|{SP}{{1,3}}|-{SP}?)(?:the{SPS})?"
    rf"(?:(?P<dec>[0-9]{{3}}0)[’']?s\b|(?P<y>{_YEAR}){_END}|{_REL}{SPS}year\b))"
)
_AT_RELATIVE: Final = re.compile(rf"(?i:{_REL}{SPS}(?P<unit>year|month|quarter))\b")
_WEEKDAYS: Final = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_AT_WEEKDAY: Final = re.compile(r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
#: A weekday written before a full date only names that date's day ("Wednesday 12 November 2025").
_DATE_AFTER_WEEKDAY: Final = re.compile(rf",?{SPS}(?:[0-9]|{_MONTH})")

# -- qualifiers ------------------------------------------------------------------------------

_AT_MOST: Final = ("by", "by the", "no later than", "no later than the", "not later than", "not later than the")
_BEFORE: Final = ("before", "before the")
_AT_LEAST: Final = ("from", "from the", "no earlier than", "no earlier than the", "not before", "not before the",
                    "no sooner than", "not until", "as early as", "starting", "starting in", "starting from",
                    "beginning", "beginning in")
_AFTER: Final = ("after", "after the")
_LEAD_OF: Final = {
    **{p: "at_most" for p in _AT_MOST}, **{p: "before" for p in _BEFORE},
    **{p: "at_least" for p in _AT_LEAST}, **{p: "after" for p in _AFTER},
}
_LEAD_RE: Final = re.compile(rf"(?P<q>{reversed_phrases(_LEAD_OF)})")
#: Words in the clause before "from" that make it the base of a change ("up 35% from 2024").
_CHANGE_WORDS: Final = re.compile(
    r"\b(?:up|down|rose|risen|rising|fell|fallen|falling|grew|grown|growing|increased?|decreased?|"
    r"compared|jumped|climbed|dropped|gained|higher|lower|rise|fall|growth|[0-9.]+\s?%|per\s?cent|percent)\b",
    re.I,
)
#: Words after which "N months after" dates the event of the text itself.
_COMES_BACK: Final = re.compile(
    rf"(?:{SPS}(?:tsuj|ylno|ylerab|emos|tuoba))?{SPS}(?:semoc|emac|swollof|dewollof|sevirra|devirra)(?![\w])",
    re.I,
)


@attrs.frozen
class DateReading:
    """A date read at a trigger: its words' span and its value (a date or a range of dates)."""

    start: int
    end: int
    low: PartialDate
    high: PartialDate
    end_of: bool = False
    """An "end of" form: "before the end of 2030" is still the end of 2030."""


def _of_rel(reference: PartialDate | None, rel: str, unit: str) -> PartialDate | None:
    if reference is None:
        return None
    step = {"this": 0, "last": -1, "next": 1}[rel.lower()]
    first = reference.first
    if unit == "year":
        return PartialDate.of_year(first.year + step)
    if unit == "month":
        return PartialDate.of_month(first.year, first.month).shifted_months(step)
    return PartialDate.of_quarter(first.year, (first.month - 1) // 3 + 1).shifted_months(3 * step)


def _named_year(text: str, start: int) -> bool:
    """Whether a bare year is part of a name or a number ("Build 2026", "Act of 1934", "No. 2023")."""
    m = _PREVIOUS_RE.match(text[max(0, start - 40) : start][::-1])
    if m is None:
        return False
    word = m["w"][::-1]
    if word.lower() == "of" and m["w2"]:
        before = m["w2"][::-1]
        return before[0].isupper() and before.lower() not in MONTHS and before.lower() not in _LEAD_WORDS
    if m["dot"] and word in ("No", "Nos", "no"):
        return True
    return word[0].isupper() and word.lower() not in _LEAD_WORDS and word.lower() not in MONTHS


_PREVIOUS_RE: Final = re.compile(
    rf"{SP}{{1,3}}(?P<dot>\.)?(?P<w>[A-Za-z]+)(?:{SP}{{1,3}}(?P<w2>[A-Za-z]+))?"
)
#: Words that may stand capitalised right before a year that is a date ("In 2023").
_LEAD_WORDS: Final = frozenset(
    "in by since for from until till through throughout before after during of at and or to on"
    " circa around about early late mid end fiscal year calendar the since between".split()
)


def _year_after_identifier(text: str, end: int) -> bool:
    """"2023/1791" and "2023-1791" are identifiers, not years."""
    return end + 1 < len(text) and text[end] in "/-–" and text[end + 1].isdigit()


def read_at_digits(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    m = _AT_DIGITS.match(text, at)
    if m is None:
        return None
    try:
        if m["iso"]:
            y = int(m["iy"])
            if m["id"]:
                d = PartialDate.of_day(y, int(m["im"]), int(m["id"]))
            elif m["im"]:
                d = PartialDate.of_month(y, int(m["im"]))
            elif m["iqh"] == "Q":
                d = PartialDate.of_quarter(y, int(m["iqn"]))
            else:
                d = PartialDate.of_half(y, int(m["iqn"]))
            return DateReading(at, m.end(), d, d)
        if m["dmy"]:
            d = PartialDate.of_day(int(m["y1"]), MONTHS[m["m1"].rstrip(".").lower()], int(re.sub("[a-z]", "", m["d1"])))
            return DateReading(at, m.end(), d, d)
        if m["nq"]:
            digits = m["nqy"]
            y = int(digits) + (2000 if len(digits) == 2 else 0)
            n = int(m["nqn"])
            d = PartialDate.of_quarter(y, n) if m["nqh"] == "Q" else PartialDate.of_half(y, n)
            return DateReading(at, m.end(), d, d)
        if m["yrange"]:
            lo, hi = PartialDate.of_year(int(m["ry1"])), PartialDate.of_year(int(m["ry2"]))
            if not lo < hi or _named_year(text, at):
                return None
            return DateReading(at, m.end(), lo, hi)
        if m["decade"]:
            d = PartialDate.of_decade(int(m["dy"]))
            return DateReading(at, m.end(), d, d)
        if _named_year(text, at) or _year_after_identifier(text, m.end()):
            return None
        d = PartialDate.of_year(int(m["yy"]))
        return DateReading(at, m.end(), d, d)
    except DealkitError:
        return None


def read_at_month(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    if not text[at].isupper():
        return None
    m = _AT_MONTH.match(text, at)
    if m is None:
        return None
    month = MONTHS[m["m"].rstrip(".").lower()]
    year_text = m["y"] or m["y2"]
    try:
        if m["d"] is not None:
            day = int(re.sub("[a-z]", "", m["d"]))
            if year_text is None:
                if reference is None or m["m"].endswith(".") and m["m"] == "May.":
                    return None
                d = PartialDate.of_day(reference.first.year, month, day)
                return DateReading(at, m.end("d"), d, d)
            d = PartialDate.of_day(int(year_text), month, day)
        elif year_text is not None:
            d = PartialDate.of_month(int(year_text), month)
        else:
            return None
    except DealkitError:
        return None
    return DateReading(at, m.end(), d, d)


def read_at_qh(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    m = _AT_QH.match(text, at)
    if m is None:
        return None
    y, n = int(m["y"]), int(m["n"])
    try:
        d = PartialDate.of_quarter(y, n) if m["qh"] == "Q" else PartialDate.of_half(y, n)
    except DealkitError:
        return None
    return DateReading(at, m.end(), d, d)


def read_at_ordinal(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    m = _AT_ORDINAL.match(text, at)
    if m is None:
        return None
    n = _ORDINALS[m["o"].lower()]
    if m["y"] is not None:
        year = int(m["y"])
    else:
        rel = _of_rel(reference, m["rel"], "year")
        if rel is None:
            return None
        year = rel.year
    try:
        d = PartialDate.of_quarter(year, n) if m["p"].lower() == "quarter" else PartialDate.of_half(year, n)
    except DealkitError:
        return None
    return DateReading(at, m.end(), d, d)


def read_at_fiscal(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    if text[at] == "f" and text.startswith("fy", at):
        return None  # "FY" is upper case
    m = _AT_FISCAL.match(text, at)
    if m is None:
        return None
    digits = m["y"]
    try:
        d = PartialDate.of_fiscal_year(int(digits) + (2000 if len(digits) == 2 else 0))
    except DealkitError:
        return None
    return DateReading(at, m.end(), d, d)


def read_at_end(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    m = _AT_END.match(text, at)
    if m is None:
        return None
    year_text = m["y"] or m["y2"] or m["y3"]
    if year_text is not None:
        year = int(year_text)
    else:
        rel = _of_rel(reference, m["rel"] or "this", "year")
        if rel is None:
            return None
        year = rel.year
    try:
        d = PartialDate.of_month(year, 12)
    except DealkitError:
        return None
    return DateReading(at, m.end(), d, d, end_of=True)


#: Parts of a decade: "the early 2020s" is 2020-2023, the mid 2024-2026, the late 2027-2029.
_DECADE_PARTS: Final = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}


def read_at_part(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    m = _AT_PART.match(text, at)
    if m is None:
        return None
    part = m["part"].lower()
    try:
        if m["dec"] is not None:
            decade = int(m["dec"])
            lo, hi = _DECADE_PARTS[part]
            return DateReading(at, m.end(), PartialDate.of_year(decade + lo), PartialDate.of_year(decade + hi))
        if m["y"] is not None:
            year = int(m["y"])
        else:
            rel = _of_rel(reference, m["rel"], "year")
            if rel is None:
                return None
            year = rel.year
        if part == "mid":
            return DateReading(at, m.end(), PartialDate.of_quarter(year, 2), PartialDate.of_quarter(year, 3))
        d = PartialDate.of_half(year, 1 if part == "early" else 2)
    except DealkitError:
        return None
    return DateReading(at, m.end(), d, d)


def read_at_relative(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    m = _AT_RELATIVE.match(text, at)
    if m is None:
        return None
    try:
        d = _of_rel(reference, m["rel"], m["unit"].lower())
    except DealkitError:
        return None
    return None if d is None else DateReading(at, m.end(), d, d)


def read_at_day_word(text: str, at: int, reference: PartialDate | None, word: str) -> DateReading | None:
    """"yesterday", "tomorrow": the day before or after ``reference``."""
    if reference is None or reference.precision is not Precision.DAY:
        return None
    try:
        day = reference.first + dt.timedelta(days=-1 if word == "yesterday" else 1)
        d = PartialDate.from_date(day)
    except (DealkitError, OverflowError):
        return None
    return DateReading(at, at + len(word), d, d)


def read_at_weekday(text: str, at: int, reference: PartialDate | None) -> DateReading | None:
    """A weekday: the latest such day on or before ``reference`` ("announced Monday"), or the
    next one after it when "next" or "this coming" stands before it."""
    m = _AT_WEEKDAY.match(text, at)
    if m is None or reference is None or reference.precision is not Precision.DAY:
        return None
    if _DATE_AFTER_WEEKDAY.match(text, m.end()):
        return None
    target = _WEEKDAYS.index(m["wd"].lower())
    ref = reference.first
    before = text[max(0, at - 12) : at].lower().split()
    try:
        if before and before[-1] == "next":
            delta = (target - ref.weekday()) % 7 or 7
            day = ref + dt.timedelta(days=delta)
        else:
            day = ref - dt.timedelta(days=(ref.weekday() - target) % 7)
        d = PartialDate.from_date(day)
    except (DealkitError, OverflowError):
        return None
    return DateReading(at, m.end(), d, d)


def shifted(text_unit: str, count: int, reference: PartialDate) -> PartialDate:
    """``reference`` moved back by ``count`` units, to the precision the unit gives."""
    first = reference.first
    if text_unit == "day":
        return PartialDate.from_date(first - dt.timedelta(days=count))
    if text_unit == "month":
        return PartialDate.of_month(first.year, first.month).shifted_months(-count)
    if text_unit == "quarter":
        return PartialDate.of_quarter(first.year, (first.month - 1) // 3 + 1).shifted_months(-3 * count)
    return PartialDate.of_year(first.year - count)


def comes_after(text: str, at: int) -> bool:
    """Whether "comes"/"came"/"follows" stands before ``at``: "the move comes two months after ...".

    The event the text reports happens ``N`` units after the one it names, so the
    named event is ``N`` units before the reference date.
    """
    return _COMES_BACK.match(text[max(0, at - 30) : at][::-1]) is not None


# -- the qualifier of a date -------------------------------------------------------------------


def qualify(text: str, reading: DateReading) -> tuple[int, Estimate[PartialDate]] | None:
    """The start of the date's words and its estimate, with the qualifier the words before give."""
    start = reading.start
    window = lower(text[max(0, start - 30) : start][::-1])
    m = _LEAD_RE.match(window)
    lo, hi = reading.low, reading.high
    mode = ""
    if m is not None:
        phrase = " ".join(m["q"][::-1].split())
        mode = _LEAD_OF[phrase]
        if phrase.startswith("from") and (_is_change_base(text, start - m.end()) or lo != hi):
            mode = ""  # "up 35% from 2024"; "from 2025-2027" is the range itself
        if mode:
            start -= m.end()
    try:
        if mode == "at_most":
            return start, one_value_estimate(Qualifier.AT_MOST, hi)
        if mode == "before":
            return start, one_value_estimate(Qualifier.AT_MOST, hi if reading.end_of else _step(lo, -1))
        if mode == "at_least":
            return start, one_value_estimate(Qualifier.AT_LEAST, lo)
        if mode == "after":
            return start, one_value_estimate(Qualifier.AT_LEAST, _step(hi, 1))
        if lo == hi:
            return start, one_value_estimate(Qualifier.EXACT, lo)
        return start, Estimate.between(lo, hi)
    except DealkitError:
        return None


def _step(d: PartialDate, step: int) -> PartialDate:
    """The period of the same precision just before (-1) or after (+1) ``d``."""
    if d.precision is Precision.DAY:
        return PartialDate.from_date(d.first + dt.timedelta(days=step))
    months = {
        Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6, Precision.YEAR: 12,
        Precision.DECADE: 120, Precision.FISCAL_YEAR: 12,
    }[d.precision]
    return d.shifted_months(step * months)


def _is_change_base(text: str, at: int) -> bool:
    """Whether "from" at ``at`` closes a change ("up 35% from 2024"): the date is its base."""
    low = max(0, at - 60)
    clause = text[low:at]
    for i in range(len(clause) - 1, -1, -1):
        if clause[i] in SENTENCE_END or clause[i] == ",":
            clause = clause[i + 1 :]
            break
    return _CHANGE_WORDS.search(clause) is not None
