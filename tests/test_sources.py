"""Quotes checked against the articles they cite: ``verify_sources`` and ``dealkit validate --sources``.

The first tests build their own articles, so they run anywhere; the ones that
read the five seed articles use the ``seeds_dir`` fixture (skipped with the
reason when the articles are absent, failed under ``DEALKIT_REQUIRE_SEEDS=1``).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dealkit import PathError, builtin_catalog
from dealkit.catalog import CatalogFile, normalize_quote, structure_catalog, unchecked_sources, verify_sources
from dealkit.cli._app import main

ARTICLE = (
    "Acme said on Monday it would invest up to\n   $2\u00a0billion in the lab\u2019s next model, "
    "\u201cfor at least a decade\u201d.  Capacity: 30\u201350 megawatts."
)


def _file(*sources: tuple[str, str]) -> dict[str, Any]:
    """A catalog file with one claim about the built-in party ``amazon`` citing ``sources``."""
    return {"format": 1, "claims": [{
        "id": "quoted", "subject": "amazon", "property": "quoted.figure", "kind": "money",
        "value": "2000000000 USD", "qualifier": "at_most",
        "sources": [{"file": f, "quote": q} for f, q in sources],
    }]}


PAGE: dict[str, str] = {"url": "https://example.com/acme-lab", "publisher": "Example News",
                        "quote": "up to $2 billion", "retrieved": "2026-12-01"}


def _with_page() -> dict[str, Any]:
    """:func:`_file` whose claim cites an article and a web page, and a deal whose investor cites both."""
    data = _file(("acme.txt", "invest up to $2 billion"))
    data["claims"][0]["sources"].append(dict(PAGE))
    data["parties"] = [{"id": "acme", "name": "Acme"}, {"id": "lab", "name": "A Lab"}]
    data["deals"] = [{
        "id": "acme-lab-2027", "title": "Acme backs A Lab", "investee": "lab",
        "investors": [{"party": "acme", "sources": [{"file": "acme.txt", "quote": "Acme said on Monday"},
                                                    dict(PAGE)]}],
    }]
    data["claims"].append({
        "id": "al-announced", "subject": "acme-lab-2027", "property": "announced", "kind": "date",
        "value": "2027-03-02", "qualifier": "exact", "sources": [{"file": "acme.txt", "quote": "on Monday"}],
    })
    return data


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    root = tmp_path / "articles"
    root.mkdir()
    (root / "acme.txt").write_text(ARTICLE, encoding="utf-8")
    return root


class TestNormalisation:
    @pytest.mark.parametrize(("text", "expected"), [
        ("up to\n   $2\u00a0billion", "up to $2 billion"),  # line break, spaces, a no-break space
        ("lab\u2019s", "lab's"), ("\u201cfor\u201d", '"for"'), ("\u2018a\u2019", "'a'"),
        ("30\u201350", "30\u201350"),  # a dash is not a quote: kept
        ("  edges  ", "edges"),
    ])
    def test_whitespace_and_typographic_quotes_only(self, text: str, expected: str) -> None:
        assert normalize_quote(text) == expected


class TestVerifySources:
    @pytest.mark.parametrize("quote", [
        "invest up to $2 billion",  # the article breaks the line and uses a no-break space
        "the lab's next model",  # a straight apostrophe for the article's typographic one
        '"for at least a decade"',
        "30\u201350 megawatts",
    ])
    def test_quotes_that_stand(self, articles: Path, quote: str) -> None:
        assert verify_sources(structure_catalog(_file(("acme.txt", quote))), articles) == []

    @pytest.mark.parametrize("quote", [
        "invest up to $3 billion",  # a changed figure
        "invest up to $2 Billion",  # case is not normalised
        "30-50 megawatts",  # nor a dash
        "investing up to $2 billion",  # nor a word
    ])
    def test_a_changed_quote_is_reported_with_the_claim_id(self, articles: Path, quote: str) -> None:
        (problem,) = verify_sources(structure_catalog(_file(("acme.txt", quote))), articles, file="mine.toml")
        assert (problem.file, problem.path, problem.value) == ("mine.toml", "$.claims[0].sources[0].quote", quote)
        assert problem.reason.startswith("claim quoted: the quote is not in acme.txt")

    def test_a_missing_article_is_reported_at_the_file(self, articles: Path) -> None:
        content = structure_catalog(_file(("acme.txt", "up to $2 billion"), ("gone.txt", "anything")))
        (problem,) = verify_sources(content, articles)
        assert (problem.path, problem.value) == ("$.claims[0].sources[1].file", "gone.txt")
        assert "claim quoted" in problem.reason and "gone.txt is not in" in problem.reason

    def test_an_article_that_is_not_text(self, articles: Path) -> None:
        (articles / "binary.txt").write_bytes(b"\xff\xfe\x00")
        (problem,) = verify_sources(structure_catalog(_file(("binary.txt", "x"))), articles)
        assert "not UTF-8" in problem.reason

    def test_each_article_is_read_once(self, articles: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        import dealkit.catalog._sources as sources

        reads: list[Path] = []
        real = sources._read_article
        monkeypatch.setattr(sources, "_read_article", lambda p: reads.append(p) or real(p))
        content = CatalogFile(claims=structure_catalog(_file(*[("acme.txt", "up to $2 billion")] * 5)).claims)
        assert verify_sources(content, articles) == []
        assert reads == [articles / "acme.txt"]

    @pytest.mark.parametrize("where", ["no-such-dir", "a\x00b"])
    def test_sources_must_be_a_directory(self, tmp_path: Path, where: str) -> None:
        with pytest.raises(PathError):
            verify_sources(builtin_catalog(), tmp_path / where)


class TestWebPagesAndStructuralFacts:
    """Web pages are named, not read; the sources of a deal's structural facts are checked too."""

    def test_a_web_page_is_not_read_but_named(self, articles: Path) -> None:
        content = structure_catalog(_with_page())
        assert verify_sources(content, articles, file="mine.toml") == []
        notes = unchecked_sources(content, file="mine.toml")
        assert [(n.path, n.value, n.file) for n in notes] == [
            ("$.claims[0].sources[1]", "https://example.com/acme-lab", "mine.toml"),
            ("$.deals[0].investors[0].sources[1]", "https://example.com/acme-lab", "mine.toml"),
        ]
        assert notes[0].reason == "claim quoted: a web page, not an article file: not checked"
        assert notes[1].reason.startswith("deal acme-lab-2027: ")

    def test_a_structural_fact_with_a_changed_quote(self, articles: Path) -> None:
        data = _with_page()
        data["deals"][0]["investors"][0]["sources"][0]["quote"] = "Acme said on Tuesday"
        (problem,) = verify_sources(structure_catalog(data), articles)
        assert problem.path == "$.deals[0].investors[0].sources[0].quote"
        assert problem.reason.startswith("deal acme-lab-2027: the quote is not in acme.txt")

    def test_the_command_passes_and_names_the_pages(
        self, tmp_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(_with_page()), encoding="utf-8")
        assert main(["validate", "--sources", str(articles), str(path)]) == 0
        out = capsys.readouterr().out
        assert "web pages, not article files, so not checked (2): claim quoted, deal acme-lab-2027" in out
        assert main(["validate", "--sources", str(articles), str(path), "--format", "json"]) == 0
        data = json.loads(capsys.readouterr().out)
        assert data["valid"] is True and data["problems"] == []
        assert [u["path"] for u in data["unchecked"]] == ["$.claims[0].sources[1]", "$.deals[0].investors[0].sources[1]"]


