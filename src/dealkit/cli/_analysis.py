"""``dealkit metrics``, ``asof``, ``compare``, ``history`` and ``check``: derived figures, deals on a day,
deals side by side, the deals between two groups, claims against each other.

Their JSON is the one JSON form of the analysis types (``dealkit.converter.unstructure``
of :class:`~dealkit.Metric`, :class:`~dealkit.AsOfView`, :class:`~dealkit.DealHistory`,
:class:`~dealkit.Finding`); their CSV is that JSON flattened, one row per metric, item, deal or
finding, nested fields named by dotted paths.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from .._errors import DealkitError
from .._values import N_
from . import _render
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    Commands,
    UsageError,
    add_catalog_options,
    add_command,
    add_deal_filters,
    add_format,
    add_locale,
    add_part,
    load_catalog_for,
    plural_translator,
    selected_subjects,
    translator,
)

if TYPE_CHECKING:
    from ..analysis import Metric

__all__ = ["ASOF_COLUMNS", "FINDING_COLUMNS", "HISTORY_COLUMNS", "METRIC_COLUMNS", "register"]

#: The CSV columns of each command: dotted paths into its JSON objects.
METRIC_COLUMNS: Final = ("name", "label", "kind", "estimate.kind", "estimate.qualifier", "estimate.value",
                         "formula", "claims", "sources", "reason")
ASOF_COLUMNS: Final = ("deal_id", "day", "item", "state", "certainty", "amount.kind", "amount.qualifier",
                       "amount.value", "date.qualifier", "date.value", "description", "claims")
FINDING_COLUMNS: Final = ("kind", "status", "subject", "property", "stated.kind", "stated.qualifier", "stated.value",
                          "other.kind", "other.qualifier", "other.value", "claims", "sources", "message", "resolved",
                          "as_of", "deviation", "figure_kind", "meaning")
HISTORY_COLUMNS: Final = ("investor", "investee", "deal", "title", "announced", "amount.qualifier", "amount.value",
                          "cumulative.total.qualifier", "cumulative.total.value", "cumulative.unknown", "claims")

_WORDS: Final = {
    # as-of states and certainties
    "committed": N_("committed"), "unlocked": N_("unlocked"), "online": N_("online"),
    "certainly": N_("certainly"), "possibly": N_("possibly"), "no": N_("no"), "not_yet": N_("not yet"),
    # finding statuses
    "agree": N_("agree"), "compatible": N_("compatible"), "conflict": N_("conflict"), "incomparable": N_("incomparable"),
}
_DURATION_WORDS: Final = {"year": N_("year"), "month": N_("month"), "quarter": N_("quarter"), "day": N_("day")}
#: The comparison table's headers, by figure.
_COMPARE_HEADERS: Final = {
    "capacity": N_("capacity"), "investment": N_("investment"), "spend": N_("spend"), "money_per_gw": N_("per GW"),
    "spend_per_year": N_("spend per year"), "first_capacity": N_("first capacity"),
}


def register(commands: Commands) -> None:
    p = add_command(
        commands, "metrics", run_metrics,
        summary="derived figures of a deal, with bounds and sources",
        description="The figures a reader derives by hand (the stake the immediate tranche buys, spend per "
        "year, energy per year, reference clusters, money back per dollar in), each with the bounds its "
        "inputs allow, its formula and the claims it came from; a figure the bounds do not determine says why.",
        examples=[
            ("dealkit metrics amazon-anthropic-2026", "the headline deal's metrics"),
            ("dealkit metrics amazon-anthropic-2026 --format json", "as JSON, value and qualifier apart"),
            ("dealkit metrics amazon-anthropic-2026 --locale fr_FR", "in French"),
        ],
    )
    p.add_argument("deal_id", metavar="DEAL_ID", help="the deal (`dealkit list` gives the ids)")
    add_format(p)
    add_locale(p)
    add_catalog_options(p)

    p = add_command(
        commands, "asof", run_asof,
        summary="what of a deal is committed, unlocked or online on a day",
        description="What of the deal is committed, unlocked or online on DATE: certainly, possibly or not "
        "yet, honouring each date's precision (a Q2 milestone is possibly online on May 1, certainly on July 1).",
        examples=[
            ("dealkit asof amazon-anthropic-2026 2026-07-01", "the headline deal on July 1, 2026"),
            ("dealkit asof amazon-anthropic-2026 2026-Q3 --format csv", "one row per item, as CSV"),
            ("dealkit asof amazon-anthropic-2026 2027 --locale de_DE", "in German"),
        ],
    )
    p.add_argument("deal_id", metavar="DEAL_ID", nargs="?",
                   help="the deal (`dealkit list` gives the ids); without it, every deal (or --part's), one row each")
    p.add_argument("day", metavar="DATE",
                   help="the day to look at, as canonical date text: 2026-05-01, 2026-05, 2026-Q3, 2026-H2 or 2027")
    add_part(p)
    add_format(p)
    add_locale(p)
    add_catalog_options(p)

    p = add_command(
        commands, "compare", run_compare,
        summary="deals side by side: capacity, investment, spend, money per GW, spend per year, first capacity",
        description="One row per deal (every deal, the deals named, a party's or a part's): the compute "
        "capacity committed, the investment, the spend, the money per GW (the spend's, or the investment's for "
        "a deal without a spend), the spend per year over its term and the date the first capacity comes "
        "online. Stated figures keep their qualifiers; derived ones follow from their inputs' bounds, so a "
        "figure the bounds do not fix is undetermined, with the reason. JSON gives each figure as a metric "
        "(dealkit.compare's rows as dealkit.converter writes them); CSV flattens it.",
        examples=[
            ("dealkit compare --part field", "the field's deals side by side"),
            ("dealkit compare openai-oracle-2025 microsoft-iren-2025 --format json", "two deals, as JSON"),
            ("dealkit compare --party nvidia --locale de_DE", "Nvidia's deals, in German"),
        ],
    )
    add_deal_filters(p)
    add_format(p)
    add_locale(p)
    add_catalog_options(p)

    p = add_command(
        commands, "history", run_history,
        summary="the deals from one party's group to another's, in order, with running totals",
        description="The deals in which PARTY_A's group invests in PARTY_B's group (a subsidiary counts for its "
        "parent), ordered by their relations (a deal that follows, extends or amends another comes after it) and "
        "then by announcement, each with the running total of what has been committed: a deal that follows or "
        "extends another adds its money, one that amends another replaces its figure; amounts are positive, so "
        "exactly $8B and then up to $25B more is $8B to $33B.  --as-of adds the total on a day.  The conflicts "
        "the catalog records about these deals follow the table.",
        examples=[
            ("dealkit history amazon anthropic", "Amazon's deals with Anthropic and the running total"),
            ("dealkit history amazon anthropic --as-of 2026-04-20 --format json", "with the total on a day, as JSON"),
            ("dealkit history aws anthropic --locale de_DE", "AWS counts for Amazon's group; in German"),
        ],
    )
    p.add_argument("investor", metavar="PARTY_A", help="the investing party (its whole group counts)")
    p.add_argument("investee", metavar="PARTY_B", help="the party invested in (its whole group counts)")
    p.add_argument("--as-of", dest="day", metavar="DATE",
                   help="also give the total on this day, as canonical date text: 2026-04-20, 2026-Q2 or 2026")
    add_format(p)
    add_locale(p)
    add_catalog_options(p)

    p = add_command(
        commands, "check", run_check,
        summary="check claims against each other and what they imply",
        description="Compares claims across the catalog: claims of one subject and property whose bounds "
        "cannot both hold, each investor's amount against its tranches, totals against their tranches and "
        "investors, growth multiples against the figures they join; then lists the conflicts the catalog "
        "records, of value and of meaning.  Exits 1 when a conflict is not settled (by a deprecated claim, or "
        "by the recorded conflict's resolution).",
        examples=[
            ("dealkit check", "every claim of the catalog"),
            ("dealkit check amazon-anthropic-2026 --format json", "one deal's findings, as JSON"),
            ("dealkit check --catalog my-deals.toml --no-builtin", "only your claims"),
        ],
        exit_codes=((EXIT_OK, "no unresolved conflict"),
                    (EXIT_INVALID, "an unresolved conflict, invalid data or an unknown id"),
                    (2, "a usage error")),
    )
    add_deal_filters(p)
    add_format(p)
    add_locale(p)
    add_catalog_options(p)


# -- metrics -------------------------------------------------------------------------------------


def _number(value: Decimal, locale: str, pattern: str = "#,##0.####") -> str:
    from babel import numbers

    from .._values import resolve_locale

    text: str = numbers.format_decimal(value, pattern, locale=resolve_locale(locale))
    return text


def figure_text(kind: str, value: Any, locale: str) -> str:
    """One bound of a metric as ``locale`` writes it: money compact, a rate per its unit, a percent with its sign."""
    from babel import numbers

    from .._values import CurrencyAmount, Rate, format_money, format_value, resolve_locale

    _ = translator(locale)
    if isinstance(value, Rate):
        unit = _(_DURATION_WORDS[value.unit]) if value.unit in _DURATION_WORDS else value.unit
        return _("{amount}/{unit}").format(amount=format_money(value.amount, locale, style="compact"), unit=unit)
    if isinstance(value, CurrencyAmount):
        return format_money(value, locale, style="compact")
    if isinstance(value, Decimal):
        if kind == "percent":
            text: str = numbers.format_percent(value / 100, "#,##0.####%", locale=resolve_locale(locale))
            return text
        if kind == "multiple":
            return _("{number}x").format(number=_number(value, locale, "#,##0.##"))
        return _number(value, locale, "#,##0.##")
    return format_value(value, locale)


def estimate_text(e: Any, kind: str, locale: str) -> str:
    """An estimate of any figure kind in ``locale``: multiples, percents, counts and rates as :func:`figure_text`."""
    from .._values import Qualifier, Rate, format_estimate, qualify

    some = e.low if e.low is not None else e.high
    if kind not in ("multiple", "percent", "count", "rate") and not isinstance(some, Rate):
        return format_estimate(e, locale, style="compact")
    if e.qualifier is Qualifier.RANGE:
        return f"{figure_text(kind, e.low, locale)} \N{EN DASH} {figure_text(kind, e.high, locale)}"
    nearly = e.qualifier is Qualifier.APPROXIMATELY and e.high == e.central and e.low != e.central
    return qualify(e.qualifier, figure_text(kind, e.value, locale), locale, nearly=nearly)


def metric_text(metric: Metric, locale: str) -> str:
    """The metric's value as :attr:`Metric.text` rounds it (outward), in ``locale``'s words and numbers."""
    from .._values import Qualifier, qualify
    from ..serialization import parse_canonical

    _ = translator(locale)
    e = metric.estimate
    if e is None:
        return _("undetermined")

    def bound(text: str | None) -> str:
        assert text is not None
        kind = "number" if metric.kind == "count" else metric.kind  # a derived count may have decimals
        return figure_text(metric.kind, parse_canonical(kind, text), locale)

    match e.qualifier:
        case Qualifier.EXACT:
            return bound(metric.low_text)
        case Qualifier.AT_MOST:
            return qualify(e.qualifier, bound(metric.high_text), locale)
        case Qualifier.AT_LEAST:
            return qualify(e.qualifier, bound(metric.low_text), locale)
        case _:
            return f"{bound(metric.low_text)} \N{EN DASH} {bound(metric.high_text)}"


def run_metrics(args: argparse.Namespace) -> int:
    from ..analysis import deal_metrics
    from ..serialization import unstructure

    metrics = deal_metrics(load_catalog_for(args), args.deal_id)
    data: list[Any] = [unstructure(m) for m in metrics]
    if args.format == "json":
        sys.stdout.write(_render.json_text(data))
    elif args.format == "csv":
        sys.stdout.write(_render.csv_text([_render.flatten(d, METRIC_COLUMNS) for d in data], METRIC_COLUMNS))
    else:
        _ = translator(args.locale)
        rows = [(m.name, metric_text(m, args.locale), m.formula, ", ".join(m.claims)) for m in metrics]
        text = _render.table([_("metric"), _("value"), _("formula"), _("claims")], rows)
        undetermined = [m for m in metrics if not m.determined]
        if undetermined:
            english = args.locale.split("_")[0].split("-")[0].lower() == "en"
            notes = [f"  {m.name}: {m.reason if english else _('the bounds of its inputs do not determine it')}"
                     for m in undetermined]
            text += "\n" + _("Undetermined:") + "\n" + "\n".join(notes) + "\n"
        sys.stdout.write(text)
    return EXIT_OK


# -- as of ---------------------------------------------------------------------------------------


def run_asof(args: argparse.Namespace) -> int:
    from .._values import Certainty, PartialDate, format_date, format_estimate
    from ..analysis import as_of
    from ..serialization import unstructure

    try:
        day = PartialDate.parse(args.day)
    except DealkitError as exc:
        raise UsageError(f"argument DATE: {exc}") from None
    if args.deal_id is None:
        return _asof_deals(args, day)
    if args.part is not None:
        raise UsageError("name a deal or a part, not both")
    view = as_of(load_catalog_for(args), args.deal_id, day)
    data: Any = unstructure(view)
    if args.format == "json":
        sys.stdout.write(_render.json_text(data))
        return EXIT_OK
    if args.format == "csv":
        flat = [_render.flatten({"deal_id": data["deal_id"], "day": data["day"], **item}, ASOF_COLUMNS)
                for item in data["items"]]
        sys.stdout.write(_render.csv_text(flat, ASOF_COLUMNS))
        return EXIT_OK
    _ = translator(args.locale)
    loc = args.locale
    rows = [
        (s.item, _(_WORDS[s.state]), _(_WORDS[s.certainty.value]),
         "-" if s.amount is None else format_estimate(s.amount, loc, style="compact"),
         "-" if s.date is None else format_estimate(s.date, loc))
        for s in view.items
    ]
    text = _render.table([_("item"), _("state"), _("certainty"), _("amount"), _("date")], rows)
    totals = []
    when = format_date(view.day, loc)
    sums: tuple[tuple[str, Callable[..., Any]], ...] = (
        (N_("unlocked on {day}: certainly {certain}; possibly {possible}"), view.unlocked),
        (N_("online on {day}: certainly {certain}; possibly {possible}"), view.online),
    )
    for words, fn in sums:
        certain, possible = fn(), fn(Certainty.POSSIBLY)
        totals.append(_(words).format(
            day=when,
            certain=_("nothing") if certain is None else format_estimate(certain, loc, style="compact"),
            possible=_("nothing") if possible is None else format_estimate(possible, loc, style="compact"),
        ))
    sys.stdout.write(text + "\n" + "\n".join(totals) + "\n")
    return EXIT_OK


def _asof_deals(args: argparse.Namespace, day: Any) -> int:
    """Every deal (or a part's) on one day: whether it is signed, the money unlocked, whether capacity has come."""
    from .._values import Certainty, format_date, format_estimate
    from ..analysis import as_of_deals
    from ..serialization import unstructure

    catalog = load_catalog_for(args)
    keep = selected_subjects(catalog, args)
    views = as_of_deals(catalog, day, [d for d in catalog.deal_ids() if keep is None or d in keep])
    data: list[Any] = [unstructure(v) for v in views]
    if args.format == "json":
        sys.stdout.write(_render.json_text(data))
        return EXIT_OK
    if args.format == "csv":
        flat = [_render.flatten({"deal_id": v["deal_id"], "day": v["day"], **item}, ASOF_COLUMNS)
                for v in data for item in v["items"]]
        sys.stdout.write(_render.csv_text(flat, ASOF_COLUMNS))
        return EXIT_OK
    _ = translator(args.locale)
    loc = args.locale
    order = {Certainty.NO: 0, Certainty.POSSIBLY: 1, Certainty.CERTAINLY: 2}

    def most(states: list[Certainty]) -> str:
        return _(_WORDS[max(states, key=order.__getitem__).value]) if states else "-"

    def money(e: Any) -> str:
        return "-" if e is None else format_estimate(e, loc, style="compact")

    rows = []
    for v in views:
        signed = [s.certainty for s in v.items if s.state == "committed"]
        if not signed:
            signed = [catalog.deal(v.deal_id).announced.reached_by(day)]
        online = [s.certainty for s in v.items if s.state == "online"]
        rows.append((v.deal_id, most(signed), money(v.unlocked()), money(v.unlocked(Certainty.POSSIBLY)), most(online)))
    header = [_("deal"), _("signed"), _("unlocked (certainly)"), _("unlocked (possibly)"), _("capacity online")]
    note = _("On {day}; capacity online: whether the deal's first capacity milestone or deadline has come.")
    sys.stdout.write(_render.table(header, rows) + "\n" + note.format(day=format_date(day, loc)) + "\n")
    return EXIT_OK


# -- compare -------------------------------------------------------------------------------------


def run_compare(args: argparse.Namespace) -> int:
    from .._values import format_estimate
    from ..analysis import COMPARISON_COLUMNS, COMPARISON_FIGURES, compare, comparison_rows
    from ..serialization import unstructure

    catalog = load_catalog_for(args)
    keep = selected_subjects(catalog, args)
    rows = compare(catalog, [d for d in catalog.deal_ids() if keep is None or d in keep])
    data: list[Any] = [unstructure(r) for r in rows]
    if args.format == "json":
        sys.stdout.write(_render.json_text(data))
        return EXIT_OK
    if args.format == "csv":
        # One row per deal with typed bounds (dealkit.comparison_rows): what a spreadsheet sorts and sums.
        sys.stdout.write(_render.csv_text(comparison_rows(rows), list(COMPARISON_COLUMNS)))
        return EXIT_OK
    loc = args.locale
    _ = translator(loc)
    english = loc.split("_")[0].split("-")[0].lower() == "en"
    table = []
    notes = []
    for r in rows:
        cells = [r.deal_id]
        for name in COMPARISON_FIGURES:
            m = r.figure(name)
            if m is None:
                cells.append("-")
            elif m.estimate is None:
                cells.append(_("undetermined"))
                reason = m.reason if english else _("the bounds of its inputs do not determine it")
                notes.append(f"  {r.deal_id} {_(_COMPARE_HEADERS[name])}: {reason}")
            elif m.kind == "date":
                cells.append(format_estimate(m.estimate, loc))
            else:
                cells.append(metric_text(m, loc))
        table.append(cells)
    text = _render.table([_("deal"), *(_(_COMPARE_HEADERS[n]) for n in COMPARISON_FIGURES)], table)
    text += "\n" + _("per GW: the spend per GW of capacity (the investment's, for a deal without a spend); "
                     "bounds follow from the figures' qualifiers; -: not stated.") + "\n"
    if notes:
        text += "\n" + _("Undetermined:") + "\n" + "\n".join(notes) + "\n"
    sys.stdout.write(text)
    return EXIT_OK


# -- check ---------------------------------------------------------------------------------------


def run_check(args: argparse.Namespace) -> int:
    from .._values import format_date
    from ..analysis import check_consistency
    from ..serialization import unstructure

    catalog = load_catalog_for(args)
    keep = selected_subjects(catalog, args)
    findings = [f for f in check_consistency(catalog) if keep is None or f.subject in keep]
    status = EXIT_INVALID if any(f.is_conflict and not f.resolved for f in findings) else EXIT_OK
    if args.format in ("json", "csv"):
        data: list[Any] = [unstructure(f) for f in findings]  # the table needs no plain data
        if args.format == "json":
            sys.stdout.write(_render.json_text(data))
        else:
            sys.stdout.write(_render.csv_text([_render.flatten(d, FINDING_COLUMNS) for d in data], FINDING_COLUMNS))
        return status
    loc = args.locale
    _ = translator(loc)
    ngettext = plural_translator(loc)
    english = loc.split("_")[0].split("-")[0].lower() == "en"
    lines = []
    for f in findings:
        shown = _("conflict of meaning") if f.meaning else _(_WORDS[f.status])
        mark = shown + (" " + _("(resolved)") if f.resolved else "")
        when = "" if f.as_of is None else " " + _("as of {date}").format(date=format_date(f.as_of, loc))
        lines.append(f"{mark}: {f.subject} {f.property}{when}")
        stated = estimate_text(f.stated, f.figure_kind, loc)
        other = "-" if f.other is None else estimate_text(f.other, f.figure_kind, loc)
        other_label = _("implied") if f.kind == "implied" else _("other claim")
        lines.append("  " + _("stated {stated}; {other_label} {other}").format(
            stated=stated, other_label=other_label, other=other))
        if english:
            lines.append(f"  {f.message}")
        lines.append("  " + _("{label}: {text}").format(label=_("sources"), text=", ".join(f.sources)))
    conflicts = sum(f.is_conflict for f in findings)
    unresolved = sum(f.is_conflict and not f.resolved for f in findings)
    lines.append(", ".join((
        ngettext("{count} finding", "{count} findings", len(findings)).format(count=len(findings)),
        ngettext("{count} conflict", "{count} conflicts", conflicts).format(count=conflicts),
        _("{count} unresolved").format(count=unresolved),
    )))
    sys.stdout.write("\n".join(lines) + "\n")
    return status



# -- history -------------------------------------------------------------------------------------


def run_history(args: argparse.Namespace) -> int:
    from .._values import PartialDate, format_date, format_estimate
    from ..analysis import deal_history
    from ..serialization import unstructure

    day = None
    if args.day is not None:
        try:
            day = PartialDate.parse(args.day)
        except DealkitError as exc:
            raise UsageError(f"argument --as-of: {exc}") from None
    catalog = load_catalog_for(args)
    history = deal_history(catalog, args.investor, args.investee)
    at = None if day is None else history.as_of(day)
    if args.format == "json":
        data: Any = unstructure(history)
        data["as_of"] = None if at is None else {"day": str(day), **at.to_json()}
        sys.stdout.write(_render.json_text(data))
        return EXIT_OK
    if args.format == "csv":
        plain: Any = unstructure(history)
        flat = [_render.flatten({"investor": plain["investor"], "investee": plain["investee"], **e}, HISTORY_COLUMNS)
                for e in plain["entries"]]
        sys.stdout.write(_render.csv_text(flat, HISTORY_COLUMNS))
        return EXIT_OK
    loc = args.locale
    _ = translator(loc)
    ngettext = plural_translator(loc)

    def name(party_id: str) -> str:
        from ._deals import party_name

        return party_name(catalog, party_id)

    def money(e: Any) -> str:
        return "-" if e is None else format_estimate(e, loc, style="compact")

    def running(c: Any) -> str:
        parts = [money(p.amount) for p in c.parts] + [_("an amount no claim gives") for _d in c.unknown]
        if not parts:
            return _("nothing known")
        words = parts[0]
        for more in parts[1:]:
            words = _("{total} plus {amount}").format(total=words, amount=more)
        return words if len(parts) < 2 or c.total is None else f"{words} ({money(c.total)})"

    relation_words = {"follows": _("follows"), "extends": _("extends"), "amends": _("amends")}
    rows = []
    for e in history.entries:
        how = "; ".join(f"{relation_words[r.kind]} {r.deal}" for r in e.relations) or "-"
        rows.append((format_date(e.announced, loc), e.deal, money(e.amount), how, running(e.cumulative)))
    count = len(history.entries)
    title = _("{investor} \N{RIGHTWARDS ARROW} {investee}: {deals}").format(
        investor=name(history.investor), investee=name(history.investee),
        deals=ngettext("{count} deal", "{count} deals", count).format(count=count))
    text = title + "\n\n" + _render.table(
        [_("announced"), _("deal"), _("amount"), _("relation"), _("cumulative")], rows)
    if history.entries:
        text += "\n" + _("Total after {deal}: {total}").format(
            deal=history.entries[-1].deal, total=running(history.total)) + "\n"
    if at is not None and day is not None:
        text += _("As of {date}: {total}").format(date=format_date(day, loc), total=running(at)) + "\n"
        if at.possibly:
            text += "  " + _("possibly also (announced at a time that may fall after it): {deals}").format(
                deals=", ".join(at.possibly)) + "\n"
    if history.conflicts:
        text += "\n" + _("{label}: {text}").format(label=_("Recorded conflicts"), text="").rstrip() + "\n"
        kinds = {"value": _("conflict of value"), "meaning": _("conflict of meaning")}
        for c in history.conflicts:
            state = _("resolved") if c.resolved else _("open")
            text += f"  - {c.id} ({kinds[c.kind]}, {state}): {c.note}\n"
            if c.resolved:
                text += "      " + _("{label}: {text}").format(label=_("resolution"), text=c.resolution) + "\n"
    sys.stdout.write(text)
    return EXIT_OK
