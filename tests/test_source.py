"""Source kinds: a seed article (file name) or a web page (URL, publisher, dates); both validate, both show."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import pytest

import dealkit
from dealkit import (
    Catalog,
    CatalogError,
    Claim,
    CurrencyAmount,
    Estimate,
    InvalidValueError,
    PartialDate,
    Rank,
    Source,
    WebSource,
)
from dealkit.catalog import structure_catalog
from dealkit.cli._app import main
from tests.catalog_fixtures import MINIMAL, WEB_SOURCE, claim, claims_file, web_source

URL = "https://www.example.com/2026/03/02/acme-backs-a-lab"
DAY = PartialDate.parse("2026-12-01")


def _page(**changes: Any) -> WebSource:
    fields: dict[str, Any] = {
        "url": URL, "publisher": "Example News", "quote": "up to $2 billion", "retrieved": DAY,
        "published": PartialDate.parse("2026-03-02"),
    }
    fields.update(changes)
    return WebSource(**fields)


def _claim(*sources: Source | WebSource) -> Claim:
    return Claim("c1", "acme-lab-2027", "investment", "money",
                 Estimate.at_most(CurrencyAmount.parse("$2B")), sources, Rank.PREFERRED)


class TestWebSource:
    def test_fields(self) -> None:
        page = _page()
        assert (page.kind, page.ref, page.publisher, str(page.published), str(page.retrieved)) == (
            "web", URL, "Example News", "2026-03-02", "2026-12-01"
        )

    def test_the_publication_date_may_be_unknown(self) -> None:
        assert _page(published=None).published is None

    @pytest.mark.parametrize(
        ("field", "value", "reason"),
        [
            ("quote", " ".join(["word"] * 11), "a web page is quoted in at most 10 of its words"),
            ("quote", "   ", "a quote must not be empty"),
            ("publisher", "", "a publisher must not be empty"),
            ("url", "example.com/a", "a web page is named by its absolute http(s) URL"),
            ("url", "https://example.com/a b", "a web page is named by its absolute http(s) URL"),
            ("url", "javascript:alert(1)", "a web page is named by its absolute http(s) URL"),
            ("retrieved", "2026-12-01", "must be PartialDate, not str"),
            ("published", "2026-03", "must be PartialDate, not str"),
        ],
    )
    def test_refuses(self, field: str, value: object, reason: str) -> None:
        with pytest.raises(InvalidValueError, match=re.escape(reason)) as info:
            _page(**{field: value})
        assert info.value.path == f"$.{field}"

    def test_ten_words_are_enough(self) -> None:
        assert len(_page(quote=" ".join(["w"] * 10)).quote.split()) == 10

    def test_an_article_keeps_its_twelve_words(self) -> None:
        # The seed articles' quotes keep their own limit; only a page's words are held to ten.
        assert len(Source("a.txt", " ".join(["w"] * 12)).quote.split()) == 12


class TestClaimSources:
    def test_refs_files_and_kinds(self) -> None:
        c = _claim(Source("press.txt", "up to $2 billion"), _page())
        assert c.refs == ("press.txt", URL)
        assert c.files == ("press.txt",)
        assert [s.kind for s in c.sources] == ["article", "web"]
        assert c.sources_of("web") == (c.sources[1],)

    def test_published_is_the_earliest_publication_date(self) -> None:
        c = _claim(_page(published=PartialDate.parse("2026-03-02")), _page(published=PartialDate.parse("2026-02")),
                   _page(published=None))
        assert c.published == PartialDate.parse("2026-02")  # Feb 1 comes before March 2

    def test_a_claim_of_seed_articles_has_no_publication_date(self) -> None:
        assert _claim(Source("press.txt", "up to $2 billion")).published is None

    def test_a_source_of_another_type_is_refused(self) -> None:
        with pytest.raises(InvalidValueError, match="must be Source or WebSource"):
            _claim("press.txt")  # type: ignore[arg-type]


class TestFiles:
    def test_both_kinds_load_and_round_trip(self) -> None:
        data = claims_file(claim(sources=[{"file": "press.txt", "quote": "5 GW"}, web_source()]))
        content = structure_catalog(copy.deepcopy(data))
        [loaded] = content.claims
        assert loaded.sources == (
            Source("press.txt", "5 GW"),
            WebSource(WEB_SOURCE["url"], "Example News", "up to 5 GW", DAY, PartialDate.parse("2026-03-02")),
        )
        assert content.to_data()["claims"][0]["sources"] == data["claims"][0]["sources"]

    def test_an_undated_page_writes_no_publication_date(self) -> None:
        data = claims_file(claim(sources=[web_source(published=None)]))
        written = structure_catalog(copy.deepcopy(data)).to_data()["claims"][0]["sources"][0]
        assert "published" not in written and written["retrieved"] == "2026-12-01"

    def test_a_source_naming_both_is_one_problem(self) -> None:
        with pytest.raises(CatalogError) as info:
            structure_catalog(claims_file(claim(sources=[web_source(file="press.txt")])), file="mine.toml")
        [problem] = info.value.problems
        assert problem.path == "$.claims[0].sources[0]"
        assert "either a seed article ('file') or a web page ('url'" in problem.reason
        assert problem.file == "mine.toml"

    def test_every_fault_of_a_page_is_reported(self) -> None:
        bad = web_source(url="ftp://x", publisher="", quote=" ".join(["w"] * 11), retrieved=None)
        with pytest.raises(CatalogError) as info:
            structure_catalog(claims_file(claim(sources=[bad])))
        assert {p.path for p in info.value.problems} == {
            f"$.claims[0].sources[0].{k}" for k in ("url", "publisher", "quote", "retrieved")
        }

    def test_a_page_read_before_it_was_published_is_refused(self) -> None:
        data = copy.deepcopy(MINIMAL)
        data["claims"][1]["sources"] = [web_source(published="2027-01-05", retrieved="2026-12-01")]
        with pytest.raises(CatalogError) as info:
            Catalog.build([("mine.toml", structure_catalog(data, file="mine.toml"))])
        [problem] = info.value.problems
        assert (problem.file, problem.path) == ("mine.toml", "$.claims[1].sources[0].published")
        assert "cannot be published (2027-01-05) after it was read (2026-12-01)" in problem.reason

    def test_a_page_of_the_same_month_as_its_reading_is_accepted(self) -> None:
        # Published some day in December, read on December 1: the page may well be older than the reading.
        data = copy.deepcopy(MINIMAL)
        data["claims"][1]["sources"] = [web_source(published="2026-12", retrieved="2026-12-01")]
        Catalog.build([("mine.toml", structure_catalog(data, file="mine.toml"))])

    def test_structural_facts_take_pages_too(self) -> None:
        data = copy.deepcopy(MINIMAL)
        data["deals"][0]["sources"] = [web_source(quote="Acme backs A Lab")]
        catalog = Catalog.build([("mine.toml", structure_catalog(data, file="mine.toml"))])
        [page] = catalog.deal("acme-lab-2027").sources
        assert isinstance(page, WebSource) and page.quote == "Acme backs A Lab"


def _write(tmp_path: Path, data: dict[str, Any]) -> str:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


class TestShown:
    @pytest.fixture
    def catalog(self, tmp_path: Path) -> str:
        data = copy.deepcopy(MINIMAL)
        data["claims"][1]["sources"] = [web_source(quote="up to $2 billion")]
        data["claims"][2]["sources"].append(web_source(published=None, quote="$500 million now"))
        return _write(tmp_path, data)

    def test_show_names_publisher_dates_url_and_words(self, catalog: str, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["show", "acme-lab-2027", "--catalog", catalog]) == 0
        out = capsys.readouterr().out
        assert f'Example News (published 2026-03-02; read 2026-12-01) {URL} "up to $2 billion"' in out
        assert f'Example News (undated; read 2026-12-01) {URL} "$500 million now"' in out
        assert 'press.txt "$500 million now"' in out  # the article beside it

    def test_claims_json_lists_urls_publishers_and_publication(
        self, catalog: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["claims", "acme-lab-2027", "--format", "json", "--catalog", catalog]) == 0
        rows = {r["id"]: r for r in json.loads(capsys.readouterr().out)}
        assert rows["al-investment"]["sources"] == [URL]
        assert rows["al-investment"]["publishers"] == ["Example News"]
        assert rows["al-investment"]["published"] == "2026-03-02"
        assert rows["al-immediate"]["sources"] == ["press.txt", URL]
        assert rows["al-immediate"]["publishers"] == ["", "Example News"]
        assert rows["al-immediate"]["published"] is None  # neither source gives a date
        assert rows["al-announced"]["published"] is None

    def test_the_claims_table_shows_publication_dates_when_there_are_some(
        self, catalog: str, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["claims", "acme-lab-2027", "--catalog", catalog]) == 0
        header = capsys.readouterr().out.splitlines()[0].split()
        assert "published" in header and header.index("published") < header.index("sources")

    def test_a_table_of_seed_claims_has_no_publication_column(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["claims", "amazon-anthropic-2026"]) == 0
        assert "published" not in capsys.readouterr().out.splitlines()[0].split()


def test_the_public_names() -> None:
    assert dealkit.WebSource is WebSource
    assert WebSource.__module__ == "dealkit"
