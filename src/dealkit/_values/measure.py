"""The shared machinery of physical measures: exact magnitudes in a closed set of units.

Power, energy and durations in dealkit hold an exact ``Decimal`` in base units
(watts, watt-hours, days) plus the unit they were stated in, so arithmetic is
exact and costs no pint import; :attr:`quantity` hands out a pint quantity
from the shared registry when one is wanted.  Text is read by a strict
"number unit" grammar matched against a fixed table of unit names: no text is
ever evaluated as an expression.
"""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, Self

import attrs

from .._errors import DimensionError, InvalidValueError, ParseError, safe_str
from .numbers import MAX_TEXT_LENGTH, ROUNDED, canonical_decimal, to_decimal

if TYPE_CHECKING:
    import pint

__all__ = ["Measure", "NUMBER_UNIT_RE"]

#: "number unit": ASCII digits (thousands commas allowed), optional fraction, then a unit word.
NUMBER_UNIT_RE: Final = re.compile(
    r"\s*(?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?\s*(?P<unit>[A-Za-z][A-Za-z -]{0,30}?)\s*",
    re.ASCII,
)



@attrs.frozen(init=False, order=False, repr=False)
class Measure:
    """Base of :class:`Power`, :class:`Energy` and :class:`Duration` (not used directly)."""

    base: Decimal
    """The exact magnitude in the base unit (W, Wh, day)."""
    unit: str = attrs.field(eq=False, hash=False)
    """The unit it was stated in, used for display only: equality ignores it."""

    #: unit symbol -> factor to the base unit
    UNITS: ClassVar[dict[str, Decimal]]
    #: accepted spellings -> unit symbol
    ALIASES: ClassVar[dict[str, str]]
    DIMENSION: ClassVar[str]
    PINT_UNITS: ClassVar[dict[str, str]]
    #: the largest magnitude, in base units, accepted as plausible
    MAXIMUM: ClassVar[Decimal]
    KIND: ClassVar[str]

    def __init__(self, magnitude: int | Decimal | str, unit: str) -> None:
        symbol = self._symbol(unit)
        value = to_decimal(magnitude)
        if value < 0:
            raise InvalidValueError(f"{self.KIND} must not be negative", f"{magnitude} {unit}")
        base = self._to_base(value, symbol)
        self._check_size(base, f"{magnitude} {unit}")
        self.__attrs_init__(base, symbol)

    @classmethod
    def _to_base(cls, value: Decimal, symbol: str) -> Decimal:
        """``value`` stated in ``symbol``, in the base unit."""
        return ROUNDED.multiply(value, cls.UNITS[symbol])

    @classmethod
    def _symbol(cls, unit: object) -> str:
        if isinstance(unit, str):
            symbol = cls.ALIASES.get(unit) or cls.ALIASES.get(unit.lower())
            if symbol is not None:
                return symbol
        raise cls._unit_error(unit)

    @classmethod
    def _unit_error(cls, unit: object) -> InvalidValueError | DimensionError:
        for other in _KINDS:
            if other is not cls and isinstance(unit, str):
                if unit in other.ALIASES or unit.lower() in other.ALIASES:
                    return DimensionError(
                        f"'{unit}' is a unit of {other.KIND}, not {cls.KIND} ({cls.DIMENSION})", unit
                    )
        other_dimension = _pint_dimension(unit, cls.DIMENSION)
        if other_dimension is not None:
            return DimensionError(
                f"'{unit}' is a unit of {other_dimension}, not {cls.KIND} ({cls.DIMENSION})", unit
            )
        known = ", ".join(cls.UNITS)
        return InvalidValueError(f"unknown {cls.KIND} unit; use one of {known}", unit)

    @classmethod
    def _check_size(cls, base: Decimal, original: object) -> None:
        if base > cls.MAXIMUM:
            raise InvalidValueError(f"{cls.KIND} is implausibly large", original)

    @classmethod
    def _make(cls, base: Decimal, unit: str) -> Self:
        if base < 0:
            raise InvalidValueError(f"{cls.KIND} must not be negative", canonical_decimal(base))
        if base > cls.MAXIMUM:  # the text of the value only when it is reported
            cls._check_size(base, canonical_decimal(base))
        new = object.__new__(cls)
        object.__setattr__(new, "base", base)
        object.__setattr__(new, "unit", unit)
        return new

    @classmethod
    def _checked(cls, base: Decimal, unit: str) -> Self:
        # For the canonical loader only: ``base`` already passed every check of the
        # constructor (non-negative, finite, within the size bounds), ``unit`` is a symbol.
        new = object.__new__(cls)
        object.__setattr__(new, "base", base)
        object.__setattr__(new, "unit", unit)
        return new

    @classmethod
    def parse(cls, text: str) -> Self:
        """Read "number unit" text, e.g. ``"5 GW"``, ``"30 megawatts"``, ``"1.25GW"``."""
        if not isinstance(text, str):
            raise ParseError(f"{cls.KIND} must be text", text)
        if len(text) > MAX_TEXT_LENGTH:
            raise ParseError(f"{cls.KIND} text is longer than {MAX_TEXT_LENGTH} characters", text)
        m = NUMBER_UNIT_RE.fullmatch(text)
        if m is None:
            raise ParseError(f"not a {cls.KIND}: expected 'number unit', e.g. '{cls._example()}'", text)
        number = m["num"].replace(",", "") + ("." + m["frac"] if m["frac"] else "")
        try:
            return cls(Decimal(number), m["unit"].strip())
        except (InvalidValueError, DimensionError) as exc:
            raise type(exc)(exc.reason, text) from None

    @classmethod
    def _example(cls) -> str:
        return "5 " + next(reversed(cls.UNITS))

    @property
    def magnitude(self) -> Decimal:
        """The magnitude in :attr:`unit`."""
        return ROUNDED.divide(self.base, self.UNITS[self.unit])

    def to(self, unit: str) -> Self:
        """The same measure, stated in another unit of the same dimension."""
        return self._make(self.base, self._symbol(unit))

    def __str__(self) -> str:
        """Canonical text, e.g. ``"5 GW"``."""
        return f"{canonical_decimal(self.magnitude)} {self.unit}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}('{canonical_decimal(self.magnitude)}', {self.unit!r})"

    @property
    def quantity(self) -> pint.Quantity[float]:
        """This measure as a pint quantity from :func:`dealkit.get_registry` (built on first use).

        Its magnitude is a float, as pint expects, so it combines with any other
        quantity; the exact value stays in :attr:`magnitude`.
        """
        from .units import get_registry

        ureg = get_registry()
        return ureg.Quantity(float(self.magnitude), ureg.Unit(self.PINT_UNITS[self.unit]))

    @classmethod
    def from_quantity(cls, quantity: object) -> Self:
        """Build from a pint quantity of the right dimension (any registry).

        Float magnitudes go through their shortest ``repr``, so ``5.0 GW`` is exactly 5 GW.
        """
        from .units import check_dimension

        q = check_dimension(quantity, cls.DIMENSION, cls.KIND)
        # Refuse a magnitude that is not a finite, plausible number before pint converts
        # it (a 10,000-digit int overflows, Decimal('sNaN') signals InvalidOperation).
        to_decimal(q.magnitude, allow_float=True)
        base_unit = cls.PINT_UNITS[next(k for k, v in cls.UNITS.items() if v == 1)]
        try:
            magnitude: object = q.to(base_unit).magnitude
        except (ArithmeticError, ValueError) as exc:
            raise InvalidValueError(f"{cls.KIND} cannot be converted to {base_unit}: {exc}", quantity) from None
        base = to_decimal(magnitude, allow_float=True)
        unit = cls._best_unit(base)
        stated = cls._make(base, unit)
        if not isinstance(magnitude, float):
            return stated
        # A float carries 15 significant digits at best; more would be conversion noise
        # (30.416666666666668 days is one month, not 1.0000000000000000438 months).
        rounded = stated.magnitude.normalize(_FLOAT_DIGITS)
        return cls(rounded, unit)

    @classmethod
    def _best_unit(cls, base: Decimal) -> str:
        best = next(iter(cls.UNITS))
        for symbol, factor in cls.UNITS.items():
            if base >= factor:
                best = symbol
        return best

    def _other(self, other: object) -> Self:
        if type(other) is not type(self):
            raise DimensionError(
                f"cannot combine {self.KIND} with {type(other).__name__}", safe_str(other)
            )
        return other

    def __add__(self, other: Self) -> Self:
        if not isinstance(other, Measure):
            return NotImplemented
        return self._make(ROUNDED.add(self.base, self._other(other).base), self.unit)

    def __radd__(self, other: int) -> Self:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: Self) -> Self:
        if not isinstance(other, Measure):
            return NotImplemented
        return self._make(ROUNDED.subtract(self.base, self._other(other).base), self.unit)

    def __mul__(self, factor: int | Decimal) -> Self:
        if isinstance(factor, bool) or not isinstance(factor, (int, Decimal)):
            return NotImplemented
        return self._make(ROUNDED.multiply(self.base, to_decimal(factor)), self.unit)

    __rmul__ = __mul__

    def ratio(self, other: Self) -> Decimal:
        """``self / other`` as a plain number (both of the same dimension)."""
        divisor = self._other(other).base
        if not divisor:
            raise InvalidValueError(f"cannot divide by zero {self.KIND}", str(other))
        return ROUNDED.divide(self.base, divisor)

    def scaled(self, divisor: int | Decimal) -> Self:
        """``self / divisor`` for a plain positive number."""
        d = to_decimal(divisor)
        if d <= 0:
            raise InvalidValueError("divisor must be positive", divisor)
        return self._make(ROUNDED.divide(self.base, d), self.unit)

    def __lt__(self, other: Self) -> bool:
        return self.base < self._other(other).base

    def __le__(self, other: Self) -> bool:
        return self.base <= self._other(other).base

    def __gt__(self, other: Self) -> bool:
        return self.base > self._other(other).base

    def __ge__(self, other: Self) -> bool:
        return self.base >= self._other(other).base

    def __bool__(self) -> bool:
        return bool(self.base)


