"""``CurrencyAmount``: an exact Decimal amount in one ISO 4217 currency."""

from __future__ import annotations

import decimal
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Final, final, overload

import attrs

from ._currency import check_currency
from ._errors import CurrencyMismatchError, InvalidValueError, ParseError
from ._numbers import EXACT, MAX_DIGITS, MAX_TEXT_LENGTH, ROUNDED, canonical_decimal, to_decimal

if TYPE_CHECKING:
    from ._power import Duration, Energy, Power
    from ._rates import Rate
    from ._typing import MoneyStyle

__all__ = ["CurrencyAmount", "SCALE_WORDS", "CURRENCY_SYMBOLS"]

#: Scale words news text puts after a number, and their factor.
SCALE_WORDS: Final[dict[str, int]] = {
    "thousand": 10**3,
    "k": 10**3,
    "million": 10**6,
    "mn": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "t": 10**12,
}
#: Currency symbols read in text.  ``$`` is taken as USD, as in the seed articles.
CURRENCY_SYMBOLS: Final[dict[str, str]] = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}

#: Amounts at or beyond this size (in any currency) are refused as absurd.
MAX_AMOUNT: Final = Decimal(10) ** 21

_MONEY_RE: Final = re.compile(
    r"""
    (?P<sign>-)?(?P<sym>US\$|\$|€|£)?\s*
    (?P<num>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?
    (?:\s*(?P<scale>thousand|million|billion|trillion|mn|bn|tn|[kmbt])\b)?
    (?:\s*(?P<code>[A-Z]{3}))?
    """,
    re.ASCII | re.VERBOSE | re.IGNORECASE,
)


#: Sums, differences and products are exact or refused; quotients round to MAX_DIGITS
#: significant digits: both whatever the caller's decimal context.
_EXACT: Final = EXACT
_DIVISION: Final = ROUNDED


def _exactly(op: Callable[[Decimal, Decimal], Decimal], a: Decimal, b: Decimal) -> Decimal:
    try:
        return op(a, b)
    except decimal.Inexact:
        raise InvalidValueError(
            f"result needs more than {MAX_DIGITS} significant digits; money is never rounded",
            f"{a} and {b}",
        ) from None


def _amount(value: object) -> Decimal:
    amount = to_decimal(value)
    if abs(amount) >= MAX_AMOUNT:
        raise InvalidValueError("amount is absurdly large (at most 10^21 in any currency)", value)
    return amount


