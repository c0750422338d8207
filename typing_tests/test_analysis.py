"""Analysis: typed interval division, metrics, findings and what holds on a day."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import assert_type

import dealkit
from dealkit import (
    AsOfView,
    Certainty,
    CurrencyAmount,
    Duration,
    Energy,
    Estimate,
    Finding,
    JSONValue,
    Metric,
    PartialDate,
    Rate,
    Power,
    Rate,
    Status,
)

money = Estimate.at_least(CurrencyAmount.parse("$100B"))
power = Estimate.at_most(Power(5, "GW"))
energy = Estimate.exact(Energy(10, "TWh"))
years = Estimate.exact(Duration(10, "year"))
rate = Estimate.exact(Rate.parse("$50/MWh"))
number = Estimate.exact(Decimal(2))

assert_type(dealkit.divide(money, money), Estimate[Decimal])
assert_type(dealkit.divide(money, power), Estimate[Rate])
assert_type(dealkit.divide(money, energy), Estimate[Rate])
assert_type(dealkit.divide(money, years), Estimate[Rate])
assert_type(dealkit.divide(money, number), Estimate[CurrencyAmount])
assert_type(dealkit.divide(energy, years), Estimate[Power])
assert_type(dealkit.divide(power, power), Estimate[Decimal])
assert_type(dealkit.divide(power, number), Estimate[Power])
assert_type(dealkit.divide(rate, rate), Estimate[Decimal])
assert_type(dealkit.divide(rate, number), Estimate[Rate])
assert_type(dealkit.divide(number, number), Estimate[Decimal])

catalog = dealkit.builtin_catalog()
metrics = dealkit.deal_metrics(catalog, "amazon-anthropic-2026")
assert_type(metrics, tuple[Metric, ...])
metric = metrics[0]
assert_type(metric.estimate, Estimate[CurrencyAmount | Rate | Energy | Power | PartialDate | Decimal] | None)
assert_type(metric.name, str)
assert_type(metric.determined, bool)
assert_type(metric.text, str)
assert_type(metric.to_json(), dict[str, JSONValue])

findings = dealkit.check_consistency(catalog)
assert_type(findings, list[Finding])
assert_type(findings[0].stated, Estimate[CurrencyAmount | Rate | Power | Energy | Duration | Decimal | PartialDate])
assert_type(findings[0].is_conflict, bool)
assert_type(findings[0].to_json(), dict[str, JSONValue])

view = dealkit.as_of(catalog, "amazon-anthropic-2026", "2026-05-01")
assert_type(dealkit.as_of(catalog, "amazon-anthropic-2026", dt.date(2026, 5, 1)), AsOfView)
assert_type(view.item("milestone.trainium2-online"), Status)
assert_type(view.item("milestone.trainium2-online").certainty, Certainty)
assert_type(view.item("milestone.trainium2-online").amount, Estimate[CurrencyAmount | Power] | None)
assert_type(view.unlocked(), Estimate[CurrencyAmount] | None)
assert_type(view.unlocked(Certainty.POSSIBLY), Estimate[CurrencyAmount] | None)
assert_type(view.online(), Estimate[Power] | None)
assert_type(view.to_json(), dict[str, JSONValue])

# the remaining accessors of the results
assert_type(metric.label, str)
assert_type(metric.kind, dealkit.MetricKind)
assert_type(metric.formula, str)
assert_type(metric.claims, tuple[str, ...])
assert_type(metric.sources, tuple[str, ...])
assert_type(metric.reason, str)
assert_type(metric.low_text, str | None)
assert_type(metric.high_text, str | None)
finding = findings[0]
assert_type(finding.status, dealkit.FindingStatus)
assert_type(finding.other, Estimate[CurrencyAmount | Rate | Power | Energy | Duration | Decimal | PartialDate] | None)
assert_type(finding.subject, str)
assert_type(finding.claims, tuple[str, ...])
assert_type(finding.resolved, bool)
assert_type(finding.as_of, PartialDate | None)
assert_type(finding.deviation, Decimal | None)
assert_type(finding.message, str)
status = view.items[0]
assert_type(status.item, str)
assert_type(status.date, Estimate[PartialDate] | None)
assert_type(status.claims, tuple[str, ...])
assert_type(view.deal_id, str)
assert_type(view.day, PartialDate)
assert_type(dealkit.CONSISTENCY_TOLERANCE, Decimal)

# deal histories
history = dealkit.deal_history(dealkit.builtin_catalog(), "amazon", "anthropic")
assert_type(history, dealkit.DealHistory)
assert_type(history.entries, tuple[dealkit.HistoryEntry, ...])
assert_type(history.entries[0].amount, Estimate[CurrencyAmount] | None)
assert_type(history.entries[0].replaces, tuple[str, ...])
assert_type(history.total, dealkit.Cumulative)
assert_type(history.total.total, Estimate[CurrencyAmount] | None)
assert_type(history.total.parts, tuple[dealkit.Contribution, ...])
assert_type(history.total.parts[0].amount, Estimate[CurrencyAmount])
assert_type(history.total.text, str)
assert_type(history.as_of("2026-04-20"), dealkit.Cumulative)
assert_type(history.conflicts, tuple[dealkit.Conflict, ...])
assert_type(history.to_json(), dict[str, JSONValue])
assert_type(finding.meaning, bool)
