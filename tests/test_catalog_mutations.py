"""Random mutations of the built-in catalog files are refused cleanly or load to valid data.

Hypothesis takes a built-in file and breaks it: bytes deleted, duplicated,
inserted or cut off; keys dropped, misspelt or duplicated; values replaced by
hostile ones (pint expressions, NaN, huge numbers, lists where text belongs,
deep nesting).  Whatever comes out, loading it beside the rest of the built-in
catalog must either raise a :class:`~dealkit.DealkitError` or give a catalog
that validates: every deal builds, and it survives a dump and a reload.
"""

from __future__ import annotations

import copy
import json
import math
import os
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dealkit import CatalogError, DealkitError
from dealkit.catalog import Catalog, CatalogFile, builtin_files, parse_catalog_bytes, structure_catalog
from dealkit.catalog._dump import dump_catalog

BUILTIN = resources.files("dealkit.catalog") / "builtin"
# Every built-in file by its name under builtin/: the seed part's, then the field part's (field/...).
NAMES = sorted(e.name for e in BUILTIN.iterdir() if e.name.endswith(".toml")) + sorted(
    f"field/{e.name}" for e in (BUILTIN / "field").iterdir() if e.name.endswith(".toml")
)
SOURCES = {name: BUILTIN.joinpath(*name.split("/")).read_bytes() for name in NAMES}
DATA = {name: tomllib.loads(raw.decode("utf-8")) for name, raw in SOURCES.items()}

