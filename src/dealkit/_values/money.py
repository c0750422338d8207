"""``CurrencyAmount``: an exact Decimal amount in one ISO 4217 currency.

``Rate``: money per unit of energy, power or time (USD/MWh, USD/GW, USD/year), checked both ways.

A price or a yearly spend is money divided by a physical measure.  dealkit keeps
it as a typed value: the money part is a :class:`CurrencyAmount` (the price of
*one* unit), the physical part is one unit of :class:`Energy`, :class:`Power` or
:class:`Duration`.  Arithmetic stays exact and checked:

- money / measure gives a rate (:meth:`Rate.of`); a rate times a measure of its
  own dimension gives money back; a rate times a measure of another dimension,
  or a rate plus money, raises :class:`DimensionError`;
- rates of different currencies never add or compare (:class:`CurrencyMismatchError`).

The pint view is built on first use and, like the measures' own
:attr:`~dealkit.Power.quantity`, holds float magnitudes: each currency code becomes a pint unit of
its own dimension (``USD = [currency_USD]``) in pint's application registry (or the registry given), so
``money_quantity(usd) / Energy(...).quantity`` is a pint quantity of
``USD / megawatt_hour`` and :func:`from_money_quantity` reads it back, checking
the currency and the dimension.
"""

from __future__ import annotations

import decimal
import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from functools import cache
from typing import TYPE_CHECKING, Final, final, overload

import attrs

from .._errors import (
    CurrencyMismatchError,
    DimensionError,
    InvalidValueError,
    ParseError,
    safe_str,
)
from .currency import _ACCEPTED, check_currency, currency_names, currency_symbols
from .locales import money_text
from .measure import Measure
from .measures import Duration, Energy, Power
from .numbers import (
    EXACT,
    MAX_DIGITS,
    MAX_TEXT_LENGTH,
    ROUNDED,
    canonical_decimal,
    to_decimal,
)
from .units import CALENDAR_UNITS, is_quantity, pint_aware, registry_or_default

if TYPE_CHECKING:
    import pint

    from .._typing import MoneyStyle
    from .units import M

__all__ = [
    "CURRENCY_SYMBOLS", "SCALE_WORDS", "CurrencyAmount", "Rate", "from_money_quantity", "money_quantity", "stated_money",
]

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
#: Decimal text at most this long (sign and point included) has at most 21 digits: within
#: MAX_DIGITS, and below MAX_AMOUNT.
_SHORT_NUMBER: Final = 21
#: ``abs(x) >= MAX_AMOUNT`` for a finite Decimal ``x``: its adjusted exponent is at least 21.
_MAX_ADJUSTED: Final = 21
_new: Final = object.__new__



@cache
def _money_re() -> re.Pattern[str]:
    """The money grammar, with the currency symbols babel knows (built on first use)."""
    symbols = "|".join(re.escape(s) for s in sorted(currency_symbols(), key=len, reverse=True))
    return re.compile(
        rf"""
        (?P<sign>-)?
        (?:(?P<sym>{symbols})\s*|(?P<pcode>[A-Z]{{3}})\s*)?
        (?:(?P<num>[0-9]{{1,3}}(?:,[0-9]{{3}})+|[0-9]+)(?:\.(?P<frac>[0-9]+))?|(?P<one>(?i:an?|one))\b)
        (?:\s*(?P<scale>(?i:thousand|million|billion|trillion|mn|bn|tn|[kmbt]))\b)?
        (?:\s*(?P<code>[A-Za-z]{{3}})|\s+(?P<name>[^\W\d_][^\W\d_ .'()-]*(?:[ .'()-]+[^\W\d_]+){{0,5}}[).]?))?
        """,
        re.VERBOSE,
    )


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


def _currencies_in(m: re.Match[str], text: str) -> tuple[str | None, ...]:
    """The currency each part of a money match names: symbol, code before, code after, name."""
    code, name = m["code"], m["name"]
    if code is not None and code != code.upper():
        if code.lower() not in currency_names():
            raise ParseError("currency codes are upper case", text)
        code, name = None, code  # "150 billion yen": a name of three letters
    by_name = None
    if name is not None:
        by_name = currency_names().get(name.lower().rstrip("."))
        if by_name is None:
            raise ParseError("not a currency name babel knows in English (e.g. 'euros', 'US dollars')", text)
    symbol = m["sym"]
    return (currency_symbols()[symbol] if symbol else None, m["pcode"], code, by_name)


