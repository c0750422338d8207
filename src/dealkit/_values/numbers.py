"""Strict decimal numbers: the one way text and numbers become ``Decimal`` in dealkit.

``decimal.Decimal`` alone is far too lenient for data read from files: it takes
``NaN``, ``sNaN``, ``Infinity``, ``1_000``, ``١٢٣`` (Arabic-Indic digits) and
``1e999999999``.  Nothing here reaches ``Decimal`` before a plain-ASCII grammar
has accepted it, so none of those can enter a model.
"""

from __future__ import annotations

import decimal
import math
import re
from decimal import Decimal
from typing import Final

from .._errors import InvalidValueError, ParseError

__all__ = [
    "EXACT",
    "MAX_DIGITS",
    "MAX_FRACTION_DIGITS",
    "MAX_TEXT_LENGTH",
    "ROUNDED",
    "canonical_decimal",
    "parse_decimal",
    "to_decimal",
]

#: The most significant digits a number may carry (Decimal's default precision,
#: so sums and differences of valid numbers stay exact).
MAX_DIGITS: Final = 28
#: The longest text any parser in dealkit looks at; longer input is refused unread.
MAX_TEXT_LENGTH: Final = 200

#: Exact arithmetic: sums, differences and products of valid numbers are exact or
#: raise ``decimal.Inexact``, whatever the caller's decimal context.
EXACT: Final = decimal.Context(prec=MAX_DIGITS, traps=[decimal.Inexact, decimal.InvalidOperation])
#: Arithmetic that may round (quotients, unit factors): to MAX_DIGITS significant
#: digits, half-even, whatever the caller's decimal context.
ROUNDED: Final = decimal.Context(prec=MAX_DIGITS, traps=[decimal.InvalidOperation])
#: The most digits a number may have after the decimal point (canonical text stays short).
MAX_FRACTION_DIGITS: Final = 100

# Canonical decimal text: optional minus, ASCII digits, optional fraction.
# No exponent, no underscores, no thousands separators, no spaces.
DECIMAL_RE: Final = re.compile(r"-?[0-9]+(?:\.[0-9]+)?", re.ASCII)


def _check_size(value: Decimal, original: object) -> Decimal:
    if not value.is_finite():
        raise InvalidValueError("must be a finite number", original)
    _sign, digits, exponent = value.as_tuple()
    if len(digits) > MAX_DIGITS:
        raise InvalidValueError(f"has more than {MAX_DIGITS} significant digits", original)
    # A Decimal built in code can carry a huge exponent with few digits
    # (Decimal("1E+999999999")): it would overflow arithmetic or write a
    # billion-character text.  Bound it as canonical text is bounded.
    assert isinstance(exponent, int)
    if value and value.adjusted() >= MAX_DIGITS:
        raise InvalidValueError(f"has more than {MAX_DIGITS} digits before the point", original)
    if exponent < -MAX_FRACTION_DIGITS:
        raise InvalidValueError(f"has more than {MAX_FRACTION_DIGITS} digits after the point", original)
    return value


def parse_decimal(text: str) -> Decimal:
    """Read canonical decimal text (``"25000000000"``, ``"1.25"``, ``"-3.5"``) exactly.

    Exponents, underscores, separators, non-ASCII digits, ``NaN`` and ``Infinity``
    are refused with a :class:`ParseError`.

    >>> parse_decimal("1.25")
    Decimal('1.25')
    >>> parse_decimal("1e3")
    Traceback (most recent call last):
    ...
    dealkit.ParseError: not a plain decimal number (digits, optional '.' and fraction) (got '1e3')
    """
    if not isinstance(text, str):
        raise ParseError("must be text", text)
    if len(text) > MAX_TEXT_LENGTH or DECIMAL_RE.fullmatch(text) is None:
        raise ParseError("not a plain decimal number (digits, optional '.' and fraction)", text)
    return _check_size(Decimal(text), text)


def to_decimal(value: object, *, allow_float: bool = False) -> Decimal:
    """Turn an ``int``, ``Decimal``, canonical text (or, if allowed, a finite float) into a Decimal.

    Floats are refused unless ``allow_float`` is set; then they go through their
    shortest ``repr`` so ``0.1`` becomes ``Decimal('0.1')``, never the binary expansion.

    >>> to_decimal(5), to_decimal("0.5"), to_decimal(0.1, allow_float=True)
    (Decimal('5'), Decimal('0.5'), Decimal('0.1'))
    """
    if isinstance(value, Decimal):
        return _check_size(value, value)
    if isinstance(value, bool):
        raise InvalidValueError("must be a number, not a bool", value)
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            raise InvalidValueError(f"has more than {MAX_DIGITS} significant digits", value)
        return Decimal(value)
    if isinstance(value, str):
        return parse_decimal(value)
    if isinstance(value, float):
        if not allow_float:
            raise InvalidValueError(
                "floats are not accepted here (binary rounding); pass a Decimal, int or text", value
            )
        if not math.isfinite(value):
            raise InvalidValueError("must be a finite number", value)
        return _check_size(Decimal(repr(value)), value)
    raise InvalidValueError(f"must be a number, not {type(value).__name__}", value)


def canonical_decimal(value: Decimal) -> str:
    """Write a Decimal as canonical text: no exponent, no trailing zeros after the point.

    >>> canonical_decimal(Decimal("5E+9")), canonical_decimal(Decimal("1.2500")), canonical_decimal(Decimal("0"))
    ('5000000000', '1.25', '0')
    """
    # str() is plain text for the numbers files hold (an exponent of 0 or less, at most six
    # zeros after the point), and three times as quick as format(value, "f"): the
    # exponent forms take format() instead.
    text = str(value)
    if "E" in text:
        text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text in ("-0", ""):
        text = "0"
    return text
