"""``PartialDate``: a calendar date known only to its real precision (day .. decade, or a fiscal year)."""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import Final, final

import attrs

from .._args import CheckedEnumType
from .._errors import DateError, InvalidValueError, ParseError
from .numbers import MAX_TEXT_LENGTH

__all__ = ["Certainty", "PartialDate", "Precision"]


class Precision(enum.Enum, metaclass=CheckedEnumType):
    """How much of a date the source actually gave."""

    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    DECADE = "decade"
    """Ten calendar years from a year ending in 0: ``2020s`` is 2020-01-01 .. 2029-12-31."""
    FISCAL_YEAR = "fiscal_year"
    """A company's or a government's fiscal year ``FY2027``, whose calendar is not known.

    A fiscal year is named after the calendar year it ends in (most companies,
    the US government, India's ``FY27``) or, in Japan, the one it starts in
    (``fiscal 2028`` runs from April 2028 to March 2029).  Without the issuer's
    calendar, ``FY2027`` spans every day either reading allows: from February 1,
    2026 (twelve months ending in January 2027) to November 30, 2028 (twelve
    months starting in December 2027).  Comparisons stay honest: ``FY2027`` is
    certainly before 2029 but neither before nor after 2027.
    """


class Certainty(enum.Enum, metaclass=CheckedEnumType):
    """The answer to a question about imprecise dates: no, possibly, or certainly."""

    NO = "no"
    POSSIBLY = "possibly"
    CERTAINLY = "certainly"

    def __bool__(self) -> bool:
        """Only :attr:`CERTAINLY` is true."""
        return self is Certainty.CERTAINLY


#: English month names (news text is read in English; ``calendar.month_name`` follows the
#: process's LC_TIME, so a program running in another language would read no dates).
MONTH_NAMES: Final = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)
MONTHS: Final = {name: i for i, name in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({name[:3]: i for i, name in enumerate(MONTH_NAMES, start=1)})
MONTHS["sept"] = 9
_MONTH_ALT: Final = "|".join(sorted(MONTHS, key=len, reverse=True))

_ISO_DAY: Final = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})", re.ASCII)
_ISO_MONTH: Final = re.compile(r"([0-9]{4})-([0-9]{2})", re.ASCII)
_ISO_QUARTER: Final = re.compile(r"([0-9]{4})-Q([0-9])", re.ASCII)
_ISO_HALF: Final = re.compile(r"([0-9]{4})-H([0-9])", re.ASCII)
_YEAR: Final = re.compile(r"[0-9]{4}", re.ASCII)
_TEXT_QUARTER: Final = re.compile(r"(?:Q([0-9])|(first|second|third|fourth) quarter(?: of)?) ([0-9]{4})", re.ASCII | re.I)
_TEXT_HALF: Final = re.compile(r"(?:H([0-9])|(first|second) half(?: of)?) ([0-9]{4})", re.ASCII | re.I)
_TEXT_DAY: Final = re.compile(rf"({_MONTH_ALT})\.? ([0-9]{{1,2}}),? ([0-9]{{4}})", re.ASCII | re.I)
_TEXT_DAY_EU: Final = re.compile(rf"([0-9]{{1,2}}) ({_MONTH_ALT})\.?,? ([0-9]{{4}})", re.ASCII | re.I)
_TEXT_MONTH: Final = re.compile(rf"({_MONTH_ALT})\.?,? ([0-9]{{4}})", re.ASCII | re.I)
_END_OF: Final = re.compile(r"(?:the )?(?:end of|late|early|year-end|end-) ?([0-9]{4})?", re.ASCII | re.I)
_DECADE: Final = re.compile(r"(?:the )?([0-9]{3}0)[’']?s", re.ASCII | re.I)
_FISCAL: Final = re.compile(r"(?:FY ?|fiscal (?:year )?)([0-9]{4}|[0-9]{2})", re.ASCII | re.I)
_ORDINALS: Final = {"first": 1, "second": 2, "third": 3, "fourth": 4}
#: The month a fiscal year is held from: the earliest a year named N may start is February of N - 1.
_FISCAL_FIRST_MONTH: Final = 2
MIN_YEAR: Final = 1900
MAX_YEAR: Final = 2200


