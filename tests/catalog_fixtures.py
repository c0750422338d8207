"""Catalog files the test suite uses, valid and invalid, in one place.

The schema/loader agreement test (``test_schema.py``) feeds every one of them to
both :func:`dealkit.catalog.structure_catalog` and the JSON Schema; the hostile-input
tests (``test_hostile.py``) check the loader's messages on the same data.
"""

from __future__ import annotations

import copy
import tomllib
from importlib import resources
from typing import Any, Final

#: Text pint would evaluate as an expression (some never return, some raise bare errors).
EXPRESSIONS: Final = [
    "10**10**10 GW",
    "9**9**9 MW",
    "__import__('os').system('true') GW",
    "5 * GW",
    "2**10 MW",
    "5 GW / 1",
    "(5) GW",
    "eval('5') GW",
    "(" * 5000 + "5 GW" + ")" * 5000,
    "5 " + "*".join(["GW"] * 3000),
]
#: Units repeated until the text is thousands of characters long.
REPEATED_UNITS: Final = ["5 " + "GW" * 3000, "5 " + "megawatt " * 1000, "5 " + "GW " * 1500]
#: Magnitudes that are not finite, not plain, or absurdly long.
BAD_MAGNITUDES: Final = [
    "nan GW",
    "NaN GW",
    "sNaN GW",
    "inf GW",
    "Infinity MW",
    "1e309 MW",
    "1e999999999 GW",
    "9" * 10_000 + " GW",
    "-5 GW",
    "0x10 GW",
    "1_000 MW",
    "\u0661\u0662\u0663 GW",  # Arabic-Indic digits
    " GW",
]
#: Units of another dimension where power is due.
WRONG_DIMENSION: Final = ["5 parsec", "5 GWh", "1 GWh", "5 years", "5 furlong"]
#: Words that are no unit at all.
UNKNOWN_UNITS: Final = ["5 bogowatts", "5 GW GW", "5 gigawattz", "5 G W"]
UNIT_TEXTS: Final = EXPRESSIONS + REPEATED_UNITS + BAD_MAGNITUDES + WRONG_DIMENSION + UNKNOWN_UNITS

BAD_DATES: Final = [
    "2026-02-30",
    "2026-04-31",
    "2026-13",
    "2026-00",
    "2026-13-01",
    "2026-Q5",
    "2026-Q0",
    "2026-H3",
    "20260420",
    "2026-04-20T10:00",
    "2026-04-20 10:00",
    "2026-04-20T00:00:00Z",
    "10:00",
    "2026-4-20",
    "\uff12\uff10\uff12\uff16-04-20",
    "",
    "99999-01-01",
    "0000",
]

#: Spellings the readers of news text take, that files do not: a file holds exactly canonical
#: text, the text dealkit writes (docs/catalog-format.md, "One grammar").
NON_CANONICAL: Final[list[tuple[str, str]]] = [
    ("money", "0001250000000 USD"), ("money", "-0 USD"), ("money", "5.00 USD"), ("money", "1250000000.0 USD"),
    ("power", "05 GW"), ("power", "5 gigawatts"), ("power", "5 gw"), ("power", "5.0 GW"), ("power", "5GW"),
    ("energy", "43.80 TWh"), ("energy", "1 terawatt-hour"),
    ("duration", "10 yrs"), ("duration", "1 quarters"), ("duration", "2 month"), ("duration", "1 years"),
    ("duration", "10 Years"), ("duration", "1.23456789012345678901234567 months"),
    ("rate", "45 USD per MWh"), ("rate", "45 USD/mwh"), ("rate", "045 USD/MWh"),
    ("multiple", "3"), ("multiple", "3.0x"), ("percent", "84"), ("percent", "084%"),
    ("count", "24.00"), ("count", "024"), ("count", "24.0"),
    ("date", "Q2 2026"), ("date", "April 20, 2026"),
]

