"""Behaviour of the domain models: Deal, Tranche, commitments, milestones, parties."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

from dealkit import (
    ComputeCommitment,
    CurrencyAmount,
    Deal,
    DealkitError,
    DimensionError,
    Duration,
    Estimate,
    InvalidValueError,
    InvariantError,
    Investor,
    Milestone,
    PartialDate,
    Party,
    Power,
    SpendCommitment,
    Tranche,
)


def usd(text: str) -> CurrencyAmount:
    return CurrencyAmount.parse(text)


def make_deal(**changes: object) -> Deal:
    fields: dict[str, object] = dict(
        id="acme-lab-2026",
        title="Acme invests in Lab",
        announced=PartialDate.parse("2026-04-20"),
        investor="acme",
        investee="lab",
        investment=Estimate.at_most(usd("$25B")),
        valuation=Estimate.exact(usd("$380B")),
        tranches=(
            Tranche("immediate", Estimate.exact(usd("$5B"))),
            Tranche("milestone_linked", Estimate.exact(usd("$20B"))),
        ),
    )
    fields.update(changes)
    return Deal.single(**fields)  # type: ignore[arg-type]


class TestTranche:
    def test_kind_is_a_closed_set(self) -> None:
        with pytest.raises(InvalidValueError, match="must be one of"):
            Tranche("later", Estimate.exact(usd("$1B")))  # type: ignore[arg-type]

    def test_amount_must_be_money(self) -> None:
        with pytest.raises(InvalidValueError, match="Estimate of CurrencyAmount"):
            Tranche("immediate", Estimate.exact(Power(5, "GW")))  # type: ignore[arg-type]

    def test_amount_must_be_positive(self) -> None:
        with pytest.raises(InvalidValueError, match="must be positive"):
            Tranche("immediate", Estimate.exact(usd("0 USD")))

    def test_kind_names(self) -> None:
        t = Tranche("milestone_linked", Estimate.exact(usd("$20B")))
        assert t.is_milestone_linked and not t.is_immediate

    def test_frozen(self) -> None:
        t = Tranche("immediate", Estimate.exact(usd("$5B")))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            t.kind = "milestone_linked"  # type: ignore[misc]


class TestDealInvariants:
    def test_valid_deal_sums_its_tranches(self) -> None:
        deal = make_deal()
        assert deal.immediate == Estimate.exact(usd("$5B"))
        assert deal.milestone_linked == Estimate.exact(usd("$20B"))
        assert deal.parties == ("acme", "lab")

    def test_tranches_above_the_total_are_refused(self) -> None:
        with pytest.raises(InvariantError, match="cannot fit the investment") as info:
            make_deal(tranches=(Tranche("immediate", Estimate.exact(usd("$30B"))),))
        assert info.value.path == "$.tranches"

    def test_tranches_below_an_exact_total_are_refused(self) -> None:
        with pytest.raises(InvariantError, match="cannot fit"):
            make_deal(investment=Estimate.exact(usd("$25B")), tranches=(Tranche("immediate", Estimate.exact(usd("$5B"))),))

    def test_up_to_total_accepts_smaller_tranches(self) -> None:
        # "Up to $25B" is met by $5B now plus "up to $20B" later.
        deal = make_deal(
            tranches=(
                Tranche("immediate", Estimate.exact(usd("$5B"))),
                Tranche("milestone_linked", Estimate.at_most(usd("$20B"))),
            )
        )
        total = deal.immediate + deal.milestone_linked  # type: ignore[operator]
        assert total == Estimate.at_most(usd("$25B"))

    def test_tranche_in_another_currency_is_refused(self) -> None:
        with pytest.raises(InvariantError, match="do not add up|disagree"):
            make_deal(tranches=(Tranche("immediate", Estimate.exact(CurrencyAmount("5", "EUR"))),))

    def test_tranche_dated_before_the_announcement_is_refused(self) -> None:
        early = Tranche("immediate", Estimate.exact(usd("$5B")), date=PartialDate.parse("2026-03"))
        with pytest.raises(InvariantError, match="before the announcement") as info:
            make_deal(tranches=(early,))
        assert info.value.path == "$.investors[0].tranches[0].date"

    def test_tranche_in_the_announcement_month_is_not_before_it(self) -> None:
        # April 2026 is not certainly before April 20: honest comparison, no error.
        same_month = Tranche("immediate", Estimate.exact(usd("$5B")), date=PartialDate.parse("2026-04"))
        assert make_deal(tranches=(same_month,)).tranches[0].date == PartialDate.parse("2026-04")

    def test_valuation_must_be_above_the_investment(self) -> None:
        with pytest.raises(InvariantError, match="valuation must be above"):
            make_deal(investment=Estimate.exact(usd("$25B")), valuation=Estimate.exact(usd("$20B")), tranches=())

    def test_investor_and_investee_differ(self) -> None:
        with pytest.raises(InvariantError, match="must differ"):
            make_deal(investee="acme")

    def test_ids_are_slugs(self) -> None:
        with pytest.raises(InvalidValueError, match="lower-case id"):
            make_deal(id="Acme Lab!")

    def test_duplicate_commitment_names(self) -> None:
        c = ComputeCommitment("new", Estimate.at_most(Power(5, "GW")), provider="acme", recipient="lab")
        with pytest.raises(InvariantError, match="duplicate name") as info:
            make_deal(compute=(c, c))
        assert info.value.path == "$.compute[1].name"

    def test_lists_are_refused_where_tuples_belong(self) -> None:
        with pytest.raises(InvalidValueError, match="must be a tuple"):
            make_deal(tranches=[])

    def test_errors_are_dealkit_errors(self) -> None:
        with pytest.raises(DealkitError):
            make_deal(title=123)


class TestCommitments:
    def test_compute_capacity_must_be_power(self) -> None:
        with pytest.raises(InvalidValueError, match="Estimate of Power"):
            ComputeCommitment("new", Estimate.exact(usd("$5B")), provider="a", recipient="b")  # type: ignore[arg-type]

    def test_compute_capacity_is_gigawatt_first_and_pint_ready(self) -> None:
        c = ComputeCommitment("new", Estimate.at_most(Power(5, "GW")), provider="amazon", recipient="anthropic")
        q = c.capacity.value.quantity
        assert q.check("[power]")
        assert q.to("MW").magnitude == pytest.approx(5000)

    def test_spend_per_year_keeps_the_bound(self) -> None:
        s = SpendCommitment("aws", "anthropic", "aws", Estimate.at_least(usd("$100B")), Duration(10, "year"))
        assert s.per_year() == Estimate.at_least(usd("$10B"))

    def test_spend_without_term_cannot_be_spread(self) -> None:
        s = SpendCommitment("aws", "anthropic", "aws", Estimate.at_least(usd("$100B")))
        with pytest.raises(InvariantError, match="no term"):
            s.per_year()

    def test_spend_payer_and_payee_differ(self) -> None:
        with pytest.raises(InvariantError, match="must differ"):
            SpendCommitment("x", "aws", "aws", Estimate.exact(usd("$1B")))

    def test_spend_term_must_be_a_duration(self) -> None:
        with pytest.raises(InvalidValueError, match="must be Duration") as info:
            SpendCommitment("x", "a", "b", Estimate.exact(usd("$1B")), Decimal(10))  # type: ignore[arg-type]
        assert info.value.path == "$.term"

    def test_milestone_date_is_an_estimate_of_dates(self) -> None:
        m = Milestone("t2", "Trainium2 online", Estimate.exact(PartialDate.parse("2026-Q2")))
        assert m.date.value.first.isoformat() == "2026-04-01"
        with pytest.raises(InvalidValueError):
            Milestone("t2", "x", "2026-Q2")  # type: ignore[arg-type]

    def test_a_plain_date_is_an_exact_milestone_date(self) -> None:
        m = Milestone("t2", "Trainium2 online", PartialDate.parse("2026-Q2"))
        assert m.date == Estimate.exact(PartialDate.parse("2026-Q2"))

    def test_milestone_capacity_must_be_positive(self) -> None:
        with pytest.raises(InvalidValueError, match="must be positive"):
            Milestone("t", "x", Estimate.exact(PartialDate.parse("2026")), capacity=Estimate.exact(Power(0, "GW")))


class TestParty:
    def test_parent(self) -> None:
        assert Party("aws", "Amazon Web Services", parent="amazon").parent == "amazon"

    def test_kind_is_closed(self) -> None:
        with pytest.raises(InvalidValueError, match="must be one of"):
            Party("x", "X", kind="government")  # type: ignore[arg-type]

    def test_name_without_control_characters(self) -> None:
        with pytest.raises(InvalidValueError, match="control characters"):
            Party("x", "X\x00")

    def test_hashable_and_equal_by_value(self) -> None:
        assert {Party("a", "A"), Party("a", "A")} == {Party("a", "A")}


class TestTrancheFloor:
    """An "up to" tranche adds at least nothing: the stated lower bounds still count."""

    def test_exact_tranche_above_an_exact_total_beside_an_up_to_tranche(self) -> None:
        # By hand: floor = $2.5B + $0 = $2.5B > exactly $2B.
        with pytest.raises(InvariantError, match="cannot fit"):
            make_deal(
                investment=Estimate.exact(usd("$2B")),
                valuation=None,
                tranches=(
                    Tranche("immediate", Estimate.exact(usd("$2.5B"))),
                    Tranche("milestone_linked", Estimate.at_most(usd("$1.5B"))),
                ),
            )

    def test_floor_within_the_total_fits(self) -> None:
        deal = make_deal(
            investment=Estimate.exact(usd("$2B")),
            valuation=None,
            tranches=(
                Tranche("immediate", Estimate.exact(usd("$0.5B"))),
                Tranche("milestone_linked", Estimate.at_most(usd("$1.5B"))),
            ),
        )
        assert deal.immediate == Estimate.exact(usd("$0.5B"))


class TestPlainValues:
    """A plain value, or a pint quantity, where an exact estimate is meant."""

    def test_plain_values_become_exact_estimates(self) -> None:
        five = CurrencyAmount.parse("$5B")
        assert Tranche("immediate", five).amount == Estimate.exact(five)
        compute = ComputeCommitment("c", Power("1.5", "GW"), provider="a", recipient="b", by=PartialDate.parse("2027"))
        assert compute.capacity == Estimate.exact(Power(1500, "MW"))
        assert compute.by == Estimate.exact(PartialDate.parse("2027"))
        deal = Deal.single("d", "D", PartialDate.parse("2026"), "a", "b", investment=five, valuation=five * 10)
        assert (deal.investment, deal.valuation) == (Estimate.exact(five), Estimate.exact(five * 10))
        backer = Investor("a", "b", five)
        assert backer.amount == Estimate.exact(five)

    def test_pint_quantities_from_any_registry(self) -> None:
        import pint

        ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
        compute = ComputeCommitment("c", ureg.Quantity(1.5, "GW"), provider="a", recipient="b")
        assert compute.capacity == Estimate.exact(Power("1.5", "GW"))
        milestone = Milestone("m", "online", PartialDate.parse("2026-Q2"), ureg.Quantity(500, "MW"))
        assert milestone.capacity == Estimate.exact(Power(500, "MW"))
        spend = SpendCommitment("s", "a", "b", CurrencyAmount.parse("$100B"), ureg.Quantity(10, "year"))
        assert spend.term == Duration(10, "year")  # a pint year is a 365-day year
        assert spend.per_year() == Estimate.exact(CurrencyAmount.parse("$10B"))

    def test_a_quantity_of_another_dimension_is_a_dimension_error(self) -> None:
        import pint

        ureg: pint.UnitRegistry[float] = pint.UnitRegistry()
        with pytest.raises(DimensionError, match=r"\[power\], not \[energy\]"):
            ComputeCommitment("c", ureg.Quantity(1.5, "GWh"), provider="a", recipient="b")
        with pytest.raises(DimensionError, match=r"\[time\]"):
            SpendCommitment("s", "a", "b", CurrencyAmount.parse("$1B"), ureg.Quantity(1, "GW"))

    def test_the_estimate_form_is_kept(self) -> None:
        up_to = Estimate.at_most(Power(5, "GW"))
        assert ComputeCommitment("c", up_to, provider="a", recipient="b").capacity is up_to
