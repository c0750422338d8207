"""The benchmark's deal model in pydantic v2 (module level, so annotations resolve)."""

from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    StringConstraints,
    TypeAdapter,
    model_serializer,
    model_validator,
)

from _peers import _FILE, _ID, Qualifier, date, duration, estimate, quote, text


def _positive(e: Any) -> Any:
    return e


def _duration(value: str) -> str:
    duration(value)
    return value


Id = Annotated[str, StringConstraints(pattern=_ID)]
Text = Annotated[str, AfterValidator(text)]
config = ConfigDict(extra="forbid", frozen=True)

class _Estimate(BaseModel):
    model_config = config
    qualifier: Qualifier
    value: str
    low: Any = None
    high: Any = None
    KIND: ClassVar[str] = "money"

    @model_validator(mode="before")
    @classmethod
    def _parse(cls, data: Any) -> Any:
        q, lo, hi, value = estimate(cls.KIND, data)
        return {"qualifier": q, "value": value, "low": lo, "high": hi}

    @model_serializer
    def _dump(self) -> dict[str, str]:
        return {"qualifier": self.qualifier, "value": self.value}

class MoneyEstimate(_Estimate):
    KIND = "money"

class PowerEstimate(_Estimate):
    KIND = "power"

class DateEstimate(_Estimate):
    KIND = "date"

Money = Annotated[MoneyEstimate, AfterValidator(_positive)]
Date = Annotated[str, AfterValidator(date)]

Quote = Annotated[str, AfterValidator(quote)]


class Source(BaseModel):
    model_config = config
    file: Annotated[str, StringConstraints(pattern=f"^{_FILE}$")]
    quote: Quote

class Tranche(BaseModel):
    model_config = config
    kind: Literal["immediate", "milestone_linked"]
    amount: Money
    date: Date | None = None
    condition: Text = ""
    name: Id = ""
    sources: tuple[Source, ...] = ()

class ComputeCommitment(BaseModel):
    model_config = config
    name: Id
    capacity: PowerEstimate
    provider: Id
    recipient: Id
    chips: tuple[Text, ...] = ()
    by: DateEstimate | None = None
    description: Text = ""
    sources: tuple[Source, ...] = ()

class SpendCommitment(BaseModel):
    model_config = config
    name: Id
    payer: Id
    payee: Id
    amount: Money
    term: Annotated[str, AfterValidator(_duration)] | None = None
    covers: tuple[Text, ...] = ()
    sources: tuple[Source, ...] = ()

class Milestone(BaseModel):
    model_config = config
    name: Id
    description: Text
    date: DateEstimate
    capacity: PowerEstimate | None = None
    chips: tuple[Text, ...] = ()
    sources: tuple[Source, ...] = ()

class Investor(BaseModel):
    model_config = config
    party: Id
    investee: Id
    amount: Money | None = None
    tranches: tuple[Tranche, ...] = ()
    role: Literal["lead", "co_investor", "member"] = "member"
    sources: tuple[Source, ...] = ()

    @model_validator(mode="after")
    def _invariants(self) -> "Investor":
        if self.party == self.investee:
            raise ValueError("investor and investee must differ")
        if self.tranches and self.amount is not None and self.amount.high is not None:
            total = sum(t.amount.low[0] for t in self.tranches)  # exact tranches
            if self.amount.high[0] < total:
                raise ValueError("tranches exceed the investment")
        return self

class DealRelation(BaseModel):
    model_config = config
    kind: Literal["follows", "extends", "amends"]
    deal: Id
    sources: tuple[Source, ...] = ()
    note: Text = ""

class Deal(BaseModel):
    model_config = config
    id: Id
    title: Text
    announced: Date
    investors: tuple[Investor, ...]
    investment: Money | None = None
    valuation: Money | None = None
    compute: tuple[ComputeCommitment, ...] = ()
    spend: tuple[SpendCommitment, ...] = ()
    milestones: tuple[Milestone, ...] = ()
    summary: Text = ""
    relations: tuple[DealRelation, ...] = ()
    sources: tuple[Source, ...] = ()

    @model_validator(mode="after")
    def _invariants(self) -> "Deal":
        if not self.investors:
            raise ValueError("a deal needs at least one investor")
        names = [c.name for c in self.compute]
        if len(set(names)) != len(names):
            raise ValueError("duplicate name")
        tranches = [t for i in self.investors for t in i.tranches]
        if tranches and self.investment is not None:
            total = sum(t.amount.low[0] for t in tranches)  # exact tranches
            if self.investment.high is not None and self.investment.high[0] < total:
                raise ValueError("tranches exceed the investment")
        return self



DEALS: TypeAdapter[list[Deal]] = TypeAdapter(list[Deal])


class ShapeDeal(BaseModel):
    """The same shape with figures left as text: what pydantic costs without parsing them."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    id: Annotated[str, StringConstraints(pattern=_ID)]
    title: str
    announced: str
    investors: tuple[dict[str, Any], ...]
    investment: dict[str, str] | None = None
    valuation: dict[str, str] | None = None
    compute: tuple[dict[str, Any], ...] = ()
    spend: tuple[dict[str, Any], ...] = ()
    milestones: tuple[dict[str, Any], ...] = ()
    summary: str = ""
    relations: tuple[dict[str, Any], ...] = ()
    sources: tuple[dict[str, str], ...] = ()


SHAPE_DEALS: TypeAdapter[list[ShapeDeal]] = TypeAdapter(list[ShapeDeal])
