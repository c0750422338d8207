"""The shared machinery of physical measures: exact magnitudes in a closed set of units.

Power, energy and durations in dealkit hold an exact ``Decimal`` in base units
(watts, watt-hours, days) plus the unit they were stated in, so arithmetic is
exact and costs no pint import; :attr:`quantity` hands out a pint quantity
on pint's application registry when one is wanted (:meth:`to_quantity` on any
other), and every operator takes a pint quantity of the right dimension too.  Text is read by a strict
"number unit" grammar matched against a fixed table of unit names: no text is
ever evaluated as an expression.
"""

from __future__ import annotations

import decimal
import re
import sys
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, Self, TypeVar

import attrs

from .._errors import DimensionError, InvalidValueError, ParseError, safe_str
from .numbers import MAX_TEXT_LENGTH, ROUNDED, canonical_decimal, to_decimal
from .units import pint_aware, teach_pint

if TYPE_CHECKING:
    import pint

    from .units import M

__all__ = ["Measure", "NUMBER_UNIT_RE", "stated_measure"]

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
        if "pint" in sys.modules:  # pint came in after dealkit: tell it about measures now
            teach_pint()
        symbol = self._symbol(unit)
        value = to_decimal(magnitude)
        if value < 0:
            raise InvalidValueError(f"{self.KIND} must not be negative", f"{magnitude} {unit}")
        base = self._to_base(value, symbol)
        if base > self.MAXIMUM:  # the text of the value only when it is reported
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
        magnitude = self.magnitude
        number = str(magnitude)  # canonical_decimal's own first step, without the call for whole numbers
        if "." in number or "E" in number:
            number = canonical_decimal(magnitude)
        return f"{number} {self.unit}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}('{canonical_decimal(self.magnitude)}', {self.unit!r})"

    # -- pint ---------------------------------------------------------------------------

    @property
    def quantity(self) -> pint.Quantity[float]:
        """This measure as a pint quantity on pint's application registry (see :meth:`to_quantity`)."""
        return self.to_quantity()

    def to_quantity(self, registry: pint.UnitRegistry[float] | None = None) -> pint.Quantity[float]:
        """This measure as a pint quantity on ``registry``: pint's application registry by default.

        The default follows ``pint.set_application_registry``, so an application
        that set its own registry gets quantities it can combine with its own.
        The magnitude is a float, as pint expects; the exact value stays in :attr:`magnitude`.

        Raises:
            InvalidValueError: ``registry`` is no pint registry, or lacks the unit.
        """
        from .units import registry_or_default

        ureg = registry_or_default(registry)
        symbol, magnitude = self._pint_view()
        name = self.PINT_UNITS[symbol]
        try:
            return ureg.Quantity(float(magnitude), ureg.Unit(name))
        except (AttributeError, ValueError, TypeError) as exc:  # pint's UndefinedUnitError and kin
            raise InvalidValueError(f"the registry cannot state {self.KIND} in {name}: {exc}", str(self)) from None

    def _pint_view(self) -> tuple[str, Decimal]:
        """The unit symbol and magnitude handed to pint."""
        return self.unit, self.magnitude

    @classmethod
    def from_quantity(cls, quantity: pint.Quantity[M]) -> Self:
        """Build from a pint quantity of the right dimension, from any registry.

        Float magnitudes go through their shortest ``repr``, so ``5.0 GW`` is exactly 5 GW.

        Raises:
            DimensionError: not a pint quantity, or one of another dimension.
            InvalidValueError: a magnitude that is not a finite, plausible, non-negative number.
        """
        from .units import check_dimension

        q = check_dimension(quantity, cls.DIMENSION, cls.KIND)
        # Refuse a magnitude that is not a finite, plausible number before pint converts
        # it (a 10,000-digit int overflows, Decimal('sNaN') signals InvalidOperation).
        to_decimal(q.magnitude, allow_float=True)
        return cls._from_checked(q)

    @classmethod
    def _from_checked(cls, q: pint.Quantity[float]) -> Self:
        base_unit = cls.PINT_UNITS[next(k for k, v in cls.UNITS.items() if v == 1)]
        try:
            magnitude: object = q.to(base_unit).magnitude
        except Exception as exc:  # pint's errors, overflow, a registry without the unit
            raise InvalidValueError(f"{cls.KIND} cannot be converted to {base_unit}: {exc}", q) from None
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

    # -- arithmetic -------------------------------------------------------------------------
    #
    # The subclasses declare the typed operators (``@overload``: power x duration is energy,
    # energy / duration is power, ...); the shared work is done here.

    @classmethod
    def _coerce(cls, other: object, op: str) -> Self | None:
        """``other`` as a measure of this kind: itself, or a pint quantity converted; None if foreign."""
        if type(other) is cls:
            return other
        if isinstance(other, Measure):
            raise DimensionError(f"cannot {op} {cls.KIND} and {other.KIND}", str(other))
        from .units import is_quantity

        if is_quantity(other):
            return cls.from_quantity(other)  # type: ignore[arg-type]
        return None

    def _add(self, other: object) -> Self | None:
        if type(other) is type(self):  # the common case, without the conversions
            return self._make(ROUNDED.add(self.base, other.base), self.unit)
        o = self._coerce(other, "add")
        return None if o is None else self._make(ROUNDED.add(self.base, o.base), self.unit)

    def _radd(self, other: object) -> Self | None:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self  # lets sum() start from 0
        return self._add(other)

    def _sub(self, other: object) -> Self | None:
        if type(other) is type(self):  # the common case, without the conversions
            return self._make(ROUNDED.subtract(self.base, other.base), self.unit)
        o = self._coerce(other, "subtract")
        return None if o is None else self._make(ROUNDED.subtract(self.base, o.base), self.unit)

    def _rsub(self, other: object) -> Self | None:
        o = self._coerce(other, "subtract")
        return None if o is None else self._make(ROUNDED.subtract(o.base, self.base), self.unit)

    @staticmethod
    def _number(value: object, op: str) -> Decimal | None:
        """A plain number for ``*`` and ``/``: int or Decimal; a float or bool is refused; None if foreign."""
        if isinstance(value, bool) or isinstance(value, float):
            raise InvalidValueError(
                f"{op} takes an int or a Decimal (floats round in binary; pass Decimal(str(x)))", value
            )
        if isinstance(value, (int, Decimal)):
            return to_decimal(value)
        return None

    def _scale(self, factor: object) -> Self | None:
        f = self._number(factor, "multiplying a measure")
        return None if f is None else self._make(ROUNDED.multiply(self.base, f), self.unit)

    def _shrink(self, divisor: object) -> Self | None:
        d = self._number(divisor, "dividing a measure")
        if d is None:
            return None
        if not d:
            raise InvalidValueError(f"cannot divide {self.KIND} by zero", divisor)
        return self._make(ROUNDED.divide(self.base, d), self.unit)

    def _ratio(self, other: object) -> Decimal | None:
        o = self._coerce(other, "divide")
        if o is None:
            return None
        if not o.base:
            raise InvalidValueError(f"cannot divide by zero {self.KIND}", str(other))
        return ROUNDED.divide(self.base, o.base)

    def _foreign(self, other: object, op: str) -> DimensionError:
        return DimensionError(f"cannot {op} {self.KIND} and {type(other).__name__}", safe_str(other))

    def ratio(self, other: Self | pint.Quantity[M]) -> Decimal:
        """``self / other`` as a plain number (both of the same dimension); the same as ``self / other``."""
        result = self._ratio(other)
        if result is None:
            raise self._foreign(other, "divide")
        return result

    def scaled(self, divisor: int | Decimal) -> Self:
        """``self / divisor`` for a plain positive number; the same as ``self / divisor``."""
        d = to_decimal(divisor)
        if d <= 0:
            raise InvalidValueError("divisor must be positive", divisor)
        return self._make(ROUNDED.divide(self.base, d), self.unit)

    def _compare(self, other: object) -> Decimal:
        o = self._coerce(other, "compare")
        if o is None:
            raise self._foreign(other, "compare")
        return o.base

    def __lt__(self, other: Self | pint.Quantity[M]) -> bool:
        return self.base < self._compare(other)

    def __le__(self, other: Self | pint.Quantity[M]) -> bool:
        return self.base <= self._compare(other)

    def __gt__(self, other: Self | pint.Quantity[M]) -> bool:
        return self.base > self._compare(other)

    def __ge__(self, other: Self | pint.Quantity[M]) -> bool:
        return self.base >= self._compare(other)

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
    """Record a measure class so unit mistakes across dimensions get precise messages (and pint knows it)."""
    _KINDS.append(cls)
    pint_aware(cls)
    return cls


MeasureT = TypeVar("MeasureT", bound=Measure)


def stated_measure(kind: type[MeasureT], magnitude: Decimal, symbol: str) -> MeasureT:
    """``kind(magnitude, symbol)`` for a reader that holds a ``Decimal`` and one of the kind's unit symbols.

    The same measure, with the same checks of the magnitude (its digits, its sign,
    its size) and without looking the unit up among every alias, as readers that
    build many measures (the extractor) want.

    >>> from dealkit import Power
    >>> stated_measure(Power, Decimal(5), "GW") == Power(5, "GW")
    True
    """
    if "pint" in sys.modules:  # as the constructor: pint came in after dealkit
        teach_pint()
    value = to_decimal(magnitude)
    if symbol not in kind.UNITS:
        raise kind._unit_error(symbol)
    return kind._make(kind._to_base(value, symbol), symbol)
