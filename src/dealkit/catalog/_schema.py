"""The JSON Schema (draft 2020-12) of the catalog file format, generated from the models.

Each table of a catalog file is an attrs class (``CatalogFile``, ``Party``,
``DealShape``, ``Claim``, ...).  The schema is derived from their fields: the
type annotations give the JSON types (``str``, ``int``, ``tuple[X, ...]``,
``Literal``, enums, ``X | None``), a field without a default is required,
unknown keys are refused (as the loader does), and the shared validators give
the string constraints (the id pattern, the free-text length).  A claim's
``value`` is an :class:`~dealkit.Estimate`, which a file spells as the keys
``qualifier``, ``value`` and optionally ``low``/``high``; the canonical text of
each figure kind becomes a pattern chosen by ``kind``.

The schema checks the shape of one file; what spans files (references
between ids, a deal's invariants) only :func:`~dealkit.load_catalog` checks.

>>> schema = catalog_schema()
>>> schema["$schema"]
'https://json-schema.org/draft/2020-12/schema'
>>> sorted(schema["properties"])
['claims', 'conflicts', 'deals', 'format', 'parties']
>>> schema["$defs"]["Party"]["required"]
['id', 'name']
"""

from __future__ import annotations

import enum
import inspect
import json
import types
import typing
from typing import Any, Final, Literal, get_args, get_origin

import attrs

from .._model import DERIVATION_RULES, Claim, Matches, OneOf, OneOfFields, Rank, Requires, Text, TupleOf
from .._typing import JSONValue
from .._values import FIGURE_KINDS, Estimate, PartialDate, Qualifier, value_pattern
from ._read import MAX_ITEMS
from ._shapes import FORMAT_VERSION, CatalogFile

__all__ = ["SCHEMA_DIALECT", "SCHEMA_ID", "catalog_schema", "catalog_schema_json"]

#: The JSON Schema dialect of the catalog schema (draft 2020-12).
SCHEMA_DIALECT: Final = "https://json-schema.org/draft/2020-12/schema"
#: The schema's identifier (a name, not a location to fetch).
SCHEMA_ID: Final = f"urn:dealkit:catalog-format:{FORMAT_VERSION}"


def _anchored(pattern: str) -> str:
    return f"^(?:{pattern})$"


def _string_rules(validator: object) -> dict[str, Any]:
    """What a model's validator object requires of a string field, as JSON Schema."""
    if isinstance(validator, Matches):
        return {"pattern": _anchored(validator.pattern.pattern)}
    if isinstance(validator, Text):
        return {"maxLength": validator.max_length, "pattern": validator.pattern}
    if isinstance(validator, OneOf):
        return {"enum": list(validator.allowed)}
    return {}


def _field_validators(field: attrs.Attribute[Any]) -> list[Any]:
    """The plain validators of a field: ``optional(v)`` and ``and_(a, b)`` are opened."""
    out: list[Any] = []
    todo = [field.validator]
    while todo:
        v = todo.pop()
        if v is None:
            continue
        inner = getattr(v, "validator", None)
        group = getattr(v, "_validators", None)
        if inner is not None:
            todo.append(inner)
        elif isinstance(group, tuple):
            todo.extend(group)
        else:
            out.append(v)
    return out


class _Builder:
    def __init__(self) -> None:
        self.defs: dict[str, dict[str, Any]] = {}

    def ref(self, cls: type) -> dict[str, Any]:
        name = cls.__name__
        if name not in self.defs:
            self.defs[name] = {}  # placeholder: breaks cycles
            self.defs[name] = self.object_schema(cls)
        return {"$ref": f"#/$defs/{name}"}

    def object_schema(self, cls: type) -> dict[str, Any]:
        hints = _field_types(cls)
        properties: dict[str, Any] = {}
        required: list[str] = []
        joint: list[dict[str, Any]] = []
        for field in attrs.fields(cls):
            if field.name.startswith("_"):
                continue
            annotation = hints[field.name]
            if get_origin(annotation) is Estimate:
                # A file spells an estimate as its own keys beside the others.
                properties.update(self.estimate_keys())
                required += ["value", "qualifier"]
                continue
            prop = self.type_schema(annotation, field)
            for v in _field_validators(field):
                if isinstance(v, TupleOf) and v.min_items:
                    prop = {**prop, "minItems": v.min_items}
                elif isinstance(v, OneOfFields):
                    joint.append({"oneOf": [_given(n, hints[n]) for n in v.names]})
                elif isinstance(v, Requires):
                    joint.append({"if": _given(field.name, annotation), "then": _given(v.other, hints[v.other])})
            if field.metadata.get("description"):
                prop = {**prop, "description": field.metadata["description"]}
            if field.default is attrs.NOTHING:
                required.append(field.name)
            elif (default := _json_default(field.default)) is not None:
                prop = {**prop, "default": default}
            properties[field.name] = prop
        out: dict[str, Any] = {
            "type": "object",
            "title": cls.__name__,
            "description": (inspect.getdoc(cls) or "").split("\n\n")[0],
            "properties": properties,
            "additionalProperties": False,
        }
        if required:
            out["required"] = required
        if joint:
            out["allOf"] = joint
        if cls is Claim:
            out["allOf"] = [*out.get("allOf", []), *_claim_value_rules()]
            # A claim needs at least one source (Claim.__attrs_post_init__).
            properties["sources"] = {**properties["sources"], "minItems": 1}
        return out

    def estimate_keys(self) -> dict[str, Any]:
        # Estimate's own fields, as a file writes them: the qualifier, and text for the figures.
        hints = _field_types(Estimate)
        out: dict[str, Any] = {
            "qualifier": self.type_schema(hints["qualifier"], None),
            "value": {"type": "string", "description": "The figure in canonical text; a range is 'low .. high'."},
        }
        for bound in ("low", "high"):
            out[bound] = {"type": "string", "description": f"The {bound} bound of an approximate figure."}
        return out

    def type_schema(self, t: Any, field: attrs.Attribute[Any] | None) -> dict[str, Any]:
        origin, args = get_origin(t), get_args(t)
        if origin in (types.UnionType, typing.Union):
            rest = [a for a in args if a is not type(None)]
            inner = self.type_schema(rest[0], field) if len(rest) == 1 else {
                "anyOf": [self.type_schema(a, field) for a in rest]
            }
            return {"anyOf": [inner, {"type": "null"}]} if len(rest) < len(args) else inner
        if origin is Literal:
            return {"enum": list(args)}
        if origin is tuple:
            return {"type": "array", "maxItems": MAX_ITEMS, "items": self.type_schema(args[0], None)}
        if isinstance(t, type) and issubclass(t, enum.Enum):
            return {"enum": [m.value for m in t]}
        if t is str:
            rules: dict[str, Any] = {"type": "string"}
            for v in _field_validators(field) if field is not None else []:
                rules.update(_string_rules(v))
            return rules
        if t is bool:
            return {"type": "boolean"}
        if t is int:
            return {"type": "integer"}
        if t is PartialDate:
            return {"type": "string", "pattern": _anchored(value_pattern("date"))}
        if isinstance(t, type) and attrs.has(t):
            return self.ref(t)
        raise TypeError(f"no JSON Schema for {t!r}")


