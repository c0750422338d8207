"""Converters for model fields that hold an estimate: a plain value where an exact estimate is meant.

``ComputeCommitment("new", Power(5, "GW"), ...)`` means ``Estimate.exact(Power(5, "GW"))``,
and so does a pint quantity of power from any registry.  The typed ``Estimate``
form is always accepted as is.  Anything else passes through unchanged, for the
field's validator to refuse with the field's path.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, TypeAlias, cast

from .dates import PartialDate
from .estimate import Estimate
from .measures import Duration, Power
from .money import CurrencyAmount
from .units import is_quantity

if TYPE_CHECKING:
    import pint

    #: A scalar pint quantity, from any registry.
    ScalarQuantity: TypeAlias = (
        pint.Quantity[int] | pint.Quantity[float] | pint.Quantity[Decimal] | pint.Quantity[Fraction]
    )

__all__ = [
    "exact_date",
    "exact_money",
    "exact_power",
    "optional_duration",
    "optional_exact_date",
    "optional_exact_money",
    "optional_exact_power",
]


def exact_money(value: Estimate[CurrencyAmount] | CurrencyAmount) -> Estimate[CurrencyAmount]:
    """An estimate of money as is; an amount as the exact estimate of it."""
    if type(value) is CurrencyAmount:
        return Estimate.exact(value)
    return value  # an estimate, or something the validator refuses


def optional_exact_money(
    value: Estimate[CurrencyAmount] | CurrencyAmount | None,
) -> Estimate[CurrencyAmount] | None:
    """:func:`exact_money`, letting ``None`` pass."""
    return None if value is None else exact_money(value)


def exact_power(value: Estimate[Power] | Power | ScalarQuantity) -> Estimate[Power]:
    """An estimate of power as is; a power, or a pint quantity of power, as the exact estimate of it.

    Raises:
        DimensionError: a pint quantity of another dimension.
    """
    if type(value) is Power:
        return Estimate.exact(value)
    if is_quantity(value):
        return Estimate.exact(Power.from_quantity(cast("pint.Quantity[float]", value)))
    return value  # type: ignore[return-value]  # an estimate, or something the validator refuses


def optional_exact_power(value: Estimate[Power] | Power | ScalarQuantity | None) -> Estimate[Power] | None:
    """:func:`exact_power`, letting ``None`` pass."""
    return None if value is None else exact_power(value)


def exact_date(value: Estimate[PartialDate] | PartialDate) -> Estimate[PartialDate]:
    """An estimate of a date as is; a date as the exact estimate of it."""
    if type(value) is PartialDate:
        return Estimate.exact(value)
    return value  # an estimate, or something the validator refuses


def optional_exact_date(value: Estimate[PartialDate] | PartialDate | None) -> Estimate[PartialDate] | None:
    """:func:`exact_date`, letting ``None`` pass."""
    return None if value is None else exact_date(value)


def optional_duration(value: Duration | ScalarQuantity | None) -> Duration | None:
    """A duration as is; a pint quantity of time as the duration it states (see :class:`Duration`)."""
    if is_quantity(value):
        return Duration.from_quantity(cast("pint.Quantity[float]", value))
    return value  # type: ignore[return-value]  # a duration, None, or something the validator refuses
