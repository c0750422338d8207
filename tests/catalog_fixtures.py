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


#: A web page as a claim cites it: URL, publisher, at most ten of its words, publication and retrieval dates.
WEB_SOURCE: Final[dict[str, Any]] = {
    "url": "https://www.example.com/2026/03/02/acme-backs-a-lab",
    "publisher": "Example News",
    "quote": "up to 5 GW",
    "published": "2026-03-02",
    "retrieved": "2026-12-01",
}


def web_source(**changes: Any) -> dict[str, Any]:
    """:data:`WEB_SOURCE` with ``changes``; a change to ``None`` drops the key."""
    out = {**WEB_SOURCE, **changes}
    return {k: v for k, v in out.items() if v is not None}


#: Web sources the loader refuses, each as the one source of the base claim.
BAD_WEB_SOURCES: Final[dict[str, dict[str, Any]]] = {
    "an eleven-word quote": web_source(quote=" ".join(["word"] * 11)),
    "a blank quote": web_source(quote="  "),
    "no publisher": web_source(publisher=None),
    "a blank publisher": web_source(publisher=" "),
    "no retrieval date": web_source(retrieved=None),
    "a retrieval date written loosely": web_source(retrieved="1 Dec 2026"),
    "a publication date that is no date": web_source(published="2026-02-30"),
    "an ftp URL": web_source(url="ftp://example.com/a"),
    "a URL with a space": web_source(url="https://example.com/a b"),
    "a URL without a host": web_source(url="https:///a"),
    "a relative URL": web_source(url="/2026/03/02/acme"),
    "a file and a URL": web_source(file="press.txt"),
    "an unknown key": web_source(author="Jane Doe"),
    "a number for a publisher": web_source(publisher=5),
    "no URL": {k: v for k, v in WEB_SOURCE.items() if k != "url"},
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


def _src(quote: str) -> list[dict[str, str]]:
    return [{"file": "press.txt", "quote": quote}]


def _money(claim_id: str, subject: str, prop: str, value: str, qualifier: str = "exact") -> dict[str, Any]:
    return {"id": claim_id, "subject": subject, "property": prop, "kind": "money", "value": value,
            "qualifier": qualifier, "rank": "preferred", "sources": _src(claim_id)}


def _announced(claim_id: str, subject: str, value: str) -> dict[str, Any]:
    return {"id": claim_id, "subject": subject, "property": "announced", "kind": "date", "value": value,
            "qualifier": "exact", "rank": "preferred", "sources": _src(claim_id)}


#: A three-way pact: a cloud provider and a chip maker both invest in a lab, which commits to
#: spend with the provider's cloud arm.  By hand: $2B (cloud, $0.5B now + up to $1.5B later)
#: plus $1B (chips) within a total of up to $3B; $10B+ back to the cloud's group over 5 years.
THREE_WAY: Final[dict[str, Any]] = {
    "format": 1,
    "parties": [
        {"id": "cloudco", "name": "CloudCo"},
        {"id": "cloudco-web", "name": "CloudCo Web Services", "parent": "cloudco"},
        {"id": "chipco", "name": "ChipCo"},
        {"id": "lab", "name": "A Lab"},
    ],
    "deals": [{
        "id": "pact-2027", "title": "CloudCo and ChipCo invest in A Lab; A Lab spends with CloudCo",
        "investee": "lab", "sources": _src("CloudCo and ChipCo invest in A Lab"),
        "investors": [
            {"party": "cloudco", "role": "lead", "sources": _src("led by CloudCo"), "tranches": [
                {"kind": "immediate", "name": "cloudco-now", "condition": "on signing"},
                {"kind": "milestone_linked", "name": "cloudco-later", "condition": "against revenue milestones",
                 "sources": _src("against revenue milestones")},
            ]},
            {"party": "chipco", "role": "co_investor"},
        ],
        "spend": [{"name": "cloud", "payer": "lab", "payee": "cloudco-web", "covers": ["training"],
                   "sources": _src("spend with CloudCo Web Services on training")}],
        "compute": [{"name": "chips", "provider": "chipco", "recipient": "lab", "chips": ["X1"],
                     "sources": _src("ChipCo supplies X1 chips")}],
    }],
    "claims": [
        _announced("pact-announced", "pact-2027", "2027-03-02"),
        _money("pact-total", "pact-2027", "investment", "3000000000 USD", "at_most"),
        _money("pact-cloudco", "pact-2027", "investor.cloudco.amount", "2000000000 USD", "at_most"),
        _money("pact-chipco", "pact-2027", "investor.chipco.amount", "1000000000 USD"),
        _money("pact-cloudco-now", "pact-2027", "tranche.cloudco-now.amount", "500000000 USD"),
        _money("pact-cloudco-later", "pact-2027", "tranche.cloudco-later.amount", "1500000000 USD", "at_most"),
        _money("pact-spend", "pact-2027", "spend.cloud.amount", "10000000000 USD", "at_least"),
        {"id": "pact-spend-term", "subject": "pact-2027", "property": "spend.cloud.term", "kind": "duration",
         "value": "5 years", "qualifier": "exact", "rank": "preferred", "sources": _src("over five years")},
        {"id": "pact-chips", "subject": "pact-2027", "property": "compute.chips.capacity", "kind": "power",
         "value": "1 GW", "qualifier": "at_most", "rank": "preferred", "sources": _src("up to 1 GW")},
    ],
}

#: A consortium of four investors, each with its own amount, in one venture.  By hand: the
#: amounts $40B + $30B + $20B + $10B = $100B, the stated total.
CONSORTIUM: Final[dict[str, Any]] = {
    "format": 1,
    "parties": [
        *({"id": p, "name": p.title()} for p in ("alpha", "beta", "gamma", "delta")),
        {"id": "venture", "name": "The Venture"},
    ],
    "deals": [{
        "id": "venture-2027", "title": "Four investors found The Venture", "investee": "venture",
        "investors": [{"party": "alpha", "role": "lead"}, {"party": "beta"}, {"party": "gamma"}, {"party": "delta"}],
    }],
    "claims": [
        _announced("venture-announced", "venture-2027", "2027-01"),
        _money("venture-total", "venture-2027", "investment", "100000000000 USD"),
        _money("venture-alpha", "venture-2027", "investor.alpha.amount", "40000000000 USD"),
        _money("venture-beta", "venture-2027", "investor.beta.amount", "30000000000 USD"),
        _money("venture-gamma", "venture-2027", "investor.gamma.amount", "20000000000 USD"),
        _money("venture-delta", "venture-2027", "investor.delta.amount", "10000000000 USD"),
    ],
}


def _with(base: dict[str, Any], path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    data = copy.deepcopy(base)
    *head, last = path
    node: Any = data
    for key in head:
        node = node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return data


#: Files that read cleanly (schema and loader accept them) but do not assemble: what only the
#: catalog as a whole can check.  Name -> (data, the path of the problem, words of its reason).
UNASSEMBLABLE: Final[dict[str, tuple[dict[str, Any], str, str]]] = {
    "an investor's share above the total": (
        _with(CONSORTIUM, ("claims", 2, "value"), "140000000000 USD"),
        "$.deals[0].investors[0].amount", "alpha's amount (140000000000 USD) is above the deal's total",
    ),
    "investors' amounts above an exact total": (
        _with(CONSORTIUM, ("claims", 5, "value"), "20000000000 USD"),
        "$.deals[0].investors", "the investors' amounts add up to 110000000000 USD",
    ),
    "an investor's tranches above its amount": (
        _with(THREE_WAY, ("claims", 4, "value"), "2500000000 USD"),
        "$.deals[0].investors[0].tranches", "the tranches of cloudco add up",
    ),
    "a shorthand deal's tranche above the total": (
        _with(MINIMAL, ("claims", 2, "value"), "3000000000 USD"),
        "$.deals[0].tranches", "tranches add up to 3000000000 USD",
    ),
    "an amendment of an unknown deal": (
        _with(MINIMAL, ("deals", 0, "relations"), [{"kind": "amends", "deal": "acme-lab-2020"}]),
        "$.deals[0].relations[0].deal", "acme-lab-2027 amends a deal the catalog does not have",
    ),
    "a deal that follows itself": (
        _with(MINIMAL, ("deals", 0, "relations"), [{"kind": "follows", "deal": "acme-lab-2027"}]),
        "$.deals[0].relations[0].deal", "a deal cannot follow itself",
    ),
    "a history cycle": (
        _with(
            {**copy.deepcopy(CONSORTIUM), "deals": [
                {**CONSORTIUM["deals"][0], "relations": [{"kind": "extends", "deal": "venture-2028"}]},
                {"id": "venture-2028", "title": "More", "investee": "venture", "investor": "alpha",
                 "relations": [{"kind": "follows", "deal": "venture-2027"}]},
            ]},
            ("claims",), [*CONSORTIUM["claims"], _announced("venture-2028-announced", "venture-2028", "2028")],
        ),
        "$.deals[1].relations[0].deal", "history cycle: venture-2027 -> venture-2028 -> venture-2027",
    ),
    "a party group cycle": (
        _with(THREE_WAY, ("parties", 0, "parent"), "cloudco-web"),
        "$.parties[1].parent", "party group cycle: cloudco -> cloudco-web -> cloudco",
    ),
    "a derivation from an unknown claim": (
        _with(MINIMAL, ("claims", 0, "derived"), {"rule": "date_offset", "words": "on March 2", "inputs": ["nope"]}),
        "$.claims[0].derived.inputs[0]", "not a known claim",
    ),
    "a conflict naming an unknown claim": (
        {**copy.deepcopy(MINIMAL), "conflicts": [
            {"id": "c1", "kind": "meaning", "claims": ["al-investment", "al-nope"], "note": "they differ"}]},
        "$.conflicts[0].claims[1]", "not a known claim",
    ),
    "a conflict preferring a claim it does not name": (
        {**copy.deepcopy(MINIMAL), "conflicts": [
            {"id": "c1", "kind": "value", "claims": ["al-investment", "al-immediate"], "note": "they differ",
             "prefer": "al-power"}]},
        "$.conflicts[0].prefer", "'prefer' must be one of the conflict's claims",
    ),
    "an investor who is not a known party": (
        _with(CONSORTIUM, ("deals", 0, "investors", 3, "party"), "epsilon"),
        "$.deals[0].investors[3].party", "not a known party",
    ),
}


#: THREE_WAY with one thing wrong in the new parts of the format.
BROKEN_MULTIPARTY: Final[dict[str, tuple[tuple[Any, ...], Any]]] = {
    "an unknown investor role": (("deals", 0, "investors", 1, "role"), "sleeping"),
    "an investor without a party": (("deals", 0, "investors", 1, "party"), KeyError),
    "an unknown key in an investor": (("deals", 0, "investors", 1, "share"), "10%"),
    "a tranche name with a dot": (("deals", 0, "investors", 0, "tranches", 0, "name"), "cloudco.now"),
    "an unknown relation kind": (("deals", 0, "relations"), [{"kind": "replaces", "deal": "x"}]),
    "a relation without a deal": (("deals", 0, "relations"), [{"kind": "amends"}]),
    "a source without a quote on a part": (("deals", 0, "spend", 0, "sources"), [{"file": "press.txt"}]),
    "a sentence as a structural source": (
        ("deals", 0, "compute", 0, "sources"), [{"file": "press.txt", "quote": " ".join(["word"] * 13)}]),
}


def _builtin() -> dict[str, dict[str, Any]]:
    # Every built-in file by its name under builtin/: the seed part's and the field part's (field/...).
    root = resources.files("dealkit.catalog") / "builtin"
    out = {e.name: tomllib.loads(e.read_text(encoding="utf-8")) for e in root.iterdir() if e.name.endswith(".toml")}
    for e in (root / "field").iterdir():
        if e.name.endswith(".toml"):
            out[f"field/{e.name}"] = tomllib.loads(e.read_text(encoding="utf-8"))
    return out


#: A user's catalog file beside the built-in one: a party, a deal with Amazon, two claims (the command tests).
USER_TOML: Final = """\
format = 1

[[parties]]
id = "acme"
name = "Acme AI"

[[deals]]
id = "amazon-acme-2026"
title = "Amazon invests up to $2B in Acme AI"
investor = "amazon"
investee = "acme"

[[claims]]
id = "acme-announced"
subject = "amazon-acme-2026"
property = "announced"
kind = "date"
value = "2026-05-04"
qualifier = "exact"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "on May 4, 2026" }]

[[claims]]
id = "acme-investment"
subject = "amazon-acme-2026"
property = "investment"
kind = "money"
value = "2000000000 USD"
qualifier = "at_most"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "up to $2 billion" }]
"""


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
    out["a user's file beside the built-in one"] = tomllib.loads(USER_TOML)
    out["a three-way pact"] = copy.deepcopy(THREE_WAY)
    out["a four-investor consortium"] = copy.deepcopy(CONSORTIUM)
    out["a derived claim"] = claims_file(claim(
        kind="count", value="24", qualifier="at_least", derived={"rule": "count_word", "words": "dozens"}))
    out["a derived claim with inputs"] = claims_file(claim(
        kind="date", value="2026-02", derived={"rule": "date_offset", "words": "two months after",
                                               "inputs": ["a26-announced"]}))
    out["a recorded conflict of meaning"] = {**copy.deepcopy(MINIMAL), "conflicts": [{
        "id": "c1", "kind": "meaning", "claims": ["al-investment", "al-immediate"],
        "note": "one says the total, the other the first part", "resolution": "both hold", "prefer": "al-investment",
    }]}
    out["a deal that extends another"] = _with(MINIMAL, ("deals", 0, "relations"), [
        {"kind": "extends", "deal": "amazon-anthropic-2026", "sources": _src("on top of"), "note": "new money"}])
    for name, (data, _path, _reason) in UNASSEMBLABLE.items():
        out[f"reads, but does not assemble: {name}"] = copy.deepcopy(data)
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
    for name, (path, value) in BROKEN_MULTIPARTY.items():
        out[f"multi-party: {name}"] = _with(THREE_WAY, path, value)
    out["both 'investor' and 'investors'"] = _with(THREE_WAY, ("deals", 0, "investor"), "cloudco")
    out["neither 'investor' nor 'investors'"] = broken(("deals", 0, "investor"), KeyError)
    out["an empty 'investors' and no 'investor'"] = _with(THREE_WAY, ("deals", 0, "investors"), [])
    out["top-level tranches beside 'investors'"] = _with(THREE_WAY, ("deals", 0, "tranches"), [{"kind": "immediate"}])
    out["a derived count read as exact"] = claims_file(claim(
        kind="count", value="24", qualifier="exact", derived={"rule": "count_word", "words": "dozens"}))
    out["a 'nearly' figure read as at most"] = claims_file(claim(
        qualifier="at_most", derived={"rule": "nearly", "words": "nearly 5 GW"}))
    out["a derivation with an unknown rule"] = claims_file(claim(derived={"rule": "guess", "words": "5 GW"}))
    out["a derivation without words"] = claims_file(claim(derived={"rule": "nearly"}))
    out["a derivation with an unknown key"] = claims_file(claim(derived={"rule": "nearly", "words": "x", "why": "y"}))
    out["a conflict of one claim"] = {**copy.deepcopy(MINIMAL), "conflicts": [
        {"id": "c1", "kind": "value", "claims": ["al-investment"], "note": "alone"}]}
    out["a conflict without a note"] = {**copy.deepcopy(MINIMAL), "conflicts": [
        {"id": "c1", "kind": "value", "claims": ["al-investment", "al-immediate"]}]}
    out["a conflict of an unknown kind"] = {**copy.deepcopy(MINIMAL), "conflicts": [
        {"id": "c1", "kind": "taste", "claims": ["al-investment", "al-immediate"], "note": "x"}]}
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


def _with_claim(data: dict[str, Any], claim: dict[str, Any]) -> dict[str, Any]:
    """``data`` with one more claim."""
    data["claims"].append(claim)
    return data


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
    # The tranches fit the investment, and come no earlier than the announcement.
    "a tranche before the announcement": (
        _with_claim(integrity_variant(), {
            "id": "al-immediate-date", "subject": "acme-lab-2027", "property": "tranche.immediate.date",
            "kind": "date", "value": "2027-01", "qualifier": "exact",
            "sources": [{"file": "press.txt", "quote": "in January"}],
        }),
        "$.deals[0].tranches[0].date", "tranche is dated before the announcement",
    ),
    "tranches that cannot fit the investment": (
        integrity_variant(*_claim_value("al-immediate", "2500000000 USD")),
        "$.deals[0].tranches", "which cannot fit the investment of",
    ),
    # With several investors, no investor's own amount is above the deal's total.
    "an investor's amount above the total": (
        _with_claim(integrity_variant(
            (("deals", 0, "investor"), KeyError), (("deals", 0, "tranches"), KeyError),
            (("deals", 0, "investors"), [
                {"party": "acme", "tranches": [{"kind": "immediate"}, {"kind": "milestone_linked"}]},
                {"party": "acme-cloud"},
            ]),
        ), {
            "id": "al-cloud-amount", "subject": "acme-lab-2027", "property": "investor.acme-cloud.amount",
            "kind": "money", "value": "3000000000 USD", "qualifier": "exact",
            "sources": [{"file": "press.txt", "quote": "$3 billion"}],
        }),
        "$.deals[0].investors[1].amount", "is above the deal's total investment",
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
    # Each tranche kind (or named tranche) once: two would read the same claims, and count them twice.
    "two immediate tranches": (
        integrity_variant((("deals", 0, "tranches", 1, "kind"), "immediate")),
        "$.deals[0].tranches[1].name", "duplicate tranche name (name each tranche when a kind recurs)",
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
        "$.parties[2].parent", "party group cycle: acme-cloud -> acme-cloud",
    ),
    "two parties each other's parent": (
        integrity_variant((("parties", 0, "parent"), "acme-cloud")),
        "$.parties[2].parent", "party group cycle: acme -> acme-cloud -> acme",
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
    "two tranches of one kind, each named": integrity_variant(
        (("deals", 0, "tranches", 1), {"kind": "immediate", "name": "second-immediate"}),
        (("claims", _AT["al-later"], "property"), "tranche.second-immediate.amount"),
        (("claims", _AT["al-later"], "qualifier"), "exact"),
    ),
}
