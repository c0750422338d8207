"""The kinds of figure a claim can hold, and their canonical text.

Canonical text is what files and ``dealkit claims --format json`` carry:
money ``"25000000000 USD"``, power ``"5 GW"``, energy ``"43.8 TWh"``,
duration ``"10 years"``, multiple ``"3x"``, percent ``"84%"``, count ``"24"``,
date ``"2026-04-20"`` / ``"2026-02"`` / ``"2026-Q2"``; a range joins two with ``" .. "``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, Final, Literal, TypeVar, overload

from .._errors import DateError, DealkitError, DimensionError, InvalidValueError, ParseError
from .._typing import FigureKind
from .dates import PartialDate
from .estimate import APPROXIMATE_TOLERANCE, Estimate, Qualifier
from .measures import Duration, Energy, Power
from .money import CurrencyAmount, Rate
from .numbers import canonical_decimal, parse_decimal

__all__ = [
    "FIGURE_KINDS",
    "FigureT",
    "FigureValue",
    "estimate_as",
    "canonical_text",
    "estimate_from_text",
    "parse_canonical",
    "parse_rate",
]

#: Every figure value type a claim can hold.
FigureValue = CurrencyAmount | Power | Energy | Duration | Decimal | PartialDate
#: One figure value type, chosen by the caller: ``claim.value_as(Power)`` is an ``Estimate[Power]``.
FigureT = TypeVar("FigureT", CurrencyAmount, Power, Energy, Duration, Decimal, PartialDate)

FIGURE_KINDS: Final[tuple[FigureKind, ...]] = (
    "money", "power", "energy", "duration", "multiple", "percent", "count", "date",
)

MONEY_RE: Final = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?) ([A-Z]{3})", re.ASCII)
MEASURE_RE: Final = re.compile(r"[0-9]+(?:\.[0-9]+)? [A-Za-z]+", re.ASCII)
DATE_RE: Final = re.compile(
    r"([0-9]{4})(?:-(?:([0-9]{2})(?:-([0-9]{2}))?|Q([0-9])|H([0-9])))?", re.ASCII
)
VALUE_SUFFIX: Final[dict[str, str]] = {"multiple": "x", "percent": "%"}


#: Canonical number text at most this long (sign and point included) passes every size
#: check of ``_numbers`` and of money at once: at most 21 digits, so fewer than 28
#: significant digits, fewer than 28 before the point, fewer than 100 after it, and an
#: absolute value below 10^21 (``MAX_AMOUNT``).  Longer text takes the checked path.
_SHORT_NUMBER: Final = 21
#: Currency codes already accepted by ``check_currency`` (the set of known codes never shrinks).
_CHECKED_CODES: Final[set[str]] = set()


def _money(text: str) -> CurrencyAmount:
    m = MONEY_RE.fullmatch(text)
    if m is None:
        raise ParseError("money must be canonical '<decimal> <ISO code>', e.g. '25000000000 USD'", text)
    number, code = m.groups()
    if len(number) <= _SHORT_NUMBER and code in _CHECKED_CODES:
        # Every check of the constructor holds for this text (see _SHORT_NUMBER): build it once.
        return CurrencyAmount._checked(Decimal(number), code)
    amount = CurrencyAmount(parse_decimal(number), code)
    _CHECKED_CODES.add(code)
    return amount


def _measure(cls: type[Power] | type[Energy] | type[Duration]) -> Callable[[str], Power | Energy | Duration]:
    # Unit words the canonical grammar can carry (ASCII letters), as cls.parse reads them.
    symbols = {alias: symbol for alias, symbol in cls.ALIASES.items() if alias.isascii() and alias.isalpha()}
    to_base, maximum = cls._to_base, cls.MAXIMUM

    def parse(text: str) -> Power | Energy | Duration:
        if MEASURE_RE.fullmatch(text) is None:
            raise ParseError(f"{cls.KIND} must be canonical '<decimal> <unit>', e.g. '{cls._example()}'", text)
        number, _, unit = text.partition(" ")
        symbol = symbols.get(unit)
        if symbol is not None and len(number) <= _SHORT_NUMBER:
            # What cls.parse does for canonical text, each check once: the number is
            # non-negative and within every size bound (_SHORT_NUMBER); only the size in
            # base units is left to check.  Anything else takes cls.parse, with its errors.
            base = to_base(Decimal(number), symbol)
            if base <= maximum:
                return cls._checked(base, symbol)
        return cls.parse(text)

    return parse


def _number(kind: str) -> Callable[[str], Decimal]:
    suffix = VALUE_SUFFIX.get(kind, "")

    def parse(text: str) -> Decimal:
        if suffix and isinstance(text, str) and text.endswith(suffix):
            text = text[: -len(suffix)]
        value = parse_decimal(text)
        if value < 0:
            raise ParseError(f"a {kind} must not be negative", text)
        if kind == "count" and value != value.to_integral_value():
            raise ParseError("a count must be a whole number", text)
        return value

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
        raise ParseError("a date must be canonical: 2026-04-20, 2026-02, 2026-Q2, 2025-H2 or 2023", text)
    # Straight to the constructor the canonical form names, as PartialDate.parse would
    # reach it (canonical text has no spaces to fold), with its errors told the same way.
    year, month, day, quarter, half = m.groups()
    try:
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
    "money": _money,
    "power": _measure(Power),
    "energy": _measure(Energy),
    "duration": _measure(Duration),
    "multiple": _number("multiple"),
    "percent": _number("percent"),
    "count": _number("count"),
    "date": _date,
}
VALUE_TYPES: Final[dict[FigureKind, type]] = {
    "money": CurrencyAmount, "power": Power, "energy": Energy, "duration": Duration,
    "multiple": Decimal, "percent": Decimal, "count": Decimal, "date": PartialDate,
}


def check_estimate_kind(kind: FigureKind, estimate: Estimate[object], what: str) -> None:
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


def estimate_as(estimate: Estimate[object], kind: type[FigureT], what: str) -> Estimate[FigureT]:
    """``estimate``, typed as an estimate of ``kind``, once every value in it is checked to be one.

    ``what`` names the holder in the message ("claim 'a26-investment'").

    Raises:
        DimensionError: a value of the estimate is of another type.
    """
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
def parse_canonical(kind: FigureKind, text: object) -> FigureValue: ...
def parse_canonical(kind: FigureKind, text: object) -> FigureValue:
    """Read one value of ``kind`` from its canonical text (strict: what files hold).

    The return type follows ``kind``: ``parse_canonical("power", ...)`` is a :class:`Power`.

    >>> parse_canonical("power", "5 GW")
    Power('5', 'GW')
    >>> parse_canonical("money", "$5B")
    Traceback (most recent call last):
    ...
    dealkit.ParseError: money must be canonical '<decimal> <ISO code>', e.g. '25000000000 USD' (got '$5B')
    """
    if not isinstance(text, str):
        raise ParseError(f"a {kind} value must be text", text)
    return _PARSERS[kind](text)


_RATE_RE: Final = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?) ([A-Z]{3})/([A-Za-z]+)", re.ASCII)


def parse_rate(text: object) -> Rate:
    """Read a rate from its canonical text, ``str(rate)``: ``"50 USD/MWh"``, ``"10000000000 USD/year"``.

    >>> parse_rate("50 USD/MWh")
    Rate.parse('50 USD/MWh')
    >>> parse_rate("$50 per MWh")
    Traceback (most recent call last):
    ...
    dealkit.ParseError: a rate must be canonical '<decimal> <ISO code>/<unit>', e.g. '50 USD/MWh' (got '$50 per MWh')
    """
    m = _RATE_RE.fullmatch(text) if isinstance(text, str) else None
    if m is None:
        raise ParseError("a rate must be canonical '<decimal> <ISO code>/<unit>', e.g. '50 USD/MWh'", text)
    number, code, unit = m.groups()
    rate = Rate(CurrencyAmount(parse_decimal(number), code), unit)
    if rate.unit != unit:
        raise ParseError(f"a rate's canonical unit is a symbol: '{rate.unit}', not '{unit}'", text)
    return rate


def canonical_text(kind: FigureKind, value: object) -> str:
    """Write one value of ``kind`` as canonical text.

    >>> canonical_text("multiple", Decimal(3)), canonical_text("money", CurrencyAmount.parse("$25B"))
    ('3x', '25000000000 USD')
    """
    if isinstance(value, Decimal):
        return canonical_decimal(value) + VALUE_SUFFIX.get(kind, "")
    return str(value)


def estimate_text(kind: FigureKind, estimate: Estimate[object]) -> str:
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
    kind: FigureKind, qualifier: Qualifier, value: str, low: str | None = None, high: str | None = None
) -> Estimate[FigureValue]: ...
def estimate_from_text(
    kind: FigureKind,
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
    try:
        below, above = central * _BELOW_DEFAULT, central * _ABOVE_DEFAULT
    except DealkitError:
        return False
    if above < below:  # a negative value: scaling up moves it down
        below, above = above, below
    return bool(below == estimate.low and above == estimate.high)

