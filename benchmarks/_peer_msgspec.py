"""The benchmark's deal model in msgspec Structs, parsing figures in ``__post_init__``."""

import re
from typing import Literal

import msgspec

from _peers import _FILE, _ID, Qualifier, date, duration, estimate, quote, text

class Estimate(msgspec.Struct, forbid_unknown_fields=True, frozen=True, omit_defaults=True):
    qualifier: Qualifier
    value: str
    low: str | None = None
    high: str | None = None

def check(kind: str, e: Estimate | None) -> None:
    if e is not None:
        estimate(kind, {k: v for k, v in msgspec.structs.asdict(e).items() if v is not None})

class Source(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    file: str
    quote: str

    def __post_init__(self) -> None:
        if _FILE_RE.fullmatch(self.file) is None:
            raise ValueError(f"not a source file name: {self.file!r}")
        quote(self.quote)

class Tranche(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    kind: Literal["immediate", "milestone_linked"]
    amount: Estimate
    date: str | None = None
    condition: str = ""
    name: str = ""
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        check("money", self.amount)
        text(self.condition)
        _ids(self.name)

class ComputeCommitment(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    name: str
    capacity: Estimate
    provider: str
    recipient: str
    chips: tuple[str, ...] = ()
    by: Estimate | None = None
    description: str = ""
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        check("power", self.capacity)
        check("date", self.by)
        _ids(self.name, self.provider, self.recipient)
        text(self.description)

class SpendCommitment(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    name: str
    payer: str
    payee: str
    amount: Estimate
    term: str | None = None
    covers: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        check("money", self.amount)
        _ids(self.name, self.payer, self.payee)
        if self.term is not None:
            duration(self.term)

class Milestone(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    name: str
    description: str
    date: Estimate
    capacity: Estimate | None = None
    chips: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        check("date", self.date)
        check("power", self.capacity)
        _ids(self.name)
        text(self.description)

class Investor(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    party: str
    investee: str
    amount: Estimate | None = None
    tranches: tuple[Tranche, ...] = ()
    role: Literal["lead", "co_investor", "member"] = "member"
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        _ids(self.party, self.investee)
        check("money", self.amount)
        if self.party == self.investee:
            raise ValueError("investor and investee must differ")

class DealRelation(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    kind: Literal["follows", "extends", "amends"]
    deal: str
    sources: tuple[Source, ...] = ()
    note: str = ""

    def __post_init__(self) -> None:
        _ids(self.deal)
        text(self.note)

class Deal(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    id: str
    title: str
    announced: str
    investors: tuple[Investor, ...]
    investment: Estimate | None = None
    valuation: Estimate | None = None
    compute: tuple[ComputeCommitment, ...] = ()
    spend: tuple[SpendCommitment, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    summary: str = ""
    relations: tuple[DealRelation, ...] = ()
    sources: tuple[Source, ...] = ()

    def __post_init__(self) -> None:
        _ids(self.id)
        text(self.title)
        text(self.summary)
        date(self.announced)
        check("money", self.investment)
        check("money", self.valuation)
        if not self.investors:
            raise ValueError("a deal needs at least one investor")



_ID_RE = re.compile(_ID)
_FILE_RE = re.compile(_FILE)


def _ids(*values: str) -> None:
    for v in values:
        if _ID_RE.match(v) is None:
            raise ValueError(f"not an id: {v!r}")


DEALS = list[Deal]
