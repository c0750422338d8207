"""Nothing valid is lost or changed: load, dump, load gives back the same catalog.

Every built-in catalog file goes through ``dump_catalog`` as TOML and as JSON
and is read again.  Each key and value the file states must come back
unchanged as text (so every digit, unit, date precision, qualifier and source
survives), and the structured objects must be equal.  Generated claims of
every kind and qualifier take the same round trip.
"""

from __future__ import annotations

import json
import tomllib
from decimal import Decimal
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit import Claim, Estimate, PartialDate, Rank, Source, load_catalog
from dealkit.catalog import read_catalog_file
from dealkit.catalog import CatalogFile, builtin_catalog, parse_catalog_bytes, structure_catalog
from dealkit.catalog._dump import dump_catalog
from tests.strategies import (
    durations,
    energies,
    estimates,
    money_estimates,
    partial_dates,
    power_estimates,
)

BUILTIN = resources.files("dealkit.catalog") / "builtin"
BUILTIN_FILES = sorted(e.name for e in BUILTIN.iterdir() if e.name.endswith(".toml"))
FORMATS = ["toml", "json"]

#: Keys a dump may add to an item that left them out: each with the default the format gives it.
DEFAULTS: dict[str, dict[str, object]] = {
    "parties": {"kind": "organisation"},
    "deals": {},
    "claims": {"rank": "normal"},
}


def _reparse(text: str, fmt: str) -> CatalogFile:
    data = parse_catalog_bytes(text.encode("utf-8"), name=f"dumped.{fmt}", fmt=fmt)
    return structure_catalog(data, file=f"dumped.{fmt}")


def _texts(claims: tuple[Claim, ...]) -> list[tuple[str, str, str, str | None, tuple[tuple[str, str], ...]]]:
    # Measures compare equal across units (5 GW == 5000 MW): compare the stated text too.
    return [
        (c.id, c.qualifier.value, c.value_text, None if c.as_of is None else str(c.as_of),
         tuple((s.ref, s.quote, str(s.published)) for s in c.sources))
        for c in claims
    ]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", BUILTIN_FILES)
class TestBuiltinFiles:
    def test_every_stated_key_and_value_survives_as_text(self, name: str, fmt: str) -> None:
        raw = (BUILTIN / name).read_bytes()
        original = tomllib.loads(raw.decode("utf-8"))
        content = structure_catalog(parse_catalog_bytes(raw, name=name, fmt="toml"), file=name)
        dumped_text = dump_catalog(content, fmt=fmt)  # type: ignore[arg-type]
        dumped = json.loads(dumped_text) if fmt == "json" else tomllib.loads(dumped_text)
        assert dumped.get("format", 1) == original.get("format", 1) == 1
        for section in ("parties", "deals", "claims"):
            before, after = original.get(section, []), dumped.get(section, [])
            assert len(after) == len(before)
            for i, (b, a) in enumerate(zip(before, after, strict=True)):
                for key, value in b.items():
                    assert a.get(key) == value, f"{name} $.{section}[{i}].{key}"
                for key in set(a) - set(b):
                    assert key in DEFAULTS[section], f"{name} $.{section}[{i}].{key} was added"
                    assert a[key] == DEFAULTS[section][key]

    def test_load_dump_load_gives_equal_objects(self, tmp_path: Path, name: str, fmt: str) -> None:
        raw = (BUILTIN / name).read_bytes()
        first = structure_catalog(parse_catalog_bytes(raw, name=name, fmt="toml"), file=name)
        path = tmp_path / f"again.{fmt}"
        dump_catalog(first, path, fmt=fmt)  # type: ignore[arg-type]
        again = _reparse(path.read_text(encoding="utf-8"), fmt)
        assert again.parties == first.parties
        assert again.deals == first.deals
        assert again.claims == first.claims
        assert _texts(again.claims) == _texts(first.claims)
        # And a second dump is the same text: the dump is a fixed point.
        assert dump_catalog(again, fmt=fmt) == path.read_text(encoding="utf-8")  # type: ignore[arg-type]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_whole_builtin_catalog_round_trips(tmp_path: Path, fmt: str) -> None:
    catalog = builtin_catalog()
    path = tmp_path / f"all.{fmt}"
    dump_catalog(catalog, path, fmt=fmt)  # type: ignore[arg-type]
    again = load_catalog(path, include_builtin=False)
    assert again.parties == catalog.parties
    assert again.shapes == catalog.shapes
    assert again.all_claims == catalog.all_claims
    assert _texts(again.all_claims) == _texts(catalog.all_claims)
    assert again.deals() == catalog.deals()
    for before, after in zip(catalog.deals(), again.deals(), strict=True):
        assert str(after.investment) == str(before.investment)
        assert [str(c.capacity) for c in after.compute] == [str(c.capacity) for c in before.compute]
        assert [str(m.date) for m in after.milestones] == [str(m.date) for m in before.milestones]