#: Money, count and percent text the loader refuses.
BAD_FILE_VALUES: Final[list[tuple[str, str]]] = [
    *(("power", t) for t in UNIT_TEXTS),
    *(("money", t) for t in [
        "5 usd", "5 XYZ", "5 US", "5 USDD", "$5B", "NaN USD", "sNaN USD", "1e999999999 USD",
        "\u0661\u0662\u0663 USD", "0x10 USD", "1_000 USD", "", "-5 USD", "5,000 USD", "5.0e3 USD",
        "1" * 5000 + " USD", "1000000000000000000000 USD",
    ]),
    *(("date", t) for t in BAD_DATES),
    *(("count", t) for t in ["1.5", "-1", "NaN", "1e3", "\u0661"]),
    *(("percent", t) for t in ["-5%", "inf%", "5 %"]),
    *NON_CANONICAL,
]

#: A claim the built-in catalog accepts beside its own (a figure no deal reads).
BASE_CLAIM: Final[dict[str, Any]] = {
    "id": "hostile-1",
    "subject": "amazon-anthropic-2026",
    "property": "extra.figure",
    "kind": "power",
    "value": "5 GW",
    "qualifier": "exact",
    "sources": [{"file": "000_6b64170c99e716e7.txt", "quote": "5 GW"}],
}


def claim(**changes: Any) -> dict[str, Any]:
    """:data:`BASE_CLAIM` with ``changes``; a change to ``None`` drops the key."""
    out = {**copy.deepcopy(BASE_CLAIM), **changes}
    return {k: v for k, v in out.items() if v is not None}


def claims_file(*claims: dict[str, Any]) -> dict[str, Any]:
    """A catalog file holding only ``claims``."""
    return {"format": 1, "claims": list(claims)}


#: Claims whose structure is wrong, with the paths the loader reports.
BAD_CLAIM_STRUCTURE: Final[list[tuple[str, dict[str, Any], set[str]]]] = [
    ("typo", claim(qualifer="exact"), {"$.claims[0].qualifer"}),  # a typo must not be dropped
    ("missing", claim(sources=None), {"$.claims[0].sources"}),  # a required key is missing
    ("extra", claim(quote="x"), {"$.claims[0].quote"}),
    ("number-for-text", claim(value=5), {"$.claims[0].value"}),
    ("text-for-list", claim(sources="000_6b64170c99e716e7.txt"), {"$.claims[0].sources"}),
    ("table-for-list", claim(sources={"file": "a.txt", "quote": "q"}), {"$.claims[0].sources"}),
    ("nested-number", claim(sources=[{"file": "a.txt", "quote": 5}]), {"$.claims[0].sources[0].quote"}),
    ("list-for-text", claim(id=["hostile-1"]), {"$.claims[0].id"}),
    ("enum", claim(rank="best"), {"$.claims[0].rank"}),
    ("as_of", claim(as_of="2026-13"), {"$.claims[0].as_of"}),
]

#: A party and a deal with a fault in every field, and the paths reported.
FAULTY_PARTY: Final = {"id": "Bad Id", "name": "a\u0001b", "kind": "bank", "parent": "NOT-AN-ID"}
FAULTY_DEAL: Final = {
    "id": "X X", "title": 5, "investor": "amazon", "investee": "anthropic",
    "compute": [{"name": "A B", "provider": "amazon", "recipient": "anthropic"}],
}

#: A small valid file: two parties, one deal with a tranche, four claims of four kinds.
MINIMAL: Final[dict[str, Any]] = {
    "format": 1,
    "parties": [{"id": "acme", "name": "Acme Compute"}, {"id": "lab", "name": "A Lab"}],
    "deals": [{
        "id": "acme-lab-2027", "title": "Acme backs A Lab", "investor": "acme", "investee": "lab",
        "tranches": [{"kind": "immediate"}],
    }],
    "claims": [
        {"id": "al-announced", "subject": "acme-lab-2027", "property": "announced", "kind": "date",
         "value": "2027-03-02", "qualifier": "exact", "sources": [{"file": "press.txt", "quote": "on March 2"}]},
        {"id": "al-investment", "subject": "acme-lab-2027", "property": "investment", "kind": "money",
         "value": "2000000000 USD", "qualifier": "at_most", "rank": "preferred",
         "sources": [{"file": "press.txt", "quote": "up to $2 billion"}]},
        {"id": "al-immediate", "subject": "acme-lab-2027", "property": "tranche.immediate.amount",
         "kind": "money", "value": "500000000 USD", "qualifier": "exact",
         "sources": [{"file": "press.txt", "quote": "$500 million now"}]},
        {"id": "al-power", "subject": "acme-lab-2027", "property": "power", "kind": "power",
         "value": "30 MW .. 50 MW", "qualifier": "range", "sources": [{"file": "press.txt", "quote": "30-50 MW"}]},
    ],
}


