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
    from .._model import AnySource, Claim, Deal, Tranche
    from ..catalog import Catalog

__all__ = ["LIST_TABLE", "register"]

#: The columns of ``dealkit list``'s table (its JSON and CSV carry every deal column).
LIST_TABLE: Final = (N_("id"), N_("part"), N_("announced"), N_("investment"), N_("title"))
#: Words for the values of closed sets, as tables show them.
TRANCHE_WORDS: Final = {"immediate": N_("immediate"), "milestone_linked": N_("milestone-linked")}
RANK_WORDS: Final = {"preferred": N_("preferred"), "normal": N_("normal"), "deprecated": N_("deprecated")}
ROLE_WORDS: Final = {"lead": N_("lead"), "co_investor": N_("co-investor"), "member": N_("member")}
RELATION_WORDS: Final = {"follows": N_("follows"), "extends": N_("extends"), "amends": N_("amends")}
CONFLICT_WORDS: Final = {"value": N_("conflict of value"), "meaning": N_("conflict of meaning")}
PART_WORDS: Final = {"seed": N_("seed"), "field": N_("field"), "user": N_("user")}


def register(commands: Commands) -> None:
    p = add_command(
        commands, "list", run_list,
        summary="list the deals in the catalog",
        description="List the deals: id, part of the catalog, announcement date, investment and title; with "
        "--format json or csv, every deal column (the rows of dealkit.serialization.deal_rows: bounds, "
        "currency, qualifier). --part keeps one part: seed, field or user.",
        examples=[
            ("dealkit list", "every deal, built-in and your own"),
            ("dealkit list --part field", "the field's deals, sourced to web pages"),
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
        description="One deal in plain words: its investors (each with its role, amount and tranches), "
        "commitments, milestones and relations to earlier deals, each figure and structural fact (chips, what "
        "spending covers, conditions) with a reference [n] to the articles that state it (file and quote); a "
        "derived figure is marked and its source says by which rule.  Then the claims not used (lower-ranked "
        "readings, with their notes) and the conflicts the catalog records about the deal. "
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
            (d.id, _part_word(catalog.parts.get(d.id), _), format_date(d.announced, args.locale),
             format_estimate(d.investment, args.locale, style="compact") if d.investment else "-", d.title)
            for d in deals
        ]
        sys.stdout.write(_render.table([_(h) for h in LIST_TABLE], rows))
    return EXIT_OK


def _part_word(part: str | None, _: Any) -> str:
    if part is None:
        return "-"
    return str(_(PART_WORDS[part])) if part in PART_WORDS else part


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
    by_id = {c.id: c for c in claims}
    # Numbered in order of first use: a claim by its id, a structural fact by what it is about.
    refs: dict[str, tuple[int, str]] = {}
    lines: list[str] = []

    def cite(prop: str) -> str:
        best = catalog.best(deal.id, prop)
        if best is None:
            return ""
        if best.id not in refs:
            refs[best.id] = (len(refs) + 1, _sources(best, _) + _derivation(best, locale))
        derived = ", " + _("derived") if best.is_derived else ""
        return f" [{refs[best.id][0]}{derived}]"

    def cite_sources(key: str, sources: tuple[AnySource, ...]) -> str:
        if not sources:
            return ""
        if key not in refs:
            refs[key] = (len(refs) + 1, _source_list(sources, _))
        return f" [{refs[key][0]}]"

    def fmt(e: Any) -> str:
        return format_estimate(e, locale, style="compact")

    def name(party_id: str) -> str:
        shown = party_name(catalog, party_id)
        head = catalog.group_of(party_id)
        if head == party_id:
            return shown
        return f"{shown} ({_('{name} group').format(name=party_name(catalog, head))})"

    def label(word: str, text: str) -> str:
        return _("{label}: {text}").format(label=word, text=text)

    def tranche_lines(tranches: tuple[Tranche, ...], indent: str) -> None:
        for t in tranches:
            word = _(TRANCHE_WORDS[t.kind]) + ("" if t.name == t.kind else f" '{t.name}'")
            text = fmt(t.amount) + cite(property_name("tranche", "amount", t.name))
            lines.append(f"{indent}- " + label(word, text) + (f" ({t.condition})" if t.condition else "")
                         + cite_sources(f"tranche:{t.name}", t.sources))

    several = len(deal.investors) > 1
    investees = list(dict.fromkeys(i.investee for i in deal.investors))
    lines.append(deal.title)
    lines.append("=" * len(deal.title))
    invests = deal.investment is not None or any(i.amount is not None for i in deal.investors)
    if not invests:  # a supply or capacity contract: the customer is the deal's investor, with no investment
        who = _("between {parties}").format(parties=_names([name(p) for p in deal.parties], _))
    elif several:
        backers = ", ".join(f"{name(i.party)} ({_(ROLE_WORDS[i.role])})" for i in deal.investors)
        who = _("{investors} invest in {investee}").format(
            investors=backers, investee=", ".join(name(p) for p in investees))
    else:
        who = _("{investor} invests in {investee}").format(investor=name(deal.investor), investee=name(deal.investee))
    lines.append(f"{deal.id}: {who}{cite_sources('deal', deal.sources)}")
    lines.append(label(_("Announced"), format_date(deal.announced, locale) + cite(property_name("deal", "announced"))))
    if deal.investment is not None:
        word = _("Investment (all investors)") if several else _("Investment")
        lines.append(label(word, fmt(deal.investment) + cite(property_name("deal", "investment"))))
    if deal.valuation is not None:
        lines.append(label(_("Valuation"), fmt(deal.valuation) + cite(property_name("deal", "valuation"))))
    if several or any(i.amount is not None or i.sources for i in deal.investors):
        lines.append(label(_("Investors"), "").rstrip())
        for i in deal.investors:
            own = "" if i.amount is None else ": " + fmt(i.amount) + cite(property_name("investor", "amount", i.party))
            into = "" if len(investees) == 1 else " \N{RIGHTWARDS ARROW} " + name(i.investee)
            lines.append(f"  - {name(i.party)} ({_(ROLE_WORDS[i.role])}){into}{own}"
                         + cite_sources(f"investor:{i.party}", i.sources))
            tranche_lines(i.tranches, "      ")
    elif deal.tranches:
        lines.append(label(_("Tranches"), "").rstrip())
        tranche_lines(deal.tranches, "  ")
    for c in deal.compute:
        what = _("{capacity} from {provider} to {recipient}").format(
            capacity=fmt(c.capacity), provider=name(c.provider), recipient=name(c.recipient))
        lines.append(label(_("Compute"), what + cite(property_name("compute", "capacity", c.name))))
        if c.chips:
            lines.append("  " + label(_("chips"), ", ".join(c.chips)) + cite_sources(f"compute:{c.name}", c.sources))
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
            lines.append("  " + label(_("covers"), ", ".join(s.covers)) + cite_sources(f"spend:{s.name}", s.sources))
        back = list(dict.fromkeys(catalog.group_of(i.party) for i in deal.investors
                                  if catalog.same_group(i.party, s.payee) and not catalog.same_group(i.party, s.payer)))
        for head in back:
            lines.append("  " + _("↩ returns to {name}'s group").format(name=party_name(catalog, head)))
    if deal.milestones:
        lines.append(label(_("Milestones"), "").rstrip())
        for m in deal.milestones:
            cap = f" ({fmt(m.capacity)}{cite(property_name('milestone', 'capacity', m.name))})" if m.capacity else ""
            when = fmt(m.date) + cite(property_name("milestone", "date", m.name))
            lines.append("  - " + label(when, m.description + cap) + cite_sources(f"milestone:{m.name}", m.sources))
    if deal.relations:
        lines.append(label(_("Relations"), "").rstrip())
        for r in deal.relations:
            title = catalog.deal(r.deal).title if r.deal in catalog.deal_ids() else r.deal
            lines.append(f"  - {_(RELATION_WORDS[r.kind])} {r.deal} ({title})"
                         + cite_sources(f"relation:{r.kind}:{r.deal}", r.sources))
            if r.note:
                lines.append("      " + label(_("note"), r.note))
    others: list[Claim] = [c for c in claims if c.id not in refs]
    lines.append("")
    lines.append(label(_("Sources"), "").rstrip())
    for n, text in refs.values():
        lines.append(f"  [{n}] {text}")
    if others:
        lines.append("")
        lines.append(label(_("Other claims (not used above)"), "").rstrip())
        for other in others:
            mark = _(RANK_WORDS[other.rank.value]) + (", " + _("derived") if other.is_derived else "")
            lines.append(f"  - {other.property}: {claim_text(other, locale)} ({mark}) "
                         f"{_sources(other, _)}{_derivation(other, locale)}")
            if other.note:
                lines.append("      " + label(_("note"), other.note))
    conflicts = catalog.conflicts_about(list(by_id))
    if conflicts:
        lines.append("")
        lines.append(label(_("Recorded conflicts"), "").rstrip())
        for conflict in conflicts:
            state = _("resolved") if conflict.resolved else _("open")
            lines.append(f"  - {conflict.id} ({_(CONFLICT_WORDS[conflict.kind])}, {state}): {', '.join(conflict.claims)}")
            lines.append(f"      {conflict.note}")
            if conflict.resolved:
                lines.append("      " + label(_("resolution"), conflict.resolution))
    return "\n".join(lines) + "\n"


def _derivation(claim: Claim, locale: str) -> str:
    """How a derived claim's figure follows from its words, as its source line says it."""
    d = claim.derived
    if d is None:
        return ""
    _ = translator(locale)
    inputs = "" if not d.inputs else " " + _("from {claims}").format(claims=", ".join(d.inputs))
    return " \N{EM DASH} " + _("derived by {rule} from {words}").format(rule=d.rule, words=f'"{d.words}"') + inputs


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


def _names(names: list[str], _: Any) -> str:
    """``A``, ``A and B``, ``A, B and C``, in the locale's words."""
    if len(names) == 1:
        return names[0]
    return str(_("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1]))


def _sources(claim: Claim, _: Any = str) -> str:
    """Each source of a claim as a reader finds it: a seed article by file name; a page by publisher, dates and URL."""
    return _source_list(claim.sources, _)


def _source_list(sources: tuple[AnySource, ...], _: Any = str) -> str:
    """Sources as a reader finds them: a seed article by file name; a page by publisher, dates and URL."""
    from .._model import WebSource

    out = []
    for s in sources:
        if isinstance(s, WebSource):
            dates = (_("published {published}; read {retrieved}") if s.published is not None
                     else _("undated; read {retrieved}")).format(published=s.published, retrieved=s.retrieved)
            out.append(f'{s.publisher} ({dates}) {s.url} "{s.quote}"')
        else:
            out.append(f'{s.file} "{s.quote}"')
    return "; ".join(out)
