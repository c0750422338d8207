"""``Power``, ``Energy`` and ``Duration``: exact, unit-checked physical measures, gigawatt-first."""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import TYPE_CHECKING, ClassVar, Final, final, overload

import attrs

from .._errors import DimensionError, InvalidValueError
from .._typing import DurationUnit, EnergyUnit, PowerUnit
from .measure import Measure, register_kind
from .numbers import MAX_DIGITS, ROUNDED, canonical_decimal, to_decimal
from .units import CALENDAR_UNITS, is_quantity, is_time

if TYPE_CHECKING:
    import pint

    from .units import M

__all__ = ["Duration", "Energy", "HOURS_PER_YEAR", "Power"]

_K: Final = Decimal(1000)
#: Rounds a duration's magnitude in months, quarters or years to the digits it keeps.
_KEPT: Final = decimal.Context(prec=MAX_DIGITS - 2, rounding=decimal.ROUND_HALF_EVEN)

_SECONDS_PER_DAY: Final = Decimal(86400)
_FLOAT_DIGITS: Final = decimal.Context(prec=15)

#: Hours in the 365-day year dealkit uses for "per year" figures (5 GW for a year = 43.8 TWh).
HOURS_PER_YEAR: Final = Decimal(8760)


def _aliases(prefixes: dict[str, str], words: dict[str, str], symbol_suffix: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for prefix, word_prefix in prefixes.items():
        symbol = prefix + symbol_suffix
        out[symbol] = symbol
        for word in words:
            out[word_prefix + word] = symbol
    return out


_PREFIXES: Final = {"": "", "k": "kilo", "M": "mega", "G": "giga", "T": "tera"}


@final
@register_kind
@attrs.frozen(init=False, order=False, repr=False)
class Power(Measure):
    """A rate of energy: how much compute capacity a deal secures, in W .. TW.

    >>> Power(5, "GW") == Power.parse("5000 MW")
    True
    >>> Power.parse("5 gigawatts").to("MW")
    Power('5000', 'MW')
    >>> Power(5, "GW").per_year()
    Energy('43800', 'GWh')
    """

    UNITS: ClassVar[dict[str, Decimal]] = {
        "W": Decimal(1), "kW": _K, "MW": _K**2, "GW": _K**3, "TW": _K**4
    }
    ALIASES: ClassVar[dict[str, str]] = _aliases(_PREFIXES, {"watt": "", "watts": ""}, "W")
    DIMENSION: ClassVar[str] = "[power]"
    PINT_UNITS: ClassVar[dict[str, str]] = {
        "W": "watt", "kW": "kilowatt", "MW": "megawatt", "GW": "gigawatt", "TW": "terawatt"
    }
    #: 1,000 TW: far above all the power humanity uses.
    MAXIMUM: ClassVar[Decimal] = _K**5
    KIND: ClassVar[str] = "power"

    def __init__(self, magnitude: int | Decimal | str, unit: PowerUnit = "GW") -> None:
        super().__init__(magnitude, unit)

    # -- arithmetic: see Measure; a pint quantity stands for the measure of its dimension --

    def __add__(self, other: Power | pint.Quantity[M]) -> Power:
        """Power plus power (or a pint quantity of power)."""
        result = self._add(other)
        return NotImplemented if result is None else result

    def __radd__(self, other: int | pint.Quantity[M]) -> Power:
        result = self._radd(other)
        return NotImplemented if result is None else result

    def __sub__(self, other: Power | pint.Quantity[M]) -> Power:
        result = self._sub(other)
        return NotImplemented if result is None else result

    def __rsub__(self, other: pint.Quantity[M]) -> Power:
        result = self._rsub(other)
        return NotImplemented if result is None else result

    @overload
    def __mul__(self, other: int | Decimal) -> Power: ...
    @overload
    def __mul__(self, other: Duration | pint.Quantity[M]) -> Energy: ...
    def __mul__(self, other: int | Decimal | Duration | pint.Quantity[M]) -> Power | Energy:
        """Power x number is power; power x duration (or a pint quantity of time) is energy."""
        if isinstance(other, Duration):
            return self.over(other)
        if is_quantity(other):
            return self.over(Duration.from_quantity(other))  # type: ignore[arg-type]
        result = self._scale(other)
        return NotImplemented if result is None else result

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: int | Decimal) -> Power: ...
    @overload
    def __truediv__(self, other: Power | pint.Quantity[M]) -> Decimal: ...
    def __truediv__(self, other: int | Decimal | Power | pint.Quantity[M]) -> Power | Decimal:
        """Power / number is power; power / power (or a pint quantity of power) is a plain ratio."""
        result = self._shrink(other)
        if result is not None:
            return result
        ratio = self._ratio(other)
        return NotImplemented if ratio is None else ratio

    def over(self, duration: Duration) -> Energy:
        """The energy delivered at this power for ``duration``.

        >>> str(Power(5, "GW").over(Duration(10, "year")).to("TWh"))
        '438 TWh'
        """
        if not isinstance(duration, Duration):
            raise DimensionError("power times a duration gives energy; got no duration", duration)
        return Energy._make(ROUNDED.multiply(self.base, duration.hours), _energy_unit(self.unit))

    def per_year(self) -> Energy:
        """Energy for one 365-day year at this power."""
        return Energy._make(ROUNDED.multiply(self.base, HOURS_PER_YEAR), _energy_unit(self.unit))


