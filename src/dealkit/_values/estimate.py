"""``Estimate``: a value with the qualifier the text gave it, and sound interval arithmetic."""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Final, Generic, Protocol, Self, TypeVar, final

import attrs

from .._args import CheckedEnumType
from .._errors import BoundsError, DealkitError, InvalidValueError, ParseError, safe_str
from .numbers import MAX_TEXT_LENGTH, canonical_decimal

__all__ = ["APPROXIMATE_TOLERANCE", "Estimate", "Qualifier", "Scalable", "approximate_estimate", "one_value_estimate"]

#: The relative half-width given to "about", "roughly", "~" figures (10 %).
APPROXIMATE_TOLERANCE: Final = Decimal("0.1")


class Qualifier(enum.Enum, metaclass=CheckedEnumType):
    """How the text qualified a figure."""

    EXACT = "exact"
    """Stated as is: "$5 billion"."""
    AT_MOST = "at_most"
    """An upper bound: "up to $25 billion", "as much as"."""
    AT_LEAST = "at_least"
    """A lower bound: "more than $100 billion", "$100B+"."""
    APPROXIMATELY = "approximately"
    """Near a value: "roughly", "nearly", "about", "~"."""
    RANGE = "range"
    """Between two values: "30-50 megawatts"."""


class Scalable(Protocol):
    """What interval arithmetic needs of a value: ordering, addition, scaling by numbers."""

    def __add__(self, other: Self, /) -> Self: ...
    def __sub__(self, other: Self, /) -> Self: ...
    def __mul__(self, factor: Decimal, /) -> Self: ...
    def __lt__(self, other: Self, /) -> bool: ...
    def __le__(self, other: Self, /) -> bool: ...


class _Ordered(Protocol):
    def __lt__(self, other: Self, /) -> bool: ...
    def __le__(self, other: Self, /) -> bool: ...


#: What an estimate holds: covariant, as an estimate is immutable (an ``Estimate[Power]``
#: is an ``Estimate[Power | Energy]``).
T = TypeVar("T", covariant=True)
#: A value handed to a constructor.
V = TypeVar("V")
S = TypeVar("S", bound=Scalable)
O = TypeVar("O", bound=_Ordered)

BELOW_PHRASES: Final = ("nearly", "almost", "just under", "close to")
APPROX_PHRASES: Final = ("roughly", "about", "around", "approximately", "an estimated", "some", "~", "circa", "c.")
AT_MOST_PHRASES: Final = ("up to", "as much as", "as many as", "at most", "no more than", "not more than", "by", "under", "below", "less than")
AT_LEAST_PHRASES: Final = ("more than", "at least", "over", "upwards of", "in excess of", "above", "surpassing", "surpassed", "exceeding", "exceeded", "topping", "no less than", "not less than", "over the", "beyond")
_PREFIXES: Final = sorted(
    [(w, Qualifier.APPROXIMATELY) for w in BELOW_PHRASES + APPROX_PHRASES]
    + [(w, Qualifier.AT_MOST) for w in AT_MOST_PHRASES]
    + [(w, Qualifier.AT_LEAST) for w in AT_LEAST_PHRASES],
    key=lambda item: -len(item[0]),
)
QUALIFIER_WORDS: Final = {
    Qualifier.EXACT: "", Qualifier.AT_MOST: "up to ", Qualifier.AT_LEAST: "more than ",
    Qualifier.APPROXIMATELY: "about ", Qualifier.RANGE: "",
}
DATE_QUALIFIER_WORDS: Final = {
    Qualifier.EXACT: "", Qualifier.AT_MOST: "by ", Qualifier.AT_LEAST: "from ",
    Qualifier.APPROXIMATELY: "around ", Qualifier.RANGE: "",
}
_RANGE_SEP: Final = re.compile(r"\s*(?:\.\.|–|—|-|\bto\b)\s*")
_BETWEEN: Final = re.compile(r"between\s+(.+?)\s+and\s+(.+)", re.I | re.S)
_NUMBER_IN: Final = re.compile(r"^(\D*?)([0-9][0-9,]*(?:\.[0-9]+)?)(.*)$", re.S)


#: Which of (low, high, central) each qualifier needs.
_NEEDS: Final = {
    Qualifier.EXACT: (True, True, False),
    Qualifier.AT_MOST: (False, True, False),
    Qualifier.AT_LEAST: (True, False, False),
    Qualifier.APPROXIMATELY: (True, True, True),
    Qualifier.RANGE: (True, True, False),
}


