"""The words dealkit adds to figures, in the reader's language: gettext message catalogs.

Numbers, currency symbols, month and quarter names and unit words come from
CLDR through babel.  The words dealkit writes itself (the qualifiers "up to",
"by", "about"; "H2 2025", "2020s", "FY2027"; the command's labels and the
plots' titles) are English in the source and translated by gettext message
catalogs in ``dealkit/locale/<language>/LC_MESSAGES/dealkit.po``, managed with
babel's own tooling (``pybabel extract``, ``update``, ``compile``; the settings
are in ``pyproject.toml``).  The compiled ``.mo`` files are committed beside
the ``.po`` files, so the package needs no build step to speak them.

A locale without a catalog (``en_US``, ``pt_BR``) reads the English source
words; its numbers and dates still follow its CLDR data.

>>> translations("de_DE").gettext("up to {value}")
'bis zu {value}'
>>> translations("en_GB").gettext("up to {value}")
'up to {value}'
"""

from __future__ import annotations

import functools
import gettext
from pathlib import Path
from typing import Final

from .locales import resolve_locale

__all__ = ["CATALOG_LANGUAGES", "MESSAGE_DOMAIN", "N_", "locale_dir", "translations"]

#: The gettext domain of dealkit's catalogs (``dealkit.po``, ``dealkit.mo``).
MESSAGE_DOMAIN: Final = "dealkit"
#: The languages with a message catalog, beside English (the source language).
CATALOG_LANGUAGES: Final = ("de", "es", "fr", "ja")
#: Translations kept loaded: a bounded cache, since identifiers may come from user input.
_CACHE_SIZE: Final = 64


def locale_dir() -> Path:
    """The folder holding ``<language>/LC_MESSAGES/dealkit.mo``, inside the installed package."""
    return Path(__file__).resolve().parent.parent / "locale"


@functools.lru_cache(maxsize=_CACHE_SIZE)
def translations(locale: str) -> gettext.NullTranslations:
    """The translations for ``locale`` (``de_DE`` finds ``de``); English words where there is no catalog.

    Raises:
        InvalidValueError: the locale is unknown.
    """
    loc = resolve_locale(locale)
    from babel.support import Translations

    found: gettext.NullTranslations = Translations.load(str(locale_dir()), [str(loc)], MESSAGE_DOMAIN)
    return found


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark ``message`` for the catalogs without translating it (it is translated where it is shown)."""
    return message
