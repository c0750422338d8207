"""Locales, and money as a locale writes it: the babel layer that money and formatting share.

babel is imported on first use, never when dealkit is imported.  Nothing here
reads ``LANG`` or ``LC_*``: the locale is always an explicit argument.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_EVEN, Context, Decimal
from typing import TYPE_CHECKING, Final

from .._errors import InvalidValueError

if TYPE_CHECKING:
    from babel import Locale


__all__ = ["STYLES", "babel_locale", "check_style", "money_text", "resolve_locale"]

STYLES: Final = ("full", "compact")
#: Compact money keeps up to this many digits after the point of its scale: "$1.25B", "$1.125B".
_COMPACT_FRACTION_DIGITS: Final = 3
#: A compact figure that rounds up to a power of ten at this many significant digits is shown
#: as that power: "$1B", never babel's "$1000M" for $999,999,999.
_COMPACT_CARRY_DIGITS: Final = 5
#: Enough precision for any amount dealkit accepts (< 10^21, a few decimals), whatever the
#: caller's decimal context.
_CONTEXT: Final = Context(prec=60)
#: Locales kept parsed: a bounded cache, since identifiers may come from user input.
_LOCALE_CACHE_SIZE: Final = 64


@functools.lru_cache(maxsize=_LOCALE_CACHE_SIZE)
def babel_locale(identifier: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        # "en-US" (BCP 47) is read as "en_US".
        return Locale.parse(identifier.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        raise InvalidValueError(
            "unknown locale; use a CLDR identifier such as 'en_US', 'de_DE' or 'ja_JP'", identifier
        ) from None


def resolve_locale(locale: object) -> Locale:
    if not isinstance(locale, str) or not locale.strip():
        raise InvalidValueError(
            "locale must be an identifier such as 'en_US' (it is never taken from the environment)",
            locale,
        )
    return babel_locale(locale)


def check_style(style: object) -> None:
    if style not in STYLES:
        raise InvalidValueError("style must be 'full' or 'compact'", style)


# -- money --------------------------------------------------------------------------------


#: Money texts kept: babel takes a fraction of a millisecond for each, and a report (``dealkit
#: check``, ``show``) writes the same figures several times.
_MONEY_CACHE_SIZE: Final = 4096


def money_text(amount: Decimal, currency: str, locale: object, style: object) -> str:
    """``amount`` of ``currency`` as ``locale`` writes it, in ``"full"`` or ``"compact"`` style."""
    check_style(style)
    if isinstance(locale, str) and isinstance(amount, Decimal):
        # Keyed by the amount's text: equal Decimals of other exponents stay apart.
        return _cached_money_text(str(amount), currency, locale, style)
    return _money_text(amount, currency, locale, style)


@functools.lru_cache(maxsize=_MONEY_CACHE_SIZE)
def _cached_money_text(amount: str, currency: str, locale: str, style: str) -> str:
    return _money_text(Decimal(amount), currency, locale, style)


def _money_text(amount: Decimal, currency: str, locale: object, style: object) -> str:
    loc = resolve_locale(locale)
    from babel import numbers

    if style == "full":
        return numbers.format_currency(amount, currency, locale=loc)
    figure = _compact_figure(amount, numbers.get_currency_precision(currency))
    return numbers.format_compact_currency(
        figure, currency, locale=loc, fraction_digits=_COMPACT_FRACTION_DIGITS
    )


def _compact_figure(amount: Decimal, currency_digits: int) -> Decimal:
    """The amount as compact style shows it: to the minor unit, carried to a power of ten when close."""
    value = amount.quantize(
        Decimal(1).scaleb(-currency_digits, _CONTEXT), rounding=ROUND_HALF_EVEN, context=_CONTEXT
    )
    if value:
        # babel rounds within a scale and never moves up a scale afterwards
        # (999,999,999 would read "$1000M"); carrying first avoids that.
        step = Decimal(1).scaleb(value.adjusted() - _COMPACT_CARRY_DIGITS + 1, _CONTEXT)
        carried = value.quantize(step, rounding=ROUND_HALF_EVEN, context=_CONTEXT)
        if carried.adjusted() > value.adjusted():
            value = carried
    return value.normalize(_CONTEXT)


