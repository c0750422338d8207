"""Freshness and parts: each claim keeps its sources' publication date; `claims --since`; the catalog's parts."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from dealkit import Catalog, PartialDate, UnknownDealError, builtin_catalog, load_catalog
from dealkit.catalog import BUILTIN_PARTS, USER_PART, builtin_dir, builtin_parts, structure_catalog
from dealkit.cli._app import EXIT_INVALID, EXIT_OK, EXIT_USAGE, main
from tests.catalog_fixtures import MINIMAL, web_source

CATALOG = builtin_catalog()


def _dated_catalog() -> dict[str, Any]:
    """MINIMAL with its claims published on days, months and not at all."""
    data = copy.deepcopy(MINIMAL)
    data["claims"][0]["sources"] = [web_source(quote="on March 2", published="2027-03-02", retrieved="2027-12-01")]
    data["claims"][1]["sources"] = [web_source(quote="up to $2 billion", published="2027-04", retrieved="2027-12-01")]
    data["claims"][2]["sources"] = [
        web_source(quote="$500 million now", published="2027-06-15", retrieved="2027-12-01"),
        web_source(quote="$500 million now", published="2027-05-20", retrieved="2027-12-01"),
    ]
    # claims[3] keeps its seed-article source: no publication date
    return data


@pytest.fixture(scope="module")
def dated() -> Catalog:
    return Catalog.build([("mine.toml", structure_catalog(_dated_catalog(), file="mine.toml"))])


class TestSince:
    @pytest.mark.parametrize(
        ("since", "ids"),
        [
            ("2027", ["al-announced", "al-investment", "al-immediate"]),
            ("2027-03-02", ["al-announced", "al-investment", "al-immediate"]),
            ("2027-03-03", ["al-investment", "al-immediate"]),  # March 2 is past
            ("2027-04-30", ["al-investment", "al-immediate"]),  # "2027-04" may be April 30
            ("2027-05", ["al-immediate"]),  # first published May 20 (the earlier of its two pages)
            ("2027-05-21", []),  # May 20 is past, though the other page came out in June
            ("2028", []),
        ],
    )
    def test_claims_first_published_on_or_after(self, dated: Catalog, since: str, ids: list[str]) -> None:
        found = dated.claims(since=PartialDate.parse(since))
        assert sorted(c.id for c in found) == sorted(ids)

    def test_a_claim_keeps_its_earliest_publication_date(self, dated: Catalog) -> None:
        [immediate] = dated.claims("acme-lab-2027", "tranche.immediate.amount")
        assert immediate.published == PartialDate.parse("2027-05-20")

    def test_since_combines_with_subject_and_property(self, dated: Catalog) -> None:
        found = dated.claims("acme-lab-2027", "investment", since=PartialDate.parse("2027-04"))
        assert [c.id for c in found] == ["al-investment"]

    def test_the_field_part_has_fresh_claims(self) -> None:
        found = CATALOG.claims(since=PartialDate.parse("2026-04-01"))
        assert {c.subject for c in found} >= {"anthropic-google-broadcom-2026"}
        assert all(c.published is not None and c.published.last >= PartialDate.parse("2026-04-01").first for c in found)

    def test_the_seed_articles_carry_no_date(self) -> None:
        assert [c for c in CATALOG.claims("amazon-anthropic-2026") if c.published is not None] == []


def _write(tmp_path: Path) -> str:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(_dated_catalog()), encoding="utf-8")
    return str(path)


class TestSinceCommand:
    def test_json(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = _write(tmp_path)
        assert main(["claims", "acme-lab-2027", "--since", "2027-04", "--format", "json", "--catalog", path]) == EXIT_OK
        captured = capsys.readouterr()
        rows = json.loads(captured.out)
        assert [(r["id"], r["published"]) for r in rows] == [("al-investment", "2027-04"), ("al-immediate", "2027-05-20")]
        assert captured.err == "dealkit: 1 claim without a publication date left out\n"

    def test_every_deal(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["claims", "--since", "2026-04", "--format", "csv"]) == EXIT_OK
        out = capsys.readouterr().out
        assert "anthropic-google-broadcom-2026" in out and "amazon-anthropic-2026" not in out

    @pytest.mark.parametrize("bad", ["yesterday", "2026-13", "2026-02-30", ""])
    def test_a_bad_date_is_a_usage_error(self, bad: str, capsys: pytest.CaptureFixture[str]) -> None:
        code = main(["claims", "--since", bad])
        assert code == EXIT_USAGE
        assert "argument --since" in capsys.readouterr().err


class TestParts:
    def test_the_builtin_parts(self) -> None:
        assert BUILTIN_PARTS == {"seed": "", "field": "field"}
        assert CATALOG.deal_ids("seed") == (
            "amazon-anthropic-2026", "amazon-anthropic-2023", "amazon-anthropic-before-2026", "amazon-openai-2026"
        )
        assert len(CATALOG.deal_ids("field")) >= 20
        assert set(CATALOG.deal_ids()) == set(CATALOG.deal_ids("seed")) | set(CATALOG.deal_ids("field"))

    def test_part_of_a_deal(self) -> None:
        assert CATALOG.part("amazon-anthropic-2026") == "seed"
        assert CATALOG.part("amd-openai-2025") == "field"
        with pytest.raises(UnknownDealError):
            CATALOG.part("no-such-deal")

    def test_the_files_of_each_part(self) -> None:
        parts = {part for part, _, _ in builtin_parts()}
        assert parts == {"seed", "field"}
        names = [name for part, name, _ in builtin_parts() if part == "field"]
        assert names and all(n.startswith("dealkit/catalog/builtin/field/") for n in names)
        assert builtin_dir("field") == builtin_dir() / "field"

    def test_unknown_builtin_part(self) -> None:
        with pytest.raises(Exception, match="no built-in part of this name"):
            builtin_dir("user")  # type: ignore[arg-type]

    def test_a_users_files_are_the_user_part(self, tmp_path: Path) -> None:
        catalog = load_catalog(_write(tmp_path))
        assert catalog.part("acme-lab-2027") == USER_PART == "user"
        assert catalog.part("amd-openai-2025") == "field"

    def test_merging_keeps_the_parts(self, tmp_path: Path) -> None:
        mine = load_catalog(_write(tmp_path), include_builtin=False)
        merged = CATALOG.merged(mine)
        assert merged.part("acme-lab-2027") == "user" and merged.part("amazon-anthropic-2026") == "seed"

    def test_list_tells_the_parts_apart(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["list", "--part", "seed"]) == EXIT_OK
        seed = capsys.readouterr().out.splitlines()[2:]
        assert [line.split()[:2] for line in seed] == [[d, "seed"] for d in CATALOG.deal_ids("seed")]
        assert main(["list", "--part", "field"]) == EXIT_OK
        field = capsys.readouterr().out.splitlines()[2:]
        assert len(field) == len(CATALOG.deal_ids("field")) and all(line.split()[1] == "field" for line in field)

    def test_list_of_an_unknown_part(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["list", "--part", "fields"]) == EXIT_INVALID
        assert "no deal belongs to this part; parts: field, seed (got 'fields')" in capsys.readouterr().err
