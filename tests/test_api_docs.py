"""The API reference, read from the built site: every public name documented, every link resolved, no raw roles."""

from __future__ import annotations

import html
import importlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import dealkit

ROOT = Path(__file__).resolve().parent.parent
NAMESPACES = ("serialization", "catalog", "analysis", "extraction", "export", "plots", "cli")
ROLE = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-d", str(out)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr  # strict: a broken link or cross-reference fails the build
    return out


@pytest.fixture(scope="module")
def api(site) -> str:
    return (site / "api" / "index.html").read_text(encoding="utf-8")


def _text(fragment: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", fragment))


def _public_names() -> list[str]:
    names = [f"dealkit.{n}" for n in dealkit.__all__ if not n.startswith("__")]
    for namespace in NAMESPACES:
        module = importlib.import_module(f"dealkit.{namespace}")
        names += [f"dealkit.{namespace}.{n}" for n in module.__all__ if n not in dealkit.__all__]
    return names


def _entry(page: str, identifier: str) -> str:
    """The rendered entry of ``identifier``: from its heading to the next heading of its level or above."""
    match = re.search(rf'<h(\d) id="{re.escape(identifier)}"', page)
    assert match, f"{identifier} has no entry in the API reference"
    level = int(match.group(1))
    end = re.compile(rf"<h[1-{level}] ")
    following = end.search(page, match.end())
    return page[match.start(): following.start() if following else len(page)]


@pytest.mark.parametrize("identifier", _public_names())
def test_every_public_name_has_a_documented_entry(api, identifier):
    entry = _entry(api, identifier)
    contents = entry.split('class="doc doc-contents', 1)
    assert len(contents) == 2, identifier
    words = _text(contents[1]).split()
    assert len(words) >= 3, f"{identifier} is rendered without a docstring"


def test_no_raw_roles(site):
    for page in site.rglob("*.html"):
        text = _text(page.read_text(encoding="utf-8"))
        assert not ROLE.search(text), f"{page.relative_to(site)}: {ROLE.search(text)}"


def test_cross_references_are_links(api):
    # Written in docstrings as :class:`Metric`, :meth:`Estimate.parse`: rendered as links to their entries.
    links = set(re.findall(r'<a class="autorefs autorefs-internal" [^>]*href="#([^"]+)"', api))
    assert {"dealkit.Metric", "dealkit.CatalogError", "dealkit.Estimate.parse", "dealkit.serialization.plain_row"} <= links
    ids = set(re.findall(r'id="([^"]+)"', api))
    assert links <= ids


def test_every_link_between_pages_lands(site):
    ids: dict[Path, set[str]] = {}
    for page in site.rglob("*.html"):
        ids[page.resolve()] = set(re.findall(r'id="([^"]+)"', page.read_text(encoding="utf-8")))
    broken = []
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="([^"#:]*)#([^"]+)"', page.read_text(encoding="utf-8")):
            target = (page.parent / href[0]).resolve() if href[0] else page.resolve()
            if target.is_dir():
                target = target / "index.html"
            if target in ids and href[1] not in ids[target]:
                broken.append((str(page.relative_to(site)), href))
    assert broken == []


def test_stub_only_names_are_documented(api):
    # `ureg` exists only in __init__.pyi (it is built on first use).
    assert "registry" in _text(_entry(api, "dealkit.ureg"))
    assert "dealkit" in _text(_entry(api, "dealkit.ureg")).split("ureg", 2)[-1]
