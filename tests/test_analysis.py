"""Tests for dealkit.analysis._analysis: derived metrics, interval division, the consistency check, as-of views.

Expected values are worked out by hand from the catalog's claims:

- the immediate $5B at a $380B valuation: post-money 5/380 = 1.3158 %, pre-money 5/385 = 1.2987 %;
- more than $100B over 10 years: more than $10B a year;
- 5 GW for a year (8,760 h): 43.8 TWh;
- up to 5 GW / 30..50 MW: up to 5000/30 = 166.67 clusters, no lower bound;
- more than $10B a year / up to 43.8 TWh a year: more than 10e9 / 43.8e6 MWh = $228.31/MWh;
- more than $100B back / up to $25B in: more than 4x; net (100 - 25) / 10 = more than $7.5B a year;
- more than $30B (2026-04) / about $9B (2025-12, so 8.1..9.9): more than 30/9.9 = 3.03x;
  at the stated values 30/9 = 3.33x, 11.1 % above the stated 3x.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import dealkit
from dealkit import (
    Catalog,
    CatalogError,
    Certainty,
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    PartialDate,
    Power,
    Qualifier,
    Rate,
    builtin_catalog,
    load_catalog,
)
from dealkit.analysis._analysis import (
    CONSISTENCY_TOLERANCE,
    Finding,
    Metric,
    _net,
    as_of,
    check_consistency,
    deal_metrics,
    divide,
)
from dealkit._errors import BoundsError, DateError, DimensionError, InvalidValueError, UnknownDealError
from dealkit.catalog import builtin_parts
from dealkit._values.money import Rate

DEAL = "amazon-anthropic-2026"
BILLION = 10**9
CATALOG = builtin_catalog()
#: The seed part of the built-in catalog on its own (the articles' deals, without the field's).
SEED = Catalog.build([(name, content) for part, name, content in builtin_parts() if part == "seed"])


def usd(amount: int | str | Decimal) -> CurrencyAmount:
    return CurrencyAmount(Decimal(amount), "USD")


def metric(name: str, catalog: Catalog = CATALOG, deal: str = DEAL) -> Metric:
    found = {m.name: m for m in deal_metrics(catalog, deal)}
    assert name in found, sorted(found)
    return found[name]


# -- a user's catalog, to test what the built-in one does not hold -------------------------------

USER = """\
format = 1

[[parties]]
id = "acme"
name = "Acme AI"

[[deals]]
id = "amazon-acme-2026"
title = "Amazon invests in Acme AI"
investor = "amazon"
investee = "acme"

[[deals.tranches]]
kind = "immediate"

[[deals.tranches]]
kind = "milestone_linked"

[[deals.compute]]
name = "cluster"
provider = "amazon"
recipient = "acme"

[[deals.milestones]]
name = "phase-one"
description = "First 100 MW online"

[[claims]]
id = "acme-cluster"
subject = "amazon-acme-2026"
property = "compute.cluster.capacity"
kind = "power"
value = "300 MW"
qualifier = "at_most"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "up to 300 megawatts" }]

[[claims]]
id = "acme-cluster-by"
subject = "amazon-acme-2026"
property = "compute.cluster.by"
kind = "date"
value = "2027"
qualifier = "at_most"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "by the end of 2027" }]

[[claims]]
id = "acme-announced"
subject = "amazon-acme-2026"
property = "announced"
kind = "date"
value = "2026-05-04"
qualifier = "exact"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "on May 4, 2026" }]

[[claims]]
id = "acme-investment"
subject = "amazon-acme-2026"
property = "investment"
kind = "money"
value = "{investment}"
qualifier = "exact"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "a $2 billion investment" }]

[[claims]]
id = "acme-immediate"
subject = "amazon-acme-2026"
property = "tranche.immediate.amount"
kind = "money"
value = "{immediate}"
qualifier = "{immediate_qualifier}"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "$500 million on signing" }]

[[claims]]
id = "acme-milestone"
subject = "amazon-acme-2026"
property = "tranche.milestone_linked.amount"
kind = "money"
value = "1500000000 USD"
qualifier = "at_most"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "up to $1.5 billion more" }]

[[claims]]
id = "acme-valuation"
subject = "amazon-acme-2026"
property = "valuation"
kind = "money"
value = "{valuation}"
qualifier = "{valuation_qualifier}"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "valued at $10 billion" }]

[[claims]]
id = "acme-phase-one"
subject = "amazon-acme-2026"
property = "milestone.phase-one.date"
kind = "date"
value = "2026-Q3"
qualifier = "exact"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "in the third quarter" }]

