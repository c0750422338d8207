"""The kinds of figure a claim can hold, and their canonical text.

Canonical text is what files and ``dealkit claims --format json`` carry:
money ``"25000000000 USD"``, rate ``"45 USD/MWh"``, power ``"5 GW"``, energy ``"43.8 TWh"``,
duration ``"10 years"``, multiple ``"3x"``, percent ``"84%"``, count ``"24"``,
date ``"2026-04-20"`` / ``"2026-02"`` / ``"2026-Q2"`` / ``"2020s"`` / ``"FY2027"``;
a range joins two with ``" .. "``.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from decimal import ROUND_FLOOR, Context, Decimal
from typing import Any, Final, Literal, TypeVar, overload

from .._errors import DateError, DealkitError, DimensionError, InvalidValueError, ParseError, short_repr
from .._typing import FigureKind, ValueKind
from .dates import PartialDate
from .estimate import APPROXIMATE_TOLERANCE, Estimate, Qualifier
from .measure import Measure
from .measures import Duration, Energy, Power
from .money import CurrencyAmount, Rate
from .numbers import (
    MAX_DIGITS,
    MAX_FRACTION_DIGITS,
    MAX_TEXT_LENGTH,
    ROUNDED,
    canonical_decimal,
    parse_decimal,
)

__all__ = [
    "FIGURE_KINDS",
    "FigureT",
    "FigureValue",
    "estimate_as",
    "canonical_text",
    "estimate_from_text",
    "one_value_reader",
    "parse_canonical",
    "parse_rate",
    "value_pattern",
]

#: Every figure value type a claim can hold.
FigureValue = CurrencyAmount | Rate | Power | Energy | Duration | Decimal | PartialDate
#: One figure value type, chosen by the caller: ``claim.value_as(Power)`` is an ``Estimate[Power]``.
FigureT = TypeVar("FigureT", CurrencyAmount, Rate, Power, Energy, Duration, Decimal, PartialDate)

#: Every kind of figure a claim holds, in the order the docs list them.
FIGURE_KINDS: Final[tuple[FigureKind, ...]] = (
    "money", "rate", "power", "energy", "duration", "multiple", "percent", "count", "date",
)

#: Canonical decimal text: no leading zeros, no trailing zeros after the point, no exponent.
#: (A minus sign goes before it where a kind allows one; ``-0`` is never canonical.)
CANONICAL_NUMBER: Final = r"(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?"
MONEY_RE: Final = re.compile(rf"(-?{CANONICAL_NUMBER}) ([A-Z]{{3}})", re.ASCII)
#: Money for one unit of energy, power or time: ``45 USD/MWh``, ``10000000000 USD/year``.
RATE_RE: Final = re.compile(rf"(-?{CANONICAL_NUMBER}) ([A-Z]{{3}})/([A-Za-z]+)", re.ASCII)
MEASURE_RE: Final = re.compile(rf"({CANONICAL_NUMBER}) ([A-Za-z]+)", re.ASCII)
DATE_RE: Final = re.compile(
    r"([0-9]{4})(?:-(?:([0-9]{2})(?:-([0-9]{2}))?|Q([0-9])|H([0-9])))?|([0-9]{3}0)s|FY([0-9]{4})", re.ASCII
)
NUMBER_RE: Final = re.compile(rf"-?{CANONICAL_NUMBER}", re.ASCII)
VALUE_SUFFIX: Final[dict[str, str]] = {"multiple": "x", "percent": "%"}
#: How each kind's canonical text reads, for messages: (what must be canonical, its form).
_FORMS: Final[dict[str, tuple[str, str]]] = {
    "money": ("money must be canonical", " '<decimal> <ISO code>', e.g. '25000000000 USD'"),
    "rate": ("a rate must be canonical", " '<decimal> <ISO code>/<unit>', e.g. '45 USD/MWh'"),
    "power": ("power must be canonical", " '<decimal> <unit>', e.g. '5 GW'"),
    "energy": ("energy must be canonical", " '<decimal> <unit>', e.g. '43.8 TWh'"),
    "duration": ("a duration must be canonical", " '<decimal> <unit>', e.g. '10 years' or '1 quarter'"),
    "multiple": ("a multiple must be canonical", " '<decimal>x', e.g. '3x'"),
    "percent": ("a percent must be canonical", " '<decimal>%', e.g. '84%'"),
    "count": ("a count must be canonical", ": a whole number, e.g. '24'"),
    "date": ("a date must be canonical", ": 2026-04-20, 2026-02, 2026-Q2, 2025-H2, 2023, 2020s or FY2027"),
    "number": ("a number must be canonical", ", e.g. '1.25'"),
}


def _not_canonical(kind: ValueKind, text: object, lenient: Callable[[str], Any]) -> DealkitError:
    """The error for ``text`` that is not canonical ``kind`` text.

    When a lenient reading (the reader of news text) still finds a value, the message says
    which canonical text to write instead; when it refuses the text for a reason of its own
    (a unit of another dimension, a negative or absurd size), that reason is kept.  Only ever
    called on text already refused, so the lenient reading costs nothing on valid files.
    """
    head, detail = _FORMS[kind]
    form = head + detail
    if not isinstance(text, str):
        return ParseError(f"a {kind} value must be text", text)
    if _SUGGESTING.active:  # checking a suggestion: no suggestion of a suggestion
        return ParseError(form, text)
    _SUGGESTING.active = True
    try:
        value = lenient(text)
        written = canonical_text(kind, value)
        _PARSERS[kind](written)  # what is suggested must itself be accepted
    except DealkitError as exc:
        if isinstance(exc, ParseError):
            return ParseError(form, text)
        return type(exc)(exc.reason, text)
    finally:
        _SUGGESTING.active = False
    return ParseError(f"{head}: write {written!r}", text)


class _Suggesting(threading.local):
    active = False


_SUGGESTING: Final = _Suggesting()


#: Canonical number text at most this long (sign and point included) passes every size
#: check of ``_numbers`` and of money at once: at most 21 digits, so fewer than 28
#: significant digits, fewer than 28 before the point, fewer than 100 after it, and an
#: absolute value below 10^21 (``MAX_AMOUNT``).  Longer text takes the checked path.
_SHORT_NUMBER: Final = 21
#: Currency codes already accepted by ``check_currency`` (the set of known codes never shrinks).
_CHECKED_CODES: Final[set[str]] = set()


def _money(text: str) -> CurrencyAmount:
    m = MONEY_RE.fullmatch(text)
    if m is None or m[1] == "-0":
        raise _not_canonical("money", text, CurrencyAmount.parse)
    number, code = m.groups()
    if len(number) <= _SHORT_NUMBER and code in _CHECKED_CODES:
        # Every check of the constructor holds for this text (see _SHORT_NUMBER): build it once.
        return CurrencyAmount._checked(Decimal(number), code)
    amount = CurrencyAmount(parse_decimal(number), code)
    _CHECKED_CODES.add(code)
    return amount


#: The unit symbols a canonical rate is "per" (as ``Rate`` writes them).
_RATE_UNITS: Final = frozenset(u for cls in (Energy, Power, Duration) for u in cls.UNITS)


def _rate(text: str) -> Rate:
    m = RATE_RE.fullmatch(text)
    if m is None or m[1] == "-0" or m[3] not in _RATE_UNITS:
        raise _not_canonical("rate", text, Rate.parse)
    money = _money(f"{m[1]} {m[2]}")
    try:
        return Rate(money, m[3])
    except InvalidValueError as exc:
        raise InvalidValueError(exc.reason, text) from None


def _spellings(cls: type[Power] | type[Energy] | type[Duration]) -> dict[str, tuple[str, bool]]:
    """The canonical unit words of ``cls``: word -> (symbol, whether it is the plural).

    Power and energy write their symbol (``GW``); durations write ``1 quarter`` and
    ``10 years``: the singular for exactly one, the plural for every other number.
    """
    if cls is Duration:
        return {**{u: (u, False) for u in cls.UNITS}, **{f"{u}s": (u, True) for u in cls.UNITS}}
    return {u: (u, False) for u in cls.UNITS}


def _measure(cls: type[Power] | type[Energy] | type[Duration]) -> Callable[[str], Power | Energy | Duration]:
    words = _spellings(cls)
    to_base, maximum, kind = cls._to_base, cls.MAXIMUM, cls.KIND
    plural_rule = cls is Duration
    # A duration in months, quarters or years keeps Duration.KEPT_DIGITS significant digits:
    # more would not be written back as stated.
    kept = Duration.KEPT_DIGITS

    def parse(text: str) -> Power | Energy | Duration:
        m = MEASURE_RE.fullmatch(text) if isinstance(text, str) and len(text) <= MAX_TEXT_LENGTH else None
        found = None if m is None else words.get(m[2])
        if m is None or found is None or (plural_rule and found[1] == (m[1] == "1")):
            raise _not_canonical(kind, text, cls.parse)  # type: ignore[arg-type]
        number, (symbol, _plural) = m[1], found
        if plural_rule and symbol != "day" and len(number.replace(".", "").lstrip("0")) > kept:
            raise ParseError(f"a duration in {symbol}s has at most {kept} significant digits", text)
        if len(number) <= _SHORT_NUMBER:
            # What cls.parse does for canonical text, each check once: the number is
            # non-negative and within every size bound (_SHORT_NUMBER); only the size in
            # base units is left to check.
            base = to_base(Decimal(number), symbol)
            if base <= maximum:
                return cls._checked(base, symbol)
        try:
            return cls(parse_decimal(number), symbol)  # type: ignore[arg-type]  # a symbol of cls
        except DealkitError as exc:
            raise type(exc)(exc.reason, text) from None

    return parse


def _lenient_number(kind: str) -> Callable[[str], Decimal]:
    """How numbers of ``kind`` read leniently: the suffix optional, leading and trailing zeros allowed."""
    suffix = VALUE_SUFFIX.get(kind, "")

    def parse(text: str) -> Decimal:
        if suffix and text.endswith(suffix):
            text = text[: -len(suffix)]
        value = parse_decimal(text)
        if kind != "number" and value < 0:
            raise ParseError(f"a {kind} must not be negative", text)
        if kind == "count" and value != value.to_integral_value():
            raise ParseError("a count must be a whole number", text)
        return value

    return parse


def _number(kind: ValueKind) -> Callable[[str], Decimal]:
    suffix = VALUE_SUFFIX.get(kind, "")
    pattern = re.compile(
        r"(?:0|[1-9][0-9]*)" if kind == "count" else
        NUMBER_RE.pattern if kind == "number" else CANONICAL_NUMBER,
        re.ASCII,
    )
    lenient = _lenient_number(kind)

    def parse(text: str) -> Decimal:
        if isinstance(text, str) and text.endswith(suffix):
            number = text[: len(text) - len(suffix)]
            if pattern.fullmatch(number) is not None and number != "-0":
                return parse_decimal(number)  # the sizes: at most 28 significant digits, ...
        raise _not_canonical(kind, text, lenient)

    return parse


#: Canonical date text already read, and its (immutable) date: real catalogs repeat a few
#: hundred dates.  Bounded: once full, new texts are read but no longer kept.
_DATES: Final[dict[str, PartialDate]] = {}
_MAX_DATES: Final = 8192


def _date(text: str) -> PartialDate:
    if type(text) is not str:  # only plain text is remembered (a subclass may compare differently)
        return _read_date(text)
    date = _DATES.get(text)
    if date is None:
        date = _read_date(text)
        if len(_DATES) < _MAX_DATES:
            _DATES[text] = date
    return date


def _read_date(text: str) -> PartialDate:
    m = DATE_RE.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        raise _not_canonical("date", text, PartialDate.parse)
    # Straight to the constructor the canonical form names, as PartialDate.parse would
    # reach it (canonical text has no spaces to fold), with its errors told the same way.
    year, month, day, quarter, half, decade, fiscal = m.groups()
    try:
        if decade is not None:
            return PartialDate.of_decade(int(decade))
        if fiscal is not None:
            return PartialDate.of_fiscal_year(int(fiscal))
        if day is not None:
            return PartialDate.of_day(int(year), int(month), int(day))
        if month is not None:
            return PartialDate.of_month(int(year), int(month))
        if quarter is not None:
            return PartialDate.of_quarter(int(year), int(quarter))
        if half is not None:
            return PartialDate.of_half(int(year), int(half))
        return PartialDate.of_year(int(year))
    except DateError as exc:
        raise DateError(exc.reason, text) from None


_PARSERS: Final[dict[str, Callable[[str], FigureValue]]] = {
    "number": _number("number"),
    "money": _money,
    "rate": _rate,
    "power": _measure(Power),
    "energy": _measure(Energy),
    "duration": _measure(Duration),
    "multiple": _number("multiple"),
    "percent": _number("percent"),
    "count": _number("count"),
    "date": _date,
}
#: The type of the values of each kind.
VALUE_TYPES: Final[dict[ValueKind, type]] = {
    "money": CurrencyAmount, "rate": Rate, "power": Power, "energy": Energy, "duration": Duration,
    "multiple": Decimal, "percent": Decimal, "count": Decimal, "date": PartialDate, "number": Decimal,
}


def check_estimate_kind(kind: ValueKind, estimate: Estimate[object], what: str) -> None:
    """Raise :class:`InvalidValueError` unless every value of ``estimate`` has the type of ``kind``.

    ``what`` names the holder in the message ("claim", "figure").
    """
    expected = VALUE_TYPES[kind]
    for bound in (estimate.low, estimate.high, estimate.central):
        if bound is not None and type(bound) is not expected:
            raise InvalidValueError(
                f"a {kind} {what} holds {expected.__name__} values, not {type(bound).__name__}",
                str(estimate),
                path="$.value",
            )


def one_value_reader(kind: ValueKind) -> Callable[[Qualifier, str], Estimate[Any]]:
    """A reader of one-value estimates of ``kind`` (exact, at most, at least) from canonical text.

    ``read(qualifier, text)`` gives what ``estimate_from_text(kind, qualifier, text)`` gives
    for those qualifiers, with the kind's parser looked up once: the path of every estimate
    a file states as one value.  Any other qualifier raises :class:`InvalidValueError`.

    >>> one_value_reader("power")(Qualifier.AT_MOST, "5 GW")
    Estimate.at_most(Power('5', 'GW'))
    """
    parse = _PARSERS[kind]
    exact, at_most, at_least = Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.AT_LEAST
    trusted = Estimate._trusted

    def read(qualifier: Qualifier, text: str) -> Estimate[Any]:
        # As estimate_from_text: a freshly parsed valid value skips bound checks that compare it with itself.
        v = parse(text)
        if qualifier is exact:
            return trusted(qualifier, v, v)
        if qualifier is at_most:
            return trusted(qualifier, None, v)
        if qualifier is at_least:
            return trusted(qualifier, v, None)
        raise InvalidValueError("not a one-value qualifier (exact, at_most, at_least)", qualifier.value)

    return read


def estimate_as(estimate: Estimate[object], kind: type[FigureT], what: str) -> Estimate[FigureT]:
    """``estimate``, typed as an estimate of ``kind``, once every value in it is checked to be one.

    ``what`` names the holder in the message ("claim 'a26-investment'").

    Raises:
        DimensionError: a value of the estimate is of another type.
        InvalidValueError: ``kind`` is no figure value type.
    """
    if not isinstance(kind, type) or kind not in VALUE_TYPES.values():
        names = ", ".join(sorted({t.__name__ for t in VALUE_TYPES.values()}))
        raise InvalidValueError(f"'kind' must be one of the figure value types: {names}", short_repr(kind))
    for bound in (estimate.low, estimate.high, estimate.central):
        if bound is not None and type(bound) is not kind:
            raise DimensionError(
                f"{what} holds {type(bound).__name__} values, not {kind.__name__}", str(estimate)
            )
    return estimate  # type: ignore[return-value]  # every value was just checked to be a ``kind``


@overload
def parse_canonical(kind: Literal["money"], text: object) -> CurrencyAmount: ...
@overload
def parse_canonical(kind: Literal["power"], text: object) -> Power: ...
@overload
def parse_canonical(kind: Literal["energy"], text: object) -> Energy: ...
@overload
def parse_canonical(kind: Literal["duration"], text: object) -> Duration: ...
@overload
def parse_canonical(kind: Literal["multiple", "percent", "count"], text: object) -> Decimal: ...
@overload
def parse_canonical(kind: Literal["date"], text: object) -> PartialDate: ...
@overload
def parse_canonical(kind: Literal["rate"], text: object) -> Rate: ...
@overload
def parse_canonical(kind: Literal["number"], text: object) -> Decimal: ...
@overload
def parse_canonical(kind: ValueKind, text: object) -> FigureValue: ...
def parse_canonical(kind: ValueKind, text: object) -> FigureValue:
    """Read one value of ``kind`` from its canonical text (strict: what files hold).

    The return type follows ``kind``: ``parse_canonical("power", ...)`` is a :class:`Power`.

    Canonical text is exactly the text :func:`canonical_text` writes: no other spelling
    of the same value (``05 GW``, ``5 gigawatts``, ``5.00 USD``, ``1 quarters``) is read;
    the error names the canonical text to write instead, when there is one.

    >>> parse_canonical("power", "5 GW")
    Power('5', 'GW')
    >>> parse_canonical("money", "$5B")
    Traceback (most recent call last):
    ...
    dealkit.ParseError: money must be canonical: write '5000000000 USD' (got '$5B')
    >>> parse_canonical("power", "5 gigawatts")
    Traceback (most recent call last):
    ...
    dealkit.ParseError: power must be canonical: write '5 GW' (got '5 gigawatts')
    """
    parse = _PARSERS.get(kind) if isinstance(kind, str) else None
    if parse is None:
        raise InvalidValueError(f"'kind' must be one of {', '.join(_PARSERS)}", kind)
    if not isinstance(text, str):
        raise ParseError(f"a {kind} value must be text", text)
    return parse(text)


def parse_rate(text: object) -> Rate:
    """Read a rate from its canonical text, ``str(rate)``: ``"50 USD/MWh"``, ``"10000000000 USD/year"``.

    >>> parse_rate("50 USD/MWh")
    Rate.parse('50 USD/MWh')
    >>> parse_rate("$50 per MWh")
    Traceback (most recent call last):
    ...
    dealkit.ParseError: a rate must be canonical: write '50 USD/MWh' (got '$50 per MWh')
    """
    if not isinstance(text, str):
        raise ParseError("a rate must be text", text)
    return _rate(text)


def canonical_text(kind: ValueKind, value: object) -> str:
    """Write one value of ``kind`` as canonical text.

    >>> canonical_text("multiple", Decimal(3)), canonical_text("money", CurrencyAmount.parse("$25B"))
    ('3x', '25000000000 USD')
    """
    if not isinstance(kind, str):
        raise InvalidValueError(f"'kind' must be one of {', '.join(VALUE_TYPES)}", kind)
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise InvalidValueError(f"a {kind} value must be a finite number", value)
        return canonical_decimal(value) + VALUE_SUFFIX.get(kind, "")
    try:
        return str(value)
    except Exception:  # a hostile __str__
        raise InvalidValueError(f"a {type(value).__name__} has no canonical text", short_repr(value)) from None


def estimate_text(kind: ValueKind, estimate: Estimate[object]) -> str:
    """The canonical value text of an estimate: one value, or ``"low .. high"`` for a range."""
    if estimate.qualifier is Qualifier.RANGE:
        return f"{canonical_text(kind, estimate.low)} .. {canonical_text(kind, estimate.high)}"
    return canonical_text(kind, estimate.value)


@overload
def estimate_from_text(
    kind: Literal["money"], qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[CurrencyAmount]: ...
@overload
def estimate_from_text(
    kind: Literal["power"], qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[Power]: ...
@overload
def estimate_from_text(
    kind: Literal["energy"], qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[Energy]: ...
@overload
def estimate_from_text(
    kind: Literal["duration"], qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[Duration]: ...
@overload
def estimate_from_text(
    kind: Literal["multiple", "percent", "count"],
    qualifier: Qualifier,
    value: str,
    low: str | None = None,
    high: str | None = None,
) -> Estimate[Decimal]: ...
@overload
def estimate_from_text(
    kind: Literal["date"], qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[PartialDate]: ...
@overload
def estimate_from_text(
    kind: Literal["rate"], qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[Rate]: ...
@overload
def estimate_from_text(
    kind: ValueKind, qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[FigureValue]: ...
def estimate_from_text(
    kind: ValueKind,
    qualifier: Qualifier,
    value: str,
    low: str | None = None,
    high: str | None = None,
) -> Estimate[FigureValue]:
    """Build an estimate from canonical text, as files and JSON state it; typed by ``kind``.

    >>> estimate_from_text("power", Qualifier.RANGE, "30 MW .. 50 MW")
    Estimate.between(Power('30', 'MW'), Power('50', 'MW'))
    """
    if qualifier is Qualifier.RANGE:
        if low is not None or high is not None:
            raise ParseError("a range states its bounds in 'value' as 'low .. high'", value)
        parts = value.split(" .. ") if isinstance(value, str) else []
        if len(parts) != 2:
            raise ParseError("a range must be written 'low .. high'", value)
        return Estimate.between(parse_canonical(kind, parts[0]), parse_canonical(kind, parts[1]))
    v = parse_canonical(kind, value)
    if (low is not None or high is not None) and qualifier is not Qualifier.APPROXIMATELY:
        raise ParseError("only an approximate figure takes 'low' and 'high'", value)
    # parse_canonical gives a valid value of one kind, so these one-value estimates
    # skip the bound checks that cannot fail (Estimate._trusted).
    match qualifier:
        case Qualifier.EXACT:
            return Estimate._trusted(qualifier, v, v)
        case Qualifier.AT_MOST:
            return Estimate._trusted(qualifier, None, v)
        case Qualifier.AT_LEAST:
            return Estimate._trusted(qualifier, v, None)
        case _:
            if isinstance(v, PartialDate):
                raise ParseError("a date cannot be approximate; use a coarser precision", value)
            scalable: Any = v  # money, a measure or a number: each is Scalable
            return Estimate.approximately(
                scalable,
                low=None if low is None else parse_canonical(kind, low),
                high=None if high is None else parse_canonical(kind, high),
            )


#: The factors Estimate.approximately applies by default (0.9 and 1.1).
_BELOW_DEFAULT: Final = 1 - APPROXIMATE_TOLERANCE
_ABOVE_DEFAULT: Final = 1 + APPROXIMATE_TOLERANCE


def approximate_bounds_are_default(estimate: Estimate[object]) -> bool:
    """Whether an approximate estimate has the default ±10 % bounds (so files can omit them)."""
    if estimate.qualifier is not Qualifier.APPROXIMATELY:
        return True
    # The bounds Estimate.approximately(central) gives, without building the estimate:
    # when they equal this (valid) estimate's bounds, that estimate's checks pass too.
    central: Any = estimate.central  # a value of one of the kinds: each scales by a Decimal
    low: Any = estimate.low
    high: Any = estimate.high
    kind = type(central)
    if isinstance(central, Measure) and type(low) is kind and type(high) is kind:
        # What ``central * factor`` compares as, without building two measures: a measure
        # is never negative (no swap), equal measures have equal bases, and a base beyond
        # the kind's maximum (which ``*`` refuses) cannot equal a valid bound's.
        base = central.base
        return bool(
            ROUNDED.multiply(base, _BELOW_DEFAULT) == low.base and ROUNDED.multiply(base, _ABOVE_DEFAULT) == high.base
        )
    try:
        below, above = central * _BELOW_DEFAULT, central * _ABOVE_DEFAULT
    except DealkitError:
        return False
    if above < below:  # a negative value: scaling up moves it down
        below, above = above, below
    return bool(below == estimate.low and above == estimate.high)



# -- the canonical grammar as regular expressions ---------------------------------------------
#
# The catalog's JSON Schema states each value kind's canonical text as a pattern; these are
# built from the same tables the parsers above read (unit aliases, size limits, currency codes,
# the calendar), so the schema accepts a value exactly when the loader does (to the 28th
# significant digit of a unit conversion).  Patterns use only what ECMA-262 and Python's re
# share (no inline flags), for editors and for jsonschema.  Written by hand because no library
# turns numeric bounds and a calendar into patterns.

#: Where one value of a range ends: before " .. " or at the end of the text.
_VALUE_END: Final = r"(?: \.\. |$)"
#: Room for the largest measure in its smallest unit with 20 decimals (bounds are computed, never stored).
_WIDE: Final = Context(prec=60)
_FRACTION: Final = rf"(?:\.[0-9]{{1,{MAX_FRACTION_DIGITS}}})?"


def _number_text(end: str, *, length: int = MAX_TEXT_LENGTH, digits: int = MAX_DIGITS) -> str:
    """Lookaheads for canonical decimal text ending at ``end``: canonical (no leading zeros, no
    trailing zeros after the point), at most ``length`` characters and at most ``digits``
    significant digits (leading zeros do not count, trailing ones do)."""
    return (
        rf"(?={CANONICAL_NUMBER}{end})(?=[0-9.]{{1,{length}}}{end})"
        rf"(?=[0.]*(?:[1-9](?:\.?[0-9]){{0,{digits - 1}}})?{end})"
    )


def _digits_upto(bound: str) -> list[str]:
    """Digit strings of ``len(bound)`` digits below ``bound`` (as integers), one alternative per position."""
    out = []
    for i, d in enumerate(bound):
        rest = len(bound) - i - 1
        if d != "0":
            low = "0" if d == "1" else f"0-{int(d) - 1}"
            out.append(f"{bound[:i]}[{low}]" + (f"[0-9]{{{rest}}}" if rest else ""))
    return out


def _decimal_at_most(bound: Decimal) -> str:
    """Non-negative decimal text (leading zeros allowed) whose value is at most ``bound``."""
    whole, _, fraction = canonical_decimal(bound).partition(".")
    below = ["0+", *([rf"0*[1-9][0-9]{{0,{len(whole) - 2}}}"] if len(whole) > 1 else []),
             *(f"0*{d}" for d in _digits_upto(whole))]
    # The whole part equal to the bound's: the fraction must not exceed the bound's.
    smaller_fraction = [
        f"{fraction[:j]}[{'0' if d == '1' else f'0-{int(d) - 1}'}][0-9]*" for j, d in enumerate(fraction) if d != "0"
    ]
    same = "".join(f"(?:{d}" for d in fraction) + ")?" * len(fraction) + "0*"
    return rf"(?:(?:{'|'.join(below)}){_FRACTION}|0*{whole}(?:\.(?:{'|'.join([*smaller_fraction, same])}))?)"


def _any_case(word: str) -> str:
    return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else re.escape(c) for c in word)


def _largest_accepted(cls: type[Power] | type[Energy] | type[Duration], symbol: str) -> Decimal:
    """The largest magnitude in ``symbol`` (to 20 decimals) that the loader's size check accepts.

    Found with the loader's own test (``_to_base`` rounds to 28 digits, then ``<= MAXIMUM``),
    by bisection: a month's factor is 365/12 rounded, so the bound is not a plain quotient.
    """
    step = Decimal(1).scaleb(-20)
    low = _WIDE.divide(cls.MAXIMUM, cls.UNITS[symbol]).quantize(step, rounding=ROUND_FLOOR, context=_WIDE)
    low = _WIDE.subtract(low, 1)
    high = _WIDE.add(low, 2)
    assert cls._to_base(low, symbol) <= cls.MAXIMUM < cls._to_base(high, symbol)
    while _WIDE.subtract(high, low) > step:
        middle = _WIDE.divide(_WIDE.add(low, high), 2).quantize(step, rounding=ROUND_FLOOR, context=_WIDE)
        if cls._to_base(middle, symbol) <= cls.MAXIMUM:
            low = middle
        else:
            high = middle
    return low.normalize(_WIDE)


def _measure_pattern(cls: type[Power] | type[Energy] | type[Duration]) -> str:
    # Each unit in its canonical spelling (the symbol; for durations the singular after exactly
    # 1 and the plural after any other number), with the largest number the size check accepts;
    # the whole text is at most MAX_TEXT_LENGTH characters, and a duration in months, quarters
    # or years has at most Duration.KEPT_DIGITS significant digits.
    parts = []
    for word, (symbol, plural) in _spellings(cls).items():
        if cls is Duration and not plural:
            parts.append(f"1 {word}")
            continue
        most = _largest_accepted(cls, symbol)
        room = MAX_TEXT_LENGTH - len(word) - 1
        digits = Duration.KEPT_DIGITS if cls is Duration and symbol != "day" else MAX_DIGITS
        not_one = "(?!1 )" if cls is Duration else ""
        parts.append(rf"{not_one}{_number_text(' ', length=room, digits=digits)}{_decimal_at_most(most)} {word}")
    return f"(?:{'|'.join(parts)})"


def _date_pattern() -> str:
    import calendar

    from .dates import MAX_YEAR, MIN_YEAR

    years = "|".join(str(y) for y in range(MIN_YEAR, MAX_YEAR + 1))
    leap = "|".join(str(y) for y in range(MIN_YEAR, MAX_YEAR + 1) if calendar.isleap(y))
    long_months, short_months = "0[13578]|1[02]", "0[469]|11"
    day = (
        rf"(?:{years})-(?:(?:{long_months})-(?:0[1-9]|[12][0-9]|3[01])|(?:{short_months})-(?:0[1-9]|[12][0-9]|30)"
        rf"|02-(?:0[1-9]|1[0-9]|2[0-8]))|(?:{leap})-02-29"
    )
    decades = "|".join(str(y) for y in range(MIN_YEAR, MAX_YEAR + 1, 10))
    fiscal = "|".join(str(y) for y in range(MIN_YEAR + 1, MAX_YEAR + 1))
    return rf"(?:{day}|(?:{years})(?:-(?:0[1-9]|1[0-2])|-Q[1-4]|-H[12])?|(?:{decades})s|FY(?:{fiscal}))"


def value_pattern(kind: ValueKind, *, negative: bool = True) -> str:
    """A regular expression (unanchored) for one value of ``kind`` exactly as :func:`parse_canonical` reads it.

    ``negative=False`` leaves out negative money, which no claim may hold.

    >>> import re
    >>> bool(re.fullmatch(value_pattern("power"), "5 GW")), bool(re.fullmatch(value_pattern("power"), "1 GWh"))
    (True, False)
    """
    if kind in ("money", "rate"):
        from .currency import known_currencies

        codes = "|".join(sorted(known_currencies()))
        # Below MAX_AMOUNT (10^21): at most 21 digits before the point once leading zeros are gone.
        number = rf"{_number_text(' ')}(?:0+|0*[1-9][0-9]{{0,20}}){_FRACTION}"
        money = rf"{'(?!-0 )-?' if negative else ''}{number} (?:{codes})"
        if kind == "money":
            return money
        # A rate is per one unit of energy, power or time, written as its symbol.
        return rf"{money}/(?:{'|'.join(sorted(_RATE_UNITS, key=lambda u: (-len(u), u)))})"
    if kind in ("power", "energy", "duration"):
        return _measure_pattern(VALUE_TYPES[kind])
    if kind == "date":
        return _date_pattern()
    suffix = re.escape(VALUE_SUFFIX.get(kind, ""))
    end = f"{suffix}{_VALUE_END}"
    fraction = "" if kind == "count" else _FRACTION
    sign = rf"(?!-0{end})-?" if kind == "number" and negative else ""
    return rf"{sign}{_number_text(end)}(?:0+|0*[1-9][0-9]{{0,{MAX_DIGITS - 1}}}){fraction}{suffix}"
