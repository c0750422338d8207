"""Plain data to dealkit types and back, strictly.

:func:`structure` is the way in for data from outside (a parsed JSON or TOML
document, a dict built by hand): unknown keys, missing keys, wrong types and
non-canonical values are refused together, as one :class:`~dealkit.CatalogError`
whose ``problems`` give the field path of each.  ``converter`` is the cattrs
converter underneath (a :class:`DealkitConverter`); its ``structure`` raises
dealkit's errors too, never cattrs' grouped errors or a bare ``KeyError``.
:func:`dumps` and :func:`loads` are the same as JSON: compact UTF-8 bytes,
written by orjson with the ``fast`` extra and by the standard library without
it, byte for byte the same.

>>> from dealkit import Power, Source
>>> from dealkit.serialization import structure, unstructure
>>> structure("5 GW", Power)
Power('5', 'GW')
>>> unstructure(Source("002_71c77df9dbb0c619.txt", "up to $25 billion"))
{'file': '002_71c77df9dbb0c619.txt', 'quote': 'up to $25 billion'}
>>> from dealkit.serialization import dumps, loads
>>> dumps([Power(5, "GW")])
b'["5 GW"]'
>>> loads(b'["5 GW"]', list[Power])
[Power('5', 'GW')]
>>> structure({"file": "a.txt", "qoute": "x"}, Source)
Traceback (most recent call last):
...
dealkit.CatalogError: 2 problems:
  $.quote: required key is missing
  $.qoute: unknown key (a typo?)

.. versionadded:: 0.1.0
"""

from __future__ import annotations

from .._public import publish
from .._values import canonical_text, parse_canonical
from ._converter import (
    Convertible,
    DealkitConverter,
    configure_converter,
    converter,
    dumps,
    loads,
    make_converter,
    problems_from,
    structure,
    unstructure,
)
from ._rows import (
    CLAIM_COLUMNS,
    DEAL_COLUMNS,
    PRECISION,
    SCALE,
    ColumnType,
    PlainValue,
    claim_rows,
    deal_rows,
    plain_row,
    plain_value,
)

__all__ = [
    "CLAIM_COLUMNS",
    "ColumnType",
    "Convertible",
    "DEAL_COLUMNS",
    "DealkitConverter",
    "PRECISION",
    "PlainValue",
    "SCALE",
    "canonical_text",
    "claim_rows",
    "configure_converter",
    "converter",
    "deal_rows",
    "dumps",
    "loads",
    "make_converter",
    "parse_canonical",
    "plain_row",
    "plain_value",
    "problems_from",
    "structure",
    "unstructure",
]

publish(__name__, __all__, globals())