@final
@attrs.frozen(repr=False)
class Estimate(Generic[T]):
    """A figure as the text qualified it, with the bounds that follow.

    ``low`` / ``high`` are the bounds (``None``: not bounded on that side);
    ``central`` is the stated value of an approximate figure.

    >>> from dealkit import CurrencyAmount, Power
    >>> up_to_20 = Estimate.at_most(CurrencyAmount.parse("$20B"))
    >>> five = Estimate.exact(CurrencyAmount.parse("$5B"))
    >>> total = up_to_20 + five
    >>> total.qualifier, str(total.high)
    (<Qualifier.AT_MOST: 'at_most'>, '25000000000 USD')
    >>> Estimate.parse("30–50 megawatts", Power.parse)
    Estimate.between(Power('30', 'MW'), Power('50', 'MW'))
    """

    qualifier: Qualifier
    low: T | None
    high: T | None
    central: T | None = None

    def __attrs_post_init__(self) -> None:
        q, lo, hi, c = self.qualifier, self.low, self.high, self.central
        if not isinstance(q, Qualifier):
            raise InvalidValueError(f"'qualifier' must be a Qualifier, not {type(q).__name__}", q)
        need = _NEEDS[q]
        if (lo is not None, hi is not None, c is not None) != need:
            raise BoundsError(
                f"an estimate '{q.value}' needs "
                + ", ".join(n for n, k in zip(("low", "high", "central"), need, strict=True) if k),
                self._describe(),
            )
        try:
            if lo is not None and hi is not None:
                if q is Qualifier.EXACT and not lo == hi:
                    raise BoundsError("an exact estimate has equal bounds", self._describe())
                if hi < lo:  # type: ignore[operator]
                    raise BoundsError("lower bound is above upper bound", self._describe())
                if q is Qualifier.RANGE and not lo < hi:  # type: ignore[operator]
                    raise BoundsError("a range needs low < high; use exact for one value", self._describe())
            if c is not None and not (lo <= c <= hi):  # type: ignore[operator]
                raise BoundsError("central value must lie within the bounds", self._describe())
        except (TypeError, ArithmeticError):  # values that do not compare (of two kinds), or NaN
            raise BoundsError("bounds must be comparable values of one kind", self._describe()) from None

    def _describe(self) -> str:
        parts = [
            f"{n}={safe_str(v)}" for n, v in (("low", self.low), ("high", self.high), ("central", self.central))
            if v is not None
        ]
        return f"{self.qualifier.value}({', '.join(parts)})"

    # -- constructors -------------------------------------------------------------

    @staticmethod
    def _trusted(qualifier: Qualifier, low: V | None, high: V | None) -> Estimate[V]:
        # For the loaders only: an exact, at_most or at_least estimate of a value fresh from
        # the canonical parsers (finite, of one dealkit type), for which the checks in
        # __attrs_post_init__ provably pass (one value, compared with itself at most).
        new: Estimate[V] = object.__new__(Estimate)
        _set_qualifier(new, qualifier)
        _set_low(new, low)
        _set_high(new, high)
        _set_central(new, None)
        return new

    @staticmethod
    def exact(value: V) -> Estimate[V]:
        """A figure stated as is."""
        return Estimate(Qualifier.EXACT, value, value)

    @staticmethod
    def at_most(value: V) -> Estimate[V]:
        """"up to ``value``"."""
        return Estimate(Qualifier.AT_MOST, None, value)

    @staticmethod
    def at_least(value: V) -> Estimate[V]:
        """"more than ``value``", "``value``+"."""
        return Estimate(Qualifier.AT_LEAST, value, None)

    @staticmethod
    def between(low: V, high: V) -> Estimate[V]:
        """"``low``-``high``"."""
        return Estimate(Qualifier.RANGE, low, high)

    @staticmethod
    def approximately(
        value: S,
        *,
        low: S | None = None,
        high: S | None = None,
        tolerance: Decimal = APPROXIMATE_TOLERANCE,
    ) -> Estimate[S]:
        """"about ``value``": bounds ``value`` x (1 -/+ tolerance) unless given.

        >>> Estimate.approximately(Decimal(200)).low
        Decimal('180.0')
        """
        tolerance = _tolerance(tolerance)
        if low is None or high is None:
            below, above = _scaled(value, 1 - tolerance), _scaled(value, 1 + tolerance)
            if _ordered(above, below):  # a negative value: scaling up moves it down
                below, above = above, below
            low = below if low is None else low
            high = above if high is None else high
        return Estimate(Qualifier.APPROXIMATELY, low, high, value)

    @staticmethod
    def nearly(value: S, *, tolerance: Decimal = APPROXIMATE_TOLERANCE) -> Estimate[S]:
        """"nearly ``value``": approximately, and not above it.

        >>> e = Estimate.nearly(Decimal(1))
        >>> (e.low, e.high)
        (Decimal('0.9'), Decimal('1'))
        """
        return Estimate.approximately(value, low=_scaled(value, 1 - _tolerance(tolerance)), high=value)

    @staticmethod
    def from_bounds(low: V | None, high: V | None) -> Estimate[V]:
        """The estimate with these bounds; the qualifier follows from which are set."""
        if low is None and high is None:
            raise BoundsError("neither bound is known: the figure is undetermined", None)
        if low is None:
            return Estimate(Qualifier.AT_MOST, None, high)
        if high is None:
            return Estimate(Qualifier.AT_LEAST, low, None)
        if low == high:
            return Estimate(Qualifier.EXACT, low, high)
        return Estimate(Qualifier.RANGE, low, high)

    @staticmethod
    def parse(text: str, parse_value: Callable[[str], V]) -> Estimate[V]:
        """Read a qualified figure: ``"up to $25 billion"``, ``"$100B+"``, ``"nearly 1GW"``, ``"30–50 MW"``.

        ``parse_value`` reads the bare value (``CurrencyAmount.parse``, ``Power.parse``, ...).

        >>> from dealkit import CurrencyAmount
        >>> Estimate.parse("more than $100 billion", CurrencyAmount.parse)
        Estimate.at_least(CurrencyAmount(Decimal('100000000000'), 'USD'))
        >>> Estimate.parse("$100B+", CurrencyAmount.parse) == Estimate.parse("more than $100B", CurrencyAmount.parse)
        True
        """
        if not isinstance(text, str):
            raise ParseError("a figure must be text", text)
        if not callable(parse_value):
            raise InvalidValueError(
                f"'parse_value' must be a function that reads a value, not {type(parse_value).__name__}", parse_value
            )
        if len(text) > MAX_TEXT_LENGTH:
            raise ParseError(f"figure text is longer than {MAX_TEXT_LENGTH} characters", text)
        s = " ".join(text.split())
        try:
            return _parse(s, _reading(parse_value))
        except DealkitError as exc:
            raise type(exc)(exc.reason, text) from None

    # -- reading --------------------------------------------------------------------

    @property
    def value(self) -> T:
        """The figure as stated (the bound for at_most/at_least, the centre of an approximation).

        A range has no single stated value: asking raises :class:`BoundsError`.
        """
        match self.qualifier:
            case Qualifier.AT_LEAST | Qualifier.EXACT:
                assert self.low is not None
                return self.low
            case Qualifier.AT_MOST:
                assert self.high is not None
                return self.high
            case Qualifier.APPROXIMATELY:
                assert self.central is not None
                return self.central
            case _:
                raise BoundsError("a range has no single value; use low and high", self._describe())

    @property
    def value_text(self) -> str:
        """The canonical value text: ``"5 GW"``, or ``"30 MW .. 50 MW"`` for a range."""
        if self.qualifier is Qualifier.RANGE:
            return f"{self.low} .. {self.high}"
        return str(self.value)

    def __str__(self) -> str:
        """Plain text: ``"up to 25000000000 USD"``, ``"by 2026-12"`` for a date."""
        from .dates import PartialDate

        if isinstance(self.low if self.low is not None else self.high, PartialDate):
            return DATE_QUALIFIER_WORDS[self.qualifier] + self.value_text
        return QUALIFIER_WORDS[self.qualifier] + self.value_text

    def __repr__(self) -> str:
        q = self.qualifier
        if q is Qualifier.RANGE:
            return f"Estimate.between({self.low!r}, {self.high!r})"
        if q is Qualifier.APPROXIMATELY:
            return f"Estimate.approximately({self.central!r}, low={self.low!r}, high={self.high!r})"
        return f"Estimate.{q.value}({self.value!r})"

    def map(self, fn: Callable[[T], S]) -> Estimate[S]:
        """Apply a monotonically increasing ``fn`` to every bound (e.g. a unit conversion)."""
        if not callable(fn):
            raise InvalidValueError(f"'fn' must be a function, not {type(fn).__name__}", fn)
        return Estimate(
            self.qualifier,
            None if self.low is None else fn(self.low),
            None if self.high is None else fn(self.high),
            None if self.central is None else fn(self.central),
        )

    def contains(self: Estimate[O], value: O) -> bool:
        """Whether ``value`` lies within the bounds."""
        return (self.low is None or self.low <= value) and (self.high is None or value <= self.high)

    def compatible_with(self: Estimate[O], other: Estimate[O]) -> bool:
        """Whether both estimates can hold at once (their bounds overlap)."""
        if not isinstance(other, Estimate):
            raise InvalidValueError(f"'other' must be an Estimate, not {type(other).__name__}", other)
        if self.low is not None and other.high is not None and other.high < self.low:
            return False
        if other.low is not None and self.high is not None and self.high < other.low:
            return False
        return True

    # -- interval arithmetic -----------------------------------------------------------

    def __add__(self: Estimate[S], other: Estimate[S] | S) -> Estimate[S]:
        o = other if isinstance(other, Estimate) else Estimate.exact(other)
        low = None if self.low is None or o.low is None else self.low + o.low
        high = None if self.high is None or o.high is None else self.high + o.high
        return Estimate.from_bounds(low, high)

    def __sub__(self: Estimate[S], other: Estimate[S] | S) -> Estimate[S]:
        o = other if isinstance(other, Estimate) else Estimate.exact(other)
        low = None if self.low is None or o.high is None else self.low - o.high
        high = None if self.high is None or o.low is None else self.high - o.low
        return Estimate.from_bounds(low, high)

    def __mul__(self: Estimate[S], factor: int | Decimal) -> Estimate[S]:
        if isinstance(factor, bool) or not isinstance(factor, (int, Decimal)):
            return NotImplemented
        f = Decimal(factor)
        lo = None if self.low is None else self.low * f
        hi = None if self.high is None else self.high * f
        if self.qualifier is Qualifier.APPROXIMATELY and f > 0:
            assert self.central is not None and lo is not None and hi is not None
            return Estimate(Qualifier.APPROXIMATELY, lo, hi, self.central * f)
        if f < 0:
            lo, hi = hi, lo
        return Estimate.from_bounds(lo, hi)

    __rmul__ = __mul__


