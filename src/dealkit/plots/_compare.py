"""A chart of deals side by side (:func:`plot_comparison`): one row per deal, one panel per figure.

The panels are the capacity (GW), the money committed (the investment and the
spend, $B), the money per GW ($B/GW) and the date the first capacity comes
online.  The sizes run over three orders of magnitude, so their axes are
logarithmic.  Every figure is drawn as its bounds say:

- an exact figure is a marker;
- a range, or an approximate figure, is a solid bar from its lower to its upper
  bound (an approximate one with a marker at the stated value);
- "up to X" is a pale hatched bar from the axis' left edge to a stroke at X;
- "more than X" is a stroke at X and a pale hatched bar to the right edge;
- an undetermined figure is the word "undetermined", a figure not stated nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import os
import warnings
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .._args import check_items, check_path, file_errors
from .._errors import InvalidValueError
from .._optional import require
from .._values import CurrencyAmount, PartialDate, Power, Qualifier, Rate, estimate_as
from ..analysis import ComparisonRow, Metric
from ._plot import PLOT_SUFFIXES, date_span

if TYPE_CHECKING:
    from matplotlib.axes import Axes

__all__ = ["plot_comparison"]

#: The colour of each kind of figure: what is invested, what is spent, capacity, rates, dates.
_COLOURS: Final = {
    "capacity": "#9467bd", "investment": "#1f77b4", "spend": "#d62728", "money_per_gw": "#2ca02c",
    "first_capacity": "#ff7f0e",
}
_BILLION: Final = Decimal(10) ** 9
#: A deal's row is this tall (inches); the figure grows with the number of deals.
_ROW_INCHES: Final = 0.34


def _gw(value: object) -> float:
    assert isinstance(value, Power)
    return float(value.to("GW").magnitude)


def _billions(value: object) -> float:
    if isinstance(value, Rate):
        return float(value.amount.amount / _BILLION)
    assert isinstance(value, CurrencyAmount)
    return float(value.amount / _BILLION)


def plot_comparison(
    rows: Sequence[ComparisonRow],
    path: str | os.PathLike[str],
    *,
    locale: str = "en_US",
    title: str | None = None,
) -> Path:
    """Draw :func:`dealkit.compare` rows to ``path`` (``.png`` or ``.svg``): deals down, one panel per figure.

    Args:
        rows: the rows to draw, top to bottom.
        path: the file to write; its suffix chooses PNG or SVG.
        locale: the locale of the words and value labels.
        title: the chart's title (default: "Deals side by side", in ``locale``).

    Raises:
        InvalidValueError: no rows, a row that is no :class:`~dealkit.analysis.ComparisonRow`, or a bad suffix.
        DealkitError: matplotlib is missing (the ``plot`` extra) or the file cannot be written.

    .. versionadded:: 0.2
    """
    rows = list(check_items(rows, ComparisonRow, "rows", "ComparisonRows"))
    if not rows:
        raise InvalidValueError("there are no deals to draw", rows)
    target = check_path(path)
    if target.suffix.lower() not in PLOT_SUFFIXES:
        raise InvalidValueError("the file must end in .png or .svg", str(path))
    from .._values import resolve_locale, translations

    resolve_locale(locale)
    _ = translations(locale).gettext
    require("matplotlib", extra="plot")
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    with warnings.catch_warnings(), rc_context({"text.parse_math": False, "svg.fonttype": "none"}):
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        height = 1.6 + _ROW_INCHES * len(rows)
        fig = Figure(figsize=(16, height), layout="constrained")
        axes = fig.subplots(1, 4, sharey=True, width_ratios=(1, 1.25, 1, 1))
        panels: list[tuple[str, list[tuple[str, Callable[[ComparisonRow], Metric | None]]], Callable[[object], float], bool]] = [
            (_("Capacity (GW)"), [("capacity", lambda r: r.capacity)], _gw, True),
            (_("Money committed (billions): investment ●, spend ■"),
             [("investment", lambda r: r.investment), ("spend", lambda r: r.spend)], _billions, True),
            (_("Money per GW (billions per GW)"), [("money_per_gw", lambda r: r.money_per_gw)], _billions, True),
            (_("First capacity online"), [("first_capacity", lambda r: r.first_capacity)], lambda v: 0.0, False),
        ]
        for ax, (label, figures, scale, logarithmic) in zip(axes, panels, strict=True):
            if logarithmic:
                _value_panel(ax, rows, figures, scale, locale, _)
            else:
                _date_panel(ax, rows, figures[0][1], _)
            ax.set_title(label, fontsize=10)
        axes[0].set_yticks(range(len(rows)), [f"{r.deal_id} ({r.announced})" for r in rows], fontsize=8)
        axes[0].set_ylim(len(rows) - 0.5, -0.5)
        heading = _("Deals side by side") if title is None else title
        legend = _("Bars run from lower to upper bound; pale hatching is open-ended (up to / more than); "
                   "a marker alone is an exact figure")
        fig.suptitle(f"{heading}\n{legend}", fontsize=11)
        with file_errors(target, "write file"):
            fig.savefig(target, dpi=110)
    return target


def _stripes(ax: Axes, count: int) -> None:
    for y in range(count):
        if y % 2 == 0:
            ax.axhspan(y - 0.5, y + 0.5, color="#f3f3f3", zorder=0, linewidth=0)


def _value_panel(
    ax: Axes,
    rows: list[ComparisonRow],
    figures: list[tuple[str, Callable[[ComparisonRow], Metric | None]]],
    scale: Callable[[object], float],
    locale: str,
    _: Callable[[str], str],
) -> None:
    from .._values import format_estimate

    _stripes(ax, len(rows))
    ax.set_xscale("log")
    values = [
        scale(v)
        for row in rows for _, get in figures
        if (m := get(row)) is not None and m.estimate is not None
        for v in (m.estimate.low, m.estimate.high) if v is not None
    ]
    if not values:
        ax.text(0.5, 0.5, _("no figures"), ha="center", va="center", transform=ax.transAxes)
        return
    left = min(values) / 3
    right = max(values) * 3
    ax.set_xlim(left, right * 4)  # room on the right for the labels
    offsets = [0.0] if len(figures) == 1 else [-0.17, 0.17]
    for y, row in enumerate(rows):
        for (name, get), dy in zip(figures, offsets, strict=True):
            metric = get(row)
            if metric is None:
                continue
            if metric.estimate is None:
                ax.text(left * 1.1, y + dy, _("undetermined"), fontsize=7, va="center", color="#777777", style="italic")
                continue
            e = metric.estimate
            low = None if e.low is None else scale(e.low)
            high = None if e.high is None else scale(e.high)
            _draw_bounds(ax, y + dy, e.qualifier, low, high, None if e.central is None else scale(e.central),
                         left, right, _COLOURS[name], "s" if name == "spend" else "o")
            text = format_estimate(e, locale, style="compact")
            ax.annotate(text, (high if high is not None else right, y + dy), xytext=(4, 0),
                        textcoords="offset points", va="center", fontsize=6.5, color="#333333",
                        annotation_clip=False)
    ticker: Any = importlib.import_module("matplotlib.ticker")
    # Plain numbers on the logarithmic axis (mathtext is off, so no "10^2"): 0.1, 1, 10, 100.
    ax.xaxis.set_major_locator(ticker.LogLocator(base=10))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(lambda v, _pos: f"{v:g}"))
    ax.xaxis.set_minor_formatter(ticker.NullFormatter())
    ax.grid(axis="x", which="major", alpha=0.3)


def _draw_bounds(
    ax: Axes, y: float, qualifier: Qualifier, low: float | None, high: float | None, central: float | None,
    left: float, right: float, colour: str, marker: str,
) -> None:
    """One figure as its bounds say (see the module docstring)."""
    thick = 0.26
    if low is not None and high is not None and math.isclose(low, high):
        ax.plot([low], [y], marker=marker, markersize=6, color=colour, zorder=3)
    elif low is not None and high is not None:
        ax.barh(y, high - low, left=low, height=thick, color=colour, alpha=0.85, zorder=2)
        if central is not None:
            ax.plot([central], [y], marker=marker, markersize=5, color="white", markeredgecolor=colour, zorder=3)
    elif high is not None:  # up to: from nothing to the bound
        ax.barh(y, high - left, left=left, height=thick, color=colour, alpha=0.18, hatch="////", zorder=2,
                edgecolor=colour, linewidth=0)
        ax.plot([high], [y], marker="|", markersize=11, markeredgewidth=2.5, color=colour, zorder=3)
    elif low is not None:  # more than: from the bound on
        ax.barh(y, right - low, left=low, height=thick, color=colour, alpha=0.18, hatch="////", zorder=2,
                edgecolor=colour, linewidth=0)
        ax.plot([low], [y], marker="|", markersize=11, markeredgewidth=2.5, color=colour, zorder=3)
        ax.plot([right], [y], marker=">", markersize=5, color=colour, alpha=0.6, zorder=3)


def _date_panel(
    ax: Axes, rows: list[ComparisonRow], get: Callable[[ComparisonRow], Metric | None], _: Callable[[str], str]
) -> None:
    mdates: Any = importlib.import_module("matplotlib.dates")
    _stripes(ax, len(rows))
    spans = []
    for row in rows:
        m = get(row)
        if m is not None and m.estimate is not None:
            spans.append(date_span(estimate_as(m.estimate, PartialDate, "the first capacity date")))
    known = [d for s in spans for d in s if d is not None]
    if not known:
        ax.text(0.5, 0.5, _("no dates"), ha="center", va="center", transform=ax.transAxes)
        return
    first = min(known) - dt.timedelta(days=120)
    last = max(known) + dt.timedelta(days=120)
    left, right = float(mdates.date2num(first)), float(mdates.date2num(last))
    colour = _COLOURS["first_capacity"]
    for y, row in enumerate(rows):
        m = get(row)
        if m is None:
            continue
        if m.estimate is None:
            ax.text(left, y, " " + _("undetermined"), fontsize=7, va="center", color="#777777", style="italic")
            continue
        start, end = date_span(estimate_as(m.estimate, PartialDate, "the first capacity date"))
        s = None if start is None else float(mdates.date2num(start))
        t = None if end is None else float(mdates.date2num(end))
        if s is not None and t is not None:
            ax.barh(y, t - s, left=s, height=0.26, color=colour, alpha=0.85, zorder=2)
        elif t is not None:  # by: any time up to its end
            ax.barh(y, t - left, left=left, height=0.26, color=colour, alpha=0.18, hatch="////", zorder=2,
                    edgecolor=colour, linewidth=0)
            ax.plot([t], [y], marker="|", markersize=11, markeredgewidth=2.5, color=colour, zorder=3)
        elif s is not None:  # from: any time from its start
            ax.barh(y, right - s, left=s, height=0.26, color=colour, alpha=0.18, hatch="////", zorder=2,
                    edgecolor=colour, linewidth=0)
            ax.plot([s], [y], marker="|", markersize=11, markeredgewidth=2.5, color=colour, zorder=3)
    ax.set_xlim(left, right)
    locator = mdates.AutoDateLocator(minticks=3, maxticks=7)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.grid(axis="x", alpha=0.3)
