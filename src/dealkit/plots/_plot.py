"""Pictures of a deal with matplotlib (the ``plot`` extra): its timeline and its money flows.

- ``timeline``: the announcement, dated tranches, compute deadlines and
  milestones, one row each, then the commitments the articles give no date
  for, drawn apart as undated.  A date is drawn as the span its precision
  covers (``2026-Q2`` is a bar from April 1 to June 30, a day a thin bar with
  a marker); a "by" date is a bound: a hard edge where it ends, open (faded,
  with an arrow) towards the past; a "from" date opens towards the future.  A
  line marks the day the picture is drawn as of (today, unless given), and
  every tick of the date axis names its year.
- ``flows``: the parties by name, each inside its group (a subsidiary beside
  its parent), an arrow for what passes between them (money and compute apart,
  each labelled with its own figures), money that returns to the investor's
  group marked so; beside it each amount of money as a bar between its
  bounds on an axis in the deal's currency, and compute capacity on its own
  axis in gigawatts.

matplotlib is imported on first use and draws through its Agg/SVG canvases
(no window, no ``pyplot`` state).  Words come from dealkit's message catalogs
and numbers, money and dates from CLDR, in the locale given.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import warnings
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, Literal, TypeAlias

from .._args import check_instance, check_path, file_errors
from .._errors import DealkitError, InvalidValueError
from .._model import Deal, Tranche
from .._optional import require
from .._values import N_, CurrencyAmount, Estimate, PartialDate, Power, Qualifier

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from ..catalog import Catalog

__all__ = ["PLOT_KINDS", "PLOT_SUFFIXES", "PlotKind", "date_span", "plot_deal"]

#: What :func:`plot_deal` draws.
PlotKind: TypeAlias = Literal["timeline", "flows"]
#: Every :data:`PlotKind`, in order.
PLOT_KINDS: Final[tuple[PlotKind, ...]] = ("timeline", "flows")
#: The file types written, by suffix.
PLOT_SUFFIXES: Final = (".png", ".svg")

_COLOURS: Final = {
    "announced": "#1f77b4", "tranche": "#2ca02c", "compute": "#9467bd", "milestone": "#ff7f0e", "spend": "#d62728",
}
_GROUP_WORDS: Final = {
    "announced": N_("announcement"), "tranche": N_("tranche"), "compute": N_("compute"),
    "milestone": N_("milestone"), "spend": N_("spend"),
}
_TRANCHE_WORDS: Final = {"immediate": N_("immediate tranche"), "milestone_linked": N_("milestone-linked tranche")}
_UNDATED_COLOUR: Final = "#7f7f7f"
_NOW_COLOUR: Final = "#c0392b"
#: How far (as a share of the axis) an open-ended date or amount is drawn past its bound.
_OPEN_SHARE: Final = 0.12
#: A bar panel is never drawn with fewer rows than this, so one bar does not fill it.
_MIN_ROWS: Final = 4

Gettext: TypeAlias = Callable[[str], str]


def plot_deal(
    deal: Deal,
    path: str | os.PathLike[str],
    *,
    kind: PlotKind = "timeline",
    locale: str = "en_US",
    catalog: Catalog | None = None,
    as_of: PartialDate | dt.date | None = None,
) -> Path:
    """Draw ``deal`` to ``path`` (``.png`` or ``.svg``) and return the path.

    Args:
        deal: the deal to draw.
        path: the file to write; its suffix chooses PNG or SVG.
        kind: ``"timeline"`` or ``"flows"``.
        locale: the locale of the labels' words, numbers and dates.
        catalog: where to find the parties' names and groups (their ids are used without it).
        as_of: the day the timeline marks with a line (its first day, for a month or a
            quarter); today when not given.

    Raises:
        InvalidValueError: an unknown kind or file suffix, or an ``as_of`` that is no date.
        DealkitError: matplotlib is missing (the ``plot`` extra) or the file cannot be written.

    .. versionadded:: 0.1
    .. versionchanged:: 0.2
       ``as_of``; party groups, undated commitments and axes in the deal's currency.
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
    if as_of is None:
        day = dt.date.today()
    elif isinstance(as_of, PartialDate):
        day = as_of.first
    elif isinstance(as_of, dt.date):
        day = as_of
    else:
        raise InvalidValueError("as_of must be a PartialDate or a datetime.date", as_of)
    from .._values import resolve_locale, translations

    resolve_locale(locale)  # an unknown locale fails before drawing
    require("matplotlib", extra="plot")
    from matplotlib import rc_context
    from matplotlib.figure import Figure

    words = _Words(translations(locale).gettext, locale, catalog)
    # "$25B" is money, not TeX: mathtext is off for every label.  SVG keeps its text (searchable, editable).
    with warnings.catch_warnings(), rc_context({"text.parse_math": False, "svg.fonttype": "none"}):
        # Fonts without CJK glyphs still write the file; the labels lose those glyphs only.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font", category=UserWarning)
        fig = Figure(figsize=(12, 6), layout="constrained")
        if kind == "timeline":
            _timeline(fig, deal, words, day)
        else:
            _flows(fig, deal, words)
        with file_errors(target, "write file"):
            fig.savefig(target, dpi=110)
    return target


