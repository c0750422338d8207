"""Checking claims against the articles they cite: each quote stands verbatim in its article.

A claim's source names an article by file name and quotes the words in it that
state the figure.  :func:`verify_sources` reads each cited article once from a
directory and reports every source whose article is missing (or unreadable)
and every quote the article does not hold.  "Verbatim" allows for two things
only, neither of which changes a word: runs of whitespace (spaces, line breaks,
no-break spaces) count as one space, and typographic quotes count as straight
ones (``’`` as ``'``, ``“`` as ``"``).  Dashes, case and everything else must
match as written.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Final

import attrs

from .._args import check_instance, check_items, check_path, check_text, file_errors
from .._errors import PathError, Problem, short_path
from .._model import Claim, Source, WebSource
from ._catalog import Catalog
from ._shapes import CatalogFile, DealShape

__all__ = ["MAX_ARTICLE_BYTES", "normalize_quote", "unchecked_sources", "verify_sources"]

#: The largest article read (16 MiB); a larger file is reported, not read.
MAX_ARTICLE_BYTES: Final = 16 * 1024 * 1024

#: Typographic quotes and the straight quote each stands for.
_QUOTES: Final = str.maketrans({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"',
})


def normalize_quote(text: str) -> str:
    """``text`` with typographic quotes made straight and each run of whitespace one space.

    >>> normalize_quote("Amazon\u2019s  \u201cup to\\n$25 billion\u201d")
    'Amazon\\'s "up to $25 billion"'
    """
    return " ".join(check_text(text, "text").translate(_QUOTES).split())


def verify_sources(
    content: Catalog | CatalogFile | Iterable[Claim],
    sources: str | os.PathLike[str],
    *,
    file: str | None = None,
) -> list[Problem]:
    """Every problem with the article sources of ``content``, checked against the articles in ``sources``.

    The sources of claims and of a deal's structural facts (``$.deals[0].investors[1].sources[0]``)
    are checked.  Each problem names its claim or deal (its id in the reason), the path of
    the source in the file (``$.claims[3].sources[0].quote``) and ``file``: an article
    missing from ``sources`` or unreadable (at ``.file``), or a quote its article does not
    hold (at ``.quote``), whitespace and typographic quotes aside.  Articles are read once
    each.  A web page (:class:`~dealkit.WebSource`) is not read: :func:`unchecked_sources`
    names those.  An empty list means every quote of an article stands in it.

    Raises:
        PathError: ``sources`` is not a directory that can be read.

    .. versionadded:: 0.2
    """
    root = check_path(sources, "sources")
    with file_errors(root, "read directory"):
        if not root.is_dir():
            raise PathError("not a directory of articles", file=str(root))
    articles: dict[str, str | Problem] = {}
    problems: list[Problem] = []
    for owner, here, source in _sources_of(content, file):
        if not isinstance(source, Source):
            continue
        article = articles.get(source.file)
        if article is None:
            article = articles[source.file] = _read_article(root / source.file)
        if isinstance(article, Problem):
            problems.append(Problem(f"{owner}: {article.reason}", f"{here}.file", source.file, file))
        elif normalize_quote(source.quote) not in article:
            problems.append(Problem(
                f"{owner}: the quote is not in {source.file} (verbatim but for whitespace and typographic quotes)",
                f"{here}.quote", source.quote, file,
            ))
    return problems


def unchecked_sources(
    content: Catalog | CatalogFile | Iterable[Claim], *, file: str | None = None
) -> list[Problem]:
    """The sources :func:`verify_sources` does not read: web pages, each named with its claim or deal.

    Each entry is a :class:`~dealkit.Problem` as a note: the claim or deal and why
    (``claim x: a web page, not an article file``), the path of the source, its URL.

    >>> from dealkit import builtin_catalog
    >>> notes = unchecked_sources(builtin_catalog())
    >>> all(n.value.startswith(("https://", "http://")) for n in notes)
    True

    .. versionadded:: 0.2
    """
    return [
        Problem(f"{owner}: a web page, not an article file: not checked", here, source.ref, file)
        for owner, here, source in _sources_of(content, file)
        if not isinstance(source, Source)
    ]


def _sources_of(
    content: object, file: str | None
) -> Iterator[tuple[str, str, Source | WebSource]]:
    """Every source of ``content`` as ``(owner, path, source)``: claims', then deals' structural facts."""
    if file is not None:
        check_instance(file, str, "file", "text or None")
    shapes: tuple[DealShape, ...] = ()
    if isinstance(content, Catalog):
        claims: tuple[Claim, ...] = content.all_claims
        shapes = content.shapes
    elif isinstance(content, CatalogFile):
        claims, shapes = content.claims, content.deals
    else:
        claims = check_items(content, Claim, "content", "Claims (or a Catalog or CatalogFile)")
    for i, claim in enumerate(claims):
        for j, source in enumerate(claim.sources):
            yield f"claim {claim.id}", f"$.claims[{i}].sources[{j}]", source
    for i, shape in enumerate(shapes):
        for here, source in _nested_sources(shape, f"$.deals[{i}]"):
            yield f"deal {shape.id}", here, source


def _nested_sources(item: object, path: str) -> Iterator[tuple[str, Source | WebSource]]:
    """The sources of an attrs object and of the attrs objects in its tuples, with their paths."""
    for name in _field_names(item):
        value = getattr(item, name)
        if not isinstance(value, tuple):
            continue
        for k, element in enumerate(value):
            here = f"{path}.{name}[{k}]"
            if isinstance(element, (Source, WebSource)):
                yield here, element
            elif attrs.has(type(element)):
                yield from _nested_sources(element, here)


def _field_names(item: object) -> tuple[str, ...]:
    """The field names of an attrs instance (none for anything else)."""
    return tuple(a.name for a in getattr(type(item), "__attrs_attrs__", ()))


def _read_article(path: Path) -> str | Problem:
    """The article's text, normalised, or the problem that keeps it from being read."""
    try:
        with path.open("rb") as handle:
            raw = handle.read(MAX_ARTICLE_BYTES + 1)
    except FileNotFoundError:
        return Problem(f"the article {path.name} is not in {short_path(str(path.parent))}")
    except OSError as exc:
        return Problem(f"the article {path.name} cannot be read: {exc.strerror or exc}")
    if len(raw) > MAX_ARTICLE_BYTES:
        return Problem(f"the article {path.name} is larger than {MAX_ARTICLE_BYTES} bytes")
    try:
        return normalize_quote(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        return Problem(f"the article {path.name} is not UTF-8 text (byte {exc.start})")
