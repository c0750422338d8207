"""The gettext message catalogs: complete, fresh, shipped, and spoken by the formatting functions."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from dealkit import CurrencyAmount, Duration, Estimate, PartialDate, Power, format_date, format_estimate
from dealkit._values.i18n import CATALOG_LANGUAGES, MESSAGE_DOMAIN, locale_dir, translations

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "src" / "dealkit" / "locale"
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _po(language: str):
    with (LOCALE_DIR / language / "LC_MESSAGES" / f"{MESSAGE_DOMAIN}.po").open("rb") as f:
        return read_po(f, locale=language)


def _key(text):
    return tuple(text) if isinstance(text, (list, tuple)) else text


def _source_messages() -> set[str]:
    """Every message the source marks, read as `pybabel extract` reads it (underscore folders too)."""
    found = set()
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "src" / "dealkit"), directory_filter=lambda d: not Path(d).name.startswith((".", "__pycache__"))
    ):
        found.add(message[0] if isinstance(message, tuple) else message)
    return found


class TestCatalogs:
    def test_the_template_lists_every_marked_message(self):
        with (LOCALE_DIR / f"{MESSAGE_DOMAIN}.pot").open("rb") as f:
            template = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
        assert template == _source_messages(), "run `pybabel extract` and `pybabel update`"

    @pytest.mark.parametrize("language", CATALOG_LANGUAGES)
    def test_every_message_is_translated(self, language):
        catalog = _po(language)
        messages = [m for m in catalog if m.id]
        assert {m.id if isinstance(m.id, str) else m.id[0] for m in messages} == _source_messages()
        untranslated = [m.id for m in messages if not m.string or m.fuzzy
                        or (isinstance(m.string, tuple) and not all(m.string))]
        assert untranslated == []

    @pytest.mark.parametrize("language", CATALOG_LANGUAGES)
    def test_translations_keep_every_placeholder(self, language):
        for m in _po(language):
            if not m.id:
                continue
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strings = m.string if isinstance(m.string, tuple) else (m.string,)
            wanted = set(PLACEHOLDER.findall(ids[-1]))
            for text in strings:
                assert set(PLACEHOLDER.findall(text)) == wanted, (m.id, text)

    @pytest.mark.parametrize("language", CATALOG_LANGUAGES)
    def test_the_compiled_catalog_is_the_po_file(self, language):
        # The .mo files are committed: a stale one is caught here (`pybabel compile`).
        folder = LOCALE_DIR / language / "LC_MESSAGES"
        with (folder / f"{MESSAGE_DOMAIN}.mo").open("rb") as f:
            compiled = read_mo(f)
        po = _po(language)
        def plain(catalog):
            return {_key(m.id): _key(m.string) for m in catalog if m.id}

        assert plain(compiled) == plain(po)

    def test_the_package_finds_its_catalogs(self):
        # Installed or run from the checkout, the package reads the catalogs committed here.
        for language in CATALOG_LANGUAGES:
            found = gettext.find(MESSAGE_DOMAIN, str(locale_dir()), [language])
            assert found is not None
            assert Path(found).read_bytes() == (LOCALE_DIR / language / "LC_MESSAGES" / "dealkit.mo").read_bytes()


class TestTranslations:
    @pytest.mark.parametrize(
        ("locale", "expected"),
        [("de_DE", "bis zu {value}"), ("de_AT", "bis zu {value}"), ("fr_CA", "jusqu’à {value}"),
         ("es_MX", "hasta {value}"), ("ja_JP", "最大{value}"), ("en_US", "up to {value}"), ("pt_BR", "up to {value}")],
    )
    def test_language_of_the_locale(self, locale, expected):
        assert translations(locale).gettext("up to {value}") == expected


# Each locale's words, written out by hand: qualifiers around money, a power, a date; a half year.
_UP_TO_25B = Estimate.at_most(CurrencyAmount.parse("$25B"))
_MORE_THAN_100B = Estimate.at_least(CurrencyAmount.parse("$100B"))
_NEARLY_1GW = Estimate.nearly(Power(1, "GW"))
_BY_DEC_2026 = Estimate.at_most(PartialDate.parse("2026-12"))
_FROM_2027 = Estimate.at_least(PartialDate.parse("2027"))


@pytest.mark.parametrize(
    ("locale", "up_to", "more_than", "nearly", "by", "from_", "half", "decade", "fiscal", "term"),
    [
        ("en_US", "up to $25B", "more than $100B", "nearly 1 GW", "by December 2026", "from 2027",
         "H2 2025", "2020s", "FY2027", "10 years"),
        ("de_DE", "bis zu 25\xa0Mrd.\xa0$", "mehr als 100\xa0Mrd.\xa0$", "fast 1 GW", "bis Dezember 2026", "ab 2027",
         "2. Hj. 2025", "2020er", "GJ 2027", "10 Jahre"),
        ("fr_FR", "jusqu’à 25\xa0Md\xa0$US", "plus de 100\xa0Md\xa0$US", "près de 1 GW", "d’ici décembre 2026",
         "à partir de 2027", "S2 2025", "années 2020", "exercice 2027", "10 ans"),
        ("es_ES", "hasta 25\xa0mil\xa0M\xa0US$", "más de 100\xa0mil\xa0M\xa0US$", "casi 1 GW", "para diciembre de 2026",
         "desde 2027", "2.º semestre de 2025", "década de 2020", "ejercicio 2027", "10 años"),
        ("ja_JP", "最大$250億", "$1000億超", "1 GW弱", "2026年12月まで", "2027年から",
         "2025年下半期", "2020年代", "2027年度", "10 年"),
    ],
)
def test_words_in_each_locale(locale, up_to, more_than, nearly, by, from_, half, decade, fiscal, term):
    assert format_estimate(_UP_TO_25B, locale, style="compact") == up_to
    assert format_estimate(_MORE_THAN_100B, locale, style="compact") == more_than
    assert format_estimate(_NEARLY_1GW, locale) == nearly
    assert format_estimate(_BY_DEC_2026, locale) == by
    assert format_estimate(_FROM_2027, locale) == from_
    assert format_date(PartialDate.parse("2025-H2"), locale) == half
    assert format_date(PartialDate.parse("2020s"), locale) == decade
    assert format_date(PartialDate.parse("FY2027"), locale) == fiscal
    assert format_estimate(Estimate.exact(Duration(10, "year")), locale) == term


def test_mo_files_are_small():
    # Committed binaries stay small: a catalog is a few kilobytes.
    for path in LOCALE_DIR.glob("*/LC_MESSAGES/*.mo"):
        assert path.stat().st_size < 64_000, path
