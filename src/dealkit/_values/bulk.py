"""Bulk operations for portfolios: exact money totals and pint quantities over numpy arrays.

Adding amounts one ``+`` at a time builds and checks an intermediate
:class:`CurrencyAmount` per step; :func:`sum_amounts` checks each item's
currency and adds the plain Decimals under one exact context, so a total of
100,000 amounts costs a fraction of the loop.  :func:`quantity_array` hands a
whole portfolio of powers, energies or durations to pint as *one* quantity
over a numpy array, so unit conversions run vectorised.  numpy is imported
only when :func:`quantity_array` is called (``pip install "dealkit[numpy]"``).
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, cast

from .._args import check_items
from .._errors import CurrencyMismatchError, DimensionError, InvalidValueError
from .currency import check_currency
from .measure import Measure
from .measures import Duration
from .money import CurrencyAmount
from .numbers import EXACT, MAX_DIGITS

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pint

__all__ = ["quantity_array", "sum_amounts"]


def sum_amounts(amounts: Iterable[CurrencyAmount], currency: str | None = None) -> CurrencyAmount:
    """The exact total of ``amounts``, all in one currency (``currency``, if given, else the first's).

    The result equals adding the amounts one by one with ``+``, and the same
    mistakes are refused: a mix of currencies raises
    :class:`~dealkit.CurrencyMismatchError`, an item that is no
    :class:`~dealkit.CurrencyAmount` an :class:`~dealkit.InvalidValueError`, a running total that
    would need rounding an :class:`~dealkit.InvalidValueError`.  Only the
    final total is bounded by the largest amount (``+`` bounds every running
    sum), so amounts of both signs may pass through a larger sum on the way.
    An empty iterable needs ``currency`` and gives zero in it.

    >>> sum_amounts([CurrencyAmount.parse("$5B"), CurrencyAmount.parse("$20B")])
    CurrencyAmount(Decimal('25000000000'), 'USD')
    >>> sum_amounts([], "EUR")
    CurrencyAmount(Decimal('0'), 'EUR')

    .. versionadded:: 0.1.0
    """
    cls = CurrencyAmount
    add = EXACT.add
    total: decimal.Decimal | None = None
    if currency is not None:
        currency = check_currency(currency)
    if isinstance(amounts, (str, bytes, Mapping)) or not isinstance(amounts, Iterable):
        raise InvalidValueError(f"'amounts' must be a list of CurrencyAmounts, not {type(amounts).__name__}", amounts)
    items = iter(amounts)
    try:
        for item in items:
            if item.__class__ is not cls:
                raise InvalidValueError(f"sum_amounts() takes CurrencyAmounts, not {type(item).__name__}", item)
            if item.currency != currency:
                if currency is not None:
                    raise CurrencyMismatchError(
                        f"cannot add {currency} and {item.currency}; convert explicitly first",
                        f"{currency} + {item}",
                    )
                currency = item.currency
            total = item.amount if total is None else add(total, item.amount)
    except decimal.Inexact:
        raise InvalidValueError(
            f"result needs more than {MAX_DIGITS} significant digits; money is never rounded", str(total)
        ) from None
    if total is None:
        if currency is None:
            raise InvalidValueError("the sum of no amounts needs a currency", "sum_amounts([])")
        return CurrencyAmount.zero(currency)
    assert currency is not None
    return CurrencyAmount._make(total, currency)


def quantity_array(measures: Sequence[Measure], unit: str | None = None) -> pint.Quantity[npt.NDArray[np.float64]]:
    """One pint quantity over a numpy ``float64`` array: ``measures`` stated in ``unit``.

    All measures must be of one kind (all :class:`~dealkit.Power`, or all
    :class:`~dealkit.Energy`, ...); ``unit`` defaults to the first one's
    (durations always come in days, as :attr:`Duration.quantity` gives them).  The
    quantity comes from pint's application registry (:func:`dealkit.get_registry`),
    so it converts and combines with every other dealkit quantity.  The
    magnitudes are floats: use it for portfolio arithmetic and plots, and the
    exact measures for figures that must not round.

    >>> from dealkit import Power
    >>> q = quantity_array([Power(5, "GW"), Power(500, "MW")], "GW")
    >>> q.to("MW").magnitude.tolist()
    [5000.0, 500.0]

    .. versionadded:: 0.1.0
    """
    import numpy as np

    from .units import get_registry

    checked: tuple[object, ...] = check_items(measures, object, "measures", "powers, energies or durations")
    measures = cast(Sequence[Measure], checked)  # each is checked to be a Measure below
    if not measures:
        raise InvalidValueError("quantity_array() needs at least one measure (or pass a unit)", "[]")
    kind: Any = type(measures[0])
    if not issubclass(kind, Measure):
        raise DimensionError(f"quantity_array() takes powers, energies or durations, not {kind.__name__}", measures[0])
    symbol = kind._symbol(unit) if unit is not None else measures[0].unit
    if kind is Duration:
        # As Duration.quantity: pint's year is 365.25 days and it has no quarter; days agree.
        symbol = "day"
    factor = kind.UNITS[symbol]
    bases = []
    for m in measures:
        if type(m) is not kind:
            raise DimensionError(f"cannot mix {kind.KIND} with {type(m).__name__}", str(m))
        bases.append(m.base)
    magnitudes = np.array([float(b / factor) for b in bases], dtype=np.float64)
    ureg = get_registry()
    return ureg.Quantity(magnitudes, ureg.Unit(kind.PINT_UNITS[symbol]))