def _energy_unit(power_unit: str) -> str:
    return power_unit + "h"


@final
@register_kind
@attrs.frozen(init=False, order=False, repr=False)
class Energy(Measure):
    """An amount of energy, in Wh .. TWh.

    >>> Energy.parse("43.8 TWh") == Power(5, "GW").per_year()
    True
    """

    UNITS: ClassVar[dict[str, Decimal]] = {
        "Wh": Decimal(1), "kWh": _K, "MWh": _K**2, "GWh": _K**3, "TWh": _K**4
    }
    ALIASES: ClassVar[dict[str, str]] = _aliases(
        _PREFIXES, {"watt-hour": "", "watt-hours": "", "watthour": "", "watthours": ""}, "Wh"
    )
    DIMENSION: ClassVar[str] = "[energy]"
    PINT_UNITS: ClassVar[dict[str, str]] = {
        "Wh": "watt_hour", "kWh": "kilowatt_hour", "MWh": "megawatt_hour",
        "GWh": "gigawatt_hour", "TWh": "terawatt_hour",
    }
    #: 10^19 Wh: some fifty times the world's yearly energy use.
    MAXIMUM: ClassVar[Decimal] = Decimal(10) ** 19
    KIND: ClassVar[str] = "energy"

    def __init__(self, magnitude: int | Decimal | str, unit: EnergyUnit = "GWh") -> None:
        super().__init__(magnitude, unit)

    def __add__(self, other: Energy | pint.Quantity[M]) -> Energy:
        """Energy plus energy (or a pint quantity of energy)."""
        result = self._add(other)
        return NotImplemented if result is None else result

    def __radd__(self, other: int | pint.Quantity[M]) -> Energy:
        result = self._radd(other)
        return NotImplemented if result is None else result

    def __sub__(self, other: Energy | pint.Quantity[M]) -> Energy:
        result = self._sub(other)
        return NotImplemented if result is None else result

    def __rsub__(self, other: pint.Quantity[M]) -> Energy:
        result = self._rsub(other)
        return NotImplemented if result is None else result

    def __mul__(self, other: int | Decimal) -> Energy:
        """Energy x number is energy."""
        result = self._scale(other)
        if result is None:
            unknown: object = other
            if isinstance(unknown, Measure) or is_quantity(unknown):
                raise self._foreign(unknown, "multiply")
            return NotImplemented
        return result

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: int | Decimal) -> Energy: ...
    @overload
    def __truediv__(self, other: Duration) -> Power: ...
    @overload
    def __truediv__(self, other: Energy | pint.Quantity[M]) -> Decimal: ...
    def __truediv__(self, other: int | Decimal | Duration | Energy | pint.Quantity[M]) -> Energy | Power | Decimal:
        """Energy / number is energy; energy / duration is power; energy / energy is a plain ratio.

        A pint quantity divides as the energy it must be: for a pint duration, use
        ``energy / Duration.from_quantity(q)`` (its result type is then known: power).
        """
        if isinstance(other, Duration):
            return self.average_power(other)
        if is_time(other):
            raise DimensionError(
                "energy / a pint quantity is a ratio of energies; for power over a pint duration "
                "write energy / Duration.from_quantity(q)",
                str(other),
            )
        result = self._shrink(other)
        if result is not None:
            return result
        ratio = self._ratio(other)
        return NotImplemented if ratio is None else ratio

    def average_power(self, duration: Duration) -> Power:
        """The constant power that delivers this energy over ``duration``.

        >>> Energy(8760, "GWh").average_power(Duration(1, "year"))
        Power('1', 'GW')
        """
        if not isinstance(duration, Duration):
            raise DimensionError("energy over a duration gives power; got no duration", duration)
        if not duration.base:
            raise InvalidValueError("duration must not be zero", str(duration))
        base = ROUNDED.divide(self.base, duration.hours)
        return Power._make(base, Power._best_unit(base))


