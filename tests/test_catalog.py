"""The catalog: building typed deals from claims, user catalogs, and the problems bad files give."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import dealkit
from dealkit import (
    Catalog,
    CatalogError,
    Claim,
    CurrencyAmount,
    Deal,
    Estimate,
    PartialDate,
    Power,
    Rank,
    UnknownDealError,
    builtin_catalog,
    load_catalog,
)
from dealkit.catalog import DealShape

CATALOG = builtin_catalog()

#: A user's catalog: a new party and a deal with Amazon, in the documented TOML format.
USER_TOML = """\
format = 1

[[parties]]
id = "acme"
name = "Acme AI"

[[deals]]
id = "amazon-acme-2026"
title = "Amazon invests up to $2B in Acme AI"
investor = "amazon"
investee = "acme"

[[deals.tranches]]
kind = "immediate"
condition = "on signing"

[[deals.compute]]
name = "cluster"
provider = "aws"
recipient = "acme"
chips = ["Trainium3"]

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
value = "2000000000 USD"
qualifier = "at_most"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "up to $2 billion" }]

[[claims]]
id = "acme-investment-rumour"
subject = "amazon-acme-2026"
property = "investment"
kind = "money"
value = "3000000000 USD"
qualifier = "exact"
rank = "deprecated"
note = "An early report; the press release says up to $2 billion."
sources = [{ file = "acme-rumour.txt", quote = "a $3 billion deal" }]

[[claims]]
id = "acme-immediate"
subject = "amazon-acme-2026"
property = "tranche.immediate.amount"
kind = "money"
value = "500000000 USD"
qualifier = "exact"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "$500 million on signing" }]

[[claims]]
id = "acme-cluster"
subject = "amazon-acme-2026"
property = "compute.cluster.capacity"
kind = "power"
value = "200 MW .. 300 MW"
qualifier = "range"
rank = "preferred"
sources = [{ file = "acme-press.txt", quote = "200–300 megawatts" }]
"""


def _user_file(tmp_path: Path, text: str = USER_TOML, name: str = "acme.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _claim_toml(claim_id: str, subject: str, prop: str, kind: str, value: str, qualifier: str = "exact",
                rank: str = "normal", extra: str = "") -> str:
    return f"""