class TestCommand:
    def test_a_changed_quote_fails_clearly(
        self, tmp_path: Path, articles: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(_file(("acme.txt", "invest up to $3 billion"))), encoding="utf-8")
        assert main(["validate", "--sources", str(articles), str(path)]) == 1
        (line,) = capsys.readouterr().err.splitlines()
        assert line == (f"{path}: $.claims[0].sources[0].quote: claim quoted: the quote is not in acme.txt "
                        "(verbatim but for whitespace and typographic quotes) (got 'invest up to $3 billion')")

    def test_without_sources_quotes_are_not_read(self, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
        path = tmp_path / "mine.json"
        path.write_text(json.dumps(_file(("acme.txt", "invest up to $3 billion"))), encoding="utf-8")
        assert main(["validate", str(path)]) == 0

    def test_sources_that_are_no_directory_is_a_usage_error(
        self, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        assert main(["validate", "--sources", str(tmp_path / "nowhere")]) == 2
        assert "not a directory of articles" in capsys.readouterr().err

    def test_validate_needs_something_to_check(self, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["validate"]) == 2


class TestTheSeeds:
    """The built-in catalog against the five seed articles."""

    def test_the_builtin_catalog_passes(self, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["validate", "--sources", str(seeds_dir)]) == 0
        out = capsys.readouterr().out
        assert "every quote stands in its article" in out
        assert verify_sources(builtin_catalog(), seeds_dir) == []
        # The field part cites web pages: named as not checked, never a failure.
        pages = unchecked_sources(builtin_catalog())
        assert pages and all(str(p.value).startswith(("https://", "http://")) for p in pages)
        line = next(x for x in out.splitlines() if x.startswith("web pages, not article files"))
        assert line.startswith(f"web pages, not article files, so not checked ({len(pages)}): claim ")
        named = line.split("): ", 1)[1].split(", ")
        assert len(named) == 6 and named[-1] == "…"  # five named, the rest in --format json

    def test_the_lines_speak_the_locale(self, seeds_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
        assert main(["validate", "--sources", str(seeds_dir), "--locale", "de_DE"]) == 0
        out = capsys.readouterr().out.splitlines()
        assert out[0] == "der eingebaute Katalog ist gültig"
        assert out[1] == f"jedes Zitat steht in seinem Artikel in {seeds_dir}"
        assert out[2].startswith("Webseiten, keine Artikeldateien, daher nicht geprüft (")

    def test_a_changed_quote_in_a_copy_of_the_seeds_fails(
        self, seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        # The same articles, with one figure changed in 002: the claims quoting it fail, by id.
        copy = tmp_path / "seeds"
        copy.mkdir()
        for article in seeds_dir.iterdir():
            text = article.read_text(encoding="utf-8")
            if article.name.startswith("002_"):
                assert "current valuation of $380 billion" in text
                text = text.replace("current valuation of $380 billion", "current valuation of $350 billion")
            (copy / article.name).write_text(text, encoding="utf-8")
        assert main(["validate", "--sources", str(copy)]) == 1
        (line,) = capsys.readouterr().err.splitlines()
        assert "$.claims[" in line and "claim a26-valuation: the quote is not in 002_71c77df9dbb0c619.txt" in line
        assert line.startswith("dealkit/catalog/builtin/10-amazon-anthropic-2026.toml: ")

    def test_a_missing_seed_article_fails(
        self, seeds_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        copy = tmp_path / "seeds"
        copy.mkdir()
        for article in seeds_dir.iterdir():
            if not article.name.startswith("004_"):
                (copy / article.name).write_bytes(article.read_bytes())
        assert main(["validate", "--sources", str(copy)]) == 1
        err = capsys.readouterr().err
        assert "the article 004_481d9e1685682065.txt is not in" in err
        assert "claim a26-compute:" in err