class _Words:
    """The words of one picture: translated labels, party names and groups, values in the locale."""

    def __init__(self, gettext: Gettext, locale: str, catalog: Catalog | None) -> None:
        self._ = gettext
        self.locale = locale
        self.catalog = catalog

    def name(self, party_id: str) -> str:
        if self.catalog is None:
            return party_id
        try:
            return self.catalog.party(party_id).name
        except DealkitError:
            return party_id

    def parent(self, party_id: str) -> str | None:
        if self.catalog is None:
            return None
        try:
            return self.catalog.party(party_id).parent
        except DealkitError:
            return None

    def group(self, party_id: str) -> str:
        """The party at the head of ``party_id``'s group (itself, if it has no parent)."""
        seen = {party_id}
        while (up := self.parent(party_id)) is not None and up not in seen:
            seen.add(up)
            party_id = up
        return party_id

    def value(self, e: Estimate[Any]) -> str:
        from .._values import format_estimate

        return format_estimate(e, self.locale, style="compact")


# -- timeline ----------------------------------------------------------------------------------


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


def _date_rows(deal: Deal, words: _Words) -> list[tuple[str, str, Estimate[PartialDate]]]:
    _ = words._
    rows: list[tuple[str, str, Estimate[PartialDate]]] = [("announced", _("Announced"), Estimate.exact(deal.announced))]
    for t in deal.tranches:
        if t.date is not None:
            rows.append(("tranche", _tranche_label(t, words), Estimate.exact(t.date)))
    for c in deal.compute:
        if c.by is not None:
            rows.append(("compute", _("compute {name} ready").format(name=c.name), c.by))
    for m in deal.milestones:
        capacity = "" if m.capacity is None else f" ({words.value(m.capacity)})"
        rows.append(("milestone", m.description + capacity, m.date))
    return rows


def _tranche_label(t: Tranche, words: _Words) -> str:
    """A tranche's kind in words, and its name when it has one of its own (two investors' tranches)."""
    return words._(_TRANCHE_WORDS[t.kind]) + ("" if t.name == t.kind else f" {t.name}")


def _undated_rows(deal: Deal, words: _Words) -> list[tuple[str, str, str]]:
    """(group, label, what) for each commitment the catalog gives no date for."""
    _ = words._
    rows: list[tuple[str, str, str]] = []
    for t in deal.tranches:
        if t.date is None:
            rows.append(("tranche", _tranche_label(t, words), words.value(t.amount)))
    for c in deal.compute:
        if c.by is None:
            rows.append(("compute", _("compute {name}").format(name=c.name), words.value(c.capacity)))
    for s in deal.spend:
        what = words.value(s.amount)
        if s.term is not None:
            from .._values import format_value

            what = _("{amount} over {term}").format(amount=what, term=format_value(s.term, words.locale))
        rows.append(("spend", _("spend with {payee}").format(payee=words.name(s.payee)), what))
    return rows


