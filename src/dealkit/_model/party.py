"""``Party``: a company or organisation that takes part in deals."""

from __future__ import annotations

from typing import Final, Literal, TypeAlias, final

import attrs

from .validators import check_id, check_text, one_of

__all__ = ["Party", "PartyKind"]

#: An organisation, or a reference yardstick the articles compare with.
PartyKind: TypeAlias = Literal["organisation", "reference"]
PARTY_KINDS: Final[tuple[PartyKind, ...]] = ("organisation", "reference")


@final
@attrs.frozen
class Party:
    """A company or organisation, e.g. Amazon, or AWS with ``parent="amazon"``.

    ``kind="reference"`` marks a yardstick the articles compare with (a typical
    training cluster) rather than an organisation.

    >>> Party("aws", "Amazon Web Services", parent="amazon").parent
    'amazon'
    """

    id: str = attrs.field(validator=check_id)
    name: str = attrs.field(validator=check_text)
    parent: str | None = attrs.field(default=None, validator=attrs.validators.optional(check_id))
    kind: PartyKind = attrs.field(default="organisation", validator=one_of(*PARTY_KINDS))