def _given(name: str, annotation: Any) -> dict[str, Any]:
    """The schema of "the table gives field ``name``": the key is there, not null, and (a list) not empty."""
    if get_origin(annotation) is tuple:
        return {"required": [name], "properties": {name: {"minItems": 1}}}
    return {"required": [name], "properties": {name: {"not": {"type": "null"}}}}


def _field_types(cls: type) -> dict[str, Any]:
    """The resolved type of each field of an attrs class (resolved where the class is defined)."""
    return {f.name: f.type for f in attrs.fields(attrs.resolve_types(cls))}


def _json_default(value: object) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, (str, int)) and not isinstance(value, bool) and value != "":
        return value
    return None


def _claim_value_rules() -> list[dict[str, Any]]:
    """The rules of a claim that join its keys, as the loader applies them.

    Per kind, the canonical text of ``value`` (one figure, or ``low .. high`` for a
    range; never negative money); ``low`` and ``high`` only beside an approximate
    figure; no approximate date; a deprecated claim says why in ``note``.
    """
    rules: list[dict[str, Any]] = []
    for kind in FIGURE_KINDS:
        one = value_pattern(kind, negative=False)
        rules.append({
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": {"properties": {
                "value": {"pattern": f"^(?:{one})(?: \\.\\. (?:{one}))?$"},
                "low": {"pattern": _anchored(one)},
                "high": {"pattern": _anchored(one)},
            }},
        })
    rules.append({
        "if": {"properties": {"qualifier": {"const": Qualifier.RANGE.value}}, "required": ["qualifier"]},
        "then": {"properties": {"value": {"pattern": " \\.\\. "}}},
        "else": {"properties": {"value": {"not": {"pattern": " \\.\\. "}}}},
    })
    rules.append({
        "if": {"not": {"properties": {"qualifier": {"const": Qualifier.APPROXIMATELY.value}}, "required": ["qualifier"]}},
        "then": {"not": {"anyOf": [{"required": ["low"]}, {"required": ["high"]}]}},
    })
    rules.append({
        "if": {"properties": {"kind": {"const": "date"}}, "required": ["kind"]},
        "then": {"properties": {"qualifier": {"not": {"const": Qualifier.APPROXIMATELY.value}}}},
    })
    for rule, (_words, qualifiers) in DERIVATION_RULES.items():
        # A derived claim carries a qualifier its rule supports.
        rules.append({
            "if": {"properties": {"derived": {"type": "object", "properties": {"rule": {"const": rule}},
                                              "required": ["rule"]}},
                   "required": ["derived"]},
            "then": {"properties": {"qualifier": {"enum": [q.value for q in qualifiers]}}},
        })
    rules.append({
        "if": {"properties": {"rank": {"const": Rank.DEPRECATED.value}}, "required": ["rank"]},
        "then": {"required": ["note"], "properties": {"note": {"pattern": "\\S"}}},
    })
    return rules


def catalog_schema() -> dict[str, JSONValue]:
    """The JSON Schema of one catalog file (TOML or JSON), as a dict.

    Point an editor at it for completion and checks as you type; validate
    a parsed file with any draft 2020-12 validator (``jsonschema``).

    .. versionadded:: 0.1
    """
    builder = _Builder()
    root = builder.object_schema(CatalogFile)
    root["properties"]["format"] = {**root["properties"]["format"], "const": FORMAT_VERSION}
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        **{k: v for k, v in root.items() if k != "title"},
        "title": "dealkit catalog file",
        "$defs": dict(sorted(builder.defs.items())),
    }


def catalog_schema_json() -> str:
    """:func:`catalog_schema` as indented JSON text (what ``dealkit schema`` prints).

    .. versionadded:: 0.1
    """
    return json.dumps(catalog_schema(), indent=2, ensure_ascii=False) + "\n"
