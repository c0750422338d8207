"""Pictures of a deal with matplotlib (the ``plot`` extra): its timeline and its money flows.

- ``timeline``: the announcement, dated tranches, compute deadlines and
  milestones, one row each.  A date is drawn as the span its precision covers
  (``2026-Q2`` is a bar from April 1 to June 30, a day a thin bar with a
  marker); an "up to"/"by" date fades in from the left, a "from" date fades out
  to the right.
- ``flows``: the parties and what passes between them (investment and
  tranches, compute, spend commitments) with their qualifiers, and beside it
  each amount of money as a bar from its lower to its upper bound.

matplotlib is imported on first use and draws through its Agg/SVG canvases
(no window, no ``pyplot`` state).  Labels use :mod:`dealkit.formatting` in the
locale given.
"""

from __future__ import annotations

import datetime as dt
import importlib
import math
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from .._args import check_instance, check_path, file_errors
from .._errors import DealkitError, InvalidValueError
from .._model import Deal
from .._optional import require
from .._values import CurrencyAmount, Estimate, PartialDate, Qualifier

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..catalog import Catalog

__all__ = ["PLOT_KINDS", "PLOT_SUFFIXES", "PlotKind", "date_span", "plot_deal"]

#: What :func:`plot_deal` draws.
PlotKind: TypeAlias = Literal["timeline", "flows"]
PLOT_KINDS: Final[tuple[PlotKind, ...]] = ("timeline", "flows")
#: The file types written, by suffix.
PLOT_SUFFIXES: Final = (".png", ".svg")

_COLOURS: Final = {
    "announced": "#1f77b4", "tranche": "#2ca02c", "compute": "#9467bd", "milestone": "#ff7f0e", "spend": "#d62728",
}
#: How far (as a share of the axis) an open-ended date or amount is drawn past its bound.
_OPEN_SHARE: Final = 0.12


def plot_deal(
    deal: Deal,
    path: str | os.PathLike[str],
    *,
    kind: PlotKind = "timeline",
    locale: str = "en_US",
    catalog: Catalog | None = None,
) -> Path:
    """Draw ``deal`` to ``path`` (``.png`` or ``.svg``) and return the path.

    Args:
        deal: the deal to draw.
        path: the file to write; its suffix chooses PNG or SVG.
        kind: ``"timeline"`` or ``"flows"``.
        locale: the locale of the labels' numbers and dates.
        catalog: where to find the parties' names (their ids are used without it).

    Raises:
        InvalidValueError: an unknown kind or file suffix.
        DealkitError: matplotlib is missing (the ``plot`` extra) or the file cannot be written.

    .. versionadded:: 0.1
    """
    if not isinstance(deal, Deal):
        raise InvalidValueError(f"plot_deal needs a Deal, not {type(deal).__name__}", deal)
    if not isinstance(kind, str) or kind not in PLOT_KINDS:
        raise InvalidValueError(f"kind must be one of {', '.join(PLOT_KINDS)}", kind)
    if catalog is not None:
        from ..catalog import Catalog

        check_instance(catalog, Catalog, "catalog", "a Catalog or None")
    target = check_path(path)
    if target.suffix.lower() not in PLOT_SUFFIXES:
        raise InvalidValueError("the file must end in .png or .svg", str(path))
    from .._values import resolve_locale

    resolve_locale(locale)  # an unknown locale fails before drawing
    require("matplotlib", extra="plot")
    from matplotlib.figure import Figure

    def name(party_id: str) -> str:
        if catalog is None:
            return party_id
        try:
            return catalog.party(party_id).name
        except DealkitError:
            return party_id

    from matplotlib import rc_context

    # "$25B" is money, not TeX: mathtext is off for every label.
    # SVG keeps its text (searchable, editable).
    with warnings.catch_warnings(), rc_context({"text.parse_math": False, "svg.fonttype": "none"}):
        # Fonts without CJK glyphs still write the file; the labels lose those glyphs only.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig = Figure(figsize=(11, 5.5), layout="constrained")
        if kind == "timeline":
            _timeline(fig, deal, locale)
        else:
            _flows(fig, deal, locale, name)
        with file_errors(target, "write file"):
            fig.savefig(target, dpi=120)
    return target


# -- timeline ----------------------------------------------------------------------------------


