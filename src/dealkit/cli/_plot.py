"""``dealkit plot``: a deal's timeline or money flows, or deals side by side, as PNG or SVG."""

from __future__ import annotations

import argparse
from typing import Final

from .._errors import DealkitError, short_path
from ._common import (
    EXIT_OK,
    Commands,
    UsageError,
    add_catalog_options,
    add_command,
    add_locale,
    add_part,
    check_output,
    load_catalog_for,
    translator,
)

__all__ = ["PLOT_FILES", "register"]

#: The files `dealkit plot` writes, by extension.
PLOT_FILES: Final = {".png": "png", ".svg": "svg"}


def register(commands: Commands) -> None:
    p = add_command(
        commands, "plot", run_plot,
        summary="draw a deal's timeline or money flows, or deals side by side (PNG or SVG)",
        description="A picture of a deal (the `plot` extra). The timeline draws each date as the span its "
        "precision covers, with a line for the day it is drawn as of and the undated commitments apart; the "
        "flows chart draws the parties by name, grouped under their parents, what passes between them, and "
        "every amount of money as a bar between its bounds, with the currency on the axis. --kind compare "
        "draws deals side by side (every deal, the deals named, or --part's), a row each, every figure as its "
        "bounds say.",
        examples=[
            ("dealkit plot amazon-anthropic-2026 -o timeline.png", "the headline deal's timeline"),
            ("dealkit plot amazon-anthropic-2026 --kind flows --locale de_DE -o flows.svg", "its flows, in German"),
            ("dealkit plot amazon-anthropic-2026 --as-of 2026-07-01 -o july.png", "as of July 1, 2026"),
            ("dealkit plot --kind compare --part field -o field.png", "the field's deals side by side"),
        ],
    )
    p.add_argument("deal_ids", metavar="DEAL_ID", nargs="*",
                   help="the deal to draw (`dealkit list` gives the ids); with --kind compare, the deals to "
                   "compare (default: every deal, or --part's)")
    p.add_argument("--kind", choices=("timeline", "flows", "compare"), default="timeline",
                   help="timeline: the deal's dates; flows: who gives what to whom; compare: deals side by side "
                   "(default: timeline)")
    add_part(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the picture to write: FILE.png or FILE.svg (SVG keeps its text searchable)")
    p.add_argument("--as-of", metavar="DATE",
                   help="the day the timeline marks as 'as of' (canonical date text; default: today)")
    add_locale(p, "the labels")
    add_catalog_options(p)


def run_plot(args: argparse.Namespace) -> int:
    from .._values import PartialDate
    from ..plots import plot_deal

    check_output(args.output, PLOT_FILES, None)
    as_of = None
    if args.as_of is not None:
        try:
            as_of = PartialDate.parse(args.as_of)
        except DealkitError as exc:
            raise UsageError(f"argument --as-of: {exc}") from None
    if args.kind == "compare":
        return _plot_compare(args)
    if len(args.deal_ids) != 1 or args.part is not None:
        raise UsageError(f"--kind {args.kind} draws one deal: give exactly one DEAL_ID (and no --part)")
    [deal_id] = args.deal_ids
    catalog = load_catalog_for(args)
    plot_deal(catalog.deal(deal_id), args.output, kind=args.kind, locale=args.locale, catalog=catalog,
              as_of=as_of)
    _ = translator(args.locale)
    print(_("{kind} of {deal} written to {path}").format(kind=args.kind, deal=deal_id, path=short_path(args.output)))
    return EXIT_OK


def _plot_compare(args: argparse.Namespace) -> int:
    from ..analysis import compare
    from ..plots import plot_comparison
    from ._common import plural_translator, selected_subjects

    catalog = load_catalog_for(args)
    keep = selected_subjects(catalog, args)
    rows = compare(catalog, [d for d in catalog.deal_ids() if keep is None or d in keep])
    if not args.deal_ids:  # the whole catalog (or a part): oldest first
        rows = tuple(sorted(rows, key=lambda r: r.announced.sort_key()))
    plot_comparison(rows, args.output, locale=args.locale)
    ngettext = plural_translator(args.locale)
    print(ngettext("comparison of {count} deal written to {path}", "comparison of {count} deals written to {path}",
                   len(rows)).format(count=len(rows), path=short_path(args.output)))
    return EXIT_OK