# -- generated claims ---------------------------------------------------------------------------

_SOURCE = Source("000_6b64170c99e716e7.txt", "a figure")


def _non_negative_decimals(whole: bool) -> st.SearchStrategy[Decimal]:
    if whole:
        return st.integers(0, 10**12).map(Decimal)
    return st.decimals(min_value=0, max_value=10**9, places=4, allow_nan=False, allow_infinity=False)


@st.composite
def _date_estimates(draw: st.DrawFn) -> Estimate[PartialDate]:
    # A date is never approximate (the format refuses it); a range needs low < high.
    a, b = sorted([draw(partial_dates), draw(partial_dates)], key=PartialDate.sort_key)
    make = draw(st.sampled_from([Estimate.exact, Estimate.at_most, Estimate.at_least, "range"]))
    if make == "range":
        return Estimate.between(a, b) if a < b else Estimate.exact(a)
    return make(a)  # type: ignore[operator,no-any-return]


_BY_KIND: dict[str, st.SearchStrategy[Estimate[Any]]] = {
    "money": money_estimates(),
    "power": power_estimates(),
    "energy": estimates(energies()),
    "duration": estimates(durations()),
    "multiple": estimates(_non_negative_decimals(whole=False)),
    "percent": estimates(_non_negative_decimals(whole=False)),
    "count": estimates(_non_negative_decimals(whole=True)).filter(
        # default ±10 % bounds of a count are not whole numbers
        lambda e: all(b is None or b == b.to_integral_value() for b in (e.low, e.high, e.central))
    ),
    "date": _date_estimates(),
}


@st.composite
def claims(draw: st.DrawFn) -> Claim:
    kind = draw(st.sampled_from(sorted(_BY_KIND)))
    value = draw(_BY_KIND[kind])
    rank = draw(st.sampled_from([Rank.PREFERRED, Rank.NORMAL]))
    as_of = draw(st.none() | partial_dates)
    note = draw(st.sampled_from(["", "read as stated", 'quotes "and" \\ back\\slashes', "üñí\tcode"]))
    return Claim(
        id=f"gen-{kind}", subject="amazon", property=f"generated.{kind}", kind=kind,  # type: ignore[arg-type]
        value=value, sources=(_SOURCE,), rank=rank, as_of=as_of, note=note,
    )


@pytest.mark.parametrize("fmt", FORMATS)
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(claim=claims())
def test_generated_claims_round_trip(fmt: str, claim: Claim) -> None:
    content = CatalogFile(claims=(claim,))
    again = _reparse(dump_catalog(content, fmt=fmt), fmt)  # type: ignore[arg-type]
    assert again.claims == (claim,)
    assert _texts(again.claims) == _texts((claim,))
    (back,) = again.claims
    assert (back.value.low, back.value.high, back.value.central) == (claim.value.low, claim.value.high, claim.value.central)
    assert back.rank is claim.rank
    assert back.note == claim.note
    if claim.as_of is not None:
        assert back.as_of is not None and back.as_of.precision is claim.as_of.precision


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("money", "123456789012345678901.2345678 USD"),  # 28 significant digits
        ("money", "0.0000000000000000000000000001 EUR"),
        ("power", "1.234567890123456789012345678 GW"),
        ("energy", "43.8 TWh"),
        ("duration", "7 months"),
        ("multiple", "2.5x"),
        ("percent", "84.125%"),
        ("count", "24"),
        ("date", "2025-H2"),
        ("date", "2026-Q2"),
        ("date", "2026-02"),
        ("date", "2023"),
    ],
)
def test_every_digit_and_precision_is_kept(tmp_path: Path, fmt: str, kind: str, text: str) -> None:
    raw = {
        "format": 1,
        "claims": [{
            "id": "digits", "subject": "amazon", "property": "digits.kept", "kind": kind,
            "value": text, "qualifier": "exact",
            "sources": [{"file": "000_6b64170c99e716e7.txt", "quote": "a figure"}],
        }],
    }
    path = tmp_path / "in.json"
    path.write_text(json.dumps(raw), encoding="utf-8")
    content = read_catalog_file(path)
    load_catalog(path)  # valid beside the built-in catalog
    out = tmp_path / f"out.{fmt}"
    dump_catalog(content, out, fmt=fmt)  # type: ignore[arg-type]
    dumped = json.loads(out.read_text()) if fmt == "json" else tomllib.loads(out.read_text())
    assert dumped["claims"][0]["value"] == text
    assert read_catalog_file(out).claims == content.claims