def _date_rows(deal: Deal, locale: str) -> list[tuple[str, str, Estimate[PartialDate]]]:
    from .._values import format_estimate

    rows: list[tuple[str, str, Estimate[PartialDate]]] = [("announced", "Announced", Estimate.exact(deal.announced))]
    for t in deal.tranches:
        if t.date is not None:
            rows.append(("tranche", f"Tranche: {t.kind.replace('_', '-')}", Estimate.exact(t.date)))
    for c in deal.compute:
        if c.by is not None:
            rows.append(("compute", f"Compute {c.name}", c.by))
    for m in deal.milestones:
        capacity = "" if m.capacity is None else f" ({format_estimate(m.capacity, locale)})"
        rows.append(("milestone", m.description + capacity, m.date))
    return rows


def date_span(e: Estimate[PartialDate]) -> tuple[dt.date | None, dt.date | None]:
    """The days a date estimate covers, as ``[start, end)``; ``None`` on an open side.

    >>> date_span(Estimate.exact(PartialDate.parse("2026-Q2")))
    (datetime.date(2026, 4, 1), datetime.date(2026, 7, 1))
    >>> date_span(Estimate.at_most(PartialDate.parse("2026-12")))
    (None, datetime.date(2027, 1, 1))
    """
    check_instance(e, Estimate, "e", "an Estimate of PartialDate")
    for bound in (e.low, e.high):
        if bound is not None and not isinstance(bound, PartialDate):
            raise InvalidValueError(f"'e' must be an Estimate of PartialDate, not of {type(bound).__name__}", str(e))
    start = None if e.low is None else e.low.first
    end = None if e.high is None else e.high.last + dt.timedelta(days=1)
    return start, end


def _timeline(fig: Figure, deal: Deal, locale: str) -> None:
    from .._values import format_estimate

    mdates: Any = importlib.import_module("matplotlib.dates")  # untyped functions
    ax: Axes = fig.add_subplot()
    rows = _date_rows(deal, locale)
    known = [d for _, _, e in rows for d in (e.low, e.high) if d is not None]
    first = min(d.first for d in known)
    last = max(d.last for d in known) + dt.timedelta(days=1)
    pad = max((last - first).days * _OPEN_SHARE, 20.0)
    lo_axis, hi_axis = first - dt.timedelta(days=pad), last + dt.timedelta(days=pad)
    for y, (group, label, e) in enumerate(rows):
        colour = _COLOURS[group]
        start, end = date_span(e)
        if start is not None and end is not None:
            ax.barh(y, (end - start).days, left=mdates.date2num(start), height=0.5, color=colour)
        else:
            # Open on one side: the stated date's own span solid, the open side faded.
            s, t = date_span(Estimate.exact(e.value))
            assert s is not None and t is not None
            ax.barh(y, (t - s).days, left=mdates.date2num(s), height=0.5, color=colour)
            fade_from, fade_to = (lo_axis, s) if start is None else (t, hi_axis)
            ax.barh(y, (fade_to - fade_from).days, left=mdates.date2num(fade_from), height=0.5,
                    color=colour, alpha=0.18, hatch="//")
        mid = (e.low or e.high)
        assert mid is not None
        if e.qualifier is Qualifier.EXACT and mid.first == mid.last:
            ax.plot([mdates.date2num(mid.first) + 0.5], [y], marker="D", color=colour, markersize=7)
        ax.annotate(format_estimate(e, locale), (mdates.date2num(end or hi_axis), y), xytext=(6, 0),
                    textcoords="offset points", va="center", fontsize=9)
    ax.set_yticks(range(len(rows)), [label for _, label, _ in rows])
    ax.set_ylim(len(rows) - 0.4, -0.6)  # first row on top; bars keep their height however few rows
    fig.set_size_inches(11, 1.9 + 0.65 * len(rows))
    ax.set_xlim(float(mdates.date2num(lo_axis)), float(mdates.date2num(hi_axis + dt.timedelta(days=pad * 2))))
    ax.xaxis.set_major_locator(mdates.AutoDateLocator())
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(ax.xaxis.get_major_locator()))
    ax.grid(axis="x", alpha=0.3)
    ax.set_title(f"{deal.title}\nEach date is drawn as the span its precision covers", fontsize=10)


# -- flows -------------------------------------------------------------------------------------


def _money_flows(deal: Deal) -> list[tuple[str, str, str, str, Estimate[Any]]]:
    """(group, from, to, label, estimate) for every flow in the deal."""
    flows: list[tuple[str, str, str, str, Estimate[Any]]] = []
    if deal.investment is not None:
        flows.append(("announced", deal.investor, deal.investee, "investment", deal.investment))
    for t in deal.tranches:
        flows.append(("tranche", deal.investor, deal.investee, f"tranche: {t.kind.replace('_', '-')}", t.amount))
    for s in deal.spend:
        flows.append(("spend", s.payer, s.payee, f"spend: {s.name}", s.amount))
    for c in deal.compute:
        flows.append(("compute", c.provider, c.recipient, f"compute: {c.name}", c.capacity))
    return flows