@final
@register_kind
@attrs.frozen(init=False, order=False, repr=False)
class Duration(Measure):
    """A span of time in days, months, quarters or years (a year is 365 days, a month 1/12 year).

    >>> Duration.parse("10 years") == Duration(40, "quarter")
    True
    >>> str(Duration.parse("two months"))
    '2 months'
    """

    UNITS: ClassVar[dict[str, Decimal]] = {
        "day": Decimal(1),
        "month": ROUNDED.divide(365, 12),
        "quarter": ROUNDED.divide(365, 4),
        "year": Decimal(365),
    }
    ALIASES: ClassVar[dict[str, str]] = {
        "day": "day", "days": "day", "d": "day",
        "month": "month", "months": "month",
        "quarter": "quarter", "quarters": "quarter",
        "year": "year", "years": "year", "y": "year", "yr": "year", "yrs": "year",
    }
    DIMENSION: ClassVar[str] = "[time]"
    PINT_UNITS: ClassVar[dict[str, str]] = {
        "day": "day", "month": "month", "quarter": "month", "year": "year"
    }
    #: 10,000 years.
    MAXIMUM: ClassVar[Decimal] = Decimal(3_650_000)
    KIND: ClassVar[str] = "duration"

    _WORDS: ClassVar[dict[str, int]] = {
        "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
        "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "twenty": 20,
    }

    #: unit -> (days, per): one unit is days/per days.  Converting through the fraction
    #: keeps whole quarters of months exact (3 months == 1 quarter, 12 months == 1 year).
    _FRACTIONS: ClassVar[dict[str, tuple[int, int]]] = {
        "day": (1, 1), "month": (365, 12), "quarter": (365, 4), "year": (365, 1)
    }

    def __init__(self, magnitude: int | Decimal | str, unit: DurationUnit = "year") -> None:
        super().__init__(magnitude, unit)

    @classmethod
    def _to_base(cls, value: Decimal, symbol: str) -> Decimal:
        days, per = cls._FRACTIONS[symbol]
        return ROUNDED.divide(ROUNDED.multiply(value, days), per)

    #: The significant digits a duration in months, quarters or years keeps.  Its days carry
    #: MAX_DIGITS, rounded: two digits fewer make the way back exact, so a stated
    #: magnitude of up to this many digits is given back as stated ("1.5 months").
    KEPT_DIGITS: ClassVar[int] = MAX_DIGITS - 2

    @property
    def magnitude(self) -> Decimal:
        """The magnitude in :attr:`unit` (months, quarters and years to :data:`KEPT_DIGITS` digits)."""
        days, per = self._FRACTIONS[self.unit]
        value = ROUNDED.divide(ROUNDED.multiply(self.base, per), days)
        if days == 1 or not value:
            return value
        return _KEPT.plus(value) if len(value.as_tuple().digits) > self.KEPT_DIGITS else value

    def _pint_view(self) -> tuple[str, Decimal]:
        # dealkit's year is 365 days and pint's 365.25: durations go out in days, the unit
        # both agree on, so Duration(1, "year").quantity is 365 days and pint arithmetic
        # with it agrees with dealkit's (5 GW x 365 days = 43.8 TWh).
        return "day", self.base

    @classmethod
    def _from_checked(cls, q: pint.Quantity[float]) -> Duration:
        # A quantity stated in one of pint's calendar units is read unit for unit: a pint
        # year (365.25 days) is one dealkit year (365 days), a pint month one dealkit month.
        items = list(q.unit_items())
        if len(items) == 1 and items[0][1] == 1 and items[0][0] in CALENDAR_UNITS:
            unit, count = CALENDAR_UNITS[items[0][0]]
            magnitude = to_decimal(q.magnitude, allow_float=True)
            return cls(ROUNDED.multiply(magnitude, count), unit)  # type: ignore[arg-type]
        # Clock units (hours, weeks, seconds) are whole seconds in pint, so go through
        # seconds: 1 hour is 3600 s, exactly, and 1/24 day to 28 digits, not 15.
        try:
            seconds: object = q.to("second").magnitude
        except Exception:  # a registry without seconds: convert as any measure
            return super()._from_checked(q)
        exact = to_decimal(seconds, allow_float=True)
        if isinstance(seconds, float):
            exact = exact.normalize(_FLOAT_DIGITS)
        base = ROUNDED.divide(exact, _SECONDS_PER_DAY)
        return cls._make(base, cls._best_unit(base))

    @classmethod
    def parse(cls, text: str) -> Duration:
        """Read ``"10 years"``, ``"ten years"``, ``"two months"``, ``"a decade"``."""
        if isinstance(text, str) and len(text) <= 40:
            words = text.strip().lower().split()
            if words in (["decade"], ["a", "decade"], ["one", "decade"]):
                return cls(10, "year")
            if len(words) == 2 and words[0] in cls._WORDS:
                return cls(cls._WORDS[words[0]], words[1])  # type: ignore[arg-type]
        return super().parse(text)

    def __str__(self) -> str:
        magnitude = self.magnitude
        return f"{canonical_decimal(magnitude)} {self.unit}{'' if magnitude == 1 else 's'}"

    def __add__(self, other: Duration | pint.Quantity[M]) -> Duration:
        """Duration plus duration (or a pint quantity of time)."""
        result = self._add(other)
        return NotImplemented if result is None else result

    def __radd__(self, other: int | pint.Quantity[M]) -> Duration:
        result = self._radd(other)
        return NotImplemented if result is None else result

    def __sub__(self, other: Duration | pint.Quantity[M]) -> Duration:
        result = self._sub(other)
        return NotImplemented if result is None else result

    def __rsub__(self, other: pint.Quantity[M]) -> Duration:
        result = self._rsub(other)
        return NotImplemented if result is None else result

    @overload
    def __mul__(self, other: int | Decimal) -> Duration: ...
    @overload
    def __mul__(self, other: Power | pint.Quantity[M]) -> Energy: ...
    def __mul__(self, other: int | Decimal | Power | pint.Quantity[M]) -> Duration | Energy:
        """Duration x number is a duration; duration x power (or a pint quantity of power) is energy."""
        if isinstance(other, Power):
            return other.over(self)
        if is_quantity(other):
            return Power.from_quantity(other).over(self)  # type: ignore[arg-type]
        result = self._scale(other)
        return NotImplemented if result is None else result

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: int | Decimal) -> Duration: ...
    @overload
    def __truediv__(self, other: Duration | pint.Quantity[M]) -> Decimal: ...
    def __truediv__(self, other: int | Decimal | Duration | pint.Quantity[M]) -> Duration | Decimal:
        """Duration / number is a duration; duration / duration (or a pint quantity of time) a plain ratio."""
        result = self._shrink(other)
        if result is not None:
            return result
        ratio = self._ratio(other)
        return NotImplemented if ratio is None else ratio

    @property
    def hours(self) -> Decimal:
        """The length in hours."""
        return ROUNDED.multiply(self.base, 24)

    @property
    def years(self) -> Decimal:
        """The length in 365-day years."""
        return ROUNDED.divide(self.base, 365)
