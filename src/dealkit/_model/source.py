"""Where a claim comes from: a seed article named by its file, or a web page named by its URL.

Both kinds carry the few words of the source that state the figure.  A web
page also names its publisher, the day it was published (when the page says)
and the day its text was read; a claim's freshness is the publication date of
its sources (:attr:`dealkit.Claim.published`).
"""

from __future__ import annotations

import re
from typing import Final, Literal, TypeAlias, final

import attrs

from .._values import PartialDate
from .validators import Matches, Text, TupleOf, instance_of, optional_instance_of

__all__ = [
    "FILE_RE",
    "MAX_PAGE_QUOTE_WORDS",
    "MAX_QUOTE_WORDS",
    "SOURCE_KINDS",
    "URL_RE",
    "AnySource",
    "Source",
    "SourceKind",
    "WebSource",
    "check_file",
    "check_page_quote",
    "check_publisher",
    "check_quote",
    "check_sources",
    "check_url",
]

#: The longest quote a source may carry: a few words, never whole sentences.
MAX_QUOTE_WORDS: Final = 12
#: The longest quote of a web page: at most ten of its words.
MAX_PAGE_QUOTE_WORDS: Final = 10
FILE_RE: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,120}", re.ASCII)
#: An absolute http(s) URL: a host, then an optional path, query and fragment, without spaces or quotes.
URL_RE: Final = re.compile(
    r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!#-&(-;=?-~]{0,1900})?",
    re.ASCII,
)

#: What a source is: a seed article (a file) or a web page (a URL).
SourceKind: TypeAlias = Literal["article", "web"]
SOURCE_KINDS: Final[tuple[SourceKind, ...]] = ("article", "web")

#: A seed article's quote: a few words stating the figure, never a sentence.
check_quote: Final = Text(
    required=True, max_words=MAX_QUOTE_WORDS, what="quote",
    too_long=f"a quote is a few words stating the figure (at most {MAX_QUOTE_WORDS}), not a sentence",
)
#: A web page's quote: at most ten of the page's words.
check_page_quote: Final = Text(
    max_length=300, required=True, max_words=MAX_PAGE_QUOTE_WORDS, what="quote",
    too_long=f"a web page is quoted in at most {MAX_PAGE_QUOTE_WORDS} of its words",
)
#: A source is named by its file name, without directories.
check_file: Final = Matches(FILE_RE, "a source is named by its file name (no directories)")
#: A web page is named by its absolute http(s) URL.
check_url: Final = Matches(URL_RE, "a web page is named by its absolute http(s) URL (no spaces or quotes)")
#: Who published a page: a name, not a sentence.
check_publisher: Final = Text(max_length=200, required=True, what="publisher")


@final
@attrs.frozen
class Source:
    """A seed article: its file name and the words in it that state the figure.

    >>> Source("002_71c77df9dbb0c619.txt", "up to $25 billion").quote
    'up to $25 billion'
    """

    file: str = attrs.field(validator=check_file)
    quote: str = attrs.field(validator=check_quote)

    @property
    def kind(self) -> SourceKind:
        """``"article"``."""
        return "article"

    @property
    def ref(self) -> str:
        """How the source is cited: its file name."""
        return self.file

    @property
    def published(self) -> PartialDate | None:
        """A seed article carries no publication date: ``None``."""
        return None


@final
@attrs.frozen
class WebSource:
    """A web page: its URL, publisher, publication and retrieval dates, and at most ten of its words.

    ``published`` is the day (or month, or year) the page says it was published,
    ``None`` when it does not say; ``retrieved`` is the day its text was read.

    >>> page = WebSource(
    ...     "https://www.nasdaq.com/articles/openai-deploy-6-gigawatts-amd-gpus", "Nasdaq (RTTNews)",
    ...     "a 6 gigawatt agreement", retrieved=PartialDate.parse("2026-12-01"),
    ...     published=PartialDate.parse("2025-10-06"))
    >>> page.ref, str(page.published)
    ('https://www.nasdaq.com/articles/openai-deploy-6-gigawatts-amd-gpus', '2025-10-06')
    """

    url: str = attrs.field(validator=check_url)
    publisher: str = attrs.field(validator=check_publisher)
    quote: str = attrs.field(validator=check_page_quote)
    retrieved: PartialDate = attrs.field(validator=instance_of(PartialDate))
    published: PartialDate | None = attrs.field(default=None, validator=optional_instance_of(PartialDate))

    @property
    def kind(self) -> SourceKind:
        """``"web"``."""
        return "web"

    @property
    def ref(self) -> str:
        """How the source is cited: its URL."""
        return self.url


#: Either kind of source.
AnySource: TypeAlias = Source | WebSource

#: The sources of a claim or of a structural fact: seed articles and web pages, in any order.
check_sources: Final = TupleOf((Source, WebSource))
