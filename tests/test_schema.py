"""The JSON Schema of the catalog file format: valid draft 2020-12, true to the models and the loader."""

from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources

import attrs
import jsonschema
import pytest

import dealkit
from dealkit import CatalogError
from dealkit.catalog import DealShape, structure_catalog
from dealkit.cli._app import main

SCHEMA = dealkit.catalog.catalog_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

MINIMAL = {
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


def _builtin_files():
    root = resources.files("dealkit.catalog") / "builtin"
    return sorted((e for e in root.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)


class TestSchemaItself:
    def test_is_a_valid_draft_2020_12_schema(self):
        assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def test_is_json(self):
        assert json.loads(json.dumps(SCHEMA)) == SCHEMA

    def test_required_keys_follow_the_models(self):
        assert SCHEMA["$defs"]["Party"]["required"] == ["id", "name"]
        assert SCHEMA["$defs"]["DealShape"]["required"] == ["id", "title", "investor", "investee"]
        assert set(SCHEMA["$defs"]["Claim"]["required"]) == {
            "id", "subject", "property", "kind", "value", "qualifier", "sources"
        }

    def test_every_model_field_is_a_property(self):
        assert set(SCHEMA["$defs"]["DealShape"]["properties"]) == {f.name for f in attrs.fields(DealShape)}

    def test_enums_come_from_the_types(self):
        claim = SCHEMA["$defs"]["Claim"]["properties"]
        assert claim["rank"]["enum"] == ["preferred", "normal", "deprecated"]
        assert claim["qualifier"]["enum"] == ["exact", "at_most", "at_least", "approximately", "range"]
        assert SCHEMA["$defs"]["TrancheShape"]["properties"]["kind"]["enum"] == ["immediate", "milestone_linked"]


class TestBuiltinFiles:
    @pytest.mark.parametrize("entry", _builtin_files(), ids=lambda e: e.name)
    def test_every_builtin_file_validates(self, entry):
        data = tomllib.loads(entry.read_text(encoding="utf-8"))
        errors = [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(data)]
        assert errors == []

    def test_there_are_builtin_files(self):
        assert len(_builtin_files()) >= 2

    def test_a_minimal_user_file_validates_and_loads(self):
        VALIDATOR.validate(MINIMAL)
        structure_catalog(copy.deepcopy(MINIMAL))


def _broken(path, value):
    data = copy.deepcopy(MINIMAL)
    *head, last = path
    node = data
    for key in head:
        node = node[key]
    if value is KeyError:
        del node[last]
    else:
        node[last] = value
    return data


BROKEN = {
    "unknown top-level key": (("dealz",), []),
    "unknown key in a deal": (("deals", 0, "investorr"), "acme"),
    "id with capitals": (("deals", 0, "id"), "Acme-Lab"),
    "claim without sources": (("claims", 0, "sources"), KeyError),
    "money not canonical": (("claims", 1, "value"), "$2B"),
    "range with one value": (("claims", 3, "value"), "30 MW"),
    "unknown qualifier": (("claims", 1, "qualifier"), "roughly"),
    "future format": (("format",), 2),
    "number where text belongs": (("parties", 0, "name"), 5),
    "quarter written loosely": (("claims", 0, "value"), "Q2 2027"),
}


class TestSchemaAgreesWithLoader:
    @pytest.mark.parametrize("case", sorted(BROKEN))
    def test_both_reject(self, case):
        path, value = BROKEN[case]
        data = _broken(path, value)
        assert not VALIDATOR.is_valid(data), case
        with pytest.raises(CatalogError):
            structure_catalog(data)


def test_schema_rejects_an_unknown_tranche_kind():
    assert not VALIDATOR.is_valid(_broken(("deals", 0, "tranches", 0, "kind"), "later"))


class TestSchemaCommand:
    def test_prints_the_schema(self, capsys):
        assert main(["schema"]) == 0
        assert json.loads(capsys.readouterr().out) == SCHEMA

    def test_writes_a_file(self, tmp_path):
        path = tmp_path / "catalog.schema.json"
        assert main(["schema", "-o", str(path)]) == 0
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == SCHEMA["$id"]