@final
@pint_aware
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
        amount = self.amount
        number = str(amount)  # canonical_decimal's own first step, without the call for whole numbers
        if "." in number or "E" in number or number == "-0":
            number = canonical_decimal(amount)
        return f"{number} {self.currency}"

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
        ``"€3 billion"``, ``"$25,000,000,000"`` and canonical ``"25000000000 USD"``;
        the ISO code before or after the number (``"EUR 3 billion"``, ``"3 billion EUR"``);
        the currency symbols CLDR's English data gives (``¥`` is the yen, ``CN¥`` the
        yuan, ``$`` the US dollar, ``A$``, ``₹``, ...: :func:`currency_symbols`); and
        English currency names, singular or plural (``"3 billion euros"``,
        ``"150 billion yen"``, ``"a dollar"``: :func:`currency_names`).
        A qualifier (``"up to"``, ``"+"``) is refused: read those with
        :meth:`dealkit.Estimate.parse`.

        >>> CurrencyAmount.parse("$100B")
        CurrencyAmount(Decimal('100000000000'), 'USD')
        >>> CurrencyAmount.parse("25000000000 USD")
        CurrencyAmount(Decimal('25000000000'), 'USD')
        >>> CurrencyAmount.parse("EUR 3 billion") == CurrencyAmount.parse("3 billion euros")
        True
        >>> CurrencyAmount.parse("¥150 billion"), CurrencyAmount.parse("a dollar")
        (CurrencyAmount(Decimal('150000000000'), 'JPY'), CurrencyAmount(Decimal('1'), 'USD'))
        """
        if not isinstance(text, str):
            raise ParseError("money must be text", text)
        if len(text) > MAX_TEXT_LENGTH:
            raise ParseError(f"money text is longer than {MAX_TEXT_LENGTH} characters", text)
        number, _, code = text.partition(" ")
        if (
            code in _ACCEPTED
            and len(number) <= _SHORT_NUMBER
            and number.isascii()
            and number.replace(".", "", 1).isdigit()
            and number[0] != "."
            and number[-1] != "."
        ):
            # Canonical text ("25000000000 USD", as files hold it) of a code accepted before:
            # what the general path below gives, each check once.  The number is ASCII digits
            # (isdigit() on ASCII text is 0-9 only) with at most one point inside, at most 21
            # characters, so within every size bound (fewer than 28 digits, below 10^21).
            # Negative amounts take the general path.
            new = _new(cls)
            _set_amount(new, Decimal(number))
            _set_currency(new, code)
            return new
        m = _money_re().fullmatch(" ".join(text.split()))
        if m is None:
            raise ParseError(
                "not an amount of money (e.g. '$25 billion', '$5B', 'EUR 3 billion', '3 billion euros', "
                "'25000000000 USD')",
                text,
            )
        currencies = [c for c in _currencies_in(m, text) if c is not None]
        if len(currencies) != 1:
            raise ParseError(
                "money needs exactly one currency: a symbol ($, €, ¥), an ISO code or a name (euros)", text
            )
        if m["one"] is not None:
            amount = Decimal(1)
        else:
            amount = to_decimal(m["num"].replace(",", "") + ("." + m["frac"] if m["frac"] else ""))
        if m["scale"]:
            amount = _exactly(EXACT.multiply, amount, Decimal(SCALE_WORDS[m["scale"].lower()]))
        return cls(-amount if m["sign"] else amount, currencies[0])

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
        currency = self.currency
        if currency != other.currency:  # tested here, not in _same: addition is the hot path
            self._same(other, "add")
        # _exactly and _make, inlined (addition is the hot path of every sum).
        try:
            amount = EXACT.add(self.amount, other.amount)
        except decimal.Inexact:
            _exactly(EXACT.add, self.amount, other.amount)  # raises, with the message
            raise
        if amount.adjusted() >= _MAX_ADJUSTED:  # |amount| >= MAX_AMOUNT, by its exponent alone
            raise InvalidValueError("result is absurdly large (at most 10^21 in any currency)", amount)
        new = _new(CurrencyAmount)
        _set_amount(new, amount)
        _set_currency(new, currency)
        return new

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
            _exactly(EXACT.subtract, self.amount, other.amount), self.currency
        )

    def __neg__(self) -> CurrencyAmount:
        return CurrencyAmount._make(EXACT.minus(self.amount), self.currency)

    def __abs__(self) -> CurrencyAmount:
        return CurrencyAmount._make(EXACT.abs(self.amount), self.currency)

    def __mul__(self, factor: int | Decimal) -> CurrencyAmount:
        """Money times a plain number (an int or a Decimal; a float is refused)."""
        if isinstance(factor, bool) or not isinstance(factor, (int, Decimal)):
            unknown: object = factor
            if isinstance(unknown, float):
                raise InvalidValueError("money multiplies by an int or a Decimal, never a float", unknown)
            if isinstance(unknown, Measure) or is_quantity(unknown):
                raise DimensionError("money times a measure is not money (divide it: a Rate)", str(unknown))
            return NotImplemented
        return CurrencyAmount._make(
            _exactly(EXACT.multiply, self.amount, to_decimal(factor)), self.currency
        )

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: CurrencyAmount) -> Decimal: ...
    @overload
    def __truediv__(self, other: int | Decimal) -> CurrencyAmount: ...
    @overload
    def __truediv__(self, other: Energy | Power | Duration | pint.Quantity[M]) -> Rate: ...
    def __truediv__(
        self, other: CurrencyAmount | int | Decimal | Energy | Power | Duration | pint.Quantity[M]
    ) -> Decimal | CurrencyAmount | Rate:
        """Divide by a number (an amount), an amount (a ratio) or a measure or pint quantity (a :class:`Rate`).

        >>> from dealkit import Duration
        >>> str(CurrencyAmount.parse("$100B") / Duration(10, "year"))
        '10000000000 USD/year'
        """
        if isinstance(other, Measure) or is_quantity(other):
            return Rate.of(self, other)  # type: ignore[arg-type]
        if type(other) is CurrencyAmount:
            self._same(other, "divide")
            if not other.amount:
                raise InvalidValueError("cannot divide by a zero amount", str(other))
            return ROUNDED.divide(self.amount, other.amount)
        if isinstance(other, float):
            raise InvalidValueError("money divides by an int or a Decimal, never a float", other)
        if isinstance(other, bool) or not isinstance(other, (int, Decimal)):
            return NotImplemented
        divisor = to_decimal(other)
        if not divisor:
            raise InvalidValueError("cannot divide an amount by zero", other)
        return CurrencyAmount._make(ROUNDED.divide(self.amount, divisor), self.currency)

    def _cmp(self, other: object) -> CurrencyAmount:
        if type(other) is not CurrencyAmount:
            raise DimensionError(f"cannot compare money with {type(other).__name__}", safe_str(other))
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

    def to_quantity(self, registry: pint.UnitRegistry[float] | None = None) -> pint.Quantity[float]:
        """This amount as a pint quantity on ``registry``: the same as :func:`money_quantity`."""
        return money_quantity(self, registry)

    def format(self, locale: str = "en_US", *, style: MoneyStyle = "full") -> str:
        """Format through babel in ``locale``; ``style`` is ``"full"`` or ``"compact"``.

        >>> m = CurrencyAmount.parse("$25 billion")
        >>> m.format("en_US"), m.format("en_US", style="compact"), m.format("de_DE", style="compact")
        ('$25,000,000,000.00', '$25B', '25\\xa0Mrd.\\xa0$')
        """
        return money_text(self.amount, self.currency, locale, style)


# The slots' own setters: what object.__setattr__ does on a frozen instance, in half the time
# (the hot paths that build amounts already checked: parse, +).
_set_amount: Final = CurrencyAmount.__dict__["amount"].__set__
_set_currency: Final = CurrencyAmount.__dict__["currency"].__set__


def _refuse_measure(other: object, op: str) -> None:
    """Money and a physical measure never add: say so at once, as a :class:`DimensionError`."""
    if isinstance(other, Measure):
        raise DimensionError(f"cannot {op} money and {other.KIND}", str(other))


# -- rates: money per unit of a measure ----------------------------------------------------


PerMeasure = Energy | Power | Duration

#: The measure kinds a rate can be "per", by class.
_KINDS: Final[tuple[type[Energy], type[Power], type[Duration]]] = (Energy, Power, Duration)
#: The unit a rate read from pint is stated in, by kind.
_DEFAULT_UNIT: Final[dict[str, str]] = {"energy": "MWh", "power": "GW", "duration": "year"}
#: Products of an amount (at most MAX_DIGITS digits) and the terms of unit fractions, never rounded.
_PRODUCT: Final = decimal.Context(prec=3 * MAX_DIGITS, traps=[decimal.InvalidOperation])
_RATE_RE: Final = re.compile(r"\s*(?P<money>.+?)\s*(?:/|\bper\b)\s*(?:an?\s+|one\s+)?(?P<unit>[A-Za-z]+)\s*", re.ASCII)
_CURRENCY_DIMENSION: Final = "[currency_{}]"


def _tidy(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and without an exponent (``3E+10`` -> ``30000000000``)."""
    if not value:
        return Decimal(0)
    tidy = value.normalize(ROUNDED)
    exponent = tidy.as_tuple().exponent
    return tidy.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else tidy