def _whole(value: object, name: str) -> int:
    """``value`` if it is a whole number (an ``int``, not a ``bool``), else :class:`DateError`."""
    if type(value) is not int and not (isinstance(value, int) and not isinstance(value, bool)):
        raise DateError(f"{name} must be a whole number, not {type(value).__name__}", value)
    return value


def _year(value: int, text: object) -> int:
    _whole(value, "year")
    if not MIN_YEAR <= value <= MAX_YEAR:
        raise DateError(f"year must be between {MIN_YEAR} and {MAX_YEAR}", text)
    return value


@final
@attrs.frozen(order=False, repr=False)
class PartialDate:
    """A date with its real precision: ``2026-04-20``, ``2026-02``, ``2026-Q2``, ``2025-H2``, ``2023``.

    It knows its first and last day and compares honestly: ``a < b`` means
    *certainly before* (``a`` ends before ``b`` starts), so a quarter is neither
    before nor after a day inside it.  Use :meth:`sort_key` to sort.

    >>> q2 = PartialDate.parse("Q2 2026")
    >>> q2, q2.first, q2.last
    (PartialDate.parse('2026-Q2'), datetime.date(2026, 4, 1), datetime.date(2026, 6, 30))
    >>> day = PartialDate.parse("2026-04-20")
    >>> q2 < day, day < q2, q2.contains(day)
    (False, False, True)
    >>> PartialDate.parse("2023") < day
    True
    """

    first: dt.date
    """The first day of the period."""
    precision: Precision
    # The canonical text, written on first use: dates are immutable, and loaders share one
    # object per text (``canonical._DATES``), so every document written says each date once.
    _text: str | None = attrs.field(default=None, init=False, eq=False, hash=False, repr=False)

    def __attrs_post_init__(self) -> None:
        f, p = self.first, self.precision
        if isinstance(f, dt.datetime) or not isinstance(f, dt.date):
            raise DateError("must be a date, not a time or other value", f)
        if not isinstance(p, Precision):
            raise InvalidValueError("precision must be a Precision", p)
        # A chain of identity tests: no dict of five conditions built per date.
        if p is Precision.DAY:
            aligned = True
        elif p is Precision.MONTH:
            aligned = f.day == 1
        elif p is Precision.QUARTER:
            aligned = f.day == 1 and f.month % 3 == 1
        elif p is Precision.HALF:
            aligned = f.day == 1 and f.month in (1, 7)
        elif p is Precision.YEAR:
            aligned = f.day == 1 and f.month == 1
        elif p is Precision.DECADE:
            aligned = f.day == 1 and f.month == 1 and f.year % 10 == 0
        else:  # a fiscal year: held as the first day it may start
            aligned = f.day == 1 and f.month == _FISCAL_FIRST_MONTH
        if not aligned:
            raise DateError(f"{p.value} must start on the first day of its period", f.isoformat())
        _year(f.year, f.isoformat())

    # -- constructors -------------------------------------------------------------

    @classmethod
    def _of_period(cls, first: dt.date, precision: Precision) -> PartialDate:
        # For the of_* constructors below: ``first`` is a date they built on the first day of
        # its period, in a year _year() accepted, so __attrs_post_init__'s checks hold.
        new = object.__new__(cls)
        _set_first(new, first)
        _set_precision(new, precision)
        _set_text(new, None)
        return new

    @classmethod
    def of_day(cls, year: int, month: int, day: int) -> PartialDate:
        """A single day."""
        _year(year, year), _whole(month, "month"), _whole(day, "day")
        try:
            return cls._of_period(dt.date(_year(year, year), month, day), Precision.DAY)
        except (ValueError, OverflowError) as exc:
            raise DateError(f"impossible date: {exc}", f"{year}-{month:02}-{day:02}") from None

    @classmethod
    def of_month(cls, year: int, month: int) -> PartialDate:
        """A calendar month."""
        _year(year, year)
        if not 1 <= _whole(month, "month") <= 12:
            raise DateError("month must be 1..12", f"{year}-{month:02}")
        return cls._of_period(dt.date(_year(year, year), month, 1), Precision.MONTH)

    @classmethod
    def of_quarter(cls, year: int, quarter: int) -> PartialDate:
        """A calendar quarter (1..4)."""
        _year(year, year)
        if not 1 <= _whole(quarter, "quarter") <= 4:
            raise DateError("quarter must be 1..4", f"{year}-Q{quarter}")
        return cls._of_period(dt.date(_year(year, year), 3 * quarter - 2, 1), Precision.QUARTER)

    @classmethod
    def of_half(cls, year: int, half: int) -> PartialDate:
        """A half year (1..2)."""
        _year(year, year)
        if not 1 <= _whole(half, "half") <= 2:
            raise DateError("half must be 1 or 2", f"{year}-H{half}")
        return cls._of_period(dt.date(_year(year, year), 6 * half - 5, 1), Precision.HALF)

    @classmethod
    def of_year(cls, year: int) -> PartialDate:
        """A calendar year."""
        return cls._of_period(dt.date(_year(year, year), 1, 1), Precision.YEAR)

    @classmethod
    def of_decade(cls, year: int) -> PartialDate:
        """The decade of ``year`` (``of_decade(2027)`` is the 2020s).

        >>> PartialDate.of_decade(2027), PartialDate.of_decade(2027).last
        (PartialDate.parse('2020s'), datetime.date(2029, 12, 31))
        """
        _year(year, year)
        return cls(dt.date(year - year % 10, 1, 1), Precision.DECADE)

    @classmethod
    def of_fiscal_year(cls, year: int) -> PartialDate:
        """The fiscal year named ``year`` (``FY2027``), spanning every day it may cover.

        >>> fy = PartialDate.of_fiscal_year(2027)
        >>> fy, fy.first, fy.last, fy.year
        (PartialDate.parse('FY2027'), datetime.date(2026, 2, 1), datetime.date(2028, 11, 30), 2027)
        """
        _whole(year, "year")
        _year(year, f"FY{year}")
        if year - 1 < MIN_YEAR:
            raise DateError(f"year must be between {MIN_YEAR + 1} and {MAX_YEAR} for a fiscal year", f"FY{year}")
        return cls(dt.date(year - 1, _FISCAL_FIRST_MONTH, 1), Precision.FISCAL_YEAR)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        """The day of a :class:`datetime.date` (a ``datetime`` is refused: times are not dates)."""
        if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
            raise DateError("must be a date, not a time or other value", day)
        return cls.of_day(day.year, day.month, day.day)

    @classmethod
    def parse(cls, text: str, *, reference: PartialDate | None = None) -> PartialDate:
        """Read canonical text or the forms news text uses.

        Canonical: ``2026-04-20``, ``2026-02``, ``2026-Q2``, ``2025-H2``, ``2023``,
        ``2020s`` (a decade), ``FY2027`` (a fiscal year).
        News: ``Q2 2026``, ``second quarter of 2026``, ``April 20, 2026``,
        ``April 2026``, ``end of 2025`` (its December), ``early 2025`` and
        ``late 2025`` (its first and second half), ``the 2030s``, ``fiscal 2027``,
        ``FY27``; ``year-end`` needs ``reference`` for the year.

        >>> PartialDate.parse("end of 2025"), PartialDate.parse("early 2025"), PartialDate.parse("late 2025")
        (PartialDate.parse('2025-12'), PartialDate.parse('2025-H1'), PartialDate.parse('2025-H2'))
        >>> PartialDate.parse("the 2030s"), PartialDate.parse("fiscal 2027"), PartialDate.parse("FY27")
        (PartialDate.parse('2030s'), PartialDate.parse('FY2027'), PartialDate.parse('FY2027'))
        >>> PartialDate.parse("year-end", reference=PartialDate.parse("2026-04-20"))
        PartialDate.parse('2026-12')
        >>> PartialDate.parse("2026-02-30")
        Traceback (most recent call last):
        ...
        dealkit.DateError: impossible date: day is out of range for month (got '2026-02-30')
        """
        if not isinstance(text, str):
            raise ParseError("a date must be text", text)
        if reference is not None and not isinstance(reference, PartialDate):
            raise InvalidValueError(f"'reference' must be a PartialDate, not {type(reference).__name__}", reference)
        if len(text) > MAX_TEXT_LENGTH:
            raise ParseError(f"date text is longer than {MAX_TEXT_LENGTH} characters", text)
        s = " ".join(text.split())
        try:
            return cls._parse(s, reference)
        except DateError as exc:
            raise DateError(exc.reason, text) from None

    @classmethod
    def _parse(cls, s: str, reference: PartialDate | None) -> PartialDate:
        if m := _ISO_DAY.fullmatch(s):
            return cls.of_day(int(m[1]), int(m[2]), int(m[3]))
        if m := _ISO_MONTH.fullmatch(s):
            return cls.of_month(int(m[1]), int(m[2]))
        if m := _ISO_QUARTER.fullmatch(s):
            return cls.of_quarter(int(m[1]), int(m[2]))
        if m := _ISO_HALF.fullmatch(s):
            return cls.of_half(int(m[1]), int(m[2]))
        if _YEAR.fullmatch(s):
            return cls.of_year(int(s))
        if m := _DECADE.fullmatch(s):
            return cls.of_decade(int(m[1]))
        if m := _FISCAL.fullmatch(s):
            digits = m[1]
            # "FY27" is 2027: two digits name a year of this century, as fiscal years are written.
            return cls.of_fiscal_year(int(digits) + (2000 if len(digits) == 2 else 0))
        if m := _TEXT_QUARTER.fullmatch(s):
            q = int(m[1]) if m[1] else _ORDINALS[m[2].lower()]
            return cls.of_quarter(int(m[3]), q)
        if m := _TEXT_HALF.fullmatch(s):
            h = int(m[1]) if m[1] else _ORDINALS[m[2].lower()]
            return cls.of_half(int(m[3]), h)
        if m := _TEXT_DAY.fullmatch(s):
            return cls.of_day(int(m[3]), MONTHS[m[1].lower()], int(m[2]))
        if m := _TEXT_DAY_EU.fullmatch(s):
            return cls.of_day(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if m := _TEXT_MONTH.fullmatch(s):
            return cls.of_month(int(m[2]), MONTHS[m[1].lower()])
        if m := _END_OF.fullmatch(s):
            word = s.lower().removeprefix("the ")
            if m[1]:
                year = int(m[1])
            elif reference is not None:
                year = reference.first.year
            else:
                raise ParseError("'year-end' needs a reference date to know the year", s)
            if word.startswith("late"):
                return cls.of_half(year, 2)
            if word.startswith("early"):
                return cls.of_half(year, 1)
            return cls.of_month(year, 12)
        raise ParseError(
            "not a date: use 2026-04-20, 2026-02, 2026-Q2, 2025-H2, 2023, 2020s, FY2027, 'Q2 2026' or 'April 20, 2026'",
            s,
        )

    # -- properties ---------------------------------------------------------------

    @property
    def last(self) -> dt.date:
        """The last day of the period."""
        months = _MONTHS_IN[self.precision]
        if months == 0:
            return self.first
        return _add_months(self.first, months) - dt.timedelta(days=1)

    @property
    def year(self) -> int:
        """The calendar year (the first of a decade; the named year of a fiscal year)."""
        if self.precision is Precision.FISCAL_YEAR:
            return self.first.year + 1
        return self.first.year

    def contains(self, other: PartialDate | dt.date) -> bool:
        """Whether ``other`` lies wholly inside this period."""
        o = _as_partial(other)
        return self.first <= o.first and o.last <= self.last

    def overlaps(self, other: PartialDate | dt.date) -> bool:
        """Whether the two periods share at least one day."""
        o = _as_partial(other)
        return self.first <= o.last and o.first <= self.last

    def reached_by(self, day: PartialDate | dt.date) -> Certainty:
        """Whether this date has come by ``day``: certainly, possibly (inside the period), or no.

        >>> q2 = PartialDate.parse("2026-Q2")
        >>> [q2.reached_by(PartialDate.parse(d)).value for d in ("2026-03-31", "2026-05-01", "2026-07-01")]
        ['no', 'possibly', 'certainly']
        """
        o = _as_partial(day)
        if self.last <= o.first:
            return Certainty.CERTAINLY
        if self.first <= o.last:
            return Certainty.POSSIBLY
        return Certainty.NO

    def sort_key(self) -> tuple[dt.date, dt.date]:
        """A key that sorts by first day, then by last day (narrower first)."""
        return (self.first, self.last)

    def shifted_months(self, months: int) -> PartialDate:
        """The same precision, ``months`` later (or earlier when negative); not for days."""
        _whole(months, "months")
        if self.precision is Precision.DAY:
            raise DateError("shift a day by days, not months", str(self))
        if abs(months) > 12 * (MAX_YEAR - MIN_YEAR + 1):
            raise DateError(f"a shift of {months} months leaves the years {MIN_YEAR}..{MAX_YEAR}", str(self))
        return PartialDate(_add_months(self.first, months), self.precision)

    # -- comparison: certainly before / after ---------------------------------------

    def __lt__(self, other: PartialDate) -> bool:
        if not _comparable(other):
            return NotImplemented
        return self.last < _as_partial(other).first

    def __gt__(self, other: PartialDate) -> bool:
        if not _comparable(other):
            return NotImplemented
        return self.first > _as_partial(other).last

    def __le__(self, other: PartialDate) -> bool:
        if not _comparable(other):
            return NotImplemented
        return self == other or self < other

    def __ge__(self, other: PartialDate) -> bool:
        if not _comparable(other):
            return NotImplemented
        return self == other or self > other

    def __str__(self) -> str:
        text = self._text
        if text is None:
            text = self._write()
            object.__setattr__(self, "_text", text)
        return text

    def _write(self) -> str:
        # Identity tests and slices of the ISO text (YYYY-MM-DD).
        f, p = self.first, self.precision
        iso = f.isoformat()
        if p is Precision.DAY:
            return iso
        if p is Precision.MONTH:
            return iso[:7]
        if p is Precision.QUARTER:
            return f"{iso[:4]}-Q{(f.month + 2) // 3}"
        if p is Precision.HALF:
            return f"{iso[:4]}-H{1 if f.month == 1 else 2}"
        if p is Precision.YEAR:
            return iso[:4]
        if p is Precision.DECADE:
            return f"{iso[:4]}s"
        return f"FY{f.year + 1:04}"

    def __repr__(self) -> str:
        """``PartialDate.parse('2026-Q2')``: evaluates back to an equal value."""
        return f"PartialDate.parse('{self}')"


#: How many months a period of each precision spans (a day spans none).  A fiscal
#: year spans the 34 months from its earliest possible first day to its latest last day.
_MONTHS_IN: Final = {
    Precision.DAY: 0, Precision.MONTH: 1, Precision.QUARTER: 3, Precision.HALF: 6, Precision.YEAR: 12,
    Precision.DECADE: 120, Precision.FISCAL_YEAR: 34,
}


def _add_months(first: dt.date, months: int) -> dt.date:
    """The first day of the month ``months`` after the month of ``first``."""
    month0 = first.month - 1 + months
    return dt.date(first.year + month0 // 12, month0 % 12 + 1, 1)


def _as_partial(value: object) -> PartialDate:
    """``value`` as a PartialDate (a ``datetime.date`` is its day); :class:`InvalidValueError` otherwise."""
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, dt.datetime):
        raise DateError("must be a date, not a time", value)
    if isinstance(value, dt.date):
        return PartialDate.from_date(value)
    raise InvalidValueError(f"must be a PartialDate or a datetime.date, not {type(value).__name__}", value)


def _comparable(value: object) -> bool:
    return isinstance(value, PartialDate) or (isinstance(value, dt.date) and not isinstance(value, dt.datetime))


# The slots' own setters: what object.__setattr__ reaches on a frozen instance, without its lookup.
_set_first, _set_precision, _set_text = (
    PartialDate.__dict__[name].__set__ for name in ("first", "precision", "_text")
)