def broken(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    """:data:`MINIMAL` with the node at ``path`` replaced by ``value`` (``KeyError``: removed)."""
    data = copy.deepcopy(MINIMAL)
    *head, last = path
    node: Any = data
    for key in head:
        node = node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return data


#: MINIMAL with one thing wrong.
BROKEN: Final[dict[str, tuple[tuple[Any, ...], Any]]] = {
    "unknown top-level key": (("dealz",), []),
    "unknown key in a deal": (("deals", 0, "investorr"), "acme"),
    "id with capitals": (("deals", 0, "id"), "Acme-Lab"),
    "claim without sources": (("claims", 0, "sources"), KeyError),
    "claim with no source": (("claims", 0, "sources"), []),
    "money not canonical": (("claims", 1, "value"), "$2B"),
    "range with one value": (("claims", 3, "value"), "30 MW"),
    "unknown qualifier": (("claims", 1, "qualifier"), "roughly"),
    "future format": (("format",), 2),
    "number where text belongs": (("parties", 0, "name"), 5),
    "quarter written loosely": (("claims", 0, "value"), "Q2 2027"),
    "unknown tranche kind": (("deals", 0, "tranches", 0, "kind"), "later"),
    "an energy where power is due": (("claims", 3, "value"), "1 GWh"),
    "negative money": (("claims", 2, "value"), "-5 USD"),
    "deprecated without a note": (("claims", 1, "rank"), "deprecated"),
    "a twenty-word quote": (("claims", 1, "sources", 0, "quote"), " ".join(["word"] * 20)),
    "a blank quote": (("claims", 1, "sources", 0, "quote"), "   "),
    "an approximate date": (("claims", 0, "qualifier"), "approximately"),
    "bounds on an exact figure": (("claims", 2, "low"), "400000000 USD"),
    "a control character in a title": (("deals", 0, "title"), "Acme\u0007"),
    "a title too long": (("deals", 0, "title"), "x" * 2001),
    "an id too long": (("parties", 0, "id"), "a" * 81),
    "a file name with a directory": (("claims", 0, "sources", 0, "file"), "seeds/press.txt"),
    "a property with capitals": (("claims", 3, "property"), "Power"),
    "an unknown kind": (("claims", 3, "kind"), "watts"),
    "a list where a table belongs": (("deals", 0), ["acme"]),
    "parties not a list": (("parties",), {"id": "acme"}),
}


def _builtin() -> dict[str, dict[str, Any]]:
    root = resources.files("dealkit.catalog") / "builtin"
    return {e.name: tomllib.loads(e.read_text(encoding="utf-8")) for e in root.iterdir() if e.name.endswith(".toml")}


def valid_catalogs() -> dict[str, dict[str, Any]]:
    """Every valid catalog file the suite has, by name."""
    out = {f"builtin {name}": data for name, data in sorted(_builtin().items())}
    out["minimal"] = copy.deepcopy(MINIMAL)
    out["the base claim"] = claims_file(claim())
    out["approximate with its bounds"] = claims_file(claim(qualifier="approximately", value="1 GW", low="0.9 GW", high="1 GW"))
    out["an energy range"] = claims_file(claim(kind="energy", value="1 TWh .. 2.5 TWh", qualifier="range"))
    out["a deprecated claim with a note"] = claims_file(claim(rank="deprecated", note="another article disagrees"))
    out["a twelve-word quote"] = claims_file(claim(sources=[{"file": "a.txt", "quote": " ".join(["w"] * 12)}]))
    out["a leap day"] = claims_file(claim(kind="date", value="2028-02-29"))
    out["a count"] = claims_file(claim(kind="count", value="24"))
    out["a duration of one quarter"] = claims_file(claim(kind="duration", value="1 quarter"))
    out["a duration of months, to the kept digits"] = claims_file(
        claim(kind="duration", value="1.2345678901234567890123456 months"))
    for name, data in INTEGRITY_HOLDS.items():
        out[f"integrity: {name}"] = copy.deepcopy(data)
    for name, (data, _path, _reason) in INTEGRITY_BREAKS.items():
        # Valid on its own: only the catalog as a whole refuses it.
        out[f"integrity, one file on its own: {name}"] = copy.deepcopy(data)
    return out


def invalid_catalogs() -> dict[str, dict[str, Any]]:
    """Every invalid catalog file the suite has, by name."""
    out: dict[str, dict[str, Any]] = {}
    for kind, text in BAD_FILE_VALUES:
        out[f"{kind} value {text[:40]!r}"] = claims_file(claim(kind=kind, value=text))
    for name, bad, _paths in BAD_CLAIM_STRUCTURE:
        out[f"claim structure: {name}"] = claims_file(bad)
    out["every field of a party and a deal"] = {"format": 1, "parties": [FAULTY_PARTY], "deals": [FAULTY_DEAL]}
    out["a kind given as a list"] = claims_file(claim(kind=["power"]))
    for name, (path, value) in BROKEN.items():
        out[f"minimal with {name}"] = broken(path, value)
    return out


# -- what one file can say, and the catalog then refuses: the rules across fields -------------------

#: A valid catalog (beside the built-in one) that names every kind of party role, dates every kind
#: of part, and states a valuation: each entry of :data:`INTEGRITY_BREAKS` changes one thing in it.
INTEGRITY_BASE: Final[dict[str, Any]] = {
    "format": 1,
    "parties": [
        {"id": "acme", "name": "Acme Compute"},
        {"id": "lab", "name": "A Lab"},
        {"id": "acme-cloud", "name": "Acme Cloud", "parent": "acme"},
        {"id": "typical-site", "name": "A typical site", "kind": "reference"},
    ],
    "deals": [{
        "id": "acme-lab-2027", "title": "Acme backs A Lab", "investor": "acme", "investee": "lab",
        "tranches": [{"kind": "immediate"}, {"kind": "milestone_linked"}],
        "compute": [{"name": "cluster", "provider": "acme", "recipient": "lab"}],
        "spend": [{"name": "cloud", "payer": "lab", "payee": "acme-cloud"}],
        "milestones": [{"name": "online", "description": "The cluster comes online"}],
    }],
    "claims": [
        {"id": "al-announced", "subject": "acme-lab-2027", "property": "announced", "kind": "date",
         "value": "2027-03-02", "qualifier": "exact", "sources": [{"file": "press.txt", "quote": "on March 2"}]},
        {"id": "al-investment", "subject": "acme-lab-2027", "property": "investment", "kind": "money",
         "value": "2000000000 USD", "qualifier": "at_most", "sources": [{"file": "press.txt", "quote": "up to $2 billion"}]},
        {"id": "al-valuation", "subject": "acme-lab-2027", "property": "valuation", "kind": "money",
         "value": "10000000000 USD", "qualifier": "exact", "sources": [{"file": "press.txt", "quote": "valued at $10 billion"}]},
        {"id": "al-immediate", "subject": "acme-lab-2027", "property": "tranche.immediate.amount", "kind": "money",
         "value": "500000000 USD", "qualifier": "exact", "sources": [{"file": "press.txt", "quote": "$500 million now"}]},
        {"id": "al-later", "subject": "acme-lab-2027", "property": "tranche.milestone_linked.amount", "kind": "money",
         "value": "1500000000 USD", "qualifier": "at_most", "sources": [{"file": "press.txt", "quote": "up to $1.5 billion later"}]},
        {"id": "al-capacity", "subject": "acme-lab-2027", "property": "compute.cluster.capacity", "kind": "power",
         "value": "1 GW", "qualifier": "at_most", "sources": [{"file": "press.txt", "quote": "up to 1 GW"}]},
        {"id": "al-capacity-by", "subject": "acme-lab-2027", "property": "compute.cluster.by", "kind": "date",
         "value": "2028", "qualifier": "at_most", "sources": [{"file": "press.txt", "quote": "by 2028"}]},
        {"id": "al-spend", "subject": "acme-lab-2027", "property": "spend.cloud.amount", "kind": "money",
         "value": "5000000000 USD", "qualifier": "at_least", "sources": [{"file": "press.txt", "quote": "more than $5 billion"}]},
        {"id": "al-online", "subject": "acme-lab-2027", "property": "milestone.online.date", "kind": "date",
         "value": "2027-Q4", "qualifier": "exact", "sources": [{"file": "press.txt", "quote": "in Q4 2027"}]},
        {"id": "lab-revenue", "subject": "lab", "property": "revenue.run_rate", "kind": "money",
         "value": "100000000 USD", "qualifier": "at_least", "as_of": "2027-02",
         "sources": [{"file": "press.txt", "quote": "more than $100 million"}]},
    ],
}

#: Indexes of the claims of :data:`INTEGRITY_BASE`, by id.
_AT: Final = {c["id"]: i for i, c in enumerate(INTEGRITY_BASE["claims"])}


def integrity_variant(*changes: tuple[tuple[Any, ...], Any]) -> dict[str, Any]:
    """:data:`INTEGRITY_BASE` with each ``(path, value)`` change applied (``KeyError``: removed)."""
    data = copy.deepcopy(INTEGRITY_BASE)
    for path, value in changes:
        *head, last = path
        node: Any = data
        for key in head:
            node = node[key]
        if value is KeyError:
            del node[last]
        else:
            node[last] = value
    return data


def _claim_value(claim_id: str, value: str, qualifier: str | None = None) -> list[tuple[tuple[Any, ...], Any]]:
    out: list[tuple[tuple[Any, ...], Any]] = [(("claims", _AT[claim_id], "value"), value)]
    if qualifier is not None:
        out.append((("claims", _AT[claim_id], "qualifier"), qualifier))
    return out


#: Catalogs that each break exactly one rule across fields, and nothing else:
#: name -> (the catalog, the path of the one problem, words of its reason).
#: Every one is a valid file on its own (the schema and ``structure_catalog`` accept it);
#: only checking the catalog as a whole (``load_catalog``, ``dealkit validate``) refuses it.
INTEGRITY_BREAKS: Final[dict[str, tuple[dict[str, Any], str, str]]] = {
    # The valuation clears every floor, so no stake is above 100 %.
    "a valuation below an exact tranche": (
        integrity_variant(*_claim_value("al-valuation", "400000000 USD")),
        "$.deals[0].valuation", "valuation must be above the tranches together",
    ),
    "a valuation below the investment's floor": (
        integrity_variant(*_claim_value("al-investment", "2000000000 USD", "exact"),
                          *_claim_value("al-valuation", "1500000000 USD")),
        "$.deals[0].valuation", "valuation must be above the investment",
    ),
    "a valuation below the tranches together": (
        integrity_variant(*_claim_value("al-later", "1500000000 USD", "exact"),
                          *_claim_value("al-valuation", "1800000000 USD")),
        "$.deals[0].valuation", "valuation must be above the tranches together",
    ),
    "an up-to valuation below an exact tranche": (
        integrity_variant(*_claim_value("al-valuation", "500000000 USD", "at_most")),
        "$.deals[0].valuation", "the stake would exceed 100%",
    ),
    # Every party a deal names exists, and takes part in deals.
    "an unknown investor": (
        integrity_variant((("deals", 0, "investor"), "acmee")), "$.deals[0].investor", "not a known party",
    ),
    "an unknown compute provider": (
        integrity_variant((("deals", 0, "compute", 0, "provider"), "acme-cloudd")),
        "$.deals[0].compute[0].provider", "not a known party",
    ),
    "an unknown compute recipient": (
        integrity_variant((("deals", 0, "compute", 0, "recipient"), "labb")),
        "$.deals[0].compute[0].recipient", "not a known party",
    ),
    "an unknown spend payer": (
        integrity_variant((("deals", 0, "spend", 0, "payer"), "labb")),
        "$.deals[0].spend[0].payer", "not a known party",
    ),
    "an unknown spend payee": (
        integrity_variant((("deals", 0, "spend", 0, "payee"), "aws-cloud")),
        "$.deals[0].spend[0].payee", "not a known party",
    ),
    "a reference yardstick as a payee": (
        integrity_variant((("deals", 0, "spend", 0, "payee"), "typical-site")),
        "$.deals[0].spend[0].payee", "a reference yardstick takes no part in deals",
    ),
    "an unknown parent": (
        integrity_variant((("parties", 2, "parent"), "acmee")), "$.parties[2].parent", "parent is not a known party",
    ),
    # Each tranche kind once: two would read the same claims, and count them twice.
    "two immediate tranches": (
        integrity_variant((("deals", 0, "tranches", 1, "kind"), "immediate")),
        "$.deals[0].tranches[1].kind", "a second tranche of this kind",
    ),
    # Dates of milestones and commitments are not before the announcement, unless marked prior.
    "a milestone before the announcement": (
        integrity_variant(*_claim_value("al-online", "2026-Q4")),
        "$.deals[0].milestones[0].date", "dated before the announcement",
    ),
    "a compute commitment due before the announcement": (
        integrity_variant(*_claim_value("al-capacity-by", "2026")),
        "$.deals[0].compute[0].by", "dated before the announcement",
    ),
    # A party is not its own parent, directly or through others.
    "a party its own parent": (
        integrity_variant((("parties", 2, "parent"), "acme-cloud")),
        "$.parties[2].parent", "a party cannot be its own parent",
    ),
    "two parties each other's parent": (
        integrity_variant((("parties", 0, "parent"), "acme-cloud")),
        "$.parties[0].parent", "a party cannot be its own parent (acme -> acme-cloud -> acme)",
    ),
    # Deal terms carry no as_of.
    "a deal term with as_of": (
        integrity_variant((("claims", _AT["al-investment"], "as_of"), "2027-03")),
        f"$.claims[{_AT['al-investment']}].as_of", "is a term of the deal, fixed at its announcement",
    ),
    # The two ends of a commitment are different parties.
    "a compute commitment to its own provider": (
        integrity_variant((("deals", 0, "compute", 0, "provider"), "lab")),
        "$.deals[0].compute[0].recipient", "provider and recipient must differ",
    ),
    "a spend commitment with its own payer": (
        integrity_variant((("deals", 0, "spend", 0, "payee"), "lab")),
        "$.deals[0].spend[0].payee", "payer and payee must differ",
    ),
}

#: Variants of :data:`INTEGRITY_BASE` the rules accept: the edge of each rule, from the inside.
INTEGRITY_HOLDS: Final[dict[str, dict[str, Any]]] = {
    "the base": copy.deepcopy(INTEGRITY_BASE),
    "a prior milestone before the announcement": integrity_variant(
        *_claim_value("al-online", "2026-Q4"), (("deals", 0, "milestones", 0, "prior"), True),
    ),
    "a prior compute commitment": integrity_variant(
        *_claim_value("al-capacity-by", "2026"), (("deals", 0, "compute", 0, "prior"), True),
    ),
    "a milestone in the announcement's quarter": integrity_variant(*_claim_value("al-online", "2027-Q1")),
    "a valuation just above the tranches": integrity_variant(*_claim_value("al-valuation", "500000001 USD")),
    "an at-least valuation below the tranches": integrity_variant(
        *_claim_value("al-valuation", "100000000 USD", "at_least"),
    ),
    "a dated figure about the deal that is not a term": integrity_variant(
        (("claims", _AT["al-capacity"], "property"), "compute.cluster.utilisation_capacity"),
        (("claims", _AT["al-capacity"], "as_of"), "2027-06"),
        (("deals", 0, "compute"), []),
    ),
    "a chain of parents": integrity_variant((("parties", 1, "parent"), "acme-cloud")),
}