def _tolerance(tolerance: object) -> Decimal:
    """``tolerance`` if it is a Decimal in [0, 1), else :class:`~dealkit.InvalidValueError`."""
    if not isinstance(tolerance, Decimal) or not tolerance.is_finite() or not 0 <= tolerance < 1:
        raise InvalidValueError("'tolerance' must be a Decimal in [0, 1), e.g. Decimal('0.1')", tolerance)
    return tolerance


def _scaled(value: S, factor: Decimal) -> S:
    """``value * factor``, or :class:`~dealkit.InvalidValueError` for a value that does not scale."""
    try:
        return value * factor
    except DealkitError:
        raise
    except (TypeError, ArithmeticError):
        coarser = "; state it at a coarser precision instead" if type(value).__name__ == "PartialDate" else ""
        raise InvalidValueError(
            f"{type(value).__name__} cannot be approximate: it has no bounds of "
            f"±{canonical_decimal((1 - factor).copy_abs() * 100)}%{coarser}",
            safe_str(value),
        ) from None


def _ordered(a: S, b: S) -> bool:
    """``a < b``, or :class:`~dealkit.BoundsError` when the two do not compare (NaN)."""
    try:
        return bool(a < b)
    except DealkitError:
        raise
    except (TypeError, ArithmeticError):
        raise BoundsError("bounds must be comparable values of one kind", safe_str(a)) from None