def _fraction(kind: type[Energy] | type[Power] | type[Duration], symbol: str) -> tuple[int, int]:
    """One ``symbol`` in ``kind``'s base unit, exactly: ``(numerator, denominator)``.

    A month is 365/12 days and a quarter 365/4: ``Duration.UNITS`` holds those
    rounded to a Decimal, so rates convert, compare and hash through the exact
    fractions instead (1 USD/month is 12 USD/year, with one hash).
    """
    if kind is Duration:
        return Duration._FRACTIONS[symbol]
    return int(kind.UNITS[symbol]), 1


def _kind_of_unit(unit: object) -> type[Energy] | type[Power] | type[Duration]:
    if isinstance(unit, str):
        for kind in _KINDS:
            if unit in kind.ALIASES or unit.lower() in kind.ALIASES:
                return kind
    raise InvalidValueError(
        "a rate is per a unit of energy (Wh..TWh), power (W..TW) or time (day, month, quarter, year)",
        unit,
    )


def measure_of_quantity(quantity: object) -> Energy | Power | Duration:
    """The dealkit measure a pint quantity of energy, power or time stands for."""
    from .units import check_dimension

    for kind in _KINDS:
        try:
            check_dimension(quantity, kind.DIMENSION, kind.KIND)
        except DimensionError:
            continue
        return kind.from_quantity(quantity)  # type: ignore[arg-type]
    raise DimensionError("expected a pint quantity of energy, power or time", quantity)


