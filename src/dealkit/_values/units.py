"""The package's one pint registry, built on first use, and dimension checks.

Importing dealkit costs no registry: :func:`get_registry` builds it the first
time a pint quantity is asked for.  Use the same registry for your own
quantities so they combine (``dealkit.ureg``), or call
``pint.set_application_registry(dealkit.ureg)``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .._errors import DimensionError

if TYPE_CHECKING:
    import pint

__all__ = ["check_dimension", "get_registry"]


@cache
def get_registry() -> pint.UnitRegistry[float]:
    """The shared :class:`pint.UnitRegistry` of dealkit (built once, on first call).

    >>> ureg = get_registry()
    >>> (5.0 * ureg.GW).to(ureg.MW)
    <Quantity(5000.0, 'megawatt')>
    """
    import pint

    registry: pint.UnitRegistry[float] = pint.UnitRegistry()
    return registry


def check_dimension(quantity: object, dimension: str, what: str) -> pint.Quantity[float]:
    """Return ``quantity`` if it is a pint quantity of ``dimension`` (e.g. ``"[power]"``).

    >>> ureg = get_registry()
    >>> check_dimension(5 * ureg.GWh, "[power]", "capacity")
    Traceback (most recent call last):
    ...
    dealkit.DimensionError: capacity must have dimension [power], not [energy] (got <Quantity(5, 'gigawatt_hour')>)
    """
    import pint

    if not isinstance(quantity, pint.Quantity):
        raise DimensionError(f"{what} must be a pint quantity of {dimension}", quantity)
    if not quantity.check(dimension):
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
