"""The rules across fields: each broken alone is reported once, with file and path, by every way in.

Every catalog in ``INTEGRITY_BREAKS`` (tests/catalog_fixtures.py) is a valid file on its
own and breaks exactly one rule of the catalog as a whole; ``INTEGRITY_HOLDS`` holds the
edges of the rules, from the inside.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from dealkit import (
    CatalogError,
    ComputeCommitment,
    CurrencyAmount,
    Deal,
    Estimate,
    InvariantError,
    Milestone,
    PartialDate,
    Power,
    Tranche,
    load_catalog,
)
from dealkit.catalog import Catalog, structure_catalog
from dealkit.cli._app import main
from tests.catalog_fixtures import INTEGRITY_BREAKS, INTEGRITY_HOLDS
from tests.conftest import PROJECT_ROOT

BREAKS = sorted(INTEGRITY_BREAKS)


def _write(tmp_path: Path, data: dict[str, object]) -> Path:
    path = tmp_path / "deals.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


class TestEachRuleAlone:
    @pytest.mark.parametrize("name", BREAKS)
    def test_the_file_alone_is_valid(self, name: str) -> None:
        data, _path, _reason = INTEGRITY_BREAKS[name]
        structure_catalog(copy.deepcopy(data))  # raises if the file itself were at fault

    @pytest.mark.parametrize("name", BREAKS)
    def test_the_catalog_reports_one_problem_at_its_path(self, name: str) -> None:
        data, path, reason = INTEGRITY_BREAKS[name]
        content = structure_catalog(copy.deepcopy(data), file="deals.toml")
        with pytest.raises(CatalogError) as info:
            Catalog.build([("deals.toml", content)])
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == ("deals.toml", path)
        assert reason in problem.reason

    @pytest.mark.parametrize("name", BREAKS)
    def test_load_catalog_beside_the_builtin_one(self, tmp_path: Path, name: str) -> None:
        data, path, reason = INTEGRITY_BREAKS[name]
        file = _write(tmp_path, data)
        with pytest.raises(CatalogError) as info:
            load_catalog(file)
        (problem,) = info.value.problems
        assert (problem.file, problem.path) == (str(file), path)
        assert reason in problem.reason

    @pytest.mark.parametrize("name", BREAKS)
    def test_validate_prints_file_path_and_reason(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
    ) -> None:
        data, path, reason = INTEGRITY_BREAKS[name]
        file = _write(tmp_path, data)
        assert main(["validate", str(file)]) == 1
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 1
        assert lines[0].startswith(f"{file}: {path}: ")
        assert reason in lines[0]

    @pytest.mark.parametrize("name", sorted(INTEGRITY_HOLDS))
    def test_the_edges_hold(self, tmp_path: Path, name: str) -> None:
        catalog = load_catalog(_write(tmp_path, INTEGRITY_HOLDS[name]))
        assert "acme-lab-2027" in catalog.deal_ids()

    def test_every_rule_is_in_the_errors_page(self) -> None:
        page = (PROJECT_ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
        missing = {reason for _data, _path, reason in INTEGRITY_BREAKS.values() if reason not in page}
        assert not missing


class TestByHand:
    """The rules on models built in code, with values worked out by hand."""

    announced = PartialDate.parse("2027-03-02")

    def deal(self, **changes: object) -> Deal:
        fields: dict[str, object] = dict(
            investment=Estimate.at_most(CurrencyAmount(25, "USD")),
            valuation=Estimate.exact(CurrencyAmount(1, "USD")),
        )
        fields.update(changes)
        return Deal.single("acme-lab-2027", "Acme backs A Lab", self.announced, "acme", "lab", **fields)  # type: ignore[arg-type]

    def test_the_issue_case_a_1b_valuation_beside_an_exact_5b_tranche(self) -> None:
        # "up to $25B" has no floor; the $5B tranche has one: 1 <= 5, a stake of at least 100 %.
        with pytest.raises(InvariantError, match="valuation must be above the tranche ") as info:
            self.deal(tranches=(Tranche("immediate", Estimate.exact(CurrencyAmount(5, "USD"))),))
        assert info.value.path == "$.valuation"

    def test_an_at_least_valuation_has_room(self) -> None:
        # "more than $1B" may be $6B: no contradiction, and the stake is at most 100 %.
        deal = self.deal(
            valuation=Estimate.at_least(CurrencyAmount(1, "USD")),
            tranches=(Tranche("immediate", Estimate.exact(CurrencyAmount(5, "USD"))),),
        )
        assert deal.valuation is not None

    def test_two_tranches_of_one_kind(self) -> None:
        half = Tranche("immediate", Estimate.exact(CurrencyAmount(5, "USD")))
        with pytest.raises(InvariantError, match="duplicate tranche name") as info:
            self.deal(valuation=None, tranches=(half, half))
        assert info.value.path == "$.investors[0].tranches[1].name"
        # Named apart, two tranches of one kind are two tranches: their sum is 10.
        other = Tranche("immediate", Estimate.exact(CurrencyAmount(5, "USD")), name="second")
        assert self.deal(valuation=None, tranches=(half, other)).immediate == Estimate.exact(CurrencyAmount(10, "USD"))

    def test_a_valuation_below_the_investors_amounts(self) -> None:
        from dealkit import Investor

        a = Investor("acme", "lab", Estimate.exact(CurrencyAmount(3, "USD")))
        b = Investor("beta", "lab", Estimate.exact(CurrencyAmount(4, "USD")))
        with pytest.raises(InvariantError, match=r"above the investors' amounts together \(at least 7 USD\)"):
            Deal("d", "t", self.announced, (a, b), valuation=Estimate.exact(CurrencyAmount(6, "USD")))
        assert Deal("d", "t", self.announced, (a, b), valuation=Estimate.exact(CurrencyAmount(8, "USD")))

    def test_a_milestone_certainly_before(self) -> None:
        # "by 2026-12": every day it allows precedes 2027-03-02.
        early = Milestone("m", "step", Estimate.at_most(PartialDate.parse("2026-12")))
        with pytest.raises(InvariantError, match="dated before the announcement") as info:
            self.deal(milestones=(early,))
        assert info.value.path == "$.milestones[0].date"

    @pytest.mark.parametrize("date", [
        Estimate.exact(PartialDate.parse("2027")),  # the year of the announcement holds it
        Estimate.at_least(PartialDate.parse("2020")),  # "2020 or later": may be after
        Estimate.at_most(PartialDate.parse("2027-03")),  # by March 2027: may be the 2nd or later
    ])
    def test_a_milestone_possibly_after(self, date: Estimate[PartialDate]) -> None:
        assert self.deal(milestones=(Milestone("m", "step", date),)).milestones[0].date == date

    def test_a_prior_milestone(self) -> None:
        early = Milestone("m", "step", Estimate.exact(PartialDate.parse("2025")), prior=True)
        assert self.deal(milestones=(early,)).milestones[0].prior

    def test_a_compute_commitment_certainly_before(self) -> None:
        c = ComputeCommitment("c", Estimate.exact(Power(1, "GW")), "acme", "lab",
                              by=Estimate.exact(PartialDate.parse("2026-Q4")))
        with pytest.raises(InvariantError, match="dated before the announcement") as info:
            self.deal(compute=(c,))
        assert info.value.path == "$.compute[0].by"

    def test_a_commitment_to_oneself(self) -> None:
        with pytest.raises(InvariantError, match="provider and recipient must differ"):
            ComputeCommitment("c", Estimate.exact(Power(1, "GW")), "lab", "lab")

    def test_prior_is_a_bool(self) -> None:
        with pytest.raises(Exception, match="must be bool"):
            Milestone("m", "step", Estimate.exact(PartialDate.parse("2025")), prior="yes")  # type: ignore[arg-type]
