"""The words :func:`dealkit.extract` reads: numbers, scales, units, currencies, qualifiers.

Every table is a ``Final`` mapping from the words as news text writes them
(lower case unless said otherwise) to what they mean, so the grammar in
:mod:`._grammar` and the readers in :mod:`._extract` say each fact once.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from decimal import Decimal
from typing import Final

from .._values import CURRENCY_SYMBOLS, SCALE_WORDS

__all__: list[str] = []

# -- numbers -------------------------------------------------------------------------------

UNITS: Final = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
}
TEENS: Final = {
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS: Final = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}
#: Every spelled number word with its value ("single" as in "a single quarter").
NUMBER_WORDS: Final[dict[str, int]] = {**UNITS, **TEENS, **TENS, "single": 1, "a": 1, "an": 1, "dozen": 12}

#: Scale words after a number, spelled out (any case).
SCALES: Final[dict[str, int]] = {
    "hundred": 10**2, "thousand": 10**3, "lakh": 10**5, "million": 10**6, "crore": 10**7,
    "billion": 10**9, "trillion": 10**12,
}
#: Abbreviated scales; one letter only right after the number ("$11m", "$1.3B").
SCALE_ABBREVIATIONS: Final[dict[str, int]] = {
    word: factor for word, factor in SCALE_WORDS.items() if word not in SCALES
}
#: Vague plurals: "dozens of" is at least two dozen, "thousands of" at least two thousand.
VAGUE_PLURALS: Final[dict[str, int]] = {
    "dozens": 24, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6, "billions": 2 * 10**9,
}
#: Fractions read as percentages: "a fifth" is 20%, "half" 50%.  A third has no exact
#: decimal percentage and is not read.
FRACTIONS: Final[dict[str, int]] = {"half": 50, "quarter": 25, "fifth": 20, "tenth": 10}

# -- change words --------------------------------------------------------------------------

#: Words that state a multiple on their own.
MULTIPLE_WORDS: Final[dict[str, Decimal]] = {
    **{w: Decimal(2) for w in ("double", "doubled", "doubles", "doubling", "twice")},
    **{w: Decimal(3) for w in ("triple", "tripled", "triples", "tripling", "thrice")},
    **{w: Decimal(4) for w in ("quadruple", "quadrupled", "quadruples", "quadrupling")},
    "halved": Decimal("0.5"),
}
#: "fourfold", "tenfold": a number word joined to "fold".
FOLD_WORDS: Final[dict[str, Decimal]] = {
    f"{word}fold": Decimal(value) for word, value in {**UNITS, **TEENS, **TENS, "hundred": 100}.items()
}

# -- units ---------------------------------------------------------------------------------

_PREFIX_WORDS: Final = {"": "", "kilo": "k", "mega": "M", "giga": "G", "tera": "T"}
#: Power units: symbols (case as written) and words (any case), to the symbol.
POWER_UNITS: Final[dict[str, str]] = {
    **{f"{p}W": f"{p}W" for p in ("k", "M", "G", "T")},
    **{f"{word}watt{s}": f"{p}W" for word, p in _PREFIX_WORDS.items() for s in ("", "s")},
}
#: Energy units.
ENERGY_UNITS: Final[dict[str, str]] = {
    **{f"{p}Wh": f"{p}Wh" for p in ("k", "M", "G", "T")},
    **{
        f"{word}watt{sep}hour{s}": f"{p}Wh"
        for word, p in _PREFIX_WORDS.items()
        for sep in ("-", " ", "")
        for s in ("", "s")
    },
}
#: Duration units, to the symbol and the factor (a decade is ten years).
DURATION_UNITS: Final[dict[str, tuple[str, int]]] = {
    **{f"{u}{s}": (u, 1) for u in ("day", "month", "quarter", "year") for s in ("", "s")},
    "decade": ("year", 10), "decades": ("year", 10),
}
#: What a price can be "per" (after "/", "per", "a" or "an"), to the Rate unit.
RATE_UNITS: Final[dict[str, str]] = {
    **{k.lower(): v for k, v in ENERGY_UNITS.items()},
    **{k.lower(): v for k, v in POWER_UNITS.items()},
    "year": "year", "annum": "year", "month": "month", "quarter": "quarter",
}

# -- counted things ------------------------------------------------------------------------

#: Plural nouns that do not end in "s".
IRREGULAR_PLURALS: Final = frozenset(
    "people staff personnel employees children men women police cattle".split()
)
#: Words after a number that are never the noun of a count: units of measure outside
#: dealkit's kinds, words of time, words ending in "s" that are not plurals.
NOT_COUNTED: Final = frozenset(
    """
    acre acres hectare hectares mile miles kilometre kilometres kilometer kilometers km foot feet metre metres
    meter meters square tons tonnes ton tonne barrel barrels gallon gallons litre litres liter liters degree degrees
    point points basis bps bp volt volts kilovolt kilovolts amp amps hertz bit bits byte bytes
    hour hours minute minutes second seconds week weeks night nights min mins sec secs hr hrs
    per percent times fold x plus minus was has is its his this thus gas bus yes us as always perhaps
    less across whereas towards afterwards besides sometimes unless various previous serious famous
    series species news means analysis status campus bonus virus census process access progress address
    business class glass mass loss boss cross press stress express
    """.split()
)

# -- currencies ----------------------------------------------------------------------------

#: Symbols before a number, to the ISO code (longest first when matched).  "$" is read as
#: USD and "¥" as JPY, as English-language news uses them; "CN¥" is the yuan.
SYMBOLS: Final[dict[str, str]] = {
    **CURRENCY_SYMBOLS,
    "HK$": "HKD", "C$": "CAD", "CA$": "CAD", "A$": "AUD", "AU$": "AUD", "NZ$": "NZD", "S$": "SGD",
    "NT$": "TWD", "R$": "BRL", "¥": "JPY", "CN¥": "CNY", "₹": "INR", "₩": "KRW", "₽": "RUB", "₺": "TRY",
}
#: Letters written before a number like a code that are not ISO codes.
CODE_ALIASES: Final[dict[str, str]] = {"RMB": "CNY", "Rs": "INR", "Rs.": "INR"}
#: ISO codes that are also common upper-case words or names in this field ("AMD", "TOP
#: 10", "ALL"): never read as currencies.  Codes of metals and test units (X..) are left
#: out too, but for the CFA and CFP francs and the East Caribbean dollar.
AMBIGUOUS_CODES: Final = frozenset("ALL AMD BAM BOB CUP GEL MOP SOS TOP".split())
_X_CURRENCIES: Final = frozenset("XAF XOF XPF XCD XCG".split())
#: Short English names of common currencies, beside the full names babel gives
#: ("Japanese yen", "euros").  "pence" and "cents" are hundredths.
SHORT_NAMES: Final[dict[str, str]] = {
    "dollar": "USD", "dollars": "USD", "bucks": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "pound": "GBP", "pounds": "GBP", "sterling": "GBP",
    "pounds sterling": "GBP", "rupee": "INR", "rupees": "INR", "won": "KRW", "francs": "CHF",
    "riyals": "SAR", "dirhams": "AED", "reais": "BRL", "roubles": "RUB", "rubles": "RUB", "rupiah": "IDR",
    "ringgit": "MYR", "baht": "THB", "lira": "TRY", "zloty": "PLN", "rand": "ZAR",
}
#: Hundredths: the code and the factor.
SUBUNITS: Final[dict[str, tuple[str, Decimal]]] = {
    "cents": ("USD", Decimal("0.01")), "cent": ("USD", Decimal("0.01")), "¢": ("USD", Decimal("0.01")),
    "pence": ("GBP", Decimal("0.01")), "p": ("GBP", Decimal("0.01")),
}


@functools.cache
def currency_codes() -> frozenset[str]:
    """The ISO codes read in text: every code babel knows, less the ambiguous ones."""
    from babel.numbers import list_currencies

    return frozenset(
        code for code in list_currencies()
        if code not in AMBIGUOUS_CODES and (not code.startswith("X") or code in _X_CURRENCIES)
    )


@functools.cache
def currency_names() -> dict[str, str]:
    """English names of currencies, lower case, to the ISO code ("japanese yen", "euros", "yen")."""
    from babel.numbers import get_currency_name

    names: dict[str, str] = {}
    for code in sorted(currency_codes()):
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            # Historic names carry a period in brackets ("german mark (1948-2001)"): left out.
            if "(" not in name and name not in names:
                names[name] = code
    names.update(SHORT_NAMES)
    return names


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, escaped, longest first; spaces match any run of blanks."""
    out = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"[ \t\u00a0]+") for w in out)
