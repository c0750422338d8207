"""pint, both ways: the registry dealkit hands quantities out on, and how quantities come in.

Importing dealkit costs no pint import and no registry: pint is imported the
first time a quantity is asked for or handed in.

Out: :attr:`~dealkit.Power.quantity` (and the same on every measure, rate and
:func:`~dealkit.money_quantity`) builds its quantity on pint's *application
registry*, ``pint.get_application_registry()``: pint's own default, unless the
application set its own with ``pint.set_application_registry(app_ureg)``, pint's
convention for sharing one registry with libraries.  Then dealkit's
quantities combine with the application's.  ``to_quantity(registry)`` builds
on any other registry.  ``dealkit.ureg`` is that application registry, as
dealkit sees it at the moment of asking.

In: every place that takes a measure also takes a pint quantity of the right
dimension from any registry, converted exactly (see :meth:`dealkit.Power.from_quantity`).
With the quantity on the left (``quantity + Power(...)``) pint must leave the
operation to dealkit; it learns to (:func:`teach_pint`) as soon as dealkit meets
pint: when its value types load after pint, when a measure is built after pint
was, or when dealkit hands out or takes in any quantity.

Years: pint's ``year`` is 365.25 days, dealkit's 365.  A pint quantity stated
in calendar units (``year``, ``month``, ``century``, ``millennium``; pint's
``decade`` is a logarithmic unit, not ten years) is read unit
for unit: 5 pint years are exactly 5 dealkit years.  A quantity in clock units
(days, hours, seconds, weeks) converts by length.  Durations go out to pint in
days, the unit both agree on, so pint arithmetic on them agrees with dealkit's.
"""

from __future__ import annotations

import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Final, TypeVar

from .._errors import DimensionError, InvalidValueError

if TYPE_CHECKING:
    import pint

__all__ = [
    "CALENDAR_UNITS",
    "M",
    "check_dimension",
    "get_registry",
    "is_quantity",
    "is_time",
    "pint_aware",
    "registry_or_default",
    "teach_pint",
]

#: The magnitude of a scalar pint quantity handed to dealkit: an int, float, Decimal or Fraction.
M = TypeVar("M", int, float, Decimal, Fraction)

#: pint's calendar units, read unit for unit: name -> (dealkit duration unit, how many of it).
CALENDAR_UNITS: Final[dict[str, tuple[str, int]]] = {
    "year": ("year", 1),
    "month": ("month", 1),
    "century": ("year", 100),
    "millennium": ("year", 1000),
}

#: The dealkit classes pint must leave to themselves in mixed arithmetic (see :func:`teach_pint`).
_AWARE: Final[list[type]] = []
_TAUGHT: Final[set[type]] = set()


_T = TypeVar("_T", bound=type)


def pint_aware(cls: _T) -> _T:
    """Record a class pint should treat as an "upcast" type: ``quantity + Power(...)`` is left to dealkit."""
    _AWARE.append(cls)
    if "pint" in sys.modules:
        teach_pint()
    return cls


def teach_pint() -> None:
    """Tell pint (once it is imported) to leave mixed arithmetic with dealkit values to dealkit.

    pint otherwise takes any object it does not know for a plain magnitude:
    ``quantity * Power(5, "GW")`` would read the power as a number.  Registered
    as an upcast type (as pint-pandas registers its arrays), pint returns
    ``NotImplemented`` and the dealkit value's own reflected operator answers.
    """
    if len(_TAUGHT) == len(_AWARE) or "pint" not in sys.modules:
        return
    from pint import compat

    upcasts = compat.upcast_type_map
    for cls in _AWARE:
        if cls not in _TAUGHT:
            upcasts[f"{cls.__module__}.{cls.__qualname__}"] = cls  # type: ignore[index]
            _TAUGHT.add(cls)


def get_registry() -> pint.UnitRegistry[float]:
    """The registry dealkit hands quantities out on: pint's application registry (see the module docs).

    >>> ureg = get_registry()
    >>> (5.0 * ureg.GW).to(ureg.MW)
    <Quantity(5000.0, 'megawatt')>
    """
    import pint

    teach_pint()
    holder: object = pint.get_application_registry()  # type: ignore[no-untyped-call]
    return registry_or_default(holder)


def registry_or_default(registry: object) -> pint.UnitRegistry[float]:
    """``registry`` checked to be a pint registry, or the application registry for ``None``."""
    if registry is None:
        return get_registry()
    from pint.registry import ApplicationRegistry, LazyRegistry, UnitRegistry

    teach_pint()
    if isinstance(registry, ApplicationRegistry):
        registry = registry.get()  # type: ignore[no-untyped-call]
    if isinstance(registry, LazyRegistry):
        registry.Unit  # noqa: B018 - pint's lazy default registry builds itself on first use
    if not isinstance(registry, UnitRegistry):
        raise InvalidValueError("expected a pint UnitRegistry", registry)
    result: pint.UnitRegistry[float] = registry
    return result


def is_time(value: object) -> bool:
    """Whether ``value`` is a pint quantity of time."""
    if not is_quantity(value):
        return False
    try:
        return bool(value.check("[time]"))  # type: ignore[attr-defined]
    except Exception:  # a registry without [time]
        return False


def is_quantity(value: object) -> bool:
    """Whether ``value`` is a pint quantity (without importing pint when nothing could be one)."""
    module = sys.modules.get("pint")
    if module is None:
        return False
    teach_pint()
    return isinstance(value, module.Quantity)


def check_dimension(quantity: object, dimension: str, what: str) -> pint.Quantity[float]:
    """Return ``quantity`` if it is a pint quantity of ``dimension`` (e.g. ``"[power]"``).

    >>> ureg = get_registry()
    >>> check_dimension(5 * ureg.GWh, "[power]", "capacity")
    Traceback (most recent call last):
    ...
    dealkit.DimensionError: capacity must have dimension [power], not [energy] (got <Quantity(5, 'gigawatt_hour')>)
    """
    import pint

    teach_pint()
    if not isinstance(quantity, pint.Quantity):
        raise DimensionError(f"{what} must be a pint quantity of {dimension}", quantity)
    try:
        right = quantity.check(dimension)
    except pint.PintError as exc:  # a registry that does not define the dimension
        raise DimensionError(f"{what}: the quantity's registry cannot check {dimension}: {exc}", quantity) from None
    if not right:
        actual = _dimension_name(quantity)
        raise DimensionError(f"{what} must have dimension {dimension}, not {actual}", quantity)
    return quantity


def _dimension_name(quantity: pint.Quantity[float]) -> str:
    for name in ("[power]", "[energy]", "[time]", "[length]", "[mass]", "[currency]"):
        try:
            if quantity.check(name):
                return name
        except Exception:  # an undefined derived dimension in a user's registry
            continue
    return str(quantity.dimensionality)
