"""The same deal model in pydantic v2 and msgspec, validating what dealkit validates.

Each peer reads dealkit's JSON form (figures as canonical text), parses every
figure into exact numbers (``Decimal``, currency code checked, power/duration in
base units, dates checked), checks ids and free text, estimate bounds and the
deal's simple invariants, and writes the same JSON back.  Parsing helpers are
shared, so both peers do the same work in Python that dealkit does.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Literal

_MONEY = re.compile(r"(-?[0-9]+(?:\.[0-9]+)?) ([A-Z]{3})", re.ASCII)
_MEASURE = re.compile(r"([0-9]+(?:\.[0-9]+)?) ([A-Za-z]+)", re.ASCII)
_DATE = re.compile(r"[0-9]{4}(?:-(?:[0-9]{2}(?:-[0-9]{2})?|Q[0-9]|H[0-9]))?", re.ASCII)
_ID = r"^[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?$"
_FILE = r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f]")
_CURRENCIES = frozenset({"USD", "EUR", "GBP", "JPY", "CNY", "CHF", "CAD", "AUD", "INR", "KRW", "SGD", "AED"})
_POWER = {"W": Decimal(1), "kW": Decimal(10) ** 3, "MW": Decimal(10) ** 6, "GW": Decimal(10) ** 9, "TW": Decimal(10) ** 12}
_DAYS = {"day": Decimal(1), "days": Decimal(1), "month": Decimal(365) / 12, "months": Decimal(365) / 12,
         "year": Decimal(365), "years": Decimal(365)}
Qualifier = Literal["exact", "at_most", "at_least", "approximately", "range"]


def money(text: str) -> tuple[Decimal, str]:
    m = _MONEY.fullmatch(text)
    if m is None or m[2] not in _CURRENCIES:
        raise ValueError(f"not canonical money: {text!r}")
    amount = Decimal(m[1])
    if amount <= 0 or amount >= Decimal(10) ** 21:
        raise ValueError(f"amount out of range: {text!r}")
    return amount, m[2]


def power(text: str) -> Decimal:
    m = _MEASURE.fullmatch(text)
    if m is None or m[2] not in _POWER:
        raise ValueError(f"not canonical power: {text!r}")
    return Decimal(m[1]) * _POWER[m[2]]


def duration(text: str) -> Decimal:
    m = _MEASURE.fullmatch(text)
    if m is None or m[2] not in _DAYS:
        raise ValueError(f"not a canonical duration: {text!r}")
    return Decimal(m[1]) * _DAYS[m[2]]


def date(text: str) -> str:
    if _DATE.fullmatch(text) is None or not 1900 <= int(text[:4]) <= 2200:
        raise ValueError(f"not a canonical date: {text!r}")
    return text


def text(value: str) -> str:
    if len(value) > 2000 or _CONTROL.search(value):
        raise ValueError("text too long or with control characters")
    return value


def quote(value: str) -> str:
    text(value)
    if not value.strip() or len(value.split()) > 12:
        raise ValueError("a quote is a few words (at most 12)")
    return value


_PARSERS = {"money": money, "power": power, "date": date}


def estimate(kind: str, data: Any) -> tuple[str, Any, Any, str]:
    """(qualifier, low, high, value text) of an estimate table."""
    if not isinstance(data, dict) or set(data) - {"qualifier", "value", "low", "high"}:
        raise ValueError("an estimate is a table of qualifier, value, low, high")
    q, value = data["qualifier"], data["value"]
    parse = _PARSERS[kind]
    if q == "range":
        lo_text, hi_text = value.split(" .. ")
        lo, hi = parse(lo_text), parse(hi_text)
        if not lo < hi:
            raise ValueError("range needs low < high")
    elif q == "exact":
        lo = hi = parse(value)
    elif q == "at_most":
        lo, hi = None, parse(value)
    elif q == "at_least":
        lo, hi = parse(value), None
    elif q == "approximately":
        v = parse(value)
        if kind == "date":
            raise ValueError("a date cannot be approximate")
        lo = parse(data["low"]) if "low" in data else v
        hi = parse(data["high"]) if "high" in data else v
    else:
        raise ValueError(f"unknown qualifier {q!r}")
    return q, lo, hi, value
