"""`dealkit plot`: a deal's timeline and money flows as PNG and SVG files."""

from __future__ import annotations

import datetime as dt
import sys
import warnings
import xml.etree.ElementTree as ET

import numpy as np
import pytest
from matplotlib import image as mimage

import dealkit
from dealkit import DealkitError, Estimate, InvalidValueError, PartialDate
from dealkit.cli._app import main
from dealkit.plots._plot import date_span

HEADLINE = "amazon-anthropic-2026"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def deal():
    return dealkit.get_deal(HEADLINE)


def _svg_text(path):
    root = ET.parse(path).getroot()
    return " ".join("".join(el.itertext()) for el in root.iter() if el.tag.endswith("text"))


def _has_colour(pixels, hex_colour, tolerance=0.02):
    rgb = np.array([int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)])
    return bool((np.abs(pixels[..., :3] - rgb).max(axis=-1) < tolerance).any())


class TestDateSpan:
    @pytest.mark.parametrize(
        ("text", "start", "end"),
        [
            ("2026-04-20", dt.date(2026, 4, 20), dt.date(2026, 4, 21)),  # a day is one day wide
            ("2026-Q2", dt.date(2026, 4, 1), dt.date(2026, 7, 1)),
            ("2026-02", dt.date(2026, 2, 1), dt.date(2026, 3, 1)),
            ("2025-H2", dt.date(2025, 7, 1), dt.date(2026, 1, 1)),
            ("2023", dt.date(2023, 1, 1), dt.date(2024, 1, 1)),
        ],
    )
    def test_exact_date_covers_its_precision(self, text, start, end):
        assert date_span(Estimate.exact(PartialDate.parse(text))) == (start, end)

    def test_open_sides(self):
        assert date_span(Estimate.at_most(PartialDate.parse("2026-12"))) == (None, dt.date(2027, 1, 1))
        assert date_span(Estimate.at_least(PartialDate.parse("2027"))) == (dt.date(2027, 1, 1), None)


AS_OF = PartialDate.parse("2026-07-01")


