"""The fast structuring path of the deal models: same objects, and exactly the same errors.

The reference is a converter built with the fast path switched off (every model
through cattrs' detailed hooks), so any divergence in what is accepted or in
how a problem is reported shows here.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dealkit
from dealkit import Deal, Milestone, Tranche
from dealkit.serialization._fastload import FastStructureHook
from dealkit.serialization._converter import make_converter, problems_from


@pytest.fixture(scope="module")
def detailed_converter() -> Any:
    import dealkit.serialization._converter as fastload

    original = fastload.fast_structure_hook
    fastload.fast_structure_hook = lambda conv, cls, make_detailed: make_detailed()  # type: ignore[assignment]
    try:
        conv = make_converter()
    finally:
        fastload.fast_structure_hook = original
    # The comparison below means something only if this converter really has no fast path.
    assert not isinstance(conv.get_structure_hook(Deal), FastStructureHook)
    assert isinstance(dealkit.converter.get_structure_hook(Deal), FastStructureHook)
    return conv


def _record() -> dict[str, Any]:
    deal = dealkit.get_deal("amazon-anthropic-2026")
    data: dict[str, Any] = dealkit.converter.unstructure(deal)
    return data


def _outcome(conv: Any, data: object, cls: type = Deal) -> tuple[str, object]:
    try:
        return ("ok", conv.structure(data, cls))
    except Exception as exc:  # noqa: BLE001 - compared below
        return ("error", sorted(str(p) for p in problems_from(exc)) or repr(exc))


def test_the_models_use_the_fast_path() -> None:
    for model in (Deal, Tranche, Milestone):
        assert isinstance(dealkit.converter.get_structure_hook(model), FastStructureHook)


def test_valid_records_give_equal_deals(detailed_converter: Any) -> None:
    data = _record()
    fast = dealkit.converter.structure(data, Deal)
    assert fast == detailed_converter.structure(data, Deal)
    assert fast == dealkit.get_deal("amazon-anthropic-2026")
    assert dealkit.converter.unstructure(fast) == data


def _set(path: tuple[Any, ...], value: object) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        node: Any = data
        for key in path[:-1]:
            node = node[key]
        del node[path[-1]]

    return change


BAD = {
    "unknown key": _set(("colour",), "blue"),
    "missing required key": _drop(("investors",)),
    "number where text belongs": _set(("title",), 5),
    "same investor and investee": _set(("investors", 0, "investee"), "amazon"),
    "no investor": _set(("investors",), []),
    "investor's amount above the total": _set(
        ("investors", 0, "amount"), {"qualifier": "exact", "value": "30000000000 USD"}),
    "unknown relation kind": _set(("relations",), [{"kind": "replaces", "deal": "amazon-anthropic-2023"}]),
    "bad money text": _set(("investment", "value"), "$25B"),
    "unknown qualifier": _set(("investment", "qualifier"), "maybe"),
    "negative tranche": _set(("investors", 0, "tranches", 0, "amount", "value"), "-5 USD"),
    "tranches above the investment": _set(("investors", 0, "tranches", 1, "amount", "value"), "90000000000 USD"),
    "text where a list belongs": _set(("investors", 0, "tranches"), "immediate"),
    "unknown key in a tranche": _set(("investors", 0, "tranches", 0, "colour"), "red"),
    "bad tranche kind": _set(("investors", 0, "tranches", 0, "kind"), "later"),
    "duplicate tranche name": _set(("investors", 0, "tranches", 1, "name"), "immediate"),
    "missing milestone date": _drop(("milestones", 0, "date")),
    "power given as money": _set(("compute", 0, "capacity", "value"), "5 USD"),
    "null where an estimate is required": _set(("milestones", 0, "date"), None),
    "duplicate compute name": lambda d: d["compute"].append(copy.deepcopy(d["compute"][0])),
    "a table where a deal belongs": lambda d: d.clear(),
}


@pytest.mark.parametrize("name", sorted(BAD))
def test_bad_records_fail_exactly_as_the_detailed_hooks(name: str, detailed_converter: Any) -> None:
    data = _record()
    BAD[name](data)
    fast = _outcome(dealkit.converter, data)
    assert fast[0] == "error"
    assert fast == _outcome(detailed_converter, data)


@pytest.mark.parametrize("value", [None, "deal", 5, ["a"], {"id": "x"}])
def test_non_records_fail_exactly_as_the_detailed_hooks(value: object, detailed_converter: Any) -> None:
    assert _outcome(dealkit.converter, value) == _outcome(detailed_converter, value)
    assert _outcome(dealkit.converter, [value], list[Deal]) == _outcome(detailed_converter, [value], list[Deal])


def test_the_catalog_error_names_the_path() -> None:
    from dealkit.serialization._converter import structure

    data = _record()
    data["investors"][0]["tranches"][1]["amount"]["value"] = "twenty USD"
    with pytest.raises(dealkit.CatalogError) as info:
        structure(data, Deal)
    assert [p.path for p in info.value.problems] == ["$.investors[0].tranches[1].amount"]


def _reading(parse: Callable[[str], object], text: str) -> tuple[str, object, object]:
    try:
        return ("ok", parse(text), None)
    except dealkit.DealkitError as exc:
        return (type(exc).__name__, exc.reason, exc.value)


_canonical_dates = st.one_of(
    st.builds("{:04d}-{:02d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 99), st.integers(0, 99)),
    st.builds("{:04d}-{:02d}".format, st.integers(0, 9999), st.integers(0, 99)),
    st.builds("{:04d}-Q{}".format, st.integers(0, 9999), st.integers(0, 9)),
    st.builds("{:04d}-H{}".format, st.integers(0, 9999), st.integers(0, 9)),
    st.builds("{:04d}".format, st.integers(0, 9999)),
)


@given(_canonical_dates)
def test_canonical_dates_read_as_partial_date_parse_reads_them(text: str) -> None:
    # The loaders' date reader goes straight to the constructor; it must agree with
    # PartialDate.parse on every canonical text, valid or not, errors included.
    from dealkit._values.canonical import parse_canonical

    assert _reading(lambda t: parse_canonical("date", t), text) == _reading(dealkit.PartialDate.parse, text)