# -- one grammar: canonical text is a fixed point, byte for byte ---------------------------------

#: Canonical value text of every kind, drawn from the grammar itself (``value_pattern``, the
#: patterns the JSON Schema states); kinds whose patterns enumerate calendars and currency
#: codes are drawn from smaller tables.
_CANONICAL_NUMBERS = st.from_regex(r"(?:0|[1-9][0-9]{0,14})(?:\.[0-9]{0,6}[1-9])?", fullmatch=True)
_CANONICAL_TEXT: dict[str, st.SearchStrategy[str]] = {
    "money": st.tuples(_CANONICAL_NUMBERS, st.sampled_from(["USD", "EUR", "JPY", "GBP"])).map(" ".join),
    "rate": st.tuples(_CANONICAL_NUMBERS, st.sampled_from(["USD", "EUR"]), st.sampled_from(
        ["W", "kW", "MW", "GW", "TW", "Wh", "kWh", "MWh", "GWh", "TWh", "day", "month", "quarter", "year"]
    )).map(lambda p: f"{p[0]} {p[1]}/{p[2]}"),
    "power": st.tuples(_CANONICAL_NUMBERS.filter(lambda n: Decimal(n) <= 1000),
                       st.sampled_from(["W", "kW", "MW", "GW", "TW"])).map(" ".join),
    "energy": st.tuples(_CANONICAL_NUMBERS, st.sampled_from(["Wh", "kWh", "MWh", "GWh", "TWh"])).map(" ".join),
    "duration": st.tuples(_CANONICAL_NUMBERS.filter(lambda n: Decimal(n) <= 10_000),
                          st.sampled_from(["day", "month", "quarter", "year"])).map(
        lambda p: f"{p[0]} {p[1]}{'' if p[0] == '1' else 's'}"
    ),
    "multiple": _CANONICAL_NUMBERS.map(lambda n: f"{n}x"),
    "percent": _CANONICAL_NUMBERS.map(lambda n: f"{n}%"),
    "count": st.from_regex(r"0|[1-9][0-9]{0,20}", fullmatch=True),
    "date": partial_dates.map(str),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("kind", sorted(_CANONICAL_TEXT))
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_canonical_text_is_written_back_byte_for_byte(fmt: str, kind: str, data: st.DataObject) -> None:
    import re

    from dealkit._values import value_pattern

    text = data.draw(_CANONICAL_TEXT[kind])
    if kind in ("power", "energy", "duration", "rate"):  # within the size bounds, as the grammar states them
        if re.fullmatch(value_pattern(kind), text) is None:  # type: ignore[arg-type]
            return
    assert re.fullmatch(value_pattern(kind), text), text  # type: ignore[arg-type]
    raw = {"format": 1, "claims": [{
        "id": "bytes", "subject": "amazon", "property": "bytes.kept", "kind": kind, "value": text,
        "qualifier": "at_least", "sources": [{"file": "a.txt", "quote": "a figure"}],
    }]}
    content = structure_catalog(raw)
    dumped_text = dump_catalog(content, fmt=fmt)  # type: ignore[arg-type]
    dumped = json.loads(dumped_text) if fmt == "json" else tomllib.loads(dumped_text)
    assert dumped["claims"][0]["value"] == text


def _stated_survive(before: object, after: object, where: str) -> None:
    """Every key and value ``before`` states is in ``after`` as the same text (defaults may be added)."""
    if isinstance(before, dict):
        assert isinstance(after, dict), where
        for key, value in before.items():
            if value is False or value == []:  # defaults, left out: prior = false, no items
                continue
            assert key in after, f"{where}.{key}"
            _stated_survive(value, after[key], f"{where}.{key}")
    elif isinstance(before, list):
        assert isinstance(after, list) and len(after) == len(before), where
        for i, (b, a) in enumerate(zip(before, after, strict=True)):
            _stated_survive(b, a, f"{where}[{i}]")
    else:
        assert after == before, where


def test_every_valid_fixture_is_written_back_byte_for_byte() -> None:
    from tests.catalog_fixtures import valid_catalogs

    for name, data in valid_catalogs().items():
        content = structure_catalog(json.loads(json.dumps(data)))
        for fmt in FORMATS:
            text = dump_catalog(content, fmt=fmt)  # type: ignore[arg-type]
            _stated_survive(data, json.loads(text) if fmt == "json" else tomllib.loads(text), f"{name} ({fmt}) $")
