"""ISO 4217 currency codes, symbols and English names, from babel's CLDR data (loaded on first use)."""

from __future__ import annotations

import re
from functools import cache
from typing import Final

from .._errors import UnknownCurrencyError

__all__ = [
    "NAME_DECISIONS",
    "SYMBOL_DECISIONS",
    "check_currency",
    "currency_names",
    "currency_symbols",
    "known_currencies",
]

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


# -- currencies in text: symbols and English names, from CLDR (babel), read on first use ----------

#: Where CLDR's symbols are ambiguous, the currency dealkit reads: ``$`` is the US dollar (as in
#: the articles dealkit reads), ``¥`` the Japanese yen (CLDR's English writes the yuan ``CN¥``).
SYMBOL_DECISIONS: Final[dict[str, str]] = {"$": "USD", "US$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY"}
#: Where a short English name fits several currencies, the one dealkit reads ("dollars" as ``$``).
NAME_DECISIONS: Final[dict[str, str]] = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR",
    "pound": "GBP", "pounds": "GBP", "pound sterling": "GBP", "pounds sterling": "GBP", "yen": "JPY",
}
#: Codes CLDR names that are no currency ("unknown currency", "testing currency code").
_NOT_MONEY: Final = frozenset({"XXX", "XTS"})


@cache
def currency_symbols() -> dict[str, str]:
    """Currency symbols read in text, and their ISO code: CLDR's English symbols that hold a currency sign.

    Those are unambiguous by CLDR's design (``CA$``, ``A$``, ``HK$``, ``CN¥``, ``₹``, ``₩``),
    plus :data:`SYMBOL_DECISIONS` for the bare ``$`` (US dollar), ``¥`` (yen), ``£`` and ``€``.

    >>> currency_symbols()["¥"], currency_symbols()["CN¥"], currency_symbols()["₹"]
    ('JPY', 'CNY', 'INR')
    """
    import unicodedata

    from babel import Locale

    known = known_currencies()
    out: dict[str, str] = {}
    for code, symbol in Locale("en").currency_symbols.items():
        if code in known and code not in _NOT_MONEY and any(unicodedata.category(c) == "Sc" for c in symbol):
            out[symbol] = code
    out.update(SYMBOL_DECISIONS)
    return out


@cache
def currency_names() -> dict[str, str]:
    """English currency names, singular and plural, lower case, and their ISO code (from CLDR).

    Every full name CLDR gives (``"us dollars"``, ``"euros"``, ``"japanese yen"``,
    ``"swiss francs"``) and the last word of the name of a currency in use today
    when it fits that currency only (``"yen"``, ``"yuan"``, ``"reais"``);
    :data:`NAME_DECISIONS` settles the shared ones
    (``"dollars"`` is USD, ``"pounds"`` GBP).  Names that fit several currencies
    (``"rupees"``, ``"francs"``) are not read alone.

    >>> names = currency_names()
    >>> names["euros"], names["japanese yen"], names["us dollar"], names["dollars"], "rupees" in names
    ('EUR', 'JPY', 'USD', 'USD', False)
    """
    from babel import Locale
    from babel.core import get_global

    en = Locale("en")
    known = known_currencies()
    in_use = {
        code
        for spans in get_global("territory_currencies").values()
        for code, _start, end, tender in spans
        if end is None and tender
    }
    plurals = en._data["currency_names_plural"]
    full: dict[str, set[str]] = {}
    last: dict[str, set[str]] = {}
    for code, display in en.currencies.items():
        if code not in known or code in _NOT_MONEY:
            continue
        forms = {display, *plurals[code].values()} if code in plurals else {display}
        for form in forms:
            words = form.lower().split()
            full.setdefault(" ".join(words), set()).add(code)
            # (not for metals and units of account: "5 gold" names no money)
            if code in in_use and not code.startswith("X") and words and words[-1].isalpha():
                last.setdefault(words[-1], set()).add(code)
    out = {word: next(iter(codes)) for word, codes in last.items() if len(codes) == 1}
    out.update({name: next(iter(codes)) for name, codes in full.items() if len(codes) == 1})
    out.update(NAME_DECISIONS)
    return out
