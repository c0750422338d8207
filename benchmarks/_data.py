"""Synthetic deal records for the scale benchmarks: varied, valid, in dealkit's JSON form.

Every amount and capacity differs from record to record (seeded), so no parser
can win by caching repeated text on those; dates are drawn from 2020-2030 and
repeat, as real dates do (3,820 distinct texts in 10,000 records).
"""

from __future__ import annotations

import json
import random
from typing import Any

_PARTIES = [f"party-{i:03d}" for i in range(200)]
_CHIPS = ["Trainium2", "Trainium3", "Trainium4", "Inferentia", "H100", "GB200", "TPU v5"]


def _money(amount: int) -> str:
    return f"{amount} USD"


def _date(rng: random.Random) -> str:
    year = rng.randint(2020, 2030)
    match rng.randrange(4):
        case 0:
            return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        case 1:
            return f"{year}-{rng.randint(1, 12):02d}"
        case 2:
            return f"{year}-Q{rng.randint(1, 4)}"
        case _:
            return f"{year}"


def _source(rng: random.Random, quote: str) -> dict[str, str]:
    return {"file": f"{rng.randrange(1000):03d}_{rng.getrandbits(64):016x}.txt", "quote": quote}


def record(i: int, rng: random.Random) -> dict[str, Any]:
    """One deal record, as ``dealkit.converter.unstructure`` writes a :class:`dealkit.Deal`."""
    investor, investee = rng.sample(_PARTIES, 2)
    immediate = rng.randint(1, 50) * 10**8 + rng.randint(0, 10**6)
    linked = rng.randint(1, 200) * 10**8 + rng.randint(0, 10**6)
    gw = rng.randint(1, 9999)
    tenths = rng.randint(1, 99)
    year = rng.randint(2020, 2030)
    term = rng.randint(1, 15)
    total = immediate + linked + rng.randint(0, 10**9)
    return {
        "id": f"deal-{i:06d}",
        "title": f"{investor} invests in {investee}, round {i}",
        "announced": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "investors": [
            {
                "party": investor, "investee": investee, "amount": None,
                "tranches": [
                    {"kind": "immediate", "amount": {"qualifier": "exact", "value": _money(immediate)},
                     "date": None, "condition": "committed on announcement", "name": "immediate", "sources": []},
                    {"kind": "milestone_linked", "amount": {"qualifier": "exact", "value": _money(linked)},
                     "date": None, "condition": "unlockable against commercial milestones",
                     "name": "milestone_linked", "sources": []},
                ],
                "role": "lead",
                "sources": [_source(rng, f"{investor} will invest up to ${total / 1e9:.1f} billion")],
            },
        ],
        "investment": {"qualifier": "at_most", "value": _money(total)},
        "valuation": {"qualifier": "exact", "value": _money((immediate + linked) * rng.randint(5, 40))},
        "compute": [
            {"name": "capacity", "capacity": {"qualifier": "at_most", "value": f"{gw} MW"},
             "provider": investor, "recipient": investee, "chips": rng.sample(_CHIPS, 2),
             "by": {"qualifier": "at_most", "value": _date(rng)}, "description": "New compute capacity",
             "sources": []},
        ],
        "spend": [
            {"name": "cloud", "payer": investee, "payee": investor,
             "amount": {"qualifier": "at_least", "value": _money(rng.randint(1, 999) * 10**9)},
             "term": f"{term} year{'s' if term > 1 else ''}", "covers": ["training", "inference"], "sources": []},
        ],
        "milestones": [
            {"name": "first-online", "description": "First chips come online",
             "date": {"qualifier": "exact", "value": _date(rng)}, "capacity": None, "chips": rng.sample(_CHIPS, 1),
             "sources": []},
            {"name": "year-end", "description": "Capacity online by year end",
             "date": {"qualifier": "at_most", "value": f"{year + 1}-12"},
             "capacity": {"qualifier": "approximately", "value": f"{tenths}.5 GW"},
             "chips": [], "sources": []},
        ],
        "summary": f"Deal {i}: investment, compute and spend commitments between {investor} and {investee}.",
        "relations": [],
        "sources": [_source(rng, f"announced a deal with {investee}")],
    }


def records(n: int = 10_000, seed: int = 2026) -> list[dict[str, Any]]:
    """``n`` varied deal records."""
    rng = random.Random(seed)
    return [record(i, rng) for i in range(n)]


def document(n: int = 10_000, seed: int = 2026) -> str:
    """``n`` records as one JSON document (an array)."""
    return json.dumps(records(n, seed))
