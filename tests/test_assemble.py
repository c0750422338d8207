"""Catalog assembly is one pure step, and property names come from one table."""

from __future__ import annotations

import json

import pytest

import dealkit
from dealkit import Catalog, CatalogError, InvalidValueError
from dealkit._model import DEAL_PROPERTIES, parse_property, property_name
from dealkit.catalog import assemble, builtin_catalog
from tests.catalog_fixtures import CONSORTIUM, THREE_WAY, UNASSEMBLABLE

BUILTIN = builtin_catalog()


class TestOneWayToMakeACatalog:
    def test_the_public_constructor_builds_every_listed_deal(self):
        cat = Catalog(BUILTIN.parties, BUILTIN.shapes, BUILTIN.all_claims)
        for deal_id in cat.deal_ids():
            assert cat.deal(deal_id) == BUILTIN.deal(deal_id)

    def test_the_constructor_refuses_what_build_refuses(self):
        # Drop the claim that dates the 2026 deal: no constructor may list a deal it cannot build.
        claims = tuple(c for c in BUILTIN.all_claims if c.id != "a26-announced")
        with pytest.raises(CatalogError) as info:
            Catalog(BUILTIN.parties, BUILTIN.shapes, claims)
        problems = [(p.path, p.reason) for p in info.value.problems]
        assert ("$.deals[0].id", "the deal has no claim for 'announced'") in problems
        # The claims derived from the date (the OpenAI deal's, the stake before 2026) lose their input too.
        assert {r for _, r in problems} == {"the deal has no claim for 'announced'", "not a known claim"}

    def test_the_constructor_refuses_duplicate_ids(self):
        with pytest.raises(CatalogError, match="duplicate id"):
            Catalog(BUILTIN.parties + BUILTIN.parties[:1], BUILTIN.shapes, BUILTIN.all_claims)

    def test_build_names_the_file_and_its_own_path(self):
        files = [("a.toml", BUILTIN.to_file()), ("b.toml", BUILTIN.to_file())]
        with pytest.raises(CatalogError) as info:
            Catalog.build(files)
        first = info.value.problems[0]
        # The first party of b.toml repeats the first of a.toml.
        assert (first.file, first.path) == ("b.toml", "$.parties[0].id")
        assert "first at a.toml $.parties[0].id" in first.reason

    def test_assembly_is_deterministic_and_pure(self):
        args = (BUILTIN.parties, BUILTIN.shapes, BUILTIN.all_claims)
        one, two = assemble(*args), assemble(*args)
        assert one.deals == two.deals
        assert list(one.deals) == list(BUILTIN.deal_ids())
        assert one.problems == two.problems == []

    def test_merged_equals_loading_together(self):
        cat = BUILTIN.merged(Catalog((), (), ()))
        assert cat.deals() == BUILTIN.deals()


class TestPropertyTable:
    def test_every_slot_of_every_deal_is_in_the_table(self):
        for shape in BUILTIN.shapes:
            for name, kind in shape.slots().items():
                spec = parse_property(name)
                assert spec is not None, name
                assert spec.kind == kind

    @pytest.mark.parametrize(
        ("args", "expected"),
        [
            (("deal", "announced"), "announced"),
            (("tranche", "amount", "immediate"), "tranche.immediate.amount"),
            (("compute", "capacity", "new-capacity"), "compute.new-capacity.capacity"),
            (("spend", "term", "aws"), "spend.aws.term"),
            (("milestone", "date", "trainium2-online"), "milestone.trainium2-online.date"),
        ],
    )
    def test_names(self, args, expected):
        assert property_name(*args) == expected

    @pytest.mark.parametrize(
        "args", [("compute", "capcity", "x"), ("deal", "amount"), ("tranche", "amount"), ("deal", "investment", "x")]
    )
    def test_a_mistyped_property_fails_at_once(self, args):
        with pytest.raises(InvalidValueError):
            property_name(*args)

    def test_party_properties_are_not_deal_properties(self):
        assert parse_property("revenue.run_rate") is None
        assert parse_property("compute.new-capacity.energy") is None

    def test_the_table_covers_every_section(self):
        assert {p.section for p in DEAL_PROPERTIES} == {"deal", "investor", "tranche", "compute", "spend", "milestone"}
        assert all(p.required for p in DEAL_PROPERTIES if p.field in ("announced",))

    def test_the_command_cites_each_figure_it_shows(self, capsys):
        from dealkit.cli import main

        assert main(["show", "amazon-anthropic-2026"]) == 0
        out = capsys.readouterr().out
        deal = dealkit.get_deal("amazon-anthropic-2026")
        for c in deal.compute:
            best = BUILTIN.best(deal.id, property_name("compute", "capacity", c.name))
            assert best is not None
            # The capacity line carries a citation, and the source list quotes the claim it cites.
            line = next(ln for ln in out.splitlines() if ln.startswith("Compute:"))
            number = line.rsplit("[", 1)[1].rstrip("]")
            cited = next(ln for ln in out.splitlines() if ln.strip().startswith(f"[{number}]"))
            assert all(f'"{s.quote}"' in cited for s in best.sources)


class TestNewPartsAssemble:
    """Catalogs that read cleanly but cannot be assembled: one clear problem, with file and path."""

    @pytest.mark.parametrize("name", sorted(UNASSEMBLABLE))
    def test_each_is_refused_with_its_path(self, name, tmp_path):
        data, path, reason = UNASSEMBLABLE[name]
        target = tmp_path / "mine.json"
        target.write_text(json.dumps(data), encoding="utf-8")
        with pytest.raises(CatalogError) as info:
            dealkit.load_catalog(target)
        problems = [(p.file, p.path, p.reason) for p in info.value.problems]
        assert any(f == str(target) and p == path and reason in r for f, p, r in problems), problems

    @pytest.mark.parametrize("name", ["a three-way pact", "a four-investor consortium"])
    def test_the_multi_party_examples_load(self, name, tmp_path):
        data = {"a three-way pact": THREE_WAY, "a four-investor consortium": CONSORTIUM}[name]
        target = tmp_path / "mine.json"
        target.write_text(json.dumps(data), encoding="utf-8")
        cat = dealkit.load_catalog(target)
        assert len(cat.deal(data["deals"][0]["id"]).investors) >= 2
