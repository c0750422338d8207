"""From an article to a draft catalog file: one claim per figure, for a person to finish.

:func:`draft_catalog` reads an article with :func:`extract` and writes catalog
TOML: each figure becomes a ``[[claims]]`` table with its kind, canonical value,
qualifier, rank ``normal`` and one source (the article's file name and the words
that state the figure, verbatim).  The subject is the deal given, if any; the
property is guessed from the words around the figure ("valuation", "announced",
"investment", ...) where they say it, and left empty otherwise, with a comment
showing the sentence around the figure.  Once every empty field is filled, the
file passes ``dealkit validate``.
"""

from __future__ import annotations

import json
import re
from typing import Final

from .._errors import InvalidValueError
from .._model import FILE_RE, ID_RE
from .._values import PartialDate, approximate_bounds_are_default, canonical_text
from ._extract import extract
from ._figure import Figure

__all__ = ["draft_catalog"]

#: How many characters around a figure are read for its property.
_BEFORE: Final = 60
_AFTER: Final = 40

#: (kind, pattern over the words around the figure, property), first match wins.
_PROPERTY_GUESSES: Final[tuple[tuple[str, re.Pattern[str], str], ...]] = tuple(
    (kind, re.compile(pattern, re.I), prop)
    for kind, pattern, prop in (
        ("money", r"\bvaluation|\bvalued\b", "valuation"),
        ("money", r"\bimmediate(?:ly)?\b", "tranche.immediate.amount"),
        ("money", r"\bmilestones?\b|\bunlockable\b", "tranche.milestone_linked.amount"),
        ("money", r"\brun-rate\b|\brevenue\b", "revenue"),
        ("money", r"\bcapex\b|\bcapital (?:expenditures?|spending)\b", "capex"),
        ("money", r"\binvest(?:s|ed|ing|ment)?\b|\bstake\b", "investment"),
        ("money", r"\bspend(?:s|ing)?\b|\bcommitments?\b|\bpledge\b", "spend.amount"),
        ("money", r"\bdebt\b|\bloans?\b", "debt"),
        ("rate", r"\bprice\b|\btariff\b|\bPPA\b|\bcosts?\b", "price"),
        ("power", r"\bcapacity\b|\bcompute\b", "compute.capacity"),
        ("energy", r"\belectricity\b|\bconsum", "energy"),
        ("date", r"\bannounce[ds]?\b|\bannouncement\b", "announced"),
        ("date", r"\bonline\b|\benergi[sz]ed\b|\boperating\b", "online"),
        ("duration", r"\bover\b|\bterm\b|-year\b", "term"),
        ("count", r"\bGPUs?\b|\baccelerators?\b|\bchips?\b", "compute.chips"),
        ("count", r"\bemploy|\bjobs\b|\bpeople\b|\bstaff\b", "employees"),
    )
)


def _toml(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's (``\\"``, ``\\\\``, ``\\n``, ``\\uXXXX``)."""
    return json.dumps(text, ensure_ascii=False)


def _slug(source: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", source.lower().rsplit(".", 1)[0]).strip("-")[:60].strip("-")
    return base or "article"


def _context(text: str, f: Figure) -> tuple[str, str]:
    before = text[max(0, f.start - _BEFORE) : f.start]
    after = text[f.end : f.end + _AFTER]
    return before, after


def guess_property(text: str, f: Figure) -> str:
    """The property the words around ``f`` name, or ``""``.

    >>> t = "at Anthropic's current valuation of $380 billion"
    >>> guess_property(t, extract(t)[0])
    'valuation'
    """
    before, after = _context(text, f)
    # The sentence around the figure only.
    before = re.split(r"[.!?;\n]\s", before)[-1]
    after = re.split(r"[.!?;\n]\s", after)[0]
    best, distance = "", len(before) + len(after) + 1
    for kind, pattern, prop in _PROPERTY_GUESSES:
        if kind != f.kind:
            continue
        # The word nearest the figure names it: "valuation of $380 billion; revenue was $9B".
        for hit in pattern.finditer(before):
            if len(before) - hit.end() < distance:
                best, distance = prop, len(before) - hit.end()
        ahead = pattern.search(after)
        if ahead is not None and ahead.start() < distance:
            best, distance = prop, ahead.start()
    return best


def _bounds(f: Figure) -> list[str]:
    """``low`` and ``high`` of an approximate figure whose bounds are not the default ±10% ("nearly")."""
    if approximate_bounds_are_default(f.value):
        return []
    return [f"low = {_toml(canonical_text(f.kind, f.value.low))}", f"high = {_toml(canonical_text(f.kind, f.value.high))}"]


def draft_catalog(
    text: str,
    *,
    source: str,
    deal: str | None = None,
    reference: PartialDate | None = None,
) -> str:
    """A draft catalog file (TOML) holding one claim per figure of ``text``.

    Args:
        text: the article.
        source: the article's file name, as claims cite it (``002_71c77df9dbb0c619.txt``).
        deal: the id of the deal the claims are about; without it, every ``subject`` is left empty.
        reference: the date the article was written, for its relative dates.

    Raises:
        InvalidValueError: ``source`` is not a plain file name, ``deal`` not an id, or
            ``text`` not readable by :func:`extract`.

    >>> print(draft_catalog("Amazon will invest up to $25 billion.", source="a.txt", deal="amazon-x"))
    ... # doctest: +ELLIPSIS
    # Draft claims read from a.txt by `dealkit ingest`...
    format = 1
    <BLANKLINE>
    [[claims]]
    id = "a-001"
    subject = "amazon-x"
    property = "investment"
    kind = "money"
    value = "25000000000 USD"
    qualifier = "at_most"
    rank = "normal"
    sources = [{ file = "a.txt", quote = "up to $25 billion" }]
    <BLANKLINE>
    """
    if not isinstance(source, str) or FILE_RE.fullmatch(source) is None:
        raise InvalidValueError("the source is named by its file name (no directories)", source)
    if deal is not None and (not isinstance(deal, str) or ID_RE.fullmatch(deal) is None):
        raise InvalidValueError("a deal id is a lower-case slug", deal)
    figures = extract(text, reference=reference)
    slug = _slug(source)
    lines = [
        f"# Draft claims read from {source} by `dealkit ingest`: one per figure.",
        "# Fill every empty subject and property, check each value against its quote,",
        "# drop the claims that are not about the deal, then run `dealkit validate`.",
        "format = 1",
        "",
    ]
    for n, f in enumerate(figures, start=1):
        prop = guess_property(text, f)
        before, after = _context(text, f)
        if not prop:
            context = " ".join(f"{before}[{f.words}]{after}".split())
            lines.append(f"# property? ...{context}...")
        lines += [
            "[[claims]]",
            f"id = {_toml(f'{slug}-{n:03}')}",
            f"subject = {_toml(deal or '')}",
            f"property = {_toml(prop)}",
            f"kind = {_toml(f.kind)}",
            f"value = {_toml(f.value_text)}",
            f"qualifier = {_toml(f.qualifier.value)}",
            *_bounds(f),
            'rank = "normal"',
            f"sources = [{{ file = {_toml(source)}, quote = {_toml(' '.join(f.words.split()))} }}]",
            "",
        ]
    return "\n".join(lines) + "\n"
