"""ISO 4217 currency codes, checked against babel's currency data (loaded on first use)."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from .._errors import UnknownCurrencyError

__all__ = ["check_currency", "known_currencies"]

_CODE_RE: Final = re.compile(r"[A-Z]{3}", re.ASCII)
#: Codes already accepted (plain ``str`` only): one set lookup answers for them.
_ACCEPTED: Final[set[str]] = set()


@cache
def known_currencies() -> frozenset[str]:
    """Every currency code babel knows (ISO 4217, current and historical).

    >>> "USD" in known_currencies(), "XYZ" in known_currencies()
    (True, False)
    """
    # babel.numbers.is_currency rebuilds this set on every call; one frozenset is enough.
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


def check_currency(code: object) -> str:
    """Return ``code`` if it is an upper-case ISO 4217 code babel knows; raise otherwise.

    >>> check_currency("EUR")
    'EUR'
    >>> check_currency("usd")
    Traceback (most recent call last):
    ...
    dealkit.UnknownCurrencyError: currency must be a three-letter upper-case ISO 4217 code (got 'usd')
    """
    if type(code) is str and code in _ACCEPTED:  # seen before: the set of known codes never shrinks
        return code
    if not isinstance(code, str) or _CODE_RE.fullmatch(code) is None:
        raise UnknownCurrencyError("currency must be a three-letter upper-case ISO 4217 code", code)
    if code not in known_currencies():
        raise UnknownCurrencyError("not an ISO 4217 currency code known to babel", code)
    if type(code) is str:
        _ACCEPTED.add(code)
    return code
