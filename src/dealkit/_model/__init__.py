"""The domain model: parties, deals and their parts, sourced claims, and the validators they share.

It imports only from the value layer.  ``__all__`` lists what the
layers above may use; what users get of it is what ``dealkit/__init__.pyi`` re-exports.
"""

from __future__ import annotations

from .._public import publish
from .claim import (
    FILE_RE,
    MAX_QUOTE_WORDS,
    PROPERTY_RE,
    Claim,
    Rank,
    Source,
    check_file,
    check_property,
    check_quote,
)
from .deal import (
    DEAL_RULES,
    TRANCHE_KINDS,
    ComputeCommitment,
    Deal,
    DealRule,
    Milestone,
    SpendCommitment,
    Tranche,
    sum_estimates,
    validate_deal,
)
from .party import PARTY_KINDS, Party, PartyKind
from .properties import (
    DEAL_PROPERTIES,
    PropertySpec,
    Section,
    parse_property,
    property_name,
    section_properties,
)
from .validators import (
    ID_RE,
    MAX_FREE_TEXT,
    EstimateOf,
    InstanceOf,
    Matches,
    OneOf,
    Text,
    TupleOf,
    check_id,
    check_text,
    check_tuple_of,
    estimate_of,
    instance_of,
    one_of,
    optional_instance_of,
)

__all__ = [
    "Claim",
    "ComputeCommitment",
    "DEAL_PROPERTIES",
    "DEAL_RULES",
    "Deal",
    "DealRule",
    "EstimateOf",
    "FILE_RE",
    "ID_RE",
    "InstanceOf",
    "MAX_FREE_TEXT",
    "MAX_QUOTE_WORDS",
    "Matches",
    "Milestone",
    "OneOf",
    "PARTY_KINDS",
    "PROPERTY_RE",
    "Party",
    "PartyKind",
    "PropertySpec",
    "Rank",
    "Section",
    "Source",
    "SpendCommitment",
    "TRANCHE_KINDS",
    "Text",
    "Tranche",
    "TupleOf",
    "check_file",
    "check_id",
    "check_property",
    "check_quote",
    "check_text",
    "check_tuple_of",
    "estimate_of",
    "instance_of",
    "one_of",
    "optional_instance_of",
    "parse_property",
    "property_name",
    "section_properties",
    "sum_estimates",
    "validate_deal",
]

publish(__name__, __all__, globals())