# Settings shared by the property tests: a bounded number of examples (raise it
# for a deeper local run with DEALKIT_MUTATION_EXAMPLES=5000), no deadline (a
# hostile example may take longer than the default 200 ms on a busy machine).
MUTATION_SETTINGS = settings(
    max_examples=int(os.environ.get("DEALKIT_MUTATION_EXAMPLES", "120")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

#: Values a mutation puts where any value was.
HOSTILE_VALUES: list[object] = [
    "", " ", "9**9**9 MW", "10**10**10 GW", "__import__('os').system('true') GW", "nan GW", "1e309 MW",
    "-5 GW", "0 GW", "5 GWh", "5 parsec", "NaN USD", "sNaN USD", "-5 USD", "0 USD", "5 usd", "5 XYZ",
    "1e999999999 USD", "\u0661\u0662\u0663 USD", "1_000 USD", "0x10 USD", "2026-02-30", "2026-13", "2026-Q5",
    "20260420", "2026-04-20T10:00", "30 MW .. 50 MW", "50 MW .. 30 MW", "5 GW .. 5 GW", "exact", "range",
    "approximately", "at_most", "preferred", "deprecated", "amazon", "anthropic", "amazon-anthropic-2026",
    "a26-announced", "immediate", "x" * 3000, "\x01", "\u202e", "line\nbreak",
    0, 1, -1, 2, 10**30, 1.5, math.nan, math.inf, True, False,
    [], [""], [1, 2], {}, {"qualifier": "exact"}, {"file": "a.txt", "quote": "q"},
]


def _deep(levels: int) -> object:
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


def _paths(node: object, here: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Every path to a value in parsed data (dict keys and list indices)."""
    out = [here]
    if isinstance(node, dict):
        for key, value in node.items():
            out.extend(_paths(value, (*here, key)))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out.extend(_paths(value, (*here, i)))
    return out


def _get(node: Any, path: tuple[object, ...]) -> Any:
    for step in path:
        node = node[step]
    return node


@st.composite
def mutated_data(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    """A built-in file's data with one to three structural mutations."""
    name = draw(st.sampled_from(NAMES))
    data = copy.deepcopy(DATA[name])
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(data) if p]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, last = _get(data, path[:-1]), path[-1]
        op = draw(st.sampled_from(["replace", "delete", "rename", "duplicate", "wrap", "edit-text", "deep"]))
        if op == "replace":
            parent[last] = copy.deepcopy(draw(st.sampled_from(HOSTILE_VALUES)))
        elif op == "delete":
            del parent[last]
        elif op == "rename" and isinstance(parent, dict):
            new = draw(st.sampled_from([str(last)[:-1], str(last) + "s", str(last).upper(), "", "qualifer", "rnak"]))
            parent[new] = parent.pop(last)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(int(last), copy.deepcopy(parent[last]))  # type: ignore[call-overload]
        elif op == "wrap":
            parent[last] = draw(st.sampled_from([[parent[last]], {"value": parent[last]}]))
        elif op == "edit-text" and isinstance(parent[last], str):
            text = parent[last]
            at = draw(st.integers(0, len(text)))
            parent[last] = text[:at] + draw(st.text(max_size=5)) + text[at + draw(st.integers(0, 3)):]
        elif op == "deep":
            parent[last] = _deep(draw(st.sampled_from([5, 40, 500])))
    return name, data


def _others(name: str) -> list[tuple[str | None, CatalogFile]]:
    return [(f, c) for f, c in builtin_files() if f != f"dealkit/catalog/builtin/{name}"]


def _load_beside_builtin(name: str, raw: bytes, fmt: str) -> Catalog | None:
    """Load the mutated file with the other built-in files; None if it is refused cleanly."""
    try:
        content = structure_catalog(parse_catalog_bytes(raw, name=f"mutated.{fmt}", fmt=fmt), file=f"mutated.{fmt}")
        catalog = Catalog.build([*_others(name), (f"mutated.{fmt}", content)])
    except CatalogError as exc:
        assert exc.problems, "a CatalogError lists at least one problem"
        for problem in exc.problems:
            assert problem.path.startswith("$"), problem
            assert problem.reason, problem
            str(problem)  # the message can always be written
        return None
    except DealkitError:
        return None
    _assert_valid(catalog, content, fmt)
    return catalog


def _assert_valid(catalog: Catalog, content: CatalogFile, fmt: str) -> None:
    # Accepted data is valid data: every deal builds, and the file survives a dump and a reload.
    for deal_id in catalog.deal_ids():
        catalog.deal(deal_id)
    text = dump_catalog(content, fmt=fmt)  # type: ignore[arg-type]
    again = structure_catalog(parse_catalog_bytes(text.encode("utf-8"), name="again", fmt=fmt), file="again")
    assert again == content


def _as_toml(data: dict[str, Any]) -> bytes | None:
    try:
        return tomli_w.dumps(data).encode("utf-8")
    except (TypeError, ValueError, RecursionError):  # a value TOML cannot write: JSON only
        return None


@MUTATION_SETTINGS
@given(mutated_data())
def test_structural_mutations_as_json(mutation: tuple[str, dict[str, Any]]) -> None:
    name, data = mutation
    raw = json.dumps(data, ensure_ascii=False).encode("utf-8")  # NaN and Infinity are written as such
    _load_beside_builtin(name, raw, "json")


@MUTATION_SETTINGS
@given(mutated_data())
def test_structural_mutations_as_toml(mutation: tuple[str, dict[str, Any]]) -> None:
    name, data = mutation
    raw = _as_toml(data)
    if raw is not None:
        _load_beside_builtin(name, raw, "toml")


#: Bytes and text that break syntax when dropped into a file.
_NASTY = st.sampled_from([
    b"", b"\x00", b"\xff", b"\xfe\xff", b"\xc3", b'"', b"'", b'"""', b"[", b"]", b"[[", b"{", b"}", b"=", b"\n",
    b"#", b"\\", b"\\u", b"\\ud800", b"nan", b"inf", b"1e999999999", b"9**9**9", b"-", b".", b",",
    "\u0661".encode(), "\u202e".encode(), b"\r", b"\t", b"a" * 100,
])


@st.composite
def mutated_bytes(draw: st.DrawFn) -> tuple[str, bytes]:
    """A built-in file's bytes with one to three byte-level edits."""
    name = draw(st.sampled_from(NAMES))
    raw = SOURCES[name]
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(raw)))
        op = draw(st.sampled_from(["delete", "insert", "duplicate", "truncate", "flip"]))
        if op == "delete":
            raw = raw[:at] + raw[at + draw(st.integers(1, 40)):]
        elif op == "insert":
            raw = raw[:at] + draw(_NASTY | st.binary(max_size=8)) + raw[at:]
        elif op == "duplicate":
            size = draw(st.integers(1, 200))
            raw = raw[:at] + raw[at:at + size] + raw[at:]
        elif op == "truncate":
            raw = raw[:at]
        elif raw:
            i = min(at, len(raw) - 1)
            raw = raw[:i] + bytes([raw[i] ^ draw(st.sampled_from([1, 2, 4, 8, 16, 32, 64, 128]))]) + raw[i + 1:]
    return name, raw


@MUTATION_SETTINGS
@given(mutated_bytes())
def test_byte_mutations(mutation: tuple[str, bytes]) -> None:
    name, raw = mutation
    _load_beside_builtin(name, raw, "toml")


@pytest.mark.parametrize("name", NAMES)
def test_unmutated_files_load(name: str) -> None:
    # The baseline: each file, rewritten as JSON and as TOML, loads beside the others.
    assert _load_beside_builtin(name, SOURCES[name], "toml") is not None
    assert _load_beside_builtin(name, json.dumps(DATA[name]).encode(), "json") is not None


def test_a_mutation_that_breaks_a_deal_is_refused(tmp_path: Path) -> None:
    # A known-bad mutation, so the property tests above are seen to have teeth.
    data = copy.deepcopy(DATA["10-amazon-anthropic-2026.toml"])
    claim = next(c for c in data["claims"] if c["id"] == "a26-announced")
    claim["value"] = "2026-02-30"
    raw = json.dumps(data).encode()
    with pytest.raises(CatalogError) as info:
        structure_catalog(parse_catalog_bytes(raw, name="m.json", fmt="json"), file="m.json")
    index = data["claims"].index(claim)
    assert [p.path for p in info.value.problems] == [f"$.claims[{index}].value"]
