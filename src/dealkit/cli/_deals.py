"""``dealkit list`` and ``dealkit show``: the deals, and one deal in plain words with its sources."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any, Final

from .._errors import DealkitError
from .._model import property_name
from .._values import N_
from . import _render
from ._common import (
    EXIT_OK,
    Commands,
    add_catalog_options,
    add_command,
    add_deal_filters,
    add_format,
    add_locale,
    load_catalog_for,
    selected_subjects,
    translator,
)

if TYPE_CHECKING:
    from .._model import Claim, Deal
    from ..catalog import Catalog

__all__ = ["LIST_TABLE", "register"]

#: The columns of ``dealkit list``'s table (its JSON and CSV carry every deal column).
LIST_TABLE: Final = (N_("id"), N_("announced"), N_("investment"), N_("title"))
#: Words for the values of closed sets, as tables show them.
TRANCHE_WORDS: Final = {"immediate": N_("immediate"), "milestone_linked": N_("milestone-linked")}
RANK_WORDS: Final = {"preferred": N_("preferred"), "normal": N_("normal"), "deprecated": N_("deprecated")}


def register(commands: Commands) -> None:
    p = add_command(
        commands, "list", run_list,
        summary="list the deals in the catalog",
        description="List the deals: id, announcement date, investment and title; with --format json or csv, "
        "every deal column (the rows of dealkit.serialization.deal_rows: bounds, currency, qualifier).",
        examples=[
            ("dealkit list", "every deal, built-in and your own"),
            ("dealkit list --catalog my-deals.toml --no-builtin --format json", "only your deals, as JSON"),
            ("dealkit list --party amazon --locale de_DE", "Amazon's deals, in German"),
        ],
    )
    add_deal_filters(p)
    add_format(p)
    add_locale(p)
    add_catalog_options(p)

    p = add_command(
        commands, "show", run_show,
        summary="show a deal in plain words, with sources",
        description="One deal in plain words, each figure with a reference [n] to the articles that state it "
        "(file and quote), then the claims not used (lower-ranked readings, with their notes). "
        "--format json prints the deal (as dealkit.converter writes it), its parties and its claims; "
        "csv prints the deal's row (the columns of `dealkit list --format csv`).",
        examples=[
            ("dealkit show amazon-anthropic-2026", "the headline deal"),
            ("dealkit show amazon-anthropic-2026 --locale ja_JP", "the same, in Japanese"),
            ("dealkit show amazon-acme-2026 --catalog my-deals.toml --format json", "your deal, as JSON"),
        ],
    )
    p.add_argument("deal_id", metavar="DEAL_ID", help="the deal to show (`dealkit list` gives the ids)")
    add_format(p)
    add_locale(p)
    add_catalog_options(p)


def deals_in(catalog: Catalog, args: argparse.Namespace) -> list[Deal]:
    keep = selected_subjects(catalog, args)
    return [d for d in catalog.deals() if keep is None or d.id in keep]


def run_list(args: argparse.Namespace) -> int:
    from .._values import format_date, format_estimate
    from ..serialization import DEAL_COLUMNS, deal_rows, plain_row

    catalog = load_catalog_for(args)
    deals = deals_in(catalog, args)
    if args.format == "json":
        sys.stdout.write(_render.json_text([plain_row(r) for r in deal_rows(deals)]))
    elif args.format == "csv":
        sys.stdout.write(_render.csv_text(deal_rows(deals), list(DEAL_COLUMNS)))
    else:
        _ = translator(args.locale)
        rows = [
            (d.id, format_date(d.announced, args.locale),
             format_estimate(d.investment, args.locale, style="compact") if d.investment else "-", d.title)
            for d in deals
        ]
        sys.stdout.write(_render.table([_(h) for h in LIST_TABLE], rows))
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from ..serialization import DEAL_COLUMNS, claim_rows, deal_rows, plain_row, unstructure

    catalog = load_catalog_for(args)
    deal = catalog.deal(args.deal_id)
    if args.format == "json":
        parties = [unstructure(catalog.party(p)) for p in deal.parties if _known(catalog, p)]
        data = {"deal": unstructure(deal), "parties": parties,
                "claims": [plain_row(r) for r in claim_rows(catalog.claims_about_deal(deal.id))]}
        sys.stdout.write(_render.json_text(data))
    elif args.format == "csv":
        sys.stdout.write(_render.csv_text(deal_rows([deal]), list(DEAL_COLUMNS)))
    else:
        sys.stdout.write(_render.styled(show_text(catalog, deal, args.locale)))
    return EXIT_OK


def _known(catalog: Catalog, party_id: str) -> bool:
    try:
        catalog.party(party_id)
    except DealkitError:
        return False
    return True


def party_name(catalog: Catalog, party_id: str) -> str:
    """The party's name, or its id when the catalog does not know it."""
    try:
        return catalog.party(party_id).name
    except DealkitError:
        return party_id