_KINDS: list[type[Measure]] = []
_FLOAT_DIGITS: Final = decimal.Context(prec=15)
_IDENTIFIER_RE: Final = re.compile(r"[A-Za-z]{1,30}", re.ASCII)


def _pint_dimension(unit: object, expected: str) -> str | None:
    """The dimension pint gives a single unit word, or None if it is no unit or has ``expected``.

    A unit of the expected dimension that dealkit does not store (``mW``, ``hp``,
    ``seconds``) is an unknown unit, not a wrong dimension.

    Only on the error path, and only for one plain ASCII word: pint never sees an
    expression (no operators, digits or brackets can pass the pattern).
    """
    if not isinstance(unit, str) or _IDENTIFIER_RE.fullmatch(unit) is None:
        return None
    from .units import get_registry

    ureg = get_registry()
    try:
        if unit not in ureg:
            return None
        dimensionality = ureg.Unit(unit).dimensionality
        if dimensionality == ureg.get_dimensionality(expected):
            return None
        return str(dimensionality)
    except Exception:  # pint raises several kinds for odd names; none is a unit we know
        return None


def register_kind(cls: type[Measure]) -> type[Measure]:
    """Record a measure class so unit mistakes across dimensions get precise messages."""
    _KINDS.append(cls)
    return cls
