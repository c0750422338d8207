"""``dealkit claims`` and ``dealkit export``: the claims, printed or written to a file, one row each."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Final

from .._errors import short_path
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
    check_output,
    load_catalog_for,
    plural_translator,
    selected_subjects,
    translator,
)

if TYPE_CHECKING:
    from .._model import Claim
    from ..catalog import Catalog

__all__ = ["CLAIMS_TABLE", "EXPORT_SUFFIXES", "register"]

#: The columns of the claims table: claim row columns, and ``reads``, the figure as the locale writes it.
#: ``published`` shows only where some claim listed has a publication date (seed articles carry none).
CLAIMS_TABLE: Final = (
    "subject", "property", "kind", "qualifier", "value", "reads", "rank", "as_of", "published", "sources", "quotes"
)
_HEADERS: Final = {
    "subject": N_("subject"), "property": N_("property"), "kind": N_("kind"), "qualifier": N_("qualifier"),
    "value": N_("value"), "reads": N_("reads"), "rank": N_("rank"), "as_of": N_("as of"),
    "published": N_("published"), "sources": N_("sources"), "quotes": N_("quotes"),
}
#: Words for the qualifiers, as tables show them.
QUALIFIER_WORDS: Final = {
    "exact": N_("exact"), "at_most": N_("at most"), "at_least": N_("at least"),
    "approximately": N_("approximately"), "range": N_("range"),
}
#: The files `dealkit export` writes, by extension.
EXPORT_SUFFIXES: Final = {".csv": "csv", ".json": "json", ".parquet": "parquet", ".pq": "parquet"}


def register(commands: Commands) -> None:
    p = add_command(
        commands, "claims", run_claims,
        summary="list claims (all, or some deals')",
        description="Every claim with its qualifier, rank and sources. The table shows each figure twice: "
        "`value` in canonical text (25000000000 USD) and `reads` as the locale writes it (bis zu 25 Mrd. $); "
        "JSON and CSV carry the claim rows of dealkit.serialization.claim_rows (docs: Claims JSON). "
        "--since DATE keeps the claims first published on or after DATE (a claim's publication date is its "
        "sources' earliest); claims without one (the seed articles') are left out, and stderr says how many.",
        examples=[
            ("dealkit claims amazon-anthropic-2026", "the headline deal's claims, as a table"),
            ("dealkit claims --since 2026-01 --format csv", "what was published since January 2026"),
            ("dealkit claims --format csv > claims.csv", "every claim as CSV"),
            ("dealkit claims --catalog my-deals.toml --no-builtin --format json", "only your claims, as JSON"),
        ],
    )
    add_deal_filters(p)
    p.add_argument("--since", metavar="DATE",
                   help="keep the claims first published on or after DATE (canonical date text: 2026-02-27, "
                   "2026-02, 2026); claims without a publication date are left out")
    add_format(p)
    add_locale(p)
    add_catalog_options(p)

    p = add_command(
        commands, "export", run_export,
        summary="write claims to a CSV, JSON or Parquet file, one row each",
        description="Claims to a file, one row each, with typed columns: exact decimals for money and measures, "
        "the currency in its own column, dates as spans. The format follows the file's extension (.csv, .json, "
        ".parquet or .pq); any other extension is a usage error. Parquet keeps decimals as decimal128(38, 9) "
        "and the unit of every column, the meaning of the qualifiers and the bounds in the schema metadata "
        "(the `dataframe` extra).",
        examples=[
            ("dealkit export -o claims.parquet", "every claim, typed, for pandas, DuckDB or Polars"),
            ("dealkit export amazon-anthropic-2026 -o headline.json", "one deal's claims as JSON"),
            ("dealkit export --catalog my-deals.toml --no-builtin -o mine.csv", "only your claims, as CSV"),
        ],
    )
    add_deal_filters(p)
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="the file to write (replaced if it exists): FILE.csv, FILE.json, FILE.parquet or FILE.pq")
    add_format(p, ("csv", "json", "parquet"), default=None, extra="; by default the extension's")
    add_locale(p, "the line that reports what was written")
    add_catalog_options(p)


def claims_in(catalog: Catalog, args: argparse.Namespace) -> tuple[Claim, ...]:
    keep = selected_subjects(catalog, args)
    return tuple(c for c in catalog.all_claims if keep is None or c.subject in keep)


def run_claims(args: argparse.Namespace) -> int:
    from .._errors import DealkitError
    from .._values import PartialDate
    from ..serialization import CLAIM_COLUMNS, claim_rows, plain_row
    from ._common import UsageError
    from ._deals import RANK_WORDS, claim_text

    since = None
    if args.since is not None:
        try:
            since = PartialDate.parse(args.since)
        except DealkitError as exc:
            raise UsageError(f"argument --since: {exc}") from None
    catalog = load_catalog_for(args)
    claims = claims_in(catalog, args)
    if since is not None:
        fresh = {c.id for c in catalog.claims(since=since)}
        undated = sum(c.published is None for c in claims)
        claims = tuple(c for c in claims if c.id in fresh)
        if undated:
            ngettext = plural_translator(args.locale)
            print("dealkit: " + ngettext("{count} claim without a publication date left out",
                                         "{count} claims without a publication date left out",
                                         undated).format(count=undated), file=sys.stderr)
    rows = claim_rows(claims)
    if args.format == "json":
        sys.stdout.write(_render.json_text([plain_row(r) for r in rows]))
        return EXIT_OK
    if args.format == "csv":
        sys.stdout.write(_render.csv_text(rows, list(CLAIM_COLUMNS)))
        return EXIT_OK
    _ = translator(args.locale)
    shown = [k for k in CLAIMS_TABLE if k != "published" or any(c.published is not None for c in claims)]
    table = []
    for row, claim in zip(map(plain_row, rows), claims, strict=True):
        cells = {k: "; ".join(v) if isinstance(v, list) else (v or "") for k, v in row.items()}
        cells["reads"] = claim_text(claim, args.locale)
        cells["qualifier"] = _(QUALIFIER_WORDS[claim.qualifier.value])
        cells["rank"] = _(RANK_WORDS[claim.rank.value])
        table.append([cells[k] for k in shown])
    sys.stdout.write(_render.table([_(_HEADERS[k]) for k in shown], table))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from ..export import export_claims

    fmt = check_output(args.output, EXPORT_SUFFIXES, args.format)
    claims = claims_in(load_catalog_for(args), args)
    count = export_claims(claims, args.output, fmt)  # type: ignore[arg-type]
    ngettext = plural_translator(args.locale)
    print(ngettext("{count} claim written to {path} ({format})", "{count} claims written to {path} ({format})",
                   count).format(count=count, path=short_path(args.output), format=fmt))
    return EXIT_OK