def _flows(fig: Figure, deal: Deal, locale: str, name: Any) -> None:
    from .._values import format_estimate

    diagram, bounds = fig.subplots(1, 2, width_ratios=(1.1, 1))
    flows = _money_flows(deal)
    parties = list(dict.fromkeys([p for _, a, b, _, _ in flows for p in (a, b)] or list(deal.parties)))
    where: dict[str, tuple[float, float]] = {}
    for i, party in enumerate(parties):
        angle = math.pi / 2 + 2 * math.pi * i / len(parties)
        where[party] = (math.cos(angle), math.sin(angle))
        diagram.text(*where[party], name(party), ha="center", va="center", fontsize=10, zorder=3,
                     bbox={"boxstyle": "round,pad=0.4", "facecolor": "#f2f2f2", "edgecolor": "#444444"})
    # One arrow per ordered pair of parties, labelled with every flow along it.
    pairs: dict[tuple[str, str], list[tuple[str, str, Estimate[Any]]]] = {}
    for group, a, b, label, e in flows:
        pairs.setdefault((a, b), []).append((group, label, e))
    rad = 0.25
    for (a, b), items in pairs.items():
        colour = _COLOURS[items[0][0]]
        diagram.annotate(
            "", xy=where[b], xytext=where[a],
            arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 2.0,
                        "connectionstyle": f"arc3,rad={rad}", "shrinkA": 18, "shrinkB": 18},
        )
        (xa, ya), (xb, yb) = where[a], where[b]
        # The peak of matplotlib's arc3 curve lies at mid + rad/2 * (dy, -dx); the label sits beyond it.
        dx, dy = xb - xa, yb - ya
        lx, ly = (xa + xb) / 2 + rad * 0.8 * dy, (ya + yb) / 2 - rad * 0.8 * dx
        text = "\n".join(f"{label}: {format_estimate(e, locale, style='compact')}" for _, label, e in items)
        diagram.text(lx, ly, text, ha="left" if lx >= 0 else "right", va="center", fontsize=8, color="#222222",
                     bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": colour, "alpha": 0.9})
    diagram.set_xlim(-2.4, 2.4)
    diagram.set_ylim(-1.6, 1.6)
    diagram.set_aspect("equal")
    diagram.axis("off")
    diagram.set_title("Who gives what to whom", fontsize=10)
    _bounds(bounds, [(label, e) for _, _, _, label, e in flows if _is_money(e)], locale)
    fig.suptitle(deal.title, fontsize=11)


def _is_money(e: Estimate[Any]) -> bool:
    return isinstance(e.low if e.low is not None else e.high, CurrencyAmount)


def _bounds(ax: Axes, flows: list[tuple[str, Estimate[CurrencyAmount]]], locale: str) -> None:
    from .._values import format_estimate

    ax.set_title("Money, from lower to upper bound (billions)", fontsize=10)
    if not flows:
        ax.text(0.5, 0.5, "no money figures", ha="center", va="center", transform=ax.transAxes)
        ax.axis("off")
        return
    billion = 10**9
    values = [float(v.amount) / billion for _, e in flows for v in (e.low, e.high) if v is not None]
    top = max(values) * (1 + 2 * _OPEN_SHARE)
    for y, (label, e) in enumerate(flows):
        low = 0.0 if e.low is None else float(e.low.amount) / billion
        high = None if e.high is None else float(e.high.amount) / billion
        if high is None:  # "more than": open to the right
            ax.barh(y, top - low, left=low, height=0.5, color="#d62728", alpha=0.2, hatch="//")
            ax.plot([low], [y], marker="|", markersize=16, color="#d62728")
        elif e.low is None:  # "up to": anywhere from nothing to the bound
            ax.barh(y, high, left=0, height=0.5, color="#1f77b4", alpha=0.25, hatch="//")
            ax.plot([high], [y], marker="|", markersize=16, color="#1f77b4")
        elif high == low:
            ax.plot([low], [y], marker="D", markersize=8, color="#2ca02c")
        else:
            ax.barh(y, high - low, left=low, height=0.5, color="#2ca02c", alpha=0.8)
        ax.annotate(format_estimate(e, locale, style="compact"), (high if high is not None else top, y),
                    xytext=(5, 0), textcoords="offset points", va="center", fontsize=8, annotation_clip=False)
    ax.set_yticks(range(len(flows)), [label for label, _ in flows])
    ax.invert_yaxis()
    ax.set_xlim(0, top * 1.25)
    ax.grid(axis="x", alpha=0.3)