class TestTimeline:
    def test_png_is_a_real_picture(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "timeline.png", kind="timeline", as_of=AS_OF)
        data = path.read_bytes()
        assert data[:8] == PNG_MAGIC
        assert len(data) > 10_000
        pixels = mimage.imread(path)
        assert pixels.shape[0] > 300 and pixels.shape[1] > 600
        # The announcement (blue), the milestones (orange) and the as-of line (red) are drawn.
        assert _has_colour(pixels, "#1f77b4")
        assert _has_colour(pixels, "#ff7f0e")
        assert _has_colour(pixels, "#c0392b")

    def test_svg_labels_dates_to_their_precision(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "timeline.svg", as_of=AS_OF))
        assert "Apr 20, 2026" in text  # the announcement, a day
        assert "Q2 2026" in text  # Trainium2 online, a quarter
        assert "by December 2026" in text  # a bound, worded as one
        assert "Trainium2 chips come online" in text
        # A milestone names the capacity it brings: nearly 1 GW by year-end.
        assert "(nearly 1 GW)" in text

    def test_the_as_of_line_and_the_date_axis(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "t.svg", as_of=AS_OF))
        assert "as of Jul 1, 2026" in text
        assert "date (each bar spans what its precision covers)" in text
        assert "today" not in text

    def test_today_by_default(self, deal, tmp_path):
        today = dt.date.today()
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "t.svg"))
        assert f"today, {today:%b} {today.day}, {today.year}" in text

    def test_undated_commitments_are_shown_as_such(self, deal, tmp_path):
        # The tranches, the compute and the spend of the headline deal carry no date in the catalog.
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "t.svg", as_of=AS_OF, catalog=dealkit.builtin_catalog()))
        assert "undated: the articles give no date" in text
        for words in ("$5B, no date given", "$20B, no date given", "up to 5 GW, no date given",
                      "more than $100B over 10 years, no date given", "spend with Amazon Web Services"):
            assert words in text, words

    def test_every_tick_names_its_year(self):
        from matplotlib.figure import Figure

        from dealkit.plots._plot import _year_ticks

        for lo, hi, locale, expected in [
            (dt.date(2026, 2, 1), dt.date(2027, 5, 1), "en_US", "Jan 2027"),
            (dt.date(2026, 2, 1), dt.date(2027, 5, 1), "de_DE", "Jan. 2027"),
            (dt.date(2026, 2, 1), dt.date(2027, 5, 1), "ja_JP", "2027年1月"),
            (dt.date(2018, 1, 1), dt.date(2027, 1, 1), "en_US", "2020"),
        ]:
            fig = Figure()
            ax = fig.add_subplot()
            import matplotlib.dates as mdates

            ax.set_xlim(mdates.date2num(lo), mdates.date2num(hi))
            _year_ticks(ax, lo, hi, locale)
            with warnings.catch_warnings():  # the test machine's font may lack CJK glyphs: the text is what counts
                warnings.filterwarnings("ignore", message="Glyph .* missing", category=UserWarning)
                fig.draw_without_rendering()
            labels = [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
            assert len(labels) >= 3
            assert expected in labels, labels
            assert all(any(str(y) in label for y in range(lo.year, hi.year + 1)) for label in labels), labels

    def test_locale_applies_to_words_and_dates(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "t.svg", locale="de_DE", as_of=AS_OF))
        assert "20.04.2026" in text
        assert "bis Dezember 2026" in text
        assert "Stand 01.07.2026" in text
        assert "Datum (jeder Balken umfasst, was seine Genauigkeit abdeckt)" in text
        assert "ohne Datum: die Artikel nennen keins" in text

    def test_a_one_date_deal(self, tmp_path):
        path = dealkit.plot_deal(dealkit.get_deal("amazon-anthropic-2023"), tmp_path / "t.svg", as_of=AS_OF)
        text = _svg_text(path)
        assert "Announced" in text and "as of Jul 1, 2026" in text
        assert "undated" not in text  # its one figure, the investment, is no commitment with a date


class TestFlows:
    def test_svg_names_parties_and_units(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "flows.svg", kind="flows", catalog=dealkit.builtin_catalog())
        text = _svg_text(path)
        for expected in ("Amazon", "Anthropic", "Amazon Web Services", "up to $25B", "$5B", "$20B",
                         "more than $100B", "up to 5 GW"):
            assert expected in text, expected
        # Every axis names its currency or unit; ticks are money or gigawatts.
        for expected in ("amount in USD", "Money, from lower to upper bound (USD)", "$40B",
                         "capacity in gigawatts (GW)", "Compute capacity, from lower to upper bound (GW)", "2 GW"):
            assert expected in text, expected
        assert "billions" not in text
        # Party names, not ids: no "spend: aws".
        assert "spend with Amazon Web Services" in text and "spend: aws" not in text
        assert path.stat().st_size > 10_000

    def test_groups_and_money_returning_to_the_investors_group(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "f.svg", kind="flows", catalog=dealkit.builtin_catalog()))
        assert "Amazon group" in text
        assert "returns to Amazon's group" in text

    def test_capacity_has_its_own_label(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "f.svg", kind="flows"))
        root = ET.parse(tmp_path / "f.svg").getroot()
        labels = ["".join(el.itertext()) for el in root.iter() if el.tag.endswith("text")]
        money_boxes = [t for t in labels if "investment" in t]
        assert money_boxes and all("GW" not in t for t in money_boxes)
        assert "compute new-capacity: up to 5 GW" in text

    def test_png_in_german(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "flows.png", kind="flows", locale="de_DE")
        assert path.read_bytes()[:8] == PNG_MAGIC
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "flows.svg", kind="flows", locale="de_DE",
                                           catalog=dealkit.builtin_catalog()))
        for expected in ("bis zu 25\xa0Mrd.\xa0$", "Betrag in USD", "40\xa0Mrd.\xa0$", "Leistung in Gigawatt (GW)",
                         "Amazon-Gruppe", "Wer gibt wem was"):
            assert expected in text, expected

    @pytest.mark.parametrize(("locale", "axis"), [("fr_FR", "montant en USD"), ("es_ES", "importe en USD"),
                                                  ("ja_JP", "金額（USD）")])
    def test_axes_in_each_locale(self, deal, tmp_path, locale, axis):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "f.svg", kind="flows", locale=locale))
        assert axis in text

    def test_ids_without_a_catalog(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "f.svg", kind="flows"))
        assert "anthropic" in text

    def test_a_one_figure_deal_keeps_its_bar_small(self, tmp_path):
        from matplotlib.figure import Figure

        from dealkit.plots._plot import _bounds, _Words

        path = dealkit.plot_deal(dealkit.get_deal("amazon-anthropic-2023"), tmp_path / "f.svg", kind="flows")
        text = _svg_text(path)
        assert "$1.25B" in text and "no figures" in text  # no compute: said, not left blank
        # One figure does not fill the panel: the axis keeps room for four rows of bars half a row high.
        ax = Figure().add_subplot()
        _bounds(ax, [("investment", Estimate.exact(dealkit.CurrencyAmount.parse("$1.25B")))],
                _Words(lambda m: m, "en_US", None), "money")
        low, high = sorted(ax.get_ylim())
        assert high - low >= 4


