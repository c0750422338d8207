"""The sourced catalog: reading, checking and assembling catalog files, querying, writing, and its JSON Schema.

>>> from dealkit.catalog import builtin_catalog
>>> str(builtin_catalog().deal("amazon-anthropic-2026").investment)
'up to 25000000000 USD'
"""

from __future__ import annotations

from .._public import publish
from ._assemble import Assembly, assemble, best_claims, build_deal
from ._catalog import Catalog, builtin_catalog, load_catalog
from ._dump import catalog_to_data, dump_catalog
from ._read import (
    BUILTIN_PARTS,
    MAX_FILE_BYTES,
    MAX_ITEMS,
    MAX_NESTING,
    MAX_PROBLEMS,
    USER_PART,
    builtin_dir,
    builtin_files,
    builtin_parts,
    catalog_paths,
    parse_catalog_bytes,
    read_catalog_file,
    read_catalog_files,
    structure_catalog,
)
from ._schema import SCHEMA_DIALECT, SCHEMA_ID, catalog_schema, catalog_schema_json
from ._sources import MAX_ARTICLE_BYTES, normalize_quote, unchecked_sources, verify_sources
from ._shapes import (
    FORMAT_VERSION,
    CatalogFile,
    ComputeShape,
    DealShape,
    InvestorShape,
    MilestoneShape,
    SpendShape,
    TrancheShape,
)

__all__ = [
    "Assembly",
    "BUILTIN_PARTS",
    "Catalog",
    "CatalogFile",
    "ComputeShape",
    "DealShape",
    "FORMAT_VERSION",
    "InvestorShape",
    "MAX_ARTICLE_BYTES",
    "MAX_FILE_BYTES",
    "MAX_ITEMS",
    "MAX_NESTING",
    "MAX_PROBLEMS",
    "MilestoneShape",
    "SCHEMA_DIALECT",
    "SCHEMA_ID",
    "SpendShape",
    "TrancheShape",
    "USER_PART",
    "assemble",
    "best_claims",
    "build_deal",
    "builtin_catalog",
    "builtin_dir",
    "builtin_files",
    "builtin_parts",
    "catalog_paths",
    "catalog_schema",
    "catalog_schema_json",
    "catalog_to_data",
    "dump_catalog",
    "load_catalog",
    "normalize_quote",
    "parse_catalog_bytes",
    "read_catalog_file",
    "read_catalog_files",
    "structure_catalog",
    "unchecked_sources",
    "verify_sources",
]

publish(__name__, __all__, globals())