@final
@attrs.frozen(order=False)
class CurrencyAmount:
    """An exact amount of money in one currency: a ``Decimal`` and an ISO 4217 code.

    Amounts add, subtract and compare only within one currency; they multiply
    and divide by plain numbers; one amount over another of the same currency is
    a ``Decimal`` ratio.  Floats are refused (no binary rounding ever enters).

    >>> a = CurrencyAmount.parse("$5 billion")
    >>> b = CurrencyAmount("20000000000", "USD")
    >>> a + b
    CurrencyAmount(Decimal('25000000000'), 'USD')
    >>> b / a
    Decimal('4')
    >>> str(a * 2)
    '10000000000 USD'
    """

    amount: Decimal = attrs.field(converter=_amount)
    currency: str = attrs.field(validator=lambda _s, _a, v: check_currency(v))

    def __repr__(self) -> str:
        return f"CurrencyAmount(Decimal('{self.amount}'), {self.currency!r})"

    def __str__(self) -> str:
        """Canonical text: ``"25000000000 USD"``."""
        return f"{canonical_decimal(self.amount)} {self.currency}"

    @classmethod
    def _make(cls, amount: Decimal, currency: str) -> CurrencyAmount:
        # Results of arithmetic on valid amounts skip the validators; only the size can change.
        if abs(amount) >= MAX_AMOUNT:
            raise InvalidValueError("result is absurdly large (at most 10^21 in any currency)", amount)
        new = object.__new__(cls)
        object.__setattr__(new, "amount", amount)
        object.__setattr__(new, "currency", currency)
        return new

    @classmethod
    def _checked(cls, amount: Decimal, currency: str) -> CurrencyAmount:
        # For the canonical loader only: ``amount`` and ``currency`` already passed every
        # check of the constructor (its size, a known ISO code), so build without repeating them.
        new = object.__new__(cls)
        object.__setattr__(new, "amount", amount)
        object.__setattr__(new, "currency", currency)
        return new

    @classmethod
    def zero(cls, currency: str) -> CurrencyAmount:
        """Zero in ``currency``.

        >>> CurrencyAmount.zero("EUR")
        CurrencyAmount(Decimal('0'), 'EUR')
        """
        return cls(Decimal(0), currency)

    @classmethod
    def parse(cls, text: str) -> CurrencyAmount:
        """Read an amount as news text or data files write it.

        Accepts ``"$25 billion"``, ``"$1.25 billion"``, ``"$5B"``, ``"$1.25bn"``,
        ``"€3 billion"``, ``"$25,000,000,000"`` and canonical ``"25000000000 USD"``.
        A qualifier (``"up to"``, ``"+"``) is refused: read those with
        :meth:`dealkit.Estimate.parse`.

        >>> CurrencyAmount.parse("$100B")
        CurrencyAmount(Decimal('100000000000'), 'USD')
        >>> CurrencyAmount.parse("25000000000 USD")
        CurrencyAmount(Decimal('25000000000'), 'USD')
        """
        if not isinstance(text, str):
            raise ParseError("money must be text", text)
        if len(text) > MAX_TEXT_LENGTH:
            raise ParseError(f"money text is longer than {MAX_TEXT_LENGTH} characters", text)
        m = _MONEY_RE.fullmatch(text.strip())
        if m is None:
            raise ParseError(
                "not an amount of money (e.g. '$25 billion', '$5B', '25000000000 USD')", text
            )
        sym, code = m["sym"], m["code"]
        if (sym is None) == (code is None):
            raise ParseError("money needs exactly one currency: a symbol ($, €, £) or an ISO code", text)
        currency = CURRENCY_SYMBOLS[sym] if sym is not None else code
        if code is not None and code != code.upper():
            raise ParseError("currency codes are upper case", text)
        digits = m["num"].replace(",", "") + ("." + m["frac"] if m["frac"] else "")
        amount = to_decimal(digits)
        if m["scale"]:
            amount = _exactly(_EXACT.multiply, amount, Decimal(SCALE_WORDS[m["scale"].lower()]))
        return cls(-amount if m["sign"] else amount, currency)

    def _same(self, other: CurrencyAmount, op: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(
                f"cannot {op} {self.currency} and {other.currency}; convert explicitly first",
                f"{self} {op} {other}",
            )

    def __add__(self, other: CurrencyAmount) -> CurrencyAmount:
        if type(other) is not CurrencyAmount:
            _refuse_measure(other, "add")  # type: ignore[unreachable]
            return NotImplemented
        if self.currency != other.currency:  # tested here, not in _same: addition is the hot path
            self._same(other, "add")
        return CurrencyAmount._make(_exactly(_EXACT.add, self.amount, other.amount), self.currency)

    def __radd__(self, other: int) -> CurrencyAmount:
        # Lets the builtin ``sum()`` start from 0.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        _refuse_measure(other, "add")
        return NotImplemented

    def __rsub__(self, other: object) -> CurrencyAmount:
        _refuse_measure(other, "subtract")
        return NotImplemented

    def __sub__(self, other: CurrencyAmount) -> CurrencyAmount:
        if type(other) is not CurrencyAmount:
            _refuse_measure(other, "subtract")  # type: ignore[unreachable]
            return NotImplemented
        self._same(other, "subtract")
        return CurrencyAmount._make(
            _exactly(_EXACT.subtract, self.amount, other.amount), self.currency
        )

    def __neg__(self) -> CurrencyAmount:
        return CurrencyAmount._make(_EXACT.minus(self.amount), self.currency)

    def __abs__(self) -> CurrencyAmount:
        return CurrencyAmount._make(_EXACT.abs(self.amount), self.currency)

    def __mul__(self, factor: int | Decimal) -> CurrencyAmount:
        if isinstance(factor, bool) or not isinstance(factor, (int, Decimal)):
            return NotImplemented
        return CurrencyAmount._make(
            _exactly(_EXACT.multiply, self.amount, to_decimal(factor)), self.currency
        )

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: CurrencyAmount) -> Decimal: ...
    @overload
    def __truediv__(self, other: int | Decimal) -> CurrencyAmount: ...
    @overload
    def __truediv__(self, other: Energy | Power | Duration) -> Rate: ...
    def __truediv__(
        self, other: CurrencyAmount | int | Decimal | Energy | Power | Duration
    ) -> Decimal | CurrencyAmount | Rate:
        """Divide by a number (an amount), an amount (a ratio) or a measure (a :class:`Rate`).

        >>> from dealkit import Duration
        >>> str(CurrencyAmount.parse("$100B") / Duration(10, "year"))
        '10000000000 USD/year'
        """
        from ._measure import Measure

        if isinstance(other, Measure):
            from ._rates import Rate

            return Rate.of(self, other)
        if type(other) is CurrencyAmount:
            self._same(other, "divide")
            if not other.amount:
                raise InvalidValueError("cannot divide by a zero amount", str(other))
            return _DIVISION.divide(self.amount, other.amount)
        if isinstance(other, bool) or not isinstance(other, (int, Decimal)):
            return NotImplemented
        divisor = to_decimal(other)
        if not divisor:
            raise InvalidValueError("cannot divide an amount by zero", other)
        return CurrencyAmount._make(_DIVISION.divide(self.amount, divisor), self.currency)

    def _cmp(self, other: object) -> CurrencyAmount:
        if type(other) is not CurrencyAmount:
            raise TypeError(f"cannot compare CurrencyAmount with {type(other).__name__}")
        self._same(other, "compare")
        return other

    def __lt__(self, other: CurrencyAmount) -> bool:
        return self.amount < self._cmp(other).amount

    def __le__(self, other: CurrencyAmount) -> bool:
        return self.amount <= self._cmp(other).amount

    def __gt__(self, other: CurrencyAmount) -> bool:
        return self.amount > self._cmp(other).amount

    def __ge__(self, other: CurrencyAmount) -> bool:
        return self.amount >= self._cmp(other).amount

    def __bool__(self) -> bool:
        return bool(self.amount)

    def format(self, locale: str = "en_US", *, style: MoneyStyle = "full") -> str:
        """Format through babel in ``locale``; ``style`` is ``"full"`` or ``"compact"``.

        >>> m = CurrencyAmount.parse("$25 billion")
        >>> m.format("en_US"), m.format("en_US", style="compact"), m.format("de_DE", style="compact")
        ('$25,000,000,000.00', '$25B', '25\\xa0Mrd.\\xa0$')
        """
        from ._formatting import format_money

        return format_money(self, locale, style=style)


def _refuse_measure(other: object, op: str) -> None:
    """Money and a physical measure never add: say so at once, as a :class:`DimensionError`."""
    from ._measure import Measure

    if isinstance(other, Measure):
        from ._errors import DimensionError

        raise DimensionError(f"cannot {op} money and {other.KIND}", str(other))