[[claims]]
id = "acme-phase-one-blog"
subject = "amazon-acme-2026"
property = "milestone.phase-one.date"
kind = "date"
value = "{phase_one_other}"
qualifier = "exact"
rank = "normal"
sources = [{ file = "acme-blog.txt", quote = "online by then" }]

[[claims]]
id = "acme-phase-one-capacity"
subject = "amazon-acme-2026"
property = "milestone.phase-one.capacity"
kind = "power"
value = "100 MW"
qualifier = "exact"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "100 megawatts" }]
"""

DEFAULTS = {
    "investment": "2000000000 USD",
    "immediate": "500000000 USD",
    "immediate_qualifier": "exact",
    "valuation": "10000000000 USD",
    "valuation_qualifier": "exact",
    "phase_one_other": "2026-08",
}


def user_catalog(tmp_path: Path, **changes: str) -> Catalog:
    values = {**DEFAULTS, **changes}
    text = USER
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    path = tmp_path / "acme.toml"
    path.write_text(text, encoding="utf-8")
    return load_catalog(path)


# -- interval division ---------------------------------------------------------------------------


class TestDivide:
    def test_up_to_over_range_has_only_an_upper_bound(self) -> None:
        result = divide(Estimate.at_most(Power(5, "GW")), Estimate.between(Power(30, "MW"), Power(50, "MW")))
        assert result.qualifier is Qualifier.AT_MOST
        assert result.low is None
        assert round(result.high, 2) == Decimal("166.67")

    def test_up_to_over_up_to_is_undetermined(self) -> None:
        with pytest.raises(BoundsError) as info:
            divide(Estimate.at_most(usd(25 * BILLION)), Estimate.at_most(Power(5, "GW")))
        reason = info.value.reason
        assert "no lower bound, as the dividend (up to 25000000000 USD) has no lower bound" in reason
        assert "the divisor (up to 5 GW) has no lower bound" in reason

    def test_more_than_over_more_than_is_undetermined(self) -> None:
        with pytest.raises(BoundsError, match="the divisor .* has no upper bound"):
            divide(Estimate.at_least(usd(100)), Estimate.at_least(usd(10)))

    def test_ranges(self) -> None:
        # [2, 4] / [1, 2] = [2/2, 4/1] = [1, 4]
        result = divide(Estimate.between(Decimal(2), Decimal(4)), Estimate.between(Decimal(1), Decimal(2)))
        assert (result.low, result.high) == (Decimal(1), Decimal(4))

    def test_more_than_over_up_to_is_more_than(self) -> None:
        result = divide(Estimate.at_least(usd(100 * BILLION)), Estimate.at_most(usd(25 * BILLION)))
        assert result == Estimate.at_least(Decimal(4))

    def test_up_to_over_more_than_is_up_to(self) -> None:
        result = divide(Estimate.at_most(usd(25)), Estimate.at_least(usd(5)))
        assert result == Estimate.at_most(Decimal(5))

    def test_exact_over_exact_is_exact(self) -> None:
        assert divide(Estimate.exact(usd(5)), Estimate.exact(usd(380))).qualifier is Qualifier.EXACT

    def test_approximate_divisor_widens(self) -> None:
        # 30 / about 9 (8.1 .. 9.9) = 30/9.9 .. 30/8.1
        result = divide(Estimate.exact(usd(30)), Estimate.approximately(usd(9)))
        assert round(result.low, 4) == Decimal("3.0303")
        assert round(result.high, 4) == Decimal("3.7037")

    def test_money_over_energy_gives_prices(self) -> None:
        result = divide(Estimate.exact(usd(100)), Estimate.exact(Energy(2, "MWh")))
        assert result == Estimate.exact(Rate(usd(50), "MWh"))

    def test_energy_over_time_gives_power(self) -> None:
        result = divide(Estimate.exact(Energy(8760, "GWh")), Estimate.exact(Duration(1, "year")))
        assert result == Estimate.exact(Power(1, "GW"))

    def test_incompatible_kinds_raise(self) -> None:
        with pytest.raises(DimensionError):
            divide(Estimate.exact(Power(1, "GW")), Estimate.exact(usd(1)))

    def test_zero_bound_is_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="positive"):
            divide(Estimate.exact(usd(1)), Estimate.between(usd(0), usd(5)))

    def test_not_an_estimate(self) -> None:
        with pytest.raises(InvalidValueError, match="Estimate"):
            divide(usd(1), Estimate.exact(usd(1)))  # type: ignore[arg-type]


positive = st.integers(min_value=1, max_value=10**9).map(lambda n: Decimal(n) / 100)


@st.composite
def intervals(draw: st.DrawFn) -> tuple[Estimate[Decimal], Decimal]:
    """An estimate of a positive number, with one value it allows."""
    a, b = sorted((draw(positive), draw(positive)))
    point = draw(st.sampled_from(sorted({a, b, (a + b) / 2})))
    shape = draw(st.sampled_from(["exact", "at_most", "at_least", "range"]))
    if shape == "exact" or a == b:
        return Estimate.exact(point), point
    if shape == "at_most":
        return Estimate.at_most(b), point
    if shape == "at_least":
        return Estimate.at_least(a), point
    return Estimate.between(a, b), point


class TestSoundness:
    """Whatever values the inputs take within their bounds, the result lies within its bounds."""

    @given(intervals(), intervals())
    def test_divide(self, num: tuple[Estimate[Decimal], Decimal], den: tuple[Estimate[Decimal], Decimal]) -> None:
        (n, x), (d, y) = num, den
        try:
            result = divide(n, d)
        except BoundsError:
            assert (n.low is None or d.high is None) and (n.high is None or d.low is None)
            return
        assert result.contains(x / y)

    @given(intervals(), intervals())
    def test_stake_covers_pre_and_post_money(
        self, immediate: tuple[Estimate[Decimal], Decimal], valuation: tuple[Estimate[Decimal], Decimal]
    ) -> None:
        from dealkit.analysis._analysis import _stake

        (i, x), (v, y) = immediate, valuation
        money_i = i.map(lambda d: usd(d))
        money_v = v.map(lambda d: usd(d))
        try:
            stake = _stake(money_i, money_v)
        except BoundsError:
            # Undetermined only when, as for divide, no bound of either side follows.
            assert (i.low is None or v.high is None) and (i.high is None or v.low is None)
            return
        assert stake.contains(x / (y + x) * 100)  # pre-money
        assert stake.contains(min(x / y * 100, Decimal(100)))  # post-money: a share, at most all of it
        assert stake.high is None or stake.high <= 100


class TestLinearConsistency:
    """The one-pass shortcut of the pairwise check agrees with comparing every pair."""

    @given(st.lists(intervals(), min_size=2, max_size=8))
    def test_all_overlap_is_every_pair_compatible(self, group: list[tuple[Estimate[Decimal], Decimal]]) -> None:
        import itertools

        from dealkit import Claim, Source
        from dealkit.analysis._analysis import _all_overlap

        claims = [
            Claim(f"c{i}", "s", "p", "multiple", e, (Source("a.txt", "q"),)) for i, (e, _x) in enumerate(group)
        ]
        pairwise = all(a.value.compatible_with(b.value) for a, b in itertools.combinations(claims, 2))
        assert _all_overlap(claims) is pairwise

    def test_dates_are_always_compared_pair_by_pair(self) -> None:
        from dealkit import Claim, Source
        from dealkit.analysis._analysis import _all_overlap

        q2, day = PartialDate.parse("2026-Q2"), PartialDate.parse("2026-05-01")
        claims = [Claim(f"c{i}", "s", "p", "date", Estimate.exact(d), (Source("a.txt", "q"),)) for i, d in enumerate((q2, day))]
        assert _all_overlap(claims) is False


# -- metrics of the headline deal ----------------------------------------------------------------


class TestHeadlineMetrics:
    def test_stake_covers_pre_and_post_money(self) -> None:
        stake = metric("stake.immediate")
        assert stake.kind == "percent"
        assert stake.estimate is not None
        assert round(stake.estimate.low, 4) == Decimal("1.2987")  # 5/385, pre-money
        assert round(stake.estimate.high, 4) == Decimal("1.3158")  # 5/380, post-money
        assert stake.text == "1.2987% .. 1.3158%"
        assert stake.claims == ("a26-tranche-immediate", "a26-valuation")
        assert stake.sources == ("002_71c77df9dbb0c619.txt",)

    def test_spend_per_year(self) -> None:
        per_year = metric("spend.aws.per_year")
        assert per_year.estimate == Estimate.at_least(Rate(usd(10 * BILLION), "year"))
        assert per_year.text == "more than 10000000000 USD/year"
        assert per_year.claims == ("a26-spend", "a26-spend-term")

    def test_energy_per_year(self) -> None:
        energy = metric("compute.new-capacity.energy")
        assert energy.estimate == Estimate.at_most(Energy("43.8", "TWh"))
        assert energy.text == "up to 43.8 TWh"

    def test_clusters(self) -> None:
        clusters = metric("compute.new-capacity.clusters")
        assert clusters.estimate is not None
        assert clusters.estimate.qualifier is Qualifier.AT_MOST
        assert clusters.estimate.low is None  # "up to": no lower bound
        assert clusters.high_text == "166.67"
        assert clusters.low_text is None
        assert clusters.text == "up to 166.67"
        assert clusters.claims == ("a26-compute", "training-cluster-power")

    def test_investment_per_gw_is_undetermined(self) -> None:
        per_gw = metric("compute.new-capacity.investment_per_gw")
        assert not per_gw.determined
        assert per_gw.estimate is None
        assert per_gw.text == "undetermined"
        assert "up to 25000000000 USD" in per_gw.reason and "up to 5 GW" in per_gw.reason
        record = per_gw.to_json()
        assert record["estimate"] is None and record["reason"] == per_gw.reason

    def test_spend_per_mwh(self) -> None:
        per_mwh = metric("spend.aws.per_mwh")
        assert per_mwh.estimate is not None
        assert per_mwh.estimate.qualifier is Qualifier.AT_LEAST
        low = per_mwh.estimate.low
        assert low.unit == "MWh"
        assert round(low.amount.amount, 2) == Decimal("228.31")
        assert per_mwh.text == "more than 228.31 USD/MWh"

    def test_money_back_per_dollar_in(self) -> None:
        back = metric("flows.aws.back_per_dollar_in")
        assert back.estimate == Estimate.at_least(Decimal(4))
        assert back.text == "more than 4x"

    def test_net_per_year(self) -> None:
        net = metric("flows.aws.net_per_year")
        assert net.estimate == Estimate.at_least(Rate(usd(7_500_000_000), "year"))
        assert net.claims == ("a26-investment", "a26-spend", "a26-spend-term")

    def test_net_subtracts_by_interval_rule(self) -> None:
        # more than $100B back less up to $25B in: at least $75B, no upper bound.
        assert _net(Estimate.at_least(usd(100 * 10**9)), Estimate.at_most(usd(25 * 10**9))) == Estimate.at_least(
            usd(75 * 10**9)
        )
        # $100B .. $120B back less $20B .. $25B in: $75B .. $100B.
        back = Estimate.between(usd(100 * 10**9), usd(120 * 10**9))
        into = Estimate.between(usd(20 * 10**9), usd(25 * 10**9))
        assert _net(back, into) == Estimate.between(usd(75 * 10**9), usd(100 * 10**9))

    def test_net_without_bounds_says_which_figures(self) -> None:
        # more than X less more than Y: no upper bound (X is open above), no lower bound (Y is open above).
        with pytest.raises(BoundsError) as info:
            _net(Estimate.at_least(usd(30)), Estimate.at_least(usd(8)))
        assert info.value.reason == (
            "the bounds do not determine it: more than 30 USD less more than 8 USD has neither bound"
        )
        assert info.value.value == "more than 30 USD - more than 8 USD"

    def test_revenue_growth(self) -> None:
        growth = metric("anthropic.revenue.run_rate.growth")
        assert growth.estimate is not None
        assert growth.estimate.qualifier is Qualifier.AT_LEAST  # "surpassed $30B": no upper bound
        assert round(growth.estimate.low, 4) == Decimal("3.0303")
        assert growth.text == "more than 3.03x"
        assert growth.claims == ("anthropic-run-rate-2026", "anthropic-run-rate-2025")

    def test_every_metric_names_claims_that_exist(self) -> None:
        ids = {c.id for c in CATALOG.all_claims}
        for m in deal_metrics(CATALOG, DEAL):
            assert m.claims and set(m.claims) <= ids
            assert m.formula

    def test_deprecated_claims_are_never_used(self) -> None:
        deprecated = {c.id for c in CATALOG.all_claims if c.rank.value == "deprecated"}
        for m in deal_metrics(CATALOG, DEAL):
            assert not set(m.claims) & deprecated

    def test_json_record(self) -> None:
        record = metric("stake.immediate").to_json()
        # Exact bounds as a plain-number range: 5/385 and 5/380 of a hundred, to 28 digits.
        assert record["estimate"] == {
            "kind": "number", "qualifier": "range",
            "value": "1.298701298701298701298701299 .. 1.315789473684210526315789474",
        }
        assert (record["kind"], record["reason"]) == ("percent", "")
        assert record["claims"] == ["a26-tranche-immediate", "a26-valuation"]

    def test_unknown_deal(self) -> None:
        with pytest.raises(UnknownDealError):
            deal_metrics(CATALOG, "no-such-deal")


class TestOtherDeals:
    def test_growth_after_a_deal_is_not_reported_for_it(self) -> None:
        # the 2023 deal predates the 2025/2026 revenue figures
        assert [m.name for m in deal_metrics(CATALOG, "amazon-anthropic-2023")] == []

    def test_missing_inputs_leave_metrics_out(self) -> None:
        assert deal_metrics(CATALOG, "amazon-openai-2026") == ()

    def test_stake_with_an_upper_bound_only(self, tmp_path: Path) -> None:
        # up to $500M at exactly $10B: up to 500/10000 = 5 %; no lower bound
        cat = user_catalog(tmp_path, immediate_qualifier="at_most")
        stake = metric("stake.immediate", cat, "amazon-acme-2026")
        assert stake.estimate == Estimate.at_most(Decimal(5))

    def test_stake_undetermined(self, tmp_path: Path) -> None:
        # up to $500M at up to $10B: neither bound follows
        cat = user_catalog(tmp_path, immediate_qualifier="at_most", valuation_qualifier="at_most")
        stake = metric("stake.immediate", cat, "amazon-acme-2026")
        assert not stake.determined
        assert "tranche" in stake.reason and "valuation" in stake.reason

    def test_stake_with_a_lower_bound_only(self, tmp_path: Path) -> None:
        # exactly $500M at up to $10B: at least 500/10500 = 4.7619 % (pre-money at the largest
        # valuation); no upper bound, as the valuation may be far smaller
        cat = user_catalog(tmp_path, valuation_qualifier="at_most")
        stake = metric("stake.immediate", cat, "amazon-acme-2026")
        assert stake.estimate is not None and stake.estimate.qualifier is Qualifier.AT_LEAST
        assert stake.estimate.low is not None and round(stake.estimate.low, 4) == Decimal("4.7619")

    def test_stake_upper_bound_with_a_valuation_floor(self, tmp_path: Path) -> None:
        # up to $500M at more than $10B: up to 500/10000 = 5 %; no lower bound
        cat = user_catalog(tmp_path, immediate_qualifier="at_most", valuation_qualifier="at_least")
        stake = metric("stake.immediate", cat, "amazon-acme-2026")
        assert stake.estimate == Estimate.at_most(Decimal(5))

    def test_stake_exact(self, tmp_path: Path) -> None:
        # $500M at $10B: pre-money 0.5/10.5 = 4.7619 %, post-money 5 %
        stake = metric("stake.immediate", user_catalog(tmp_path), "amazon-acme-2026")
        assert stake.text == "4.7619% .. 5%"


# -- the consistency check ------------------------------------------------------------------------


def conflicts(findings: list[Finding]) -> list[Finding]:
    """The conflicts found by comparing figures (not those the catalog records)."""
    return [f for f in findings if f.is_conflict and f.kind != "recorded"]


class TestConsistencyOnTheBuiltinCatalog:
    # The seed part alone: the five articles' deals and context (the field part has its own findings).
    findings = check_consistency(SEED)

    def test_finds_the_conflict_of_001_by_itself(self) -> None:
        (conflict,) = conflicts(self.findings)
        assert conflict.kind == "claims"
        assert conflict.subject == DEAL
        assert conflict.property == "tranche.immediate.amount"
        assert conflict.claims == ("a26-tranche-immediate", "a26-tranche-immediate-001")
        assert set(conflict.sources) == {"002_71c77df9dbb0c619.txt", "001_fe4425cdedf7fed9.txt"}
        assert conflict.resolved  # the 001 claim is deprecated, with its reason
        assert "001_fe4425cdedf7fed9.txt" in conflict.message
        assert "up to 4000000000 USD" in conflict.message

    def test_tranches_beside_the_total_agree(self) -> None:
        (tranches,) = [f for f in self.findings if f.kind == "implied" and f.property == "investment"]
        assert tranches.status == "agree"
        assert tranches.claims == ("a26-investment", "a26-tranche-immediate", "a26-tranche-milestone")
        assert tranches.other == Estimate.exact(usd(25 * BILLION))  # 5 + 20
        assert tranches.deviation == 0

    def test_growth_multiple_beside_the_figures_it_joins(self) -> None:
        (growth,) = [f for f in self.findings if f.property == "revenue.growth" and f.kind == "implied"]
        # The bounds overlap (3x +/- 10 % = 2.7..3.3 against more than 3.03x), but 30/9 = 3.33x
        # is 1/9 = 11.1 % above 3x: more than the 10 % tolerance, so "compatible", not "agree".
        assert growth.status == "compatible"
        assert growth.deviation is not None
        assert round(growth.deviation, 4) == Decimal("0.1111")
        assert growth.claims == ("anthropic-growth", "anthropic-run-rate-2026", "anthropic-run-rate-2025")
        assert "3.33x" in growth.message and "11.1%" in growth.message
        assert growth.as_of == PartialDate.parse("2026-04")

    def test_tolerance_decides(self) -> None:
        wide = check_consistency(CATALOG, tolerance=Decimal("0.12"))
        (growth,) = [f for f in wide if f.property == "revenue.growth" and f.kind == "implied"]
        assert growth.status == "agree"
        # With no tolerance: "about 3x" is 2.7 .. 3.3, which overlaps "more than 30/9.9 = 3.03x",
        # but 3 is 11 % below 30/9 = 3.33: compatible, not agreeing.
        strict = check_consistency(CATALOG, tolerance=Decimal(0))
        (growth,) = [f for f in strict if f.property == "revenue.growth" and f.kind == "implied"]
        assert growth.status == "compatible"

    def test_documented_tolerance(self) -> None:
        assert CONSISTENCY_TOLERANCE == Decimal("0.1")

    @pytest.mark.parametrize("bad", [Decimal(-1), Decimal(1), 0.1])
    def test_bad_tolerance(self, bad: object) -> None:
        with pytest.raises(InvalidValueError):
            check_consistency(CATALOG, tolerance=bad)  # type: ignore[arg-type]

    def test_json(self) -> None:
        record = conflicts(self.findings)[0].to_json()
        assert record["status"] == "conflict"
        assert record["resolved"] is True
        assert record["sources"] == ["002_71c77df9dbb0c619.txt", "001_fe4425cdedf7fed9.txt"]
        assert record["stated"] == {"kind": "money", "qualifier": "exact", "value": "5000000000 USD"}
        assert record["other"] == {"kind": "money", "qualifier": "at_most", "value": "4000000000 USD"}
        (growth,) = [f.to_json() for f in self.findings if f.property == "revenue.growth" and f.kind == "implied"]
        assert growth["stated"] == {"kind": "number", "qualifier": "approximately", "value": "3"}
        # 30 / 9 = 3.333...: the implied growth is more than 30/9.9 = 3.0303... (9 is "about", up to 9.9).
        assert growth["other"]["qualifier"] == "at_least"
        assert growth["other"]["value"].startswith("3.0303030303")
        assert growth["deviation"].startswith("0.1111111111")


class TestConsistencyOnAUserCatalog:
    def test_a_tranche_above_the_total_is_refused_on_load(self, tmp_path: Path) -> None:
        # $2.5B now + up to $1.5B later is at least $2.5B (an "up to" tranche adds at least
        # nothing): above exactly $2B, so the deal's own invariant refuses it before any check runs.
        with pytest.raises(CatalogError, match="cannot fit the investment") as info:
            user_catalog(tmp_path, immediate="2500000000 USD")
        assert [p.path for p in info.value.problems] == ["$.deals[0].tranches"]

    def test_tranches_beside_the_total_with_an_open_bound(self, tmp_path: Path) -> None:
        # $500M + up to $1.5B = $0.5B .. $2B (a tranche adds at least nothing), beside exactly $2B:
        # the headline values are equal.
        cat = user_catalog(tmp_path)
        (f,) = [f for f in check_consistency(cat) if f.kind == "implied" and f.subject == "amazon-acme-2026"]
        assert f.status == "agree"
        assert f.other == Estimate.between(usd(500_000_000), usd(2 * BILLION))
        assert f.claims == ("acme-investment", "acme-immediate", "acme-milestone")
        assert f.deviation == 0

    def test_growth_that_the_figures_contradict(self, tmp_path: Path) -> None:
        # $1B -> $2B is 2x; a stated 10x is far outside 2x, even widened by 10 % (9x..11x).
        cat = user_catalog(tmp_path)
        extra = tmp_path / "growth.toml"
        claims = [
            ("acme-rev-2025", "revenue.run_rate", "money", "1000000000 USD", "2025"),
            ("acme-rev-2026", "revenue.run_rate", "money", "2000000000 USD", "2026"),
            ("acme-growth", "revenue.growth", "multiple", "10x", "2026"),
        ]
        extra.write_text("format = 1\n" + "".join(
            f'[[claims]]\nid = "{i}"\nsubject = "acme"\nproperty = "{p}"\nkind = "{k}"\nvalue = "{v}"\n'
            f'qualifier = "exact"\nas_of = "{d}"\nrank = "preferred"\n'
            f'sources = [{{ file = "acme-report.txt", quote = "{v}" }}]\n'
            for i, p, k, v, d in claims
        ), encoding="utf-8")
        cat = load_catalog(tmp_path / "acme.toml", extra)
        (f,) = [f for f in check_consistency(cat) if f.property == "revenue.growth" and f.subject == "acme"]
        assert f.status == "conflict"
        assert not f.resolved
        assert f.other == Estimate.exact(Decimal(2))
        assert f.claims == ("acme-growth", "acme-rev-2026", "acme-rev-2025")
        assert f.sources == ("acme-report.txt",)
        assert round(f.deviation, 2) == Decimal("0.8")  # |2 - 10| / 10

    def test_dates_that_cannot_both_hold(self, tmp_path: Path) -> None:
        cat = user_catalog(tmp_path, phase_one_other="2026-11")
        (f,) = [f for f in conflicts(check_consistency(cat)) if f.property == "milestone.phase-one.date"]
        assert f.claims == ("acme-phase-one", "acme-phase-one-blog")
        assert f.sources == ("acme-press.txt", "acme-blog.txt")
        assert not f.resolved

    def test_a_month_inside_the_quarter_is_no_conflict(self, tmp_path: Path) -> None:
        cat = user_catalog(tmp_path, phase_one_other="2026-08")
        assert not [f for f in check_consistency(cat) if f.property == "milestone.phase-one.date"]

    def test_incomparable_currencies(self, tmp_path: Path) -> None:
        text = (tmp_path / "x.toml")
        text.write_text(
            'format = 1\n'
            '[[claims]]\nid = "acme-rev-usd"\nsubject = "amazon"\nproperty = "revenue.cloud"\nkind = "money"\n'
            'value = "5 USD"\nqualifier = "exact"\nsources = [{ file = "a.txt", quote = "$5" }]\n'
            '[[claims]]\nid = "acme-rev-eur"\nsubject = "amazon"\nproperty = "revenue.cloud"\nkind = "money"\n'
            'value = "5 EUR"\nqualifier = "exact"\nsources = [{ file = "b.txt", quote = "€5" }]\n',
            encoding="utf-8",
        )
        (f,) = [f for f in check_consistency(load_catalog(text)) if f.property == "revenue.cloud"]
        assert f.status == "incomparable"
        assert not f.is_conflict


# -- as-of views -----------------------------------------------------------------------------------


class TestAsOf:
    @pytest.mark.parametrize(
        ("day", "expected"),
        [("2026-03-31", "no"), ("2026-05-01", "possibly"), ("2026-06-29", "possibly"), ("2026-06-30", "certainly"),
         ("2026-07-01", "certainly")],
    )
    def test_q2_milestone(self, day: str, expected: str) -> None:
        view = as_of(CATALOG, DEAL, day)
        assert view.item("milestone.trainium2-online").certainty.value == expected

    def test_may_first(self) -> None:
        view = as_of(CATALOG, DEAL, "2026-05-01")
        assert view.item("investment").certainty is Certainty.CERTAINLY
        assert view.item("tranche.immediate").certainty is Certainty.CERTAINLY
        assert view.item("tranche.milestone_linked").certainty is Certainty.POSSIBLY
        assert view.item("milestone.year-end-capacity").certainty is Certainty.POSSIBLY
        assert view.unlocked() == Estimate.exact(usd(5 * BILLION))
        assert view.unlocked(Certainty.POSSIBLY) == Estimate.exact(usd(25 * BILLION))
        assert view.online() is None
        assert view.online(Certainty.POSSIBLY) == Estimate.nearly(Power(1, "GW"))  # "nearly 1GW"

    def test_july_first(self) -> None:
        view = as_of(CATALOG, DEAL, dt.date(2026, 7, 1))
        assert view.item("milestone.trainium2-online").certainty is Certainty.CERTAINLY
        # "by year-end" (no later than December 2026) is not certain before 2027
        assert view.item("milestone.year-end-capacity").certainty is Certainty.POSSIBLY
        assert view.online() is None  # the Trainium2 milestone states no capacity

    def test_after_year_end(self) -> None:
        view = as_of(CATALOG, DEAL, "2027-01-01")
        assert view.item("milestone.year-end-capacity").certainty is Certainty.CERTAINLY
        online = view.online()
        assert online is not None
        assert (online.low, online.high) == (Power("0.9", "GW"), Power(1, "GW"))  # "nearly 1GW"

    def test_before_the_announcement(self) -> None:
        view = as_of(CATALOG, DEAL, "2026-04-01")
        assert view.item("investment").certainty is Certainty.NO
        assert view.item("tranche.milestone_linked").certainty is Certainty.NO
        assert view.item("milestone.year-end-capacity").certainty is Certainty.NO  # counted from the announcement
        assert view.unlocked(Certainty.POSSIBLY) is None

    def test_a_month_containing_the_announcement_is_possible(self) -> None:
        view = as_of(CATALOG, DEAL, PartialDate.parse("2026-04"))
        assert view.item("tranche.immediate").certainty is Certainty.POSSIBLY
        assert view.unlocked() is None
        assert view.unlocked(Certainty.POSSIBLY) == Estimate.exact(usd(25 * BILLION))

    def test_user_milestone_with_capacity(self, tmp_path: Path) -> None:
        cat = user_catalog(tmp_path)
        assert as_of(cat, "amazon-acme-2026", "2026-08-15").online() is None
        assert as_of(cat, "amazon-acme-2026", "2026-10-01").online() == Estimate.exact(Power(100, "MW"))

    @pytest.mark.parametrize(
        ("day", "committed", "online"),
        [("2026-05-01", "no", "no"), ("2026-06-01", "certainly", "possibly"), ("2027-12-31", "certainly", "certainly")],
    )
    def test_compute_online_by_a_date(self, tmp_path: Path, day: str, committed: str, online: str) -> None:
        # announced 2026-05-04; "by the end of 2027" (up to 2027) counts from the announcement
        view = as_of(user_catalog(tmp_path), "amazon-acme-2026", day)
        assert view.item("compute.cluster", "committed").certainty.value == committed
        assert view.item("compute.cluster", "online").certainty.value == online
        assert view.item("compute.cluster", "online").claims == ("acme-cluster", "acme-cluster-by")

    def test_json(self) -> None:
        record = as_of(CATALOG, DEAL, "2026-05-01").to_json()
        assert record["day"] == "2026-05-01"
        (item,) = [i for i in record["items"] if i["item"] == "milestone.trainium2-online"]
        assert item["certainty"] == "possibly"
        assert item["claims"] == ["a26-trainium2-online"]

    @pytest.mark.parametrize("day", ["2026-13-01", "tomorrow"])
    def test_bad_day_text(self, day: str) -> None:
        with pytest.raises((DateError, dealkit.ParseError)):
            as_of(CATALOG, DEAL, day)

    def test_bad_day_type(self) -> None:
        with pytest.raises(InvalidValueError):
            as_of(CATALOG, DEAL, 20260501)

    def test_unknown_item(self) -> None:
        with pytest.raises(InvalidValueError):
            as_of(CATALOG, DEAL, "2026-05-01").item("nothing")


class TestPublicApi:
    @pytest.mark.parametrize(
        "name",
        ["AsOfView", "CONSISTENCY_TOLERANCE", "Finding", "Metric", "Status", "as_of", "check_consistency",
         "deal_metrics", "divide"],
    )
    def test_exported(self, name: str) -> None:
        import dealkit.analysis._analysis as module
        import dealkit.analysis as public

        assert name in dealkit.__all__
        assert getattr(dealkit, name) is getattr(module, name)
        assert getattr(public, name) is getattr(module, name)


def test_findings_word_dates_as_deadlines() -> None:
    from dealkit.analysis._analysis import _plain_estimate

    assert _plain_estimate(Estimate.at_most(PartialDate.parse("2026-12"))) == "by 2026-12"
    assert _plain_estimate(Estimate.at_most(CurrencyAmount(Decimal(5), "USD")), "money") == "up to 5 USD"


class TestDivideByNumbers:
    def test_a_measure_over_a_number_keeps_its_kind(self) -> None:
        # up to 5 GW over between 2 and 4: 1.25 GW .. 2.5 GW
        result = divide(Estimate.exact(Power(5, "GW")), Estimate.between(Decimal(2), Decimal(4)))
        assert result == Estimate.between(Power("1.25", "GW"), Power("2.5", "GW"))

    def test_a_rate_over_a_number(self) -> None:
        result = divide(Estimate.exact(Rate.parse("$50/MWh")), Estimate.exact(Decimal(2)))
        assert result == Estimate.exact(Rate.parse("$25/MWh"))
