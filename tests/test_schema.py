"""The JSON Schema of the catalog file format: valid draft 2020-12, true to the models and the loader."""

from __future__ import annotations

import copy
import json
import tomllib
from importlib import resources

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings

import dealkit
from dealkit import CatalogError
from dealkit.catalog import DealShape, structure_catalog
from dealkit.cli._app import main
from tests.catalog_fixtures import MINIMAL, invalid_catalogs, valid_catalogs
from tests.test_serialization import claims

SCHEMA = dealkit.catalog.catalog_schema()
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

def _builtin_files():
    # Both parts: the seed part's files at the root, the field part's in field/.
    root = resources.files("dealkit.catalog") / "builtin"
    seed = sorted((e for e in root.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    field = sorted((e for e in (root / "field").iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    return seed + field


class TestSchemaItself:
    def test_is_a_valid_draft_2020_12_schema(self):
        assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        jsonschema.Draft202012Validator.check_schema(SCHEMA)

    def test_is_json(self):
        assert json.loads(json.dumps(SCHEMA)) == SCHEMA

    def test_required_keys_follow_the_models(self):
        assert SCHEMA["$defs"]["Party"]["required"] == ["id", "name"]
        assert SCHEMA["$defs"]["DealShape"]["required"] == ["id", "title", "investee"]
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
        assert len(_builtin_files()) >= 2 + 20  # the seed part's and the field part's

    def test_a_minimal_user_file_validates_and_loads(self):
        VALIDATOR.validate(MINIMAL)
        structure_catalog(copy.deepcopy(MINIMAL))


def _loader_accepts(data: object) -> bool:
    try:
        structure_catalog(copy.deepcopy(data))
    except CatalogError:
        return False
    return True


VALID = valid_catalogs()
INVALID = invalid_catalogs()


class TestSchemaAgreesWithLoader:
    """The schema accepts a file exactly when the loader does (what one file can say on its own)."""

    @pytest.mark.parametrize("name", sorted(VALID))
    def test_every_valid_fixture(self, name):
        data = VALID[name]
        assert _loader_accepts(data), name
        assert VALIDATOR.is_valid(data), [e.message[:200] for e in VALIDATOR.iter_errors(data)]

    @pytest.mark.parametrize("name", sorted(INVALID))
    def test_every_invalid_fixture(self, name):
        data = INVALID[name]
        assert not _loader_accepts(data), name
        assert not VALIDATOR.is_valid(data), name

    def test_there_are_fixtures_of_each_sort(self):
        assert len(VALID) >= 10 and len(INVALID) >= 100

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(claims())
    def test_every_claim_the_converter_writes(self, claim):
        data = {"format": 1, "claims": [dealkit.converter.unstructure(claim, dealkit.Claim)]}
        assert VALIDATOR.is_valid(data), [e.message[:200] for e in VALIDATOR.iter_errors(data)]


class TestSchemaCommand:
    def test_prints_the_schema(self, capsys):
        assert main(["schema"]) == 0
        assert json.loads(capsys.readouterr().out) == SCHEMA

    def test_writes_a_file(self, tmp_path):
        path = tmp_path / "catalog.schema.json"
        assert main(["schema", "-o", str(path)]) == 0
        assert json.loads(path.read_text(encoding="utf-8"))["$id"] == SCHEMA["$id"]