def _year_ticks(ax: Axes, lo: dt.date, hi: dt.date, locale: str) -> None:
    """Ticks on month or year boundaries, each naming its year in the locale ("Apr 2026", "2026年4月")."""
    from babel import dates

    from .._values import resolve_locale

    mdates: Any = importlib.import_module("matplotlib.dates")
    ticker: Any = importlib.import_module("matplotlib.ticker")
    months = (hi.year - lo.year) * 12 + hi.month - lo.month
    loc = resolve_locale(locale)
    if months > 48:
        ax.xaxis.set_major_locator(mdates.YearLocator())
        skeleton = "y"
    else:
        step = next(s for s in (1, 2, 3, 6, 12) if months / s <= 9)
        ax.xaxis.set_major_locator(mdates.MonthLocator(bymonth=range(1, 13, step) if step < 12 else [1]))
        skeleton = "yMMM" if step < 12 else "y"

    def label(x: float, _pos: int) -> str:
        day = mdates.num2date(x).date()
        text: str = dates.format_skeleton(skeleton, day, locale=loc)
        return text

    ax.xaxis.set_major_formatter(ticker.FuncFormatter(label))


def _timeline(fig: Figure, deal: Deal, words: _Words, day: dt.date) -> None:
    from .._values import format_date

    _ = words._
    mdates: Any = importlib.import_module("matplotlib.dates")
    ax: Axes = fig.add_subplot()
    rows = _date_rows(deal, words)
    undated = _undated_rows(deal, words)
    known = [d for _g, _l, e in rows for d in (e.low, e.high) if d is not None]
    first = min([*(d.first for d in known), day])
    last = max([*(d.last for d in known), day]) + dt.timedelta(days=1)
    pad = dt.timedelta(days=max((last - first).days * _OPEN_SHARE, 45.0))
    lo_axis, hi_axis = first - pad, last + pad * 3  # room on the right for the labels
    for y, (group, label, e) in enumerate(rows):
        colour = _COLOURS[group]
        start, end = date_span(e)
        if start is not None and end is not None:
            ax.barh(y, (end - start).days, left=mdates.date2num(start), height=0.5, color=colour)
        else:
            # A bound: the stated date's own span solid, then open (faded, an arrow) on the unbounded side.
            s, t = date_span(Estimate.exact(e.value))
            assert s is not None and t is not None
            ax.barh(y, (t - s).days, left=mdates.date2num(s), height=0.5, color=colour)
            fade_from, fade_to = (lo_axis, s) if start is None else (t, hi_axis - pad * 2)
            ax.barh(y, (fade_to - fade_from).days, left=mdates.date2num(fade_from), height=0.5,
                    color=colour, alpha=0.15, hatch="//", edgecolor=colour, linewidth=0)
            edge = t if start is None else s  # the bound itself: a hard edge
            ax.plot([mdates.date2num(edge)] * 2, [y - 0.32, y + 0.32], color=colour, linewidth=2.5)
            tip = fade_from if start is None else fade_to
            ax.annotate("", xy=(mdates.date2num(tip), y), xytext=(mdates.date2num(tip + (pad if start is None else -pad)), y),
                        arrowprops={"arrowstyle": "-|>", "color": colour, "lw": 1.2})
        point = e.low or e.high
        assert point is not None
        if e.qualifier is Qualifier.EXACT and point.first == point.last:
            ax.plot([mdates.date2num(point.first) + 0.5], [y], marker="D", color=colour, markersize=7)
        right = end if end is not None else hi_axis - pad * 2
        ax.annotate(words.value(e), (mdates.date2num(right), y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=9)
    labels = [label for _g, label, _e in rows]
    if undated:
        # Undated commitments, apart below a rule: a dotted band across the axis says "no date given".
        base = len(rows) + 0.5
        ax.axhline(base - 0.5, color="#999999", linewidth=0.8, linestyle="--")
        ax.text(mdates.date2num(lo_axis + pad / 3), base - 0.55, _("undated: the articles give no date"),
                va="bottom", fontsize=9, color="#555555", style="italic")
        for i, (group, _label, what) in enumerate(undated):
            band = base + i
            ax.barh(band, (hi_axis - lo_axis).days, left=mdates.date2num(lo_axis), height=0.42, color="none",
                    edgecolor=_COLOURS[group], linestyle=":", linewidth=1.2)
            ax.text(mdates.date2num(lo_axis + pad / 3), band, _("{value}, no date given").format(value=what),
                    va="center", fontsize=9, color="#333333")
        labels += [label for _g, label, _w in undated]
        ticks = [*range(len(rows)), *(len(rows) + 0.5 + i for i in range(len(undated)))]
    else:
        ticks = list(range(len(rows)))
    ax.set_yticks(ticks, labels)
    bottom = ticks[-1] + 0.6
    ax.set_ylim(max(bottom, _MIN_ROWS - 0.4), -0.8)  # first row on top; bars keep their height however few rows
    # The day the picture is drawn as of.
    now = mdates.date2num(day)
    ax.axvline(now, color=_NOW_COLOUR, linewidth=1.4, linestyle="-", zorder=0.5)
    when = format_date(PartialDate.from_date(day), words.locale)
    marker = _("today, {date}") if day == dt.date.today() else _("as of {date}")
    ax.annotate(marker.format(date=when), (now, -0.8),
                xytext=(4, -2), textcoords="offset points", va="top", fontsize=9, color=_NOW_COLOUR)
    ax.set_xlim(float(mdates.date2num(lo_axis)), float(mdates.date2num(hi_axis)))
    _year_ticks(ax, lo_axis, hi_axis, words.locale)
    ax.set_xlabel(_("date (each bar spans what its precision covers)"))
    ax.grid(axis="x", alpha=0.3)
    present = dict.fromkeys(g for g, _l, _e in rows)
    present.update(dict.fromkeys(g for g, _l, _w in undated))
    from matplotlib.patches import Patch

    ax.legend(handles=[Patch(color=_COLOURS[g], label=_(_GROUP_WORDS[g])) for g in present],
              loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, framealpha=0.9)
    fig.set_size_inches(12, 2.4 + 0.5 * max(len(ticks), _MIN_ROWS))
    ax.set_title(deal.title, fontsize=11)


# -- flows -------------------------------------------------------------------------------------


def _flows_of(deal: Deal, words: _Words) -> list[tuple[str, str, str, str, Estimate[Any]]]:
    """(group, from, to, label, estimate) for every flow in the deal, labelled with names.

    Each investor's money runs from it to its investee: with one investor the
    deal's total, with several each one's own amount (named after it).
    """
    _ = words._
    flows: list[tuple[str, str, str, str, Estimate[Any]]] = []
    several = len(deal.investors) > 1
    for i in deal.investors:
        amount = deal.amount_of(i.party) if several else deal.investment
        whose = f" ({words.name(i.party)})" if several else ""
        if amount is not None:
            flows.append(("announced", i.party, i.investee, _("investment") + whose, amount))
        for t in i.tranches:
            flows.append(("tranche", i.party, i.investee, _tranche_label(t, words) + whose, t.amount))
    for s in deal.spend:
        flows.append(("spend", s.payer, s.payee, _("spend with {payee}").format(payee=words.name(s.payee)), s.amount))
    for c in deal.compute:
        flows.append(("compute", c.provider, c.recipient, _("compute {name}").format(name=c.name), c.capacity))
    return flows


def _is_money(e: Estimate[Any]) -> bool:
    return isinstance(e.low if e.low is not None else e.high, CurrencyAmount)


def _layout(deal: Deal, parties: list[str], words: _Words) -> tuple[dict[str, tuple[float, float]], dict[str, list[str]]]:
    """Where each party sits: the investors' groups on the left, the investees' on the right, others below."""
    groups: dict[str, list[str]] = {}
    for p in parties:
        groups.setdefault(words.group(p), []).append(p)
    right = list(dict.fromkeys(words.group(i.investee) for i in deal.investors))
    left = [g for g in dict.fromkeys(words.group(i.party) for i in deal.investors) if g not in right]
    where: dict[str, tuple[float, float]] = {}
    others = [g for g in groups if g not in (*left, *right)]
    for heads, x in ((left, -1.45), (right, 1.45)):
        members = [p for head in heads for p in groups.get(head, [])]
        for i, p in enumerate(members):
            where[p] = (x, 0.75 - 1.5 * i / max(len(members) - 1, 1) if len(members) > 1 else 0.2)
    for i, head in enumerate(others):
        for j, p in enumerate(groups[head]):
            where[p] = (-0.5 + i * 1.0 + j * 0.4, -1.15)
    return where, groups


def _flows(fig: Figure, deal: Deal, words: _Words) -> None:
    _ = words._
    grid = fig.add_gridspec(2, 2, width_ratios=(1.15, 1), height_ratios=(2.2, 1))
    diagram = fig.add_subplot(grid[:, 0])
    flows = _flows_of(deal, words)
    parties = list(dict.fromkeys([p for _g, a, b, _l, _e in flows for p in (a, b)] or list(deal.parties)))
    where, groups = _layout(deal, parties, words)
    from matplotlib.patches import FancyBboxPatch

    investor_groups = {words.group(i.party) for i in deal.investors}
    for head, members in groups.items():
        if len(members) < 2 and head == members[0]:
            continue
        xs = [where[p][0] for p in members]
        ys = [where[p][1] for p in members]
        box = FancyBboxPatch((min(xs) - 0.78, min(ys) - 0.3), max(xs) - min(xs) + 1.56, max(ys) - min(ys) + 0.72,
                             boxstyle="round,pad=0.04", facecolor="#f7f7fb", edgecolor="#8888aa", linestyle="--", zorder=0)
        diagram.add_patch(box)
        diagram.text(min(xs) - 0.74, max(ys) + 0.36, _("{name} group").format(name=words.name(head)), fontsize=9,
                     color="#555577", va="top")
    for party in parties:
        diagram.text(*where[party], words.name(party), ha="center", va="center", fontsize=10, zorder=3,
                     bbox={"boxstyle": "round,pad=0.45", "facecolor": "white", "edgecolor": "#333333"})
    # One arrow for the money and one for the compute of each ordered pair, each with its own label box.
    pairs: dict[tuple[str, str, bool], list[tuple[str, str, Estimate[Any]]]] = {}
    for group, a, b, label, e in flows:
        pairs.setdefault((a, b, group == "compute"), []).append((group, label, e))
    labels: list[tuple[float, float, float, float, float, str, str]] = []
    for (a, b, is_compute), items in pairs.items():
        colour = _COLOURS["compute"] if is_compute else _COLOURS[items[0][0]]
        rad = 0.3 if is_compute else -0.25
        (xa, ya), (xb, yb) = where[a], where[b]
        diagram.annotate("", xy=(xb, yb), xytext=(xa, ya), arrowprops={
            "arrowstyle": "-|>", "color": colour, "lw": 2.2, "linestyle": "--" if is_compute else "-",
            "connectionstyle": f"arc3,rad={rad}", "shrinkA": 22, "shrinkB": 22})
        text = "\n".join(f"{label}: {words.value(e)}" for _g, label, e in items)
        returns = not is_compute and words.group(b) in investor_groups and words.group(a) not in investor_groups
        if returns:
            text += "\n" + _("↩ returns to {name}'s group").format(name=words.name(words.group(b)))
        labels.append((xa, ya, xb, yb, rad, text, colour))
    diagram.set_xlim(-2.4, 2.4)
    diagram.set_ylim(-1.6, 1.5)
    diagram.axis("off")
    diagram.set_title(_("Who gives what to whom"), fontsize=10)
    money = [(label, e) for g, _a, _b, label, e in flows if g != "compute" and _is_money(e)]
    if len(deal.investors) > 1 and deal.investment is not None:
        money.insert(0, (_("investment"), deal.investment))  # the total, beside each investor's own
    power = [(label, e) for g, _a, _b, label, e in flows if g == "compute"]
    _bounds(fig.add_subplot(grid[0, 1]), money, words, "money")
    _bounds(fig.add_subplot(grid[1, 1]), power, words, "power")
    fig.suptitle(deal.title, fontsize=11)
    # Each arrow's label on its curve: arc3 bends in display space, so lay the figure out first.
    fig.draw_without_rendering()
    to_display, to_data = diagram.transData.transform, diagram.transData.inverted().transform
    for xa, ya, xb, yb, rad, text, colour in labels:
        (pa, qa), (pb, qb) = to_display((xa, ya)), to_display((xb, yb))
        # arc3's control point lies at mid + rad * (dy, -dx); the curve's peak halfway there.
        peak = ((pa + pb) / 2 + rad / 2 * (qb - qa), (qa + qb) / 2 - rad / 2 * (pb - pa))
        lx, ly = to_data(peak)
        tag = diagram.text(lx, ly, text, ha="center", va="center", fontsize=8, color="#222222", zorder=4,
                           bbox={"boxstyle": "round,pad=0.3", "facecolor": "white", "edgecolor": colour,
                                 "alpha": 0.95})
        tag.set_in_layout(False)


def _bounds(ax: Axes, flows: list[tuple[str, Estimate[Any]]], words: _Words, kind: str) -> None:
    """Each figure as a bar between its bounds, on an axis that names its currency or unit."""
    from .._values import format_money, format_power

    ticker: Any = importlib.import_module("matplotlib.ticker")
    _ = words._
    if kind == "money":
        currencies = list(dict.fromkeys(
            (e.low if e.low is not None else e.high).currency for _l, e in flows))  # type: ignore[union-attr]
        currency = currencies[0] if currencies else "USD"
        flows = [(label, e) for label, e in flows
                 if (e.low if e.low is not None else e.high).currency == currency]  # type: ignore[union-attr]
        ax.set_title(_("Money, from lower to upper bound ({currency})").format(currency=currency), fontsize=10)

        def number(v: Any) -> float:
            return float(v.amount)

        def tick(x: float, _pos: int) -> str:
            return format_money(CurrencyAmount(Decimal(f"{x:.2f}"), currency), words.locale, style="compact")

        ax.set_xlabel(_("amount in {currency}").format(currency=currency))
    else:
        ax.set_title(_("Compute capacity, from lower to upper bound (GW)"), fontsize=10)

        def number(v: Any) -> float:
            return float(v.to("GW").magnitude)

        def tick(x: float, _pos: int) -> str:
            return format_power(Power(Decimal(f"{x:.3f}"), "GW"), words.locale)

        ax.set_xlabel(_("capacity in gigawatts (GW)"))
    if not flows:
        ax.text(0.5, 0.5, _("no figures"), ha="center", va="center", transform=ax.transAxes, color="#777777")
        ax.set_yticks([])
        ax.set_xticks([])
        return
    values = [number(v) for _l, e in flows for v in (e.low, e.high) if v is not None]
    top = max(values) * (1 + 2 * _OPEN_SHARE)
    for y, (label, e) in enumerate(flows):
        low = 0.0 if e.low is None else number(e.low)
        high = None if e.high is None else number(e.high)
        if high is None:  # "more than": a hard edge at the lower bound, open to the right
            ax.barh(y, top - low, left=low, height=0.5, color="#d62728", alpha=0.18, hatch="//", linewidth=0)
            ax.plot([low, low], [y - 0.3, y + 0.3], color="#d62728", linewidth=2.5)
            ax.annotate("", xy=(top, y), xytext=(top - (top - low) * 0.2, y),
                        arrowprops={"arrowstyle": "-|>", "color": "#d62728"})
        elif e.low is None:  # "up to": anywhere from nothing to a hard edge at the bound
            ax.barh(y, high, left=0, height=0.5, color="#1f77b4", alpha=0.22, hatch="//", linewidth=0)
            ax.plot([high, high], [y - 0.3, y + 0.3], color="#1f77b4", linewidth=2.5)
        elif high == low:  # exact: a point
            ax.plot([low], [y], marker="D", markersize=8, color="#2ca02c")
        else:  # between two bounds
            ax.barh(y, high - low, left=low, height=0.5, color="#2ca02c", alpha=0.8)
            for edge in (low, high):
                ax.plot([edge, edge], [y - 0.3, y + 0.3], color="#1b6e1b", linewidth=2)
        ax.annotate(words.value(e), (high if high is not None else top, y), xytext=(6, 0), textcoords="offset points",
                    va="center", fontsize=8, annotation_clip=False)
    ax.set_yticks(range(len(flows)), [label for label, _e in flows], fontsize=9)
    ax.set_ylim(max(len(flows), _MIN_ROWS) - 0.5, -0.5)  # first on top; one bar does not fill the panel
    ax.set_xlim(0, top * 1.3)
    ax.xaxis.set_major_locator(ticker.MaxNLocator(5))
    ax.xaxis.set_major_formatter(ticker.FuncFormatter(tick))
    ax.grid(axis="x", alpha=0.3)