# The slots' own setters: what object.__setattr__ reaches on a frozen instance, without its lookup.
_set_qualifier, _set_low, _set_high, _set_central = (
    Estimate.__dict__[name].__set__ for name in ("qualifier", "low", "high", "central")
)


def _reading(parse_value: Callable[[str], V]) -> Callable[[str], V]:
    """``parse_value``, with what a caller's reader raises for text it cannot read (``int``'s
    ``ValueError``, ``Decimal``'s ``InvalidOperation``) told as a :class:`~dealkit.ParseError`."""

    def read(text: str) -> V:
        try:
            return parse_value(text)
        except DealkitError:
            raise
        except (ValueError, TypeError, ArithmeticError, LookupError) as exc:
            name = getattr(parse_value, "__qualname__", type(parse_value).__name__)
            raise ParseError(f"{name} cannot read it: {type(exc).__name__}", text) from None

    return read


#: The bounds (low, high) each one-value qualifier takes from its value.
_ONE_VALUE: Final = {
    Qualifier.EXACT: (True, True), Qualifier.AT_MOST: (False, True), Qualifier.AT_LEAST: (True, False),
}


def one_value_estimate(qualifier: Qualifier, value: V) -> Estimate[V]:
    """An exact, at-most or at-least estimate of one valid dealkit value, built without re-checking it.

    The same estimate as :meth:`Estimate.exact`, :meth:`Estimate.at_most` or
    :meth:`Estimate.at_least`: with one value the bound checks cannot fail, so
    readers that build many figures (the extractor) skip them.

    >>> one_value_estimate(Qualifier.AT_MOST, Decimal(5)) == Estimate.at_most(Decimal(5))
    True
    """
    low, high = _ONE_VALUE[qualifier]
    return Estimate._trusted(qualifier, value if low else None, value if high else None)


