"""`dealkit plot`: a deal's timeline and money flows as PNG and SVG files."""

from __future__ import annotations

import datetime as dt
import sys
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


class TestTimeline:
    def test_png_is_a_real_picture(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "timeline.png", kind="timeline")
        data = path.read_bytes()
        assert data[:8] == PNG_MAGIC
        assert len(data) > 10_000
        pixels = mimage.imread(path)
        assert pixels.shape[0] > 300 and pixels.shape[1] > 600
        # The announcement (blue) and the milestones (orange) are drawn.
        assert _has_colour(pixels, "#1f77b4")
        assert _has_colour(pixels, "#ff7f0e")

    def test_svg_labels_dates_to_their_precision(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "timeline.svg")
        text = _svg_text(path)
        assert "Apr 20, 2026" in text  # the announcement, a day
        assert "Q2 2026" in text  # Trainium2 online, a quarter
        assert "Trainium2 chips come online" in text
        # A milestone names the capacity it brings: nearly 1 GW by year-end.
        assert "1 GW)" in text

    def test_locale_applies_to_dates(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "t.svg", locale="de_DE"))
        assert "20.04.2026" in text


class TestFlows:
    def test_svg_shows_parties_and_bounded_amounts(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "flows.svg", kind="flows", catalog=dealkit.builtin_catalog())
        text = _svg_text(path)
        for expected in ("Amazon", "Anthropic", "up to $25B", "$5B", "$20B", "more than $100B", "up to 5 GW"):
            assert expected in text, expected
        assert path.stat().st_size > 10_000

    def test_png_in_german(self, deal, tmp_path):
        path = dealkit.plot_deal(deal, tmp_path / "flows.png", kind="flows", locale="de_DE")
        assert path.read_bytes()[:8] == PNG_MAGIC
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "flows.svg", kind="flows", locale="de_DE"))
        assert "25\xa0Mrd.\xa0$" in text

    def test_ids_without_a_catalog(self, deal, tmp_path):
        text = _svg_text(dealkit.plot_deal(deal, tmp_path / "f.svg", kind="flows"))
        assert "anthropic" in text


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

    def test_bad_suffix_is_a_usage_error(self, tmp_path, capsys):
        with pytest.raises(SystemExit) as info:
            main(["plot", HEADLINE, "-o", str(tmp_path / "x.pdf")])
        err = capsys.readouterr().err
        assert info.value.code == 2
        assert err.startswith("usage: dealkit plot ")
        assert "x.pdf" in err and ".png, .svg" in err
        assert not (tmp_path / "x.pdf").exists()
