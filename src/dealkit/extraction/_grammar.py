"""The regular expressions :func:`dealkit.extract` reads with, built once from the lexicon.

Every piece is bounded (at most 24 digits before the point and 20 after, at most
three blanks between words) and no repetition nests inside another, so each
match costs time linear in what it reads.  The scan for triggers runs over a
lower-cased copy of the text with a trie-shaped alternation (one character
comparison per branch), which keeps it near the speed of a plain digit scan.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from typing import Any, Final

from .._values import MONTHS
from ._lexicon import (
    DURATION_UNITS,
    ENERGY_UNITS,
    FOLD_WORDS,
    FRACTIONS,
    MULTIPLE_WORDS,
    POWER_UNITS,
    RATE_UNITS,
    SCALES,
    SYMBOLS,
    TEENS,
    TENS,
    UNITS,
    VAGUE_PLURALS,
    alternation,
)

__all__: list[str] = []

SP: Final = "[ \t\u00a0\u202f]"
#: One to three blanks between two words.
SPS: Final = SP + "{1,3}"
DIGITS: Final = r"[0-9]{1,3}(?:,[0-9]{3}){1,7}(?:\.[0-9]{1,20})?(?![0-9])|[0-9]{1,24}(?:\.[0-9]{1,20})?"

_UNIT_W: Final = alternation(UNITS)
_SMALL: Final = rf"(?:(?:{alternation(TENS)})(?:[- ](?:{_UNIT_W}))?|{alternation(TEENS)}|{_UNIT_W})"
_HUNDREDS: Final = rf"(?:(?:an?|{_UNIT_W}){SPS}hundred(?:{SPS}(?:and{SPS})?{_SMALL}\b)?)"
#: A spelled number: "five", "twenty-four", "a hundred and ten", "two and a half", "a dozen",
#: "half a", and the article "a"/"an" (read only before a unit or a scale).
WORD_NUMBER: Final = (
    rf"(?i:(?:{_HUNDREDS}|{_SMALL}|a{SPS}dozen|dozen|a{SPS}single|single|half{SPS}an?|an?)"
    rf"(?:{SPS}and{SPS}a{SPS}half)?)\b"
)
NUMBER_RE: Final = re.compile(rf"(?P<d>{DIGITS})|(?P<w>{WORD_NUMBER})")
SCALE_RE: Final = re.compile(
    rf"{SP}{{0,3}}(?P<word>(?i:{alternation(SCALES)}))\b|(?P<abbr>{SP}?(?i:bn|mn|tn)|[kmbtKMBT])(?![\w])"
)

#: What may follow a number, by kind of figure.
UNIT_RE: Final = re.compile(
    "|".join(
        (
            rf"(?P<percent>{SP}?%|{SPS}(?i:percent|per{SP}cent)\b)",
            r"(?P<x>[xX×](?![\w]))",
            r"(?P<fold>-?(?i:fold)\b)",
            rf"(?P<times>{SPS}(?i:times)\b)",
            rf"(?P<energy>(?:{SP}?|-)(?:{alternation(k for k in ENERGY_UNITS if k[-2:] == 'Wh')})\b"
            rf"|(?:{SPS}|-)(?i:{alternation(k for k in ENERGY_UNITS if k[-2:] != 'Wh')})\b)",
            rf"(?P<power>(?:{SP}?|-)(?:{alternation(k for k in POWER_UNITS if k[-1] == 'W')})\b"
            rf"|(?:{SPS}|-)(?i:{alternation(k for k in POWER_UNITS if k[-1] != 'W')})\b)",
            rf"(?P<duration>(?:{SPS}|-)(?i:{alternation(DURATION_UNITS)})\b(?!-old)(?:-long\b)?)",
        )
    )
)
#: A price's "per": "/MWh", " per megawatt-hour", " a year", " annually".
RATE_RE: Final = re.compile(
    rf"(?:{SP}?/{SP}?|{SPS}(?i:per|a|an|each){SPS}(?:(?i:an?|one){SPS})?)(?P<unit>(?i:{alternation(RATE_UNITS)}))\b"
    rf"|{SPS}(?P<annually>(?i:annually|per{SP}annum|a{SP}year))\b"
)
#: An ISO code after the number.
CODE_AFTER_RE: Final = re.compile(rf"{SP}?(?P<code>[A-Z]{{3}}|RMB)(?![\w])")
#: One to three words after the number, for currency names ("billion Japanese yen").
NAME_AFTER_RE: Final = re.compile(rf"{SPS}(?P<w1>[A-Za-z]+)(?:{SPS}(?P<w2>[A-Za-z]+))?(?:{SPS}(?P<w3>[A-Za-z]+))?")
SUBUNIT_RE: Final = re.compile(rf"{SP}?(?P<sub>¢)|{SPS}(?P<word>(?i:cents?|pence))\b|(?P<p>p)(?![\w])")
#: The noun of a count: a word after the number ("GPUs", "people", "card" in "10,000-card").
NOUN_RE: Final = re.compile(
    rf"(?P<sep>{SPS}|-|\+{SPS})(?P<noun>[a-z][a-z]*(?:-[a-z]+)?[a-z]|[A-Z]{{2,5}}s)(?![\w’'-])"
)
#: A separator between the two ends of a range.
RANGE_SEP_RE: Final = re.compile(rf"(?P<sep>{SP}{{0,2}}[–—-]{SP}{{0,2}}|{SPS}(?P<word>(?i:to|or|and)){SPS})")

def lower(text: str) -> str:
    """``text`` in lower case, one character for one, so offsets into it are offsets into ``text``.

    ``str.lower`` writes a few characters as two ("İ" as "i̇"); those are left as they are.

    >>> lower("Up To $5"), len(lower("İ 5 GW")) == len("İ 5 GW")
    ('up to $5', True)
    """
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


#: Phrases before a figure are matched backwards: these spell them reversed.
SENTENCE_END: Final = frozenset(".!?:;\n\"“”()[]—–")


def reversed_phrases(phrases: Iterable[str]) -> str:
    """An alternation matching each phrase written backwards, as it ends just before a figure.

    Each phrase is followed (in the text) by the blanks that separate it from the
    figure, except a symbol such as "~" that may touch it.
    """
    out = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = SPS.join(re.escape(part[::-1]) for part in reversed(phrase.split(" ")))
        lead = SPS if phrase[-1].isalpha() or phrase[-1] == "." else SP + "{0,3}"
        out.append(lead + body)
    return "(?:" + "|".join(out) + r")(?![\w])"


def trie(words: Iterable[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie (common prefixes shared), for speed."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if ends:
            body = (body if len(alts) == 1 and len(alts[0]) == 1 else f"(?:{body})") + "?"
        return body

    return emit(root)


#: Words that may start a figure, or carry one ("gigawatt" in "a gigawatt"), lower case.
TRIGGER_WORDS: Final = frozenset(
    {
        *UNITS, *TEENS, *TENS, "dozen", "dozens", "single",
        *SCALES, *VAGUE_PLURALS,
        *FRACTIONS, *MULTIPLE_WORDS, *FOLD_WORDS,
        *(k.lower() for k in POWER_UNITS if not k.endswith("W")),
        *(k.lower() for k in ENERGY_UNITS if not k.endswith("Wh")),
        "year", "month", "decade", "decades",
        "this year", "last year", "next year", "this month", "last month", "next month",
        "this quarter", "last quarter", "next quarter",
        "yesterday", "tomorrow", "year-end", "end of", "end-", "late", "early", "mid", "mid-",
        "fiscal", "fy", *(f"{qh}{n}" for qh in "qh" for n in "1234"),
        *(f"{o}{sep}{p}" for o in ("first", "second", "third", "fourth") for sep in (" ", "-")
          for p in ("quarter", "half")),
        *MONTHS,
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    }
)


@functools.cache
def trigger_re() -> re.Pattern[str]:
    """Where a figure may start or stand, in the lower-cased text: a run of digits, or a word.

    A currency before a number ("$", "EUR ") is found from the digits, looking back.
    """
    return re.compile(rf"(?P<d>[0-9]+)|(?<![a-z])(?P<w>{trie(TRIGGER_WORDS)})(?![a-z])")


#: A currency symbol or code just before a number, backwards ("$", "EUR ", "Rs. ").
PREFIX_BACK_RE: Final = re.compile(
    rf"{SP}?(?:(?P<sym>{alternation(s[::-1] for s in SYMBOLS)})|(?P<code>[A-Z]{{3}}|BMR|\.?sR)(?![A-Za-z]))"
)
