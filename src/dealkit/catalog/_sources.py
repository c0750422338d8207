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
from collections.abc import Iterable
from pathlib import Path
from typing import Final

from .._args import check_instance, check_items, check_path, check_text, file_errors
from .._errors import PathError, Problem, short_path
from .._model import Claim
from ._catalog import Catalog
from ._shapes import CatalogFile

__all__ = ["MAX_ARTICLE_BYTES", "normalize_quote", "verify_sources"]

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
    """Every problem with the sources of ``content``'s claims, checked against the articles in ``sources``.

    Each problem names the claim (its id in the reason), the path of the source in
    the file (``$.claims[3].sources[0].quote``) and ``file``: an article missing from
    ``sources`` or unreadable (at ``.file``), or a quote its article does not hold
    (at ``.quote``), whitespace and typographic quotes aside.  Articles are read once
    each.  An empty list means every quote stands in its article.

    Raises:
        PathError: ``sources`` is not a directory that can be read.

    .. versionadded:: 0.2
    """
    root = check_path(sources, "sources")
    with file_errors(root, "read directory"):
        if not root.is_dir():
            raise PathError("not a directory of articles", file=str(root))
    if file is not None:
        check_instance(file, str, "file", "text or None")
    if isinstance(content, (Catalog, CatalogFile)):
        claims: tuple[Claim, ...] = content.all_claims if isinstance(content, Catalog) else content.claims
    else:
        claims = check_items(content, Claim, "content", "Claims (or a Catalog or CatalogFile)")
    articles: dict[str, str | Problem] = {}
    problems: list[Problem] = []
    for i, claim in enumerate(claims):
        for j, source in enumerate(claim.sources):
            here = f"$.claims[{i}].sources[{j}]"
            article = articles.get(source.file)
            if article is None:
                article = articles[source.file] = _read_article(root / source.file)
            if isinstance(article, Problem):
                problems.append(Problem(
                    f"claim {claim.id}: {article.reason}", f"{here}.file", source.file, file,
                ))
            elif normalize_quote(source.quote) not in article:
                problems.append(Problem(
                    f"claim {claim.id}: the quote is not in {source.file} "
                    "(verbatim but for whitespace and typographic quotes)",
                    f"{here}.quote", source.quote, file,
                ))
    return problems


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