def _parse(s: str, parse_value: Callable[[str], V]) -> Estimate[V]:
    low_s = s.lower()
    if m := _BETWEEN.fullmatch(s):
        lo, hi = _parse_pair(m[1], m[2], parse_value)
        return Estimate.between(lo, hi)
    for phrase, qualifier in _PREFIXES:
        if low_s.startswith(phrase) and (
            not phrase[-1].isalpha() or len(s) == len(phrase) or not s[len(phrase)].isalpha()
        ):
            rest = s[len(phrase):].strip()
            value = parse_value(rest)
            if qualifier is Qualifier.AT_MOST:
                return Estimate.at_most(value)
            if qualifier is Qualifier.AT_LEAST:
                return Estimate.at_least(value)
            if phrase in BELOW_PHRASES:
                return Estimate.nearly(value)  # type: ignore[type-var]
            return Estimate.approximately(value)  # type: ignore[type-var]
    if s.endswith("+"):
        return Estimate.at_least(parse_value(s[:-1].rstrip()))
    try:
        return Estimate.exact(parse_value(s))
    except DealkitError as first_error:
        parts = _RANGE_SEP.split(s)
        if len(parts) == 2 and all(parts):
            lo, hi = _parse_pair(parts[0], parts[1], parse_value)
            return Estimate.between(lo, hi)
        raise first_error


def _parse_pair(lo_text: str, hi_text: str, parse_value: Callable[[str], V]) -> tuple[V, V]:
    lo_m = _NUMBER_IN.match(lo_text.strip())
    hi_m = _NUMBER_IN.match(hi_text.strip())
    if lo_m and hi_m:
        # "30–50 MW", "$30–50 billion": each end borrows what the other states
        # (the currency symbol from the low end, the unit and scale from the high end).
        prefix = lo_m[1] or hi_m[1]
        lo_text = prefix + lo_m[2] + (lo_m[3] if lo_m[3].strip() else hi_m[3])
        hi_text = (hi_m[1] or prefix) + hi_m[2] + hi_m[3]
    return parse_value(lo_text), parse_value(hi_text)


def approximate_estimate(value: S, *, nearly: bool = False) -> Estimate[S]:
    """"about ``value``" (or "nearly ``value``") with the default tolerance, built without re-checking it.

    The same estimate as :meth:`Estimate.approximately` (or :meth:`Estimate.nearly`):
    the bounds are ``value`` scaled by ``1 -/+`` :data:`APPROXIMATE_TOLERANCE`, which
    lie on either side of it by construction (rounding keeps that order), so the
    bound checks are skipped.

    >>> approximate_estimate(Decimal(200)) == Estimate.approximately(Decimal(200))
    True
    >>> approximate_estimate(Decimal(1), nearly=True) == Estimate.nearly(Decimal(1))
    True
    """
    below = value * (1 - APPROXIMATE_TOLERANCE)
    if nearly:
        above = value
    else:
        above = value * (1 + APPROXIMATE_TOLERANCE)
        if above < below:  # a negative value: scaling up moves it down
            below, above = above, below
    if nearly and above < below:
        return Estimate.nearly(value)  # a negative value: the checked constructor says why not
    new: Estimate[S] = object.__new__(Estimate)
    _set_qualifier(new, Qualifier.APPROXIMATELY)
    _set_low(new, below)
    _set_high(new, above)
    _set_central(new, value)
    return new