def show_text(catalog: Catalog, deal: Deal, locale: str) -> str:
    """The deal in plain words, in ``locale``, with numbered references to its sources."""
    from .._values import format_date, format_estimate

    _ = translator(locale)
    claims = catalog.claims_about_deal(deal.id)
    refs: dict[str, int] = {}
    lines: list[str] = []

    def cite(prop: str) -> str:
        best = catalog.best(deal.id, prop)
        if best is None:
            return ""
        if best.id not in refs:
            refs[best.id] = len(refs) + 1
        return f" [{refs[best.id]}]"

    def fmt(e: Any) -> str:
        return format_estimate(e, locale, style="compact")

    def name(party_id: str) -> str:
        return party_name(catalog, party_id)

    def label(word: str, text: str) -> str:
        return _("{label}: {text}").format(label=word, text=text)

    lines.append(deal.title)
    lines.append("=" * len(deal.title))
    lines.append(f"{deal.id}: " + _("{investor} invests in {investee}").format(
        investor=name(deal.investor), investee=name(deal.investee)))
    lines.append(label(_("Announced"), format_date(deal.announced, locale) + cite(property_name("deal", "announced"))))
    if deal.investment is not None:
        lines.append(label(_("Investment"), fmt(deal.investment) + cite(property_name("deal", "investment"))))
    if deal.valuation is not None:
        lines.append(label(_("Valuation"), fmt(deal.valuation) + cite(property_name("deal", "valuation"))))
    if deal.tranches:
        lines.append(label(_("Tranches"), "").rstrip())
        for t in deal.tranches:
            text = fmt(t.amount) + cite(property_name("tranche", "amount", t.kind))
            lines.append("  - " + label(_(TRANCHE_WORDS[t.kind]), text) + (f" ({t.condition})" if t.condition else ""))
    for c in deal.compute:
        what = _("{capacity} from {provider} to {recipient}").format(
            capacity=fmt(c.capacity), provider=name(c.provider), recipient=name(c.recipient))
        lines.append(label(_("Compute"), what + cite(property_name("compute", "capacity", c.name))))
        if c.chips:
            lines.append("  " + label(_("chips"), ", ".join(c.chips)))
        if c.by is not None:
            lines.append("  " + label(_("ready"), fmt(c.by) + cite(property_name("compute", "by", c.name))))
    for s in deal.spend:
        words = (_("{payer} spends {amount} with {payee} over {term}") if s.term is not None
                 else _("{payer} spends {amount} with {payee}"))
        what = words.format(payer=name(s.payer), amount=fmt(s.amount), payee=name(s.payee),
                            term="" if s.term is None else fmt_term(s.term, locale))
        refs_text = cite(property_name("spend", "amount", s.name))
        if s.term is not None:
            refs_text += cite(property_name("spend", "term", s.name))
        lines.append(label(_("Spend"), what + refs_text))
        if s.covers:
            lines.append("  " + label(_("covers"), ", ".join(s.covers)))
    if deal.milestones:
        lines.append(label(_("Milestones"), "").rstrip())
        for m in deal.milestones:
            cap = f" ({fmt(m.capacity)}{cite(property_name('milestone', 'capacity', m.name))})" if m.capacity else ""
            when = fmt(m.date) + cite(property_name("milestone", "date", m.name))
            lines.append("  - " + label(when, m.description + cap))
    others: list[Claim] = [c for c in claims if c.id not in refs]
    lines.append("")
    lines.append(label(_("Sources"), "").rstrip())
    by_id = {c.id: c for c in claims}
    for claim_id, n in refs.items():
        lines.append(f"  [{n}] {_sources(by_id[claim_id])}")
    if others:
        lines.append("")
        lines.append(label(_("Other claims (not used above)"), "").rstrip())
        for other in others:
            lines.append(f"  - {other.property}: {claim_text(other, locale)} ({_(RANK_WORDS[other.rank.value])}) "
                         f"{_sources(other)}")
            if other.note:
                lines.append("      " + label(_("note"), other.note))
    return "\n".join(lines) + "\n"


def fmt_term(term: Any, locale: str) -> str:
    from .._values import format_value

    return format_value(term, locale)


def claim_text(claim: Claim, locale: str) -> str:
    """A claim's figure as ``locale`` writes it; multiples and percents as their canonical text says them."""
    from .._values import format_estimate

    if claim.kind in ("multiple", "percent", "count", "rate"):
        return claim.value_text if claim.qualifier.value in ("exact", "range") else _qualified_text(claim, locale)
    return format_estimate(claim.value, locale, style="compact")


def _qualified_text(claim: Claim, locale: str) -> str:
    from .._values import qualify

    return qualify(claim.qualifier, claim.value_text, locale)


def _sources(claim: Claim) -> str:
    return "; ".join(f'{s.file} "{s.quote}"' for s in claim.sources)