class TestErrors:
    def test_suffix(self, deal, tmp_path):
        with pytest.raises(InvalidValueError, match=r"\.png or \.svg"):
            dealkit.plot_deal(deal, tmp_path / "x.jpg")

    def test_kind(self, deal, tmp_path):
        with pytest.raises(InvalidValueError, match="kind must be one of timeline, flows"):
            dealkit.plot_deal(deal, tmp_path / "x.png", kind="pie")  # type: ignore[arg-type]

    def test_unknown_locale_writes_nothing(self, deal, tmp_path):
        with pytest.raises(InvalidValueError, match="unknown locale"):
            dealkit.plot_deal(deal, tmp_path / "x.png", locale="xx_XX")
        assert not (tmp_path / "x.png").exists()

    def test_missing_matplotlib_names_the_extra(self, deal, tmp_path, monkeypatch):
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(DealkitError, match=r"pip install 'dealkit\[plot\]'"):
            dealkit.plot_deal(deal, tmp_path / "x.png")


class TestPlotCommand:
    @pytest.mark.parametrize("kind", ["timeline", "flows"])
    def test_writes_the_file(self, kind, tmp_path, capsys):
        path = tmp_path / f"{kind}.png"
        assert main(["plot", HEADLINE, "--kind", kind, "-o", str(path)]) == 0
        assert path.read_bytes()[:8] == PNG_MAGIC
        assert str(path) in capsys.readouterr().out

    def test_unknown_deal(self, tmp_path, capsys):
        assert main(["plot", "nope", "-o", str(tmp_path / "x.png")]) == 1
        assert "nope" in capsys.readouterr().err

    def test_as_of(self, tmp_path, capsys):
        path = tmp_path / "t.svg"
        assert main(["plot", HEADLINE, "--as-of", "2026-07-01", "-o", str(path)]) == 0
        assert "as of Jul 1, 2026" in _svg_text(path)

    def test_bad_suffix_is_a_usage_error(self, tmp_path, capsys):
        code = main(["plot", HEADLINE, "-o", str(tmp_path / "x.pdf")])
        err = capsys.readouterr().err
        assert code == 2
        assert err.startswith("usage: dealkit plot ")
        assert "x.pdf" in err and ".png, .svg" in err
        assert not (tmp_path / "x.pdf").exists()
