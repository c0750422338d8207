"""Parties, deals and their parts, claims and sources: constructors (with the plain-value forms) and accessors."""

from __future__ import annotations

from decimal import Decimal
from typing import assert_type

import dealkit
from dealkit import (
    Claim,
    ComputeCommitment,
    CurrencyAmount,
    Deal,
    DealRelation,
    Derivation,
    Duration,
    Energy,
    Estimate,
    FigureKind,
    Investor,
    InvestorRole,
    JSONValue,
    Milestone,
    PartialDate,
    Rate,
    Party,
    PartyKind,
    Power,
    Qualifier,
    Rank,
    RelationKind,
    Source,
    SpendCommitment,
    Tranche,
    TrancheKind,
)
from dealkit.serialization import unstructure
from pint_values import gigawatts, years

money = CurrencyAmount.parse("$5B")
announced = PartialDate.parse("2026-04-20")

party = Party("acme", "Acme Compute")
assert_type(party.id, str)
assert_type(party.name, str)
assert_type(party.parent, str | None)
assert_type(party.kind, PartyKind)

# an estimate where one is meant, or a plain value for an exact one
tranche = Tranche("immediate", money)
assert_type(Tranche("milestone_linked", Estimate.at_most(money), announced, "milestones"), Tranche)
assert_type(tranche.kind, TrancheKind)
assert_type(tranche.amount, Estimate[CurrencyAmount])
assert_type(tranche.date, PartialDate | None)
assert_type(tranche.condition, str)
assert_type(tranche.is_immediate, bool)
assert_type(tranche.is_milestone_linked, bool)

compute = ComputeCommitment("new", Power(1, "GW"), provider="acme", recipient="anthropic")
assert_type(ComputeCommitment("q", gigawatts, provider="a", recipient="b"), ComputeCommitment)
assert_type(ComputeCommitment("e", Estimate.at_most(Power(5)), "a", "b", ("trn2",), announced), ComputeCommitment)
assert_type(compute.capacity, Estimate[Power])
assert_type(compute.by, Estimate[PartialDate] | None)
assert_type(compute.chips, tuple[str, ...])
assert_type(compute.provider, str)

spend = SpendCommitment("aws", "anthropic", "acme", money, Duration(10))
assert_type(SpendCommitment("s", "a", "b", Estimate.at_least(money), years), SpendCommitment)
assert_type(spend.amount, Estimate[CurrencyAmount])
assert_type(spend.term, Duration | None)
assert_type(spend.covers, tuple[str, ...])
assert_type(spend.per_year(), Estimate[CurrencyAmount])

milestone = Milestone("online", "Chips online", PartialDate.parse("2026-Q2"), gigawatts)
assert_type(Milestone("m", "m", Estimate.at_most(announced), Estimate.at_most(Power(1))), Milestone)
assert_type(milestone.date, Estimate[PartialDate])
assert_type(milestone.capacity, Estimate[Power] | None)

deal = Deal.single(
    "acme-anthropic-2027", "Acme backs Anthropic", announced, "acme", "anthropic",
    investment=money, tranches=(tranche,), compute=(compute,), spend=(spend,), milestones=(milestone,),
)
assert_type(deal, Deal)
assert_type(Deal.single("a-b", "A backs B", announced, "a", "b", investment=CurrencyAmount.parse("$1B")), Deal)
assert_type(Deal.single("a-b", "A backs B", announced, "a", "b", valuation=money, summary="s", sources=(), relations=()), Deal)
# The keywords are typed: a wrong type or an unknown keyword is an error (an unused ignore fails under --strict).
Deal.single("a-b", "A backs B", announced, "a", "b", investment="$1B")  # type: ignore[arg-type]
Deal.single("a-b", "A backs B", announced, "a", "b", compute=compute)  # type: ignore[arg-type]
Deal.single("a-b", "A backs B", announced, "a", "b", investor="c")  # type: ignore[misc]
Deal.single("a-b", "A backs B", announced, "a", "b", amount=money)  # type: ignore[call-arg]
backer = Investor("acme", "anthropic", money, (tranche,), "lead")
assert_type(backer.amount, Estimate[CurrencyAmount] | None)
assert_type(backer.committed, Estimate[CurrencyAmount] | None)
assert_type(backer.role, InvestorRole)
pact = Deal("pact", "A pact", announced, (backer, Investor("chipco", "anthropic")), Estimate.at_most(money),
            relations=(DealRelation("extends", "acme-anthropic-2027"),))
assert_type(pact.investors, tuple[Investor, ...])
assert_type(pact.lead, Investor)
assert_type(pact.investor, str)
assert_type(pact.amount_of("acme"), Estimate[CurrencyAmount] | None)
assert_type(pact.relations[0].kind, RelationKind)
assert_type(pact.relations[0].adds, bool)
assert_type(deal.id, str)
assert_type(deal.announced, PartialDate)
assert_type(deal.investment, Estimate[CurrencyAmount] | None)
assert_type(deal.valuation, Estimate[CurrencyAmount] | None)
assert_type(deal.tranches, tuple[Tranche, ...])
assert_type(deal.compute, tuple[ComputeCommitment, ...])
assert_type(deal.spend, tuple[SpendCommitment, ...])
assert_type(deal.milestones, tuple[Milestone, ...])
assert_type(deal.immediate, Estimate[CurrencyAmount] | None)
assert_type(deal.milestone_linked, Estimate[CurrencyAmount] | None)
assert_type(deal.parties, tuple[str, ...])
assert_type(dealkit.validate_deal(deal), None)
assert_type(dealkit.get_deal("amazon-anthropic-2026"), Deal)

source = Source("002_71c77df9dbb0c619.txt", "up to $25 billion")
assert_type(source.file, str)
assert_type(source.quote, str)
claim = Claim("c", "acme-anthropic-2027", "investment", "money", Estimate.exact(money), (source,), Rank.PREFERRED)
assert_type(claim.kind, FigureKind)
assert_type(claim.value, Estimate[CurrencyAmount | Rate | Power | Energy | Duration | Decimal | PartialDate])
assert_type(claim.value_as(CurrencyAmount), Estimate[CurrencyAmount])
assert_type(claim.value_as(PartialDate), Estimate[PartialDate])
assert_type(claim.value_as(Decimal), Estimate[Decimal])
assert_type(claim.qualifier, Qualifier)
assert_type(claim.value_text, str)
assert_type(claim.files, tuple[str, ...])
assert_type(claim.sources, tuple[Source | dealkit.WebSource, ...])
assert_type(claim.rank, Rank)
assert_type(claim.rank.order, int)
assert_type(claim.as_of, PartialDate | None)
assert_type(unstructure(claim), JSONValue)

derived = Claim("d", "acme-anthropic-2027", "count", "count", Estimate.at_least(Decimal(24)), (source,),
                derived=Derivation("count_word", "dozens", ("c",)))
assert_type(derived.derived, Derivation | None)
assert_type(derived.is_derived, bool)
assert derived.derived is not None
assert_type(derived.derived.inputs, tuple[str, ...])
assert_type(derived.derived.explanation, str)
conflict = dealkit.Conflict("k", ("c", "d"), "meaning", "they differ", prefer="c")
assert_type(conflict.kind, dealkit.ConflictKind)
assert_type(conflict.prefer, str | None)
assert_type(conflict.resolved, bool)