[[claims]]
id = "{claim_id}"
subject = "{subject}"
property = "{prop}"
kind = "{kind}"
value = "{value}"
qualifier = "{qualifier}"
rank = "{rank}"
{extra}
sources = [{{ file = "x.txt", quote = "some words" }}]
"""


def _problems(exc: pytest.ExceptionInfo[CatalogError]) -> list[tuple[str | None, str, str]]:
    return [(p.file, p.path, p.reason) for p in exc.value.problems]


# -- the built-in catalog ---------------------------------------------------------------


class TestBuiltinCatalog:
    def test_deals(self) -> None:
        assert CATALOG.deal_ids("seed") == (
            "amazon-anthropic-2026", "amazon-anthropic-2023", "amazon-anthropic-before-2026", "amazon-openai-2026"
        )
        assert CATALOG.deal_ids()[:4] == CATALOG.deal_ids("seed")
        assert all(isinstance(d, Deal) for d in CATALOG.deals())

    def test_parties(self) -> None:
        ids = {p.id for p in CATALOG.parties}
        assert {"amazon", "aws", "anthropic", "openai"} <= ids
        assert CATALOG.party("aws").parent == "amazon"

    def test_built_once(self) -> None:
        assert builtin_catalog() is CATALOG

    def test_get_deal(self) -> None:
        assert dealkit.get_deal("amazon-anthropic-2026") is CATALOG.deal("amazon-anthropic-2026")

    def test_unknown_deal_names_the_known_ones(self) -> None:
        with pytest.raises(UnknownDealError, match="amazon-anthropic-2026") as exc:
            CATALOG.deal("amazon-anthropic-2099")
        assert exc.value.value == "amazon-anthropic-2099"
        assert isinstance(exc.value, LookupError)

    def test_claim_ids_are_unique(self) -> None:
        ids = [c.id for c in CATALOG.all_claims]
        assert len(ids) == len(set(ids))

    def test_deprecated_claims_say_why(self) -> None:
        deprecated = [c for c in CATALOG.all_claims if c.rank is Rank.DEPRECATED]
        assert deprecated
        assert all(c.note.strip() for c in deprecated)

    def test_at_most_one_preferred_claim_per_subject_property_and_date(self) -> None:
        keys = [(c.subject, c.property, c.as_of) for c in CATALOG.all_claims if c.rank is Rank.PREFERRED]
        assert len(keys) == len(set(keys))

    def test_claims_about_a_subject_are_known(self) -> None:
        known = set(CATALOG.deal_ids()) | {p.id for p in CATALOG.parties}
        assert {c.subject for c in CATALOG.all_claims} <= known


# -- deals read their figures from the preferred claims -------------------------------------


def _deal_figure(deal: Deal, prop: str) -> Any:
    """The figure a typed deal holds for a slot property, looked up by hand (not through the catalog)."""
    head, _, rest = prop.partition(".")
    name, _, field = rest.rpartition(".")
    if head in ("announced", "investment", "valuation"):
        return getattr(deal, head)
    if head == "investor":
        (i,) = [i for i in deal.investors if i.party == name]
        return {"amount": i.amount}[field]
    if head == "tranche":
        (t,) = [t for t in deal.tranches if t.name == name]
        return {"amount": t.amount, "date": t.date}[field]
    if head == "compute":
        (c,) = [c for c in deal.compute if c.name == name]
        return {"capacity": c.capacity, "by": c.by}[field]
    if head == "spend":
        (s,) = [s for s in deal.spend if s.name == name]
        return {"amount": s.amount, "term": s.term}[field]
    if head == "milestone":
        (m,) = [m for m in deal.milestones if m.name == name]
        return {"date": m.date, "capacity": m.capacity}[field]
    raise AssertionError(f"not a slot: {prop}")


def _slots() -> list[Any]:
    return [
        pytest.param(shape, prop, id=f"{shape.id}:{prop}")
        for shape in CATALOG.shapes
        for prop in shape.slots()
    ]


class TestDealsFromPreferredClaims:
    @pytest.mark.parametrize(("shape", "prop"), _slots())
    def test_figure_is_the_preferred_claim(self, shape: DealShape, prop: str) -> None:
        deal = CATALOG.deal(shape.id)
        held = _deal_figure(deal, prop)
        preferred = CATALOG.claims(shape.id, prop, rank=Rank.PREFERRED)
        if not preferred:
            normal = CATALOG.claims(shape.id, prop, rank=Rank.NORMAL)
            expected = normal[0].value if normal else None
        else:
            (claim,) = preferred
            expected = claim.value
        # These deal fields hold the bare value, not an Estimate.
        bare = prop == "announced" or (prop.startswith("tranche.") and prop.endswith(".date")) or prop.endswith(".term")
        if expected is not None and bare:
            expected = expected.value
        assert held == expected

    def test_every_deal_figure_has_a_preferred_claim(self) -> None:
        # The built-in deals are fully sourced: no slot falls back to a normal claim.
        for shape in CATALOG.shapes:
            deal = CATALOG.deal(shape.id)
            for prop, kind in shape.slots().items():
                if _deal_figure(deal, prop) is not None:
                    (claim,) = CATALOG.claims(shape.id, prop, rank=Rank.PREFERRED)
                    assert claim.kind == kind

    def test_deprecated_claims_never_reach_the_deal(self) -> None:
        deal = CATALOG.deal("amazon-anthropic-2026")
        for claim in CATALOG.claims("amazon-anthropic-2026", rank=Rank.DEPRECATED):
            assert _deal_figure(deal, claim.property) != claim.value

    def test_slots_of_the_headline_deal(self) -> None:
        (shape,) = [s for s in CATALOG.shapes if s.id == "amazon-anthropic-2026"]
        assert shape.slots() == {
            "announced": "date",
            "investment": "money",
            "valuation": "money",
            "investor.amazon.amount": "money",
            "tranche.immediate.amount": "money",
            "tranche.immediate.date": "date",
            "tranche.milestone_linked.amount": "money",
            "tranche.milestone_linked.date": "date",
            "compute.new-capacity.capacity": "power",
            "compute.new-capacity.by": "date",
            "spend.aws.amount": "money",
            "spend.aws.term": "duration",
            "milestone.trainium2-online.date": "date",
            "milestone.trainium2-online.capacity": "power",
            "milestone.year-end-capacity.date": "date",
            "milestone.year-end-capacity.capacity": "power",
        }


# -- queries ----------------------------------------------------------------------------


class TestQueries:
    def test_property_prefix_matches_a_group(self) -> None:
        ids = {c.id for c in CATALOG.claims("amazon-anthropic-2026", "tranche.")}
        assert ids == {"a26-tranche-immediate", "a26-tranche-milestone", "a26-tranche-immediate-001"}

    def test_best_rank_first(self) -> None:
        ranks = [c.rank for c in CATALOG.claims("amazon-anthropic-2026", "investment")]
        assert ranks == [Rank.PREFERRED, Rank.NORMAL, Rank.DEPRECATED]

    def test_best_skips_deprecated(self) -> None:
        best = CATALOG.best("amazon-anthropic-2026", "tranche.immediate.amount")
        assert best is not None
        assert best.value == Estimate.exact(CurrencyAmount(Decimal(5 * 10**9), "USD"))

    def test_best_of_an_unclaimed_property_is_none(self) -> None:
        assert CATALOG.best("amazon-anthropic-2026", "compute.new-capacity.by") is None

    def test_best_as_of(self) -> None:
        late_2025 = CATALOG.best("anthropic", "revenue.run_rate", as_of=PartialDate.parse("2025-H2"))
        assert late_2025 is not None
        assert late_2025.rank is Rank.NORMAL
        assert late_2025.value == Estimate.exact(CurrencyAmount(Decimal(9 * 10**9), "USD"))

    def test_claims_about_deal_in_file_order(self) -> None:
        claims = CATALOG.claims_about_deal("amazon-openai-2026")
        assert [c.id for c in claims] == ["ao26-announced", "ao26-investment", "ao26-investment-flat"]

    def test_claims_about_unknown_deal(self) -> None:
        with pytest.raises(UnknownDealError):
            CATALOG.claims_about_deal("nope")


# -- user catalogs -----------------------------------------------------------------------


class TestUserCatalog:
    def test_adds_a_deal_beside_the_builtin_ones(self, tmp_path: Path) -> None:
        catalog = load_catalog(_user_file(tmp_path))
        assert catalog.deal_ids() == (*CATALOG.deal_ids(), "amazon-acme-2026")
        deal = catalog.deal("amazon-acme-2026")
        assert deal.announced == PartialDate.of_day(2026, 5, 4)
        assert deal.investment == Estimate.at_most(CurrencyAmount(Decimal(2 * 10**9), "USD"))
        assert deal.immediate == Estimate.exact(CurrencyAmount(Decimal(5 * 10**8), "USD"))
        assert deal.compute[0].capacity == Estimate.between(Power(200, "MW"), Power(300, "MW"))
        # The built-in deals are still there, unchanged.
        assert catalog.deal("amazon-anthropic-2026") == CATALOG.deal("amazon-anthropic-2026")

    def test_deprecated_user_claim_is_kept_but_not_used(self, tmp_path: Path) -> None:
        catalog = load_catalog(_user_file(tmp_path))
        (rumour,) = catalog.claims("amazon-acme-2026", "investment", rank=Rank.DEPRECATED)
        assert rumour.id == "acme-investment-rumour"
        # The preferred "up to $2 billion", not the deprecated rumour of exactly $3 billion.
        investment = catalog.deal("amazon-acme-2026").investment
        assert investment == Estimate.at_most(CurrencyAmount(Decimal(2 * 10**9), "USD"))
        assert investment != Estimate.exact(CurrencyAmount(Decimal(3 * 10**9), "USD"))

    def test_json_loads_the_same_as_toml(self, tmp_path: Path) -> None:
        import tomllib

        data = tomllib.loads(USER_TOML)
        json_path = tmp_path / "acme.json"
        json_path.write_text(json.dumps(data), encoding="utf-8")
        from_json = load_catalog(json_path)
        from_toml = load_catalog(_user_file(tmp_path))
        assert from_json.deal("amazon-acme-2026") == from_toml.deal("amazon-acme-2026")
        assert from_json.all_claims == from_toml.all_claims

    def test_a_directory_loads_every_catalog_file_in_it(self, tmp_path: Path) -> None:
        folder = tmp_path / "mine"
        folder.mkdir()
        _user_file(folder)
        extra = _claim_toml("acme-valuation", "amazon-acme-2026", "valuation", "money", "20000000000 USD",
                            rank="preferred")
        (folder / "more.toml").write_text("format = 1\n" + extra, encoding="utf-8")
        (folder / "notes.txt").write_text("not a catalog", encoding="utf-8")
        catalog = load_catalog(folder)
        assert catalog.deal("amazon-acme-2026").valuation == Estimate.exact(
            CurrencyAmount(Decimal(20 * 10**9), "USD"))

    def test_without_the_builtin_catalog(self, tmp_path: Path) -> None:
        with pytest.raises(CatalogError) as exc:
            load_catalog(_user_file(tmp_path), include_builtin=False)
        # "amazon" and "aws" are built-in parties: alone, the file names unknown parties.
        assert (str(tmp_path / "acme.toml"), "$.deals[0].investor", "not a known party") in _problems(exc)

    def test_user_claims_about_builtin_deals(self, tmp_path: Path) -> None:
        extra = _claim_toml("my-a26-by", "amazon-anthropic-2026", "compute.new-capacity.by", "date", "2030",
                            qualifier="at_most", rank="preferred")
        catalog = load_catalog(_user_file(tmp_path, "format = 1\n" + extra))
        by = catalog.deal("amazon-anthropic-2026").compute[0].by
        assert by == Estimate.at_most(PartialDate.of_year(2030))

    def test_merged(self, tmp_path: Path) -> None:
        mine = load_catalog(_user_file(tmp_path))
        with pytest.raises(CatalogError, match="duplicate id"):
            mine.merged(CATALOG)


class TestCatalogProblems:
    """Bad files give one problem per fault, each with its file and ``$.`` path."""

    def _load(self, tmp_path: Path, text: str) -> pytest.ExceptionInfo[CatalogError]:
        path = _user_file(tmp_path, text, "bad.toml")
        with pytest.raises(CatalogError) as exc:
            load_catalog(path)
        assert all(p.file == str(path) for p in exc.value.problems)
        return exc

    def test_non_canonical_value(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("c1", "amazon", "capex", "money", "$5B")
        exc = self._load(tmp_path, text)
        ((_, path, reason),) = _problems(exc)
        assert path == "$.claims[0].value"
        assert "canonical" in reason

    def test_each_claim_at_its_index(self, tmp_path: Path) -> None:
        text = (
            "format = 1\n"
            + _claim_toml("c1", "amazon", "capex", "money", "5 USD")
            + _claim_toml("c2", "amazon", "capex", "power", "five GW")
            + _claim_toml("c3", "amazon", "capex", "money", "5 USD", qualifier="sometimes")
        )
        paths = [p for _, p, _ in _problems(self._load(tmp_path, text))]
        assert paths == ["$.claims[1].value", "$.claims[2].qualifier"]

    def test_every_fault_of_one_claim(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("Bad Id", "amazon", "Capex", "money", "5 USD")
        paths = [p for _, p, _ in _problems(self._load(tmp_path, text))]
        assert paths == ["$.claims[0].id", "$.claims[0].property"]

    def test_unknown_key_is_named(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("c1", "amazon", "capex", "money", "5 USD").replace("rank", "rnak")
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path == "$.claims[0].rnak"
        assert "unknown key" in reason

    def test_text_where_a_list_belongs(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("c1", "amazon", "capex", "money", "5 USD").replace(
            'sources = [{ file = "x.txt", quote = "some words" }]', 'sources = "x.txt"')
        # One problem, not one per character.
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path == "$.claims[0].sources"
        assert "list" in reason

    def test_nested_path(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("c1", "amazon", "capex", "money", "5 USD").replace(
            'quote = "some words"', "quote = 5")
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path == "$.claims[0].sources[0].quote"
        assert "text" in reason

    def test_unknown_party_and_subject(self, tmp_path: Path) -> None:
        text = USER_TOML.replace('investee = "acme"', 'investee = "acme-typo"').replace(
            'subject = "amazon-acme-2026"\nproperty = "investment"\nkind = "money"\nvalue = "3000000000 USD"',
            'subject = "nobody"\nproperty = "investment"\nkind = "money"\nvalue = "3000000000 USD"')
        got = _problems(self._load(tmp_path, text))
        paths = {p for _, p, _ in got}
        assert "$.deals[0].investee" in paths
        assert "$.claims[2].subject" in paths

    def test_duplicate_of_a_builtin_id(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("a26-announced", "amazon", "capex", "money", "5 USD")
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path == "$.claims[0].id"
        assert "duplicate id" in reason

    def test_a_second_preferred_claim(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml(
            "my-valuation", "amazon-anthropic-2026", "valuation", "money", "400000000000 USD", rank="preferred")
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path == "$.claims[0].rank"
        assert "second preferred" in reason

    def test_kind_must_fit_the_slot(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("my-valuation", "amazon-anthropic-2026", "valuation", "power", "5 GW")
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path == "$.claims[0].kind"
        assert "money" in reason

    def test_deprecated_needs_a_note(self, tmp_path: Path) -> None:
        text = "format = 1\n" + _claim_toml("c1", "amazon", "capex", "money", "5 USD", rank="deprecated")
        ((_, path, reason),) = _problems(self._load(tmp_path, text))
        assert path.startswith("$.claims[0]")
        assert "note" in reason

    def test_deal_without_announcement(self, tmp_path: Path) -> None:
        text = USER_TOML.replace('property = "announced"', 'property = "announced.draft"')
        got = _problems(self._load(tmp_path, text))
        assert any(path.startswith("$.deals[0]") and "announced" in reason for _, path, reason in got)

    def test_tranches_above_the_investment(self, tmp_path: Path) -> None:
        text = USER_TOML.replace('value = "500000000 USD"', 'value = "2500000000 USD"')
        got = _problems(self._load(tmp_path, text))
        assert [(p, "cannot fit" in r) for _, p, r in got] == [("$.deals[0].tranches", True)]

    @pytest.mark.parametrize(
        ("content", "reason"),
        [
            (b"", "empty"),
            (b"format = 1\n[[claims]\n", "not valid TOML"),
            (b"\xff\xfe format", "UTF-8"),
            (b"format = 2\n", "unsupported format"),
        ],
    )
    def test_unreadable_files(self, tmp_path: Path, content: bytes, reason: str) -> None:
        path = tmp_path / "bad.toml"
        path.write_bytes(content)
        with pytest.raises(CatalogError) as exc:
            load_catalog(path)
        (problem,) = exc.value.problems
        assert problem.file == str(path)
        assert reason in problem.reason

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(CatalogError, match="cannot read"):
            load_catalog(tmp_path / "absent.toml")

    def test_every_file_is_reported_at_once(self, tmp_path: Path) -> None:
        a = _user_file(tmp_path, "format = 1\n" + _claim_toml("c1", "amazon", "capex", "money", "$5B"), "a.toml")
        b = _user_file(tmp_path, "", "b.toml")
        with pytest.raises(CatalogError) as exc:
            load_catalog(a, b)
        assert {p.file for p in exc.value.problems} == {str(a), str(b)}

    def test_the_message_lists_every_problem(self, tmp_path: Path) -> None:
        text = (
            "format = 1\n"
            + _claim_toml("c1", "amazon", "capex", "money", "$5B")
            + _claim_toml("c2", "amazon", "capex", "money", "$6B")
        )
        exc = self._load(tmp_path, text)
        lines = str(exc.value).splitlines()
        assert lines[0] == "2 problems:"
        assert "bad.toml: $.claims[0].value" in lines[1]
        assert "bad.toml: $.claims[1].value" in lines[2]


class TestCatalogBuild:
    def test_build_from_structured_files(self) -> None:
        rebuilt = Catalog.build([(None, CATALOG.to_file())])
        assert rebuilt.deals() == CATALOG.deals()
        assert rebuilt.all_claims == CATALOG.all_claims

    def test_claims_are_claims(self) -> None:
        assert all(isinstance(c, Claim) for c in CATALOG.all_claims)


class TestTypedBest:
    def test_the_value_typed_by_kind(self) -> None:
        catalog = builtin_catalog()
        investment = catalog.best("amazon-anthropic-2026", "investment", CurrencyAmount)
        assert investment == Estimate.at_most(CurrencyAmount.parse("$25 billion"))
        capacity = catalog.best("amazon-anthropic-2026", "compute.new-capacity.capacity", Power)
        assert capacity.high == Power(5, "GW")

    def test_without_a_kind_the_claim_or_none(self) -> None:
        catalog = builtin_catalog()
        best = catalog.best("amazon-anthropic-2026", "investment")
        assert best is not None and best.rank is Rank.PREFERRED
        assert catalog.best("amazon-anthropic-2026", "no-such-property") is None

    def test_a_missing_claim_with_a_kind_is_an_unknown_deal_error(self) -> None:
        with pytest.raises(UnknownDealError, match="no claim of 'no-such-property'"):
            builtin_catalog().best("amazon-anthropic-2026", "no-such-property", CurrencyAmount)

    def test_a_wrong_kind_is_a_dimension_error(self) -> None:
        from dealkit import DimensionError

        with pytest.raises(DimensionError, match="holds CurrencyAmount values, not Power"):
            builtin_catalog().best("amazon-anthropic-2026", "investment", Power)
