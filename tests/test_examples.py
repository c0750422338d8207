"""Every script in examples/ runs and prints what its figures say."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import dealkit

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
NBSP = "\xa0"

EXPECTED: dict[str, tuple[str, ...]] = {
    "headline_deal.py": (
        "investment: up to $25B", "immediate: $5B", "milestone_linked: $20B",
        "compute: up to 5 GW", "spend: more than $100B over 10 years", "invest up to $25 billion",
    ),
    # 5 GW x 8,760 h = 43.8 TWh a year; $100B over ten years is $10B a year.
    "energy_and_cost.py": (
        "5 GW for a year: 43.8 TWh", "over ten years: 438 TWh", "up to 43.8 TWh",
        "AWS spend per year: more than $10B", "5 GW + 250 MW = 5.25 GW",
    ),
    # 1.25 GW for a year is 10.95 TWh.
    "locale_formatting.py": (
        "$25B", f"25{NBSP}Mrd.{NBSP}$", "$250億", "1.25 GW", "1,25 GW", "10,95 TWh", "20.04.2026",
    ),
    "own_catalog.py": (
        "Acme Compute backs Anthropic: up to $2B", "acme-anthropic-2027",
        "$.deals[0].investeee: unknown key (a typo?)", "$.claims[1].value: money must be canonical",
    ),
    # The pact: up to $2B + $1B within up to $3B; $0.5B + up to $1.5B of CloudCo's; more than $10B
    # back over up to $2B in: more than 5x.  History: up to $2B, then up to $2B + up to $4B = up to $6B.
    # The consortium: 40, 30, 20 and 10 of 100.
    "several_parties.py": (
        "pact-2027: up to $3B in all", "cloudco (lead): up to $2B", "cloudco-now: $500M",
        "cloudco-later: up to $1.5B", "chipco (co_investor): $1B", "with cloudco-web (in cloudco's group)",
        "back to cloudco's group per dollar in: more than 5x",
        "history pact-2027 (2027-03-02): up to $2B; in all up to $2B (up to $2B)",
        "history pact-2028 (2028-Q1): up to $4B; in all up to $2B plus up to $4B (up to $6B)",
        "investor.alpha.share: 40%", "investor.beta.share: 30%", "investor.gamma.share: 20%",
        "investor.delta.share: 10%",
        'csv pact-2027: investment_high=3000000000 investor_amounts=["cloudco: up to 2000000000 USD", '
        '"chipco: 1000000000 USD"]',
        'csv pact-2028: investment_high=4000000000 investor_amounts=["cloudco: -"] relations=["extends pact-2027"]',
    ),
    "to_dataframe.py": ("decimal128(38, 9)", "units: GW"),
    # 25,000 racks x 40 kW = 1 GW; for five 365-day years 1 x 8,760 x 5 GWh = 43.8 TWh;
    # 2 TWh = 2,000,000 MWh at 40 EUR is 80,000,000 EUR; EUR 3B over five years is 600M a year.
    "pint_integration.py": (
        "25,000 racks: 1 GW", "commitment: 1 GW", "over 5 years: 43.8 TWh, on average 1 GW",
        "headroom: 200.0 MW", "in racks: 25000.0 rack", "2 TWh at 40 EUR/MWh: 80000000 EUR",
        "refused: power must have dimension [power], not [energy]",
        '"capacity": {"qualifier": "range", "value": "800 MW .. 1 GW"}',
        "one year at the stored price: 600000000 EUR", "exact: True",
    ),
}


def _run(name: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONWARNINGS"}
    result = subprocess.run(
        [sys.executable, "-W", "error", str(EXAMPLES / name)],
        capture_output=True, text=True, timeout=120, env=env,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_example_is_checked():
    assert sorted(p.name for p in EXAMPLES.glob("*.py")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_example_runs(name):
    out = _run(name)
    for expected in EXPECTED[name]:
        assert expected in out, expected


def test_dataframe_example_exports_every_claim():
    out = _run("to_dataframe.py")
    assert f"wrote {len(dealkit.builtin_catalog().all_claims)} rows" in out