@final
@pint_aware
class Rate:
    """An amount of money per one unit of energy, power or time: ``50 USD/MWh``, ``10000000000 USD/year``.

    Args:
        amount: the money for one ``per`` unit.
        per: the unit: ``"MWh"``, ``"GW"``, ``"year"`` (any spelling the measures accept).

    Raises:
        InvalidValueError: ``amount`` is not a :class:`CurrencyAmount`, or ``per`` is no unit of a measure.

    >>> spend = CurrencyAmount.parse("$100 billion")
    >>> per_year = Rate.of(spend, Duration(10, "year"))
    >>> str(per_year)
    '10000000000 USD/year'
    >>> per_year * Duration(3, "year")
    CurrencyAmount(Decimal('30000000000'), 'USD')
    >>> price = Rate.parse("$50/MWh")
    >>> price * Energy(2, "MWh"), str(price.to("kWh"))
    (CurrencyAmount(Decimal('100'), 'USD'), '0.05 USD/kWh')
    >>> price * Power(1, "GW")
    Traceback (most recent call last):
    ...
    dealkit.DimensionError: USD/MWh times power is not money: multiply by energy (got '50 USD/MWh * 1 GW')

    .. versionadded:: 0.1.0
    """

    __slots__ = ("_per", "amount", "unit")

    amount: CurrencyAmount
    """The money for one :attr:`unit`."""
    unit: str
    """The unit symbol the rate is per (``"MWh"``, ``"GW"``, ``"year"``)."""
    _per: type[Energy] | type[Power] | type[Duration]
    """The measure class of :attr:`unit`, found once (equality and hashing go by value, not by this)."""

    def __init__(self, amount: CurrencyAmount, per: str) -> None:
        if type(amount) is not CurrencyAmount:
            raise InvalidValueError("a rate's amount must be a CurrencyAmount", amount)
        kind = _kind_of_unit(per)
        object.__setattr__(self, "amount", amount)
        object.__setattr__(self, "unit", kind._symbol(per))
        object.__setattr__(self, "_per", kind)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Rate is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Rate is immutable; cannot delete {name!r}")

    def __copy__(self) -> Rate:
        return self

    def __deepcopy__(self, memo: object) -> Rate:
        return self

    def __reduce__(self) -> tuple[object, ...]:
        return (Rate, (self.amount, self.unit))

    # -- constructors ------------------------------------------------------------------

    @classmethod
    def of(cls, amount: CurrencyAmount, per: PerMeasure | pint.Quantity[M]) -> Rate:
        """``amount`` divided by ``per`` (a measure, or a pint quantity of one), per one unit of ``per``'s own unit.

        >>> str(Rate.of(CurrencyAmount.parse("$25B"), Power(5, "GW")))
        '5000000000 USD/GW'
        >>> Rate.of(CurrencyAmount.parse("$1B"), CurrencyAmount.parse("$1B"))
        Traceback (most recent call last):
        ...
        dealkit.DimensionError: a rate is money per energy, power or time, not per CurrencyAmount (got '1000000000 USD')
        """
        if type(amount) is not CurrencyAmount:
            raise DimensionError(
                f"a rate is money per energy, power or time; the dividend is {type(amount).__name__}",
                safe_str(amount),
            )
        if is_quantity(per):
            per = measure_of_quantity(per)
        if not isinstance(per, _KINDS):
            raise DimensionError(
                f"a rate is money per energy, power or time, not per {type(per).__name__}", safe_str(per)
            )
        if not per.base:
            raise InvalidValueError(f"cannot divide by zero {per.KIND}", str(per))
        return cls(amount / per.magnitude, per.unit)

    @classmethod
    def parse(cls, text: str) -> Rate:
        """Read ``"50 USD/MWh"``, ``"$50/MWh"``, ``"$10 billion per year"``, ``"$20B per GW"``.

        >>> Rate.parse("$10 billion per year") == Rate.parse("10000000000 USD/year")
        True
        """
        if not isinstance(text, str):
            raise ParseError("a rate must be text", text)
        if len(text) > MAX_TEXT_LENGTH:
            raise ParseError(f"rate text is longer than {MAX_TEXT_LENGTH} characters", text)
        m = _RATE_RE.fullmatch(text)
        if m is None:
            raise ParseError("not a rate: expected 'money/unit', e.g. '50 USD/MWh' or '$10B per year'", text)
        try:
            return cls(CurrencyAmount.parse(m["money"]), m["unit"])
        except (ParseError, InvalidValueError) as exc:
            raise type(exc)(exc.reason, text) from None

    # -- reading -------------------------------------------------------------------------

    @property
    def currency(self) -> str:
        """The ISO 4217 code of the money part."""
        return self.amount.currency

    @property
    def per(self) -> type[Energy] | type[Power] | type[Duration]:
        """The measure class the rate is per: :class:`Energy`, :class:`Power` or :class:`Duration`."""
        return self._per

    @property
    def kind(self) -> str:
        """``"energy"``, ``"power"`` or ``"duration"``."""
        return self._per.KIND

    @property
    def _exact(self) -> tuple[int, int]:
        """One :attr:`unit` in the base unit of its measure, as an exact fraction."""
        return _fraction(self._per, self.unit)

    def to(self, unit: str) -> Rate:
        """The same rate per another unit of the same dimension.

        >>> str(Rate.parse("10000000000 USD/year").to("quarter"))
        '2500000000 USD/quarter'
        """
        kind = _kind_of_unit(unit)
        if kind is not self.per:
            raise DimensionError(
                f"cannot state a rate per {self.kind} per {kind.KIND} ('{unit}')", str(self)
            )
        symbol = kind._symbol(unit)
        if symbol == self.unit:
            return self
        # amount / (n_old / d_old) * (n_new / d_new), rounded once
        n_old, d_old = self._exact
        n_new, d_new = _fraction(kind, symbol)
        amount = ROUNDED.divide(_PRODUCT.multiply(self.amount.amount, d_old * n_new), n_old * d_new)
        return Rate(CurrencyAmount(_tidy(amount), self.currency), symbol)

    def __str__(self) -> str:
        """Canonical text: ``"50 USD/MWh"``."""
        return f"{canonical_decimal(self.amount.amount)} {self.currency}/{self.unit}"

    def __repr__(self) -> str:
        return f"Rate.parse('{self}')"

    # -- comparison (across units of one dimension) -------------------------------------------

    def _same(self, other: Rate, op: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatchError(
                f"cannot {op} {self.currency} and {other.currency} rates; convert explicitly first",
                f"{self} {op} {other}",
            )
        if self.per is not other.per:
            raise DimensionError(
                f"cannot {op} a rate per {self.kind} and a rate per {other.kind}", f"{self} {op} {other}"
            )

    def _cross(self, other: object, op: str) -> tuple[Decimal, Decimal]:
        if type(other) is not Rate:
            raise DimensionError(f"cannot {op} a rate and {type(other).__name__}", safe_str(other))
        self._same(other, op)
        # a1/(n1/d1) vs a2/(n2/d2)  <=>  a1*d1*n2 vs a2*d2*n1 (all terms positive): exact, no division.
        n1, d1 = self._exact
        n2, d2 = other._exact
        return _PRODUCT.multiply(self.amount.amount, d1 * n2), _PRODUCT.multiply(other.amount.amount, d2 * n1)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Rate:
            return NotImplemented
        if self.currency != other.currency or self.per is not other.per:
            return False
        a, b = self._cross(other, "compare")
        return a == b

    def __hash__(self) -> int:
        # The exact amount per base unit: equal rates (see _cross) have equal fractions.
        numerator, denominator = self._exact
        return hash((self.currency, self.kind, Fraction(self.amount.amount) * denominator / numerator))

    def __lt__(self, other: Rate) -> bool:
        a, b = self._cross(other, "compare")
        return a < b

    def __le__(self, other: Rate) -> bool:
        a, b = self._cross(other, "compare")
        return a <= b

    def __gt__(self, other: Rate) -> bool:
        a, b = self._cross(other, "compare")
        return a > b

    def __ge__(self, other: Rate) -> bool:
        a, b = self._cross(other, "compare")
        return a >= b

    def __bool__(self) -> bool:
        return bool(self.amount)

    # -- arithmetic ---------------------------------------------------------------------------

    def __add__(self, other: Rate) -> Rate:
        if type(other) is not Rate:
            raise DimensionError(
                f"cannot add {self.currency}/{self.unit} and {type(other).__name__}: "
                "a rate is money per unit, not an amount",
                f"{self} + {other}",
            )
        self._same(other, "add")
        return Rate(self.amount + other.to(self.unit).amount, self.unit)

    def __radd__(self, other: object) -> Rate:
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self  # lets sum() start from 0
        raise DimensionError(
            f"cannot add {type(other).__name__} and {self.currency}/{self.unit}: "
            "a rate is money per unit, not an amount",
            f"{other} + {self}",
        )

    def __sub__(self, other: Rate) -> Rate:
        if type(other) is not Rate:
            raise DimensionError(
                f"cannot subtract {type(other).__name__} from {self.currency}/{self.unit}",
                f"{self} - {other}",
            )
        self._same(other, "subtract")
        return Rate(self.amount - other.to(self.unit).amount, self.unit)

    def __neg__(self) -> Rate:
        return Rate(-self.amount, self.unit)

    @overload
    def __mul__(self, other: Energy | Power | Duration | pint.Quantity[M]) -> CurrencyAmount: ...
    @overload
    def __mul__(self, other: int | Decimal) -> Rate: ...
    def __mul__(self, other: Energy | Power | Duration | pint.Quantity[M] | int | Decimal) -> CurrencyAmount | Rate:
        """A rate times a measure of its kind (or a pint quantity of it) is money; times a number, a rate."""
        if is_quantity(other):
            other = self.per.from_quantity(other)  # type: ignore[arg-type]
        if isinstance(other, _KINDS):
            if type(other) is not self.per:
                raise DimensionError(
                    f"{self.currency}/{self.unit} times {other.KIND} is not money: multiply by {self.kind}",
                    f"{self} * {other}",
                )
            # amount * magnitude * (n_other / d_other) / (n_self / d_self), rounded once; through
            # the measure's own magnitude, as a month's base in days is itself rounded.
            n_self, d_self = self._exact
            n_other, d_other = _fraction(type(other), other.unit)
            product = _PRODUCT.multiply(self.amount.amount, other.magnitude)
            amount = ROUNDED.divide(_PRODUCT.multiply(product, n_other * d_self), d_other * n_self)
            return CurrencyAmount(_tidy(amount), self.currency)
        if isinstance(other, bool) or not isinstance(other, (int, Decimal)):
            raise DimensionError(
                f"{self.currency}/{self.unit} multiplies a {self.kind} or a plain number, not {type(other).__name__}",
                f"{self} * {other}",
            )
        return Rate(self.amount * to_decimal(other), self.unit)

    __rmul__ = __mul__

    @overload
    def __truediv__(self, other: Rate) -> Decimal: ...
    @overload
    def __truediv__(self, other: int | Decimal) -> Rate: ...
    def __truediv__(self, other: Rate | int | Decimal) -> Decimal | Rate:
        if type(other) is Rate:
            a, b = self._cross(other, "divide")
            if not b:
                raise InvalidValueError("cannot divide by a zero rate", str(other))
            return ROUNDED.divide(a, b)
        if isinstance(other, bool) or not isinstance(other, (int, Decimal)):
            raise DimensionError(
                f"{self.currency}/{self.unit} divides by a rate or a plain number, not {type(other).__name__}",
                f"{self} / {other}",
            )
        return Rate(self.amount / other, self.unit)

    def __rtruediv__(self, other: CurrencyAmount) -> Energy | Power | Duration:
        """Money over a rate is the measure it buys: ``$100B / ($10B/year)`` is 10 years."""
        if type(other) is not CurrencyAmount:
            raise DimensionError(f"only money divides by a rate, not {type(other).__name__}", safe_str(other))
        if not self.amount:
            raise InvalidValueError("cannot divide by a zero rate", str(self))
        units = other / self.amount  # CurrencyMismatchError if the currencies differ
        if units < 0:
            raise InvalidValueError("money and rate of opposite signs buy no measure", f"{other} / {self}")
        return self.per(_tidy(units), self.unit)  # type: ignore[arg-type]

    # -- pint -------------------------------------------------------------------------------

    @property
    def quantity(self) -> pint.Quantity[float]:
        """This rate as a pint quantity (e.g. ``50 USD / megawatt_hour``) on pint's application registry.

        >>> Rate.parse("50 USD/MWh").quantity.to("USD / kWh")
        <Quantity(0.05, 'USD / kilowatt_hour')>
        """
        return self.to_quantity()

    def to_quantity(self, registry: pint.UnitRegistry[float] | None = None) -> pint.Quantity[float]:
        """This rate as a pint quantity on ``registry`` (pint's application registry by default).

        The currency becomes a unit of its own dimension there (``USD = [currency_USD]``),
        defined on first use.  Rates per time go out per day: pint's year is 365.25 days,
        dealkit's 365, and days are the unit both agree on.
        """
        rate = self.to("day") if self.per is Duration else self
        ureg = _currency_registry(self.currency, registry)
        unit = ureg.Unit(self.currency) / ureg.Unit(rate.per.PINT_UNITS[rate.unit])
        return ureg.Quantity(float(rate.amount.amount), unit)

    @classmethod
    def from_quantity(cls, quantity: object) -> Rate:
        """Read a pint quantity of money per energy, power or time back into a :class:`Rate`.

        The rate is stated per MWh, per GW or per (365-day) year.

        >>> Rate.from_quantity(Rate.parse("$10B/year").quantity)
        Rate.parse('10000000000 USD/year')
        """
        value = from_money_quantity(quantity)
        if not isinstance(value, Rate):
            raise DimensionError("expected money per energy, power or time, got money alone", str(quantity))
        return value


# -- the pint view of money --------------------------------------------------------------------


def _currency_registry(code: str, registry: object = None) -> pint.UnitRegistry[float]:
    """``registry`` (pint's application registry by default), with ``code`` defined as a unit of its own dimension."""

    check_currency(code)
    ureg = registry_or_default(registry)
    dimension = _CURRENCY_DIMENSION.format(code)
    if code not in ureg:
        ureg.define(f"{code} = {dimension}")
    elif dict(ureg.Unit(code).dimensionality) != {dimension: 1}:
        raise InvalidValueError(f"the unit registry already defines {code!r} as something else", code)
    return ureg


def _calendar_unit(quantity: pint.Quantity[float]) -> str | None:
    """The pint calendar unit (``year``, ``month``, ...) a quantity of money per time is stated per, if any."""
    per = [name for name, exponent in quantity.unit_items() if exponent == -1]
    rest = [name for name, exponent in quantity.unit_items() if exponent not in (1, -1)]
    return per[0] if len(per) == 1 and not rest and per[0] in CALENDAR_UNITS else None


def money_quantity(amount: CurrencyAmount, registry: pint.UnitRegistry[float] | None = None) -> pint.Quantity[float]:
    """An amount of money as a pint quantity in its currency's own unit (``USD``, ``EUR``).

    The quantity is built on ``registry``, pint's application registry by default,
    where the currency is defined as a unit of its own dimension on first use.

    Each currency is a dimension of its own, so pint itself refuses to add
    dollars to euros, or money to energy.

    >>> from dealkit import Energy
    >>> price = money_quantity(CurrencyAmount.parse("$100")) / Energy(2, "MWh").quantity
    >>> price
    <Quantity(50.0, 'USD / megawatt_hour')>
    >>> from_money_quantity(price)
    Rate.parse('50 USD/MWh')

    .. versionadded:: 0.1.0
    """
    if type(amount) is not CurrencyAmount:
        raise InvalidValueError("expected a CurrencyAmount", amount)
    ureg = _currency_registry(amount.currency, registry)
    return ureg.Quantity(float(amount.amount), ureg.Unit(amount.currency))


def from_money_quantity(quantity: object) -> CurrencyAmount | Rate:
    """Read a pint quantity of money (``USD``) or of money per measure (``USD/MWh``) back, checked.

    Money alone becomes a :class:`CurrencyAmount`; money per energy, power or
    time a :class:`Rate` (stated per MWh, GW or 365-day year).  Anything else, money
    times a measure, or two currencies at once, is refused.

    Raises:
        DimensionError: not a pint quantity, or of any other dimension.
        CurrencyMismatchError: the quantity mixes currencies.

    >>> from dealkit import Energy
    >>> from_money_quantity(money_quantity(CurrencyAmount.parse("$5")) * Energy(1, "MWh").quantity)
    Traceback (most recent call last):
    ...
    dealkit.DimensionError: money times energy is neither money nor a rate (got <Quantity(5.0, 'USD * megawatt_hour')>)

    .. versionadded:: 0.1.0
    """
    import pint

    if not isinstance(quantity, pint.Quantity):
        raise DimensionError("expected a pint quantity of money or money per unit", quantity)
    dims = dict(quantity.dimensionality)
    currencies = [d for d in dims if d.startswith("[currency_") and dims[d]]
    if len(currencies) > 1:
        names = ", ".join(sorted(c[len("[currency_"):-1] for c in currencies))
        raise CurrencyMismatchError(f"a quantity of several currencies at once ({names})", quantity)
    if not currencies or dims[currencies[0]] != 1:
        raise DimensionError("expected money (one currency to the first power)", quantity)
    code = currencies[0][len("[currency_"):-1]
    check_currency(code)
    ureg: pint.UnitRegistry[float] = quantity._REGISTRY  # the quantity's own registry: any will do
    rest = {d: e for d, e in dims.items() if d != currencies[0] and e}
    try:
        if not rest:
            magnitude = quantity.to(ureg.Unit(code)).magnitude
            return CurrencyAmount(to_decimal(magnitude, allow_float=True), code)
        for kind in _KINDS:
            kind_dims = dict(ureg.get_dimensionality(kind.DIMENSION))
            if rest == {d: -e for d, e in kind_dims.items()}:
                unit = _DEFAULT_UNIT[kind.KIND]
                calendar = _calendar_unit(quantity) if kind is Duration else None
                if calendar is not None:  # per pint year is per dealkit year: see dealkit.Duration
                    per, count = CALENDAR_UNITS[calendar]
                    magnitude = quantity.to(ureg.Unit(code) / ureg.Unit(calendar)).magnitude
                    amount = CurrencyAmount(to_decimal(magnitude, allow_float=True), code)
                    return Rate(amount, per) / count
                if kind is Duration:  # per dealkit year of 365 days, not pint's 365.25
                    magnitude = quantity.to(ureg.Unit(code) / ureg.day).magnitude * 365
                else:
                    magnitude = quantity.to(ureg.Unit(code) / ureg.Unit(kind.PINT_UNITS[unit])).magnitude
                return Rate(CurrencyAmount(to_decimal(magnitude, allow_float=True), code), unit)
            if rest == kind_dims:
                raise DimensionError(f"money times {kind.KIND} is neither money nor a rate", quantity)
    except (pint.PintError, ValueError) as exc:  # e.g. a quantity of another registry
        raise DimensionError(f"cannot convert: {exc}", quantity) from None
    raise DimensionError(
        "expected money, or money per energy, power or time", quantity
    )


def stated_money(amount: Decimal, currency: str) -> CurrencyAmount:
    """``CurrencyAmount(amount, currency)`` for a reader that holds a ``Decimal`` and an ISO code.

    The same amount after the same checks (its digits and size, a known code),
    without the constructor's conversions, as readers that build many amounts
    (the extractor) want.

    >>> stated_money(Decimal(5), "USD") == CurrencyAmount(5, "USD")
    True
    """
    value = _amount(amount)
    check_currency(currency)
    new = object.__new__(CurrencyAmount)
    _set_amount(new, value)
    _set_currency(new, currency)
    return new
