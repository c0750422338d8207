"""The ``dealkit`` command: list, show, claims, validate, export, schema, plot,
metrics, asof, check, extract and ingest.

Exit codes: 0 success; 1 invalid data or an unknown id; 2 a usage error (an
unknown option, a bad argument, a path that is missing, unreadable or no path
at all).  Errors are one line each on stderr, never a traceback; a long path or
value is cut short in them.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NoReturn

from .._args import check_path, file_errors
from .._errors import CatalogError, DealkitError, PathError, short_path, short_repr
from .._model import property_name

if TYPE_CHECKING:
    from .._model import Claim
    from .._values import PartialDate
    from ..catalog import Catalog

__all__ = ["main"]

EXIT_OK: Final = 0
EXIT_INVALID: Final = 1
EXIT_USAGE: Final = 2

#: The columns of the claims table (a subset of the one claim row, ``dealkit.serialization.CLAIM_COLUMNS``).
_TABLE_COLUMNS: Final = ("subject", "property", "kind", "qualifier", "value", "rank", "as_of", "sources", "quotes")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"dealkit: error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    from .._version import __version__

    parser = _Parser(prog="dealkit", description="Typed, sourced figures of very large AI-infrastructure deals.")
    parser.add_argument("--version", action="version", version=f"dealkit {__version__}")
    common = _Parser(add_help=False)
    common.add_argument(
        "--catalog", action="append", default=[], metavar="PATH",
        help="a catalog file or directory to load beside the built-in one (repeatable)",
    )
    common.add_argument("--locale", default="en_US", help="babel locale for numbers and dates (default en_US)")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    sub.add_parser("list", parents=[common], help="list the deals in the catalog")
    show = sub.add_parser("show", parents=[common], help="show a deal in plain words, with sources")
    show.add_argument("deal_id")
    claims = sub.add_parser("claims", parents=[common], help="list claims (all, or one deal's)")
    claims.add_argument("deal_id", nargs="?")
    claims.add_argument("--format", choices=("table", "json", "csv"), default="table")
    validate = sub.add_parser("validate", help="check catalog files; print every problem")
    validate.add_argument("paths", nargs="*", metavar="PATH",
                          help="catalog files or directories (none: the built-in catalog alone)")
    validate.add_argument("--sources", metavar="DIR",
                          help="also check that every quote stands verbatim in the article it cites, in DIR")
    metrics = sub.add_parser("metrics", parents=[common], help="derived figures of a deal, with bounds and sources")
    metrics.add_argument("deal_id")
    metrics.add_argument("--format", choices=("table", "json"), default="table")
    asof = sub.add_parser("asof", parents=[common], help="what of a deal is committed, unlocked or online on a day")
    asof.add_argument("deal_id")
    asof.add_argument("day", metavar="DATE", help="e.g. 2026-05-01, 2026-Q3")
    asof.add_argument("--format", choices=("table", "json"), default="table")
    check = sub.add_parser("check", parents=[common], help="check claims against each other and what they imply")
    check.add_argument("--format", choices=("table", "json"), default="table")
    extract = sub.add_parser(
        "extract",
        help="list the figures in text files, directories of *.txt files or JSONL corpora ('-' reads stdin)",
    )
    extract.add_argument("paths", nargs="+", metavar="PATH")
    extract.add_argument(
        "--format", choices=("table", "json", "jsonl", "parquet"), default=None,
        help="table or json (one text), jsonl or parquet (one row per figure with its document id); "
        "default: table for one text, jsonl for several, from -o's extension",
    )
    extract.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    extract.add_argument("--reference", metavar="DATE",
                         help="the date the texts were written, for relative dates ('last year', 'by year-end')")
    extract.add_argument("--jobs", type=int, default=None, metavar="N",
                         help="processes reading the documents (default: every core)")
    ingest = sub.add_parser("ingest", help="write a draft catalog file with one claim per figure of an article")
    ingest.add_argument("article", metavar="ARTICLE")
    ingest.add_argument("--source", required=True, metavar="NAME",
                        help="the article's file name as claims cite it")
    ingest.add_argument("--deal", metavar="ID", help="the deal the claims are about (fills 'subject')")
    ingest.add_argument("--reference", metavar="DATE",
                        help="the date the article was written (default: the deal's announcement)")
    ingest.add_argument("-o", "--output", metavar="FILE", help="write the draft to FILE instead of stdout")
    export = sub.add_parser("export", parents=[common], help="write claims (all, or one deal's) to a file, one row each")
    export.add_argument("deal_id", nargs="?")
    export.add_argument("--format", choices=("csv", "parquet", "json"), default=None,
                        help="file format (default: from the file's extension, else csv)")
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    schema = sub.add_parser("schema", help="print the JSON Schema of the catalog file format")
    schema.add_argument("-o", "--output", metavar="FILE", help="write it to FILE instead of stdout")
    plot = sub.add_parser("plot", parents=[common], help="draw a deal's timeline or money flows (PNG or SVG)")
    plot.add_argument("deal_id")
    plot.add_argument("--kind", choices=("timeline", "flows"), default="timeline")
    plot.add_argument("-o", "--output", required=True, metavar="FILE.png|FILE.svg")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit code (``--help`` and ``--version`` give 0)."""
    if argv is not None and (
        isinstance(argv, (str, bytes)) or not isinstance(argv, Sequence) or not all(isinstance(a, str) for a in argv)
    ):
        print(f"dealkit: error: the arguments must be a list of text, not {type(argv).__name__}", file=sys.stderr)
        return EXIT_USAGE
    parser = _parser()
    try:
        return _run(parser, parser.parse_args(argv))
    except SystemExit as exc:  # argparse: a usage error (2), or --help / --version (0)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    except argparse.ArgumentError as exc:
        print(f"dealkit: error: {short_repr(str(exc))[1:-1]}", file=sys.stderr)
        return EXIT_USAGE


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace) -> int:
    if getattr(args, "locale", None) is not None:
        from .._values import resolve_locale

        try:
            resolve_locale(args.locale)
        except DealkitError as exc:  # a bad option value is a usage error (exit 2)
            parser.error(f"argument --locale: {exc}")
    if args.command == "asof":
        from .._values import PartialDate

        try:
            args.day = PartialDate.parse(args.day)  # parsed once, handed on as a date
        except DealkitError as exc:  # as for --locale: a bad argument is a usage error
            parser.error(f"argument DATE: {exc}")
    if getattr(args, "reference", None) is not None:
        from .._values import PartialDate

        try:
            args.reference = PartialDate.parse(args.reference)
        except DealkitError as exc:
            parser.error(f"argument --reference: {exc}")
    if args.command == "extract" and args.jobs is not None and args.jobs < 1:
        parser.error("argument --jobs: must be at least 1")
    try:
        # Every path given is a usable path before any work starts (a NUL byte, a lone
        # surrogate, thousands of characters): a usage error, told with the path cut short.
        for name in [*getattr(args, "paths", []), *getattr(args, "catalog", []),
                     getattr(args, "output", None), getattr(args, "article", None), getattr(args, "sources", None)]:
            if name is not None and name != "-":
                check_path(name)
    except PathError as exc:
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.command == "validate":
            return _validate(args.paths, args.sources)
        if args.command == "extract":
            return _extract(args.paths, args.format, args.output, args.reference, args.jobs)
        if args.command == "ingest":
            return _ingest(args.article, args.source, args.deal, args.reference, args.output)
        if args.command == "schema":
            return _schema(args.output)
        for name in args.catalog:
            if not check_path(name).exists():  # as for validate: a path that does not exist is a usage error
                print(f"dealkit: {short_path(name)}: no such file or directory", file=sys.stderr)
                return EXIT_USAGE
        catalog = _load(args.catalog)
        out = sys.stdout
        match args.command:
            case "list":
                out.write(_list(catalog, args.locale))
            case "show":
                out.write(_styled(_show(catalog, args.deal_id, args.locale)))
            case "claims":
                out.write(_claims(catalog, args.deal_id, args.format, args.locale))
            case "metrics":
                out.write(_metrics(catalog, args.deal_id, args.format))
            case "asof":
                out.write(_asof(catalog, args.deal_id, args.day, args.format))
            case "check":
                text, status = _check(catalog, args.format)
                out.write(text)
                return status
            case "export":
                return _export(catalog, args.deal_id, args.format, args.output)
            case "plot":
                return _plot(catalog, args.deal_id, args.kind, args.output, args.locale)
        return EXIT_OK
    except CatalogError as exc:
        for problem in exc.problems:
            print(f"dealkit: {problem}", file=sys.stderr)
        return EXIT_INVALID
    except PathError as exc:  # a path that is no path, missing or unreadable: a usage error
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except DealkitError as exc:
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:  # e.g. `dealkit claims | head`
        return EXIT_OK
    except OSError as exc:  # a directory that cannot be listed, a file that vanished: a path problem
        where = f"{short_path(exc.filename)}: " if exc.filename else ""
        print(f"dealkit: {where}{exc.strerror or short_repr(str(exc))[1:-1]}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # never a traceback, even for a bug in dealkit
        print(f"dealkit: internal error ({type(exc).__name__}: {short_repr(str(exc))}); please report it",
              file=sys.stderr)
        return EXIT_INVALID


def _load(paths: Sequence[str]) -> Catalog:
    from ..catalog import load_catalog

    return load_catalog(*paths)


def _validate(paths: Sequence[str], sources: str | None = None) -> int:
    from ..catalog import (
        Catalog,
        builtin_dir,
        builtin_files,
        catalog_paths,
        read_catalog_file,
        verify_sources,
    )

    if not paths and sources is None:
        print("dealkit: error: validate needs a PATH, or --sources DIR to check the built-in catalog's quotes",
              file=sys.stderr)
        return EXIT_USAGE
    if sources is not None and not check_path(sources).is_dir():
        print(f"dealkit: {short_path(sources)}: not a directory of articles", file=sys.stderr)
        return EXIT_USAGE
    status = EXIT_OK
    files = []
    for name in paths:
        path = check_path(name)
        if not path.exists():
            print(f"dealkit: {short_path(name)}: no such file or directory", file=sys.stderr)
            return EXIT_USAGE
        for target in _progress(catalog_paths([path]), f"validating {name}"):
            try:
                files.append((str(target), read_catalog_file(target)))
            except CatalogError as exc:
                status = EXIT_INVALID
                for problem in exc.problems:
                    print(problem, file=sys.stderr)
    if status == EXIT_OK:
        try:
            # References between files (and to the built-in parties) are checked together.
            # The built-in files themselves may be among those given: check them once.
            given = {Path(name).resolve() for name, _ in files}
            root = builtin_dir()
            builtin = [(name, content) for name, content in builtin_files()
                       if (root / Path(name).name).resolve() not in given]
            Catalog.build([*builtin, *files])
        except CatalogError as exc:
            status = EXIT_INVALID
            for problem in exc.problems:
                print(problem, file=sys.stderr)
    if status == EXIT_OK and sources is not None:
        # The quotes of the files given; of the built-in catalog when none is.
        checked = files if paths else list(builtin_files())
        for name, content in checked:
            for problem in verify_sources(content, sources, file=name):
                status = EXIT_INVALID
                print(problem, file=sys.stderr)
    if status == EXIT_OK:
        what = f"{len(files)} file(s) valid" if paths else "the built-in catalog is valid"
        quotes = f"; every quote stands in its article in {short_path(sources)}" if sources is not None else ""
        print(f"{what}{quotes}")
    return status



def _list(catalog: Catalog, locale: str = "en_US") -> str:
    from .._values import format_date, format_estimate

    rows = [
        (d.id, format_date(d.announced, locale),
         format_estimate(d.investment, locale, style="compact") if d.investment else "-", d.title)
        for d in catalog.deals()
    ]
    return _table(("id", "announced", "investment", "title"), rows)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    console = _rich_console()
    if console is not None:
        return _rich_table(console, header, rows)
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in [header, *rows]]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def _claims(catalog: Catalog, deal_id: str | None, fmt: str, locale: str = "en_US") -> str:
    from ..export import write_csv, write_json
    from ..serialization import CLAIM_COLUMNS, claim_rows, plain_row

    claims = catalog.claims_about_deal(deal_id) if deal_id else catalog.all_claims
    rows = claim_rows(claims)
    buf = io.StringIO()
    if fmt == "json":
        write_json(rows, buf)
        return buf.getvalue()
    if fmt == "csv":
        write_csv(rows, CLAIM_COLUMNS, buf)
        return buf.getvalue()
    # The table shows the columns a person reads, each figure also as the locale writes it ("reads").
    table = []
    for row, claim in zip(map(plain_row, rows), claims, strict=True):
        cells = {k: "; ".join(v) if isinstance(v, list) else (v or "") for k, v in row.items()}
        table.append([*(cells[k] for k in _TABLE_COLUMNS[:5]), _reads(claim, locale), *(cells[k] for k in _TABLE_COLUMNS[5:])])
    return _table((*_TABLE_COLUMNS[:5], "reads", *_TABLE_COLUMNS[5:]), table)


def _reads(claim: Claim, locale: str) -> str:
    from .._values import format_estimate

    if claim.kind in ("multiple", "percent", "count"):
        return claim.value_text  # "3x", "84%": the suffix says what the number is
    return format_estimate(claim.value, locale, style="compact")


def _show(catalog: Catalog, deal_id: str, locale: str) -> str:
    from .._values import format_date, format_estimate

    deal = catalog.deal(deal_id)
    claims = catalog.claims_about_deal(deal_id)
    refs: dict[str, int] = {}
    lines: list[str] = []

    def cite(prop: str) -> str:
        best = catalog.best(deal_id, prop)
        if best is None:
            return ""
        if best.id not in refs:
            refs[best.id] = len(refs) + 1
        return f" [{refs[best.id]}]"

    def fmt(e: Any) -> str:
        return format_estimate(e, locale, style="compact")

    def name(party_id: str) -> str:
        try:
            return catalog.party(party_id).name
        except DealkitError:
            return party_id

    lines.append(deal.title)
    lines.append("=" * len(deal.title))
    lines.append(f"{deal.id}: {name(deal.investor)} invests in {name(deal.investee)}")
    lines.append(f"Announced: {format_date(deal.announced, locale)}{cite(property_name('deal', 'announced'))}")
    if deal.investment is not None:
        lines.append(f"Investment: {fmt(deal.investment)}{cite(property_name('deal', 'investment'))}")
    if deal.valuation is not None:
        lines.append(f"Valuation: {fmt(deal.valuation)}{cite(property_name('deal', 'valuation'))}")
    if deal.tranches:
        lines.append("Tranches:")
        for t in deal.tranches:
            label = t.kind.replace("_", "-")
            lines.append(f"  - {label}: {fmt(t.amount)}{cite(property_name('tranche', 'amount', t.kind))}"
                         + (f" ({t.condition})" if t.condition else ""))
    for c in deal.compute:
        lines.append(f"Compute: {fmt(c.capacity)} from {name(c.provider)} to {name(c.recipient)}"
                     f"{cite(property_name('compute', 'capacity', c.name))}")
        if c.chips:
            lines.append(f"  chips: {', '.join(c.chips)}")
        if c.by is not None:
            lines.append(f"  by: {fmt(c.by)}{cite(property_name('compute', 'by', c.name))}")
    for s in deal.spend:
        term = f" over {s.term}" if s.term is not None else ""
        lines.append(f"Spend: {name(s.payer)} spends {fmt(s.amount)} with {name(s.payee)}{term}"
                     f"{cite(property_name('spend', 'amount', s.name))}{cite(property_name('spend', 'term', s.name)) if s.term else ''}")
        if s.covers:
            lines.append(f"  covers: {', '.join(s.covers)}")
    if deal.milestones:
        lines.append("Milestones:")
        for m in deal.milestones:
            when = fmt(m.date)
            cap = f" ({fmt(m.capacity)}{cite(property_name('milestone', 'capacity', m.name))})" if m.capacity else ""
            lines.append(f"  - {when}{cite(property_name('milestone', 'date', m.name))}: {m.description}{cap}")
    others: list[Claim] = [c for c in claims if c.id not in refs]
    lines.append("")
    lines.append("Sources:")
    by_id = {c.id: c for c in claims}
    for claim_id, n in refs.items():
        lines.append(f"  [{n}] {_sources(by_id[claim_id])}")
    if others:
        lines.append("")
        lines.append("Other claims (not used above):")
        for other in others:
            lines.append(
                f"  - {other.property}: {other.qualifier.value} {other.value_text} ({other.rank.value}) {_sources(other)}"
            )
            if other.note:
                lines.append(f"      note: {other.note}")
    return "\n".join(lines) + "\n"


def _sources(claim: Claim) -> str:
    return "; ".join(f'{s.file} "{s.quote}"' for s in claim.sources)




# -- export, schema, plot -----------------------------------------------------------------------

_SUFFIX_FORMATS: Final = {".csv": "csv", ".parquet": "parquet", ".pq": "parquet", ".json": "json"}


def _export(catalog: Catalog, deal_id: str | None, fmt: str | None, output: str) -> int:
    from ..export import export_claims

    claims = catalog.claims_about_deal(deal_id) if deal_id else catalog.all_claims
    chosen = fmt or _SUFFIX_FORMATS.get(Path(output).suffix.lower(), "csv")
    count = export_claims(claims, output, chosen)  # type: ignore[arg-type]
    print(f"{count} claim(s) written to {short_path(output)} ({chosen})")
    return EXIT_OK


def _schema(output: str | None) -> int:
    from ..catalog import catalog_schema_json

    text = catalog_schema_json()
    if output is None:
        sys.stdout.write(text)
        return EXIT_OK
    with file_errors(output, "write file"):
        Path(output).write_text(text, encoding="utf-8")
    print(f"schema written to {short_path(output)}")
    return EXIT_OK


def _plot(catalog: Catalog, deal_id: str, kind: str, output: str, locale: str) -> int:
    from ..plots import plot_deal

    plot_deal(catalog.deal(deal_id), output, kind=kind, locale=locale, catalog=catalog)  # type: ignore[arg-type]
    print(f"{kind} of {deal_id} written to {short_path(output)}")
    return EXIT_OK


# -- rich output (the `cli` extra), only on a terminal -------------------------------------------

#: Fewer files than this are validated without a progress bar.
PROGRESS_MIN_FILES: Final = 3


def _rich_console(stream: Any = None) -> Any:
    """A rich Console on ``stream`` (stdout) when it is a terminal and rich is installed, else None."""
    stream = sys.stdout if stream is None else stream
    try:
        if not stream.isatty():
            return None
        from rich.console import Console
    except (ImportError, AttributeError, ValueError):
        return None
    return Console(file=stream, highlight=False)


#: Styles for text reports on a terminal: section labels, source references, the title rule.
_REPORT_STYLES: Final = (
    (r"(?m)^(?:  - )?[A-Z][A-Za-z -]*:(?= |$)", "bold cyan"),
    (r"\[\d+\]", "magenta"),
    (r"(?m)^=+$", "dim"),
)


def _styled(text: str) -> str:
    """``text`` with its labels and references in colour on a terminal (the ``cli`` extra); as is otherwise."""
    console = _rich_console()
    if console is None:
        return text
    from rich.text import Text

    rich_text = Text(text)
    first_line = text.split("\n", 1)[0]
    rich_text.stylize("bold", 0, len(first_line))
    for pattern, style in _REPORT_STYLES:
        rich_text.highlight_regex(pattern, style)
    with console.capture() as captured:
        console.print(rich_text, end="", soft_wrap=True)
    styled: str = captured.get()
    return styled


def _rich_table(console: Any, header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, header_style="bold cyan", pad_edge=False)
    for i, name in enumerate(header):
        table.add_column(name, style="bold" if i == 0 else None, overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(cell)) for cell in row))  # Text: no markup read from data
    with console.capture() as captured:
        console.print(table)
    text: str = captured.get()
    return text


def _progress(items: Sequence[Any], description: str) -> Sequence[Any] | Any:
    """``items``, with a progress bar on stderr for many of them when stderr is a terminal."""
    if len(items) < PROGRESS_MIN_FILES:
        return items
    console = _rich_console(sys.stderr)
    if console is None:
        return items
    from rich.progress import track

    return track(items, description=description, console=console, transient=True)


# -- analysis: metrics, asof, check; extract ------------------------------------------------------


def _metrics(catalog: Catalog, deal_id: str, fmt: str) -> str:
    from ..analysis import deal_metrics

    metrics = deal_metrics(catalog, deal_id)
    if fmt == "json":
        return json.dumps([m.to_json() for m in metrics], indent=2, ensure_ascii=False) + "\n"
    rows = [(m.name, m.text, m.formula, ", ".join(m.claims)) for m in metrics]
    text = _table(("metric", "value", "formula", "claims"), rows)
    notes = [f"  {m.name}: {m.reason}" for m in metrics if not m.determined]
    return text + ("\nUndetermined:\n" + "\n".join(notes) + "\n" if notes else "")


def _asof(catalog: Catalog, deal_id: str, day: PartialDate, fmt: str) -> str:
    from .._values import Certainty
    from ..analysis import as_of

    view = as_of(catalog, deal_id, day)
    if fmt == "json":
        return json.dumps(view.to_json(), indent=2, ensure_ascii=False) + "\n"
    rows = [
        (s.item, s.state, s.certainty.value, "-" if s.amount is None else str(s.amount),
         "-" if s.date is None else str(s.date))
        for s in view.items
    ]
    text = _table(("item", "state", "certainty", "amount", "date"), rows)
    totals = []
    for label, fn in (("unlocked", view.unlocked), ("online", view.online)):
        certain, possible = fn(), fn(Certainty.POSSIBLY)
        totals.append(f"{label} on {view.day}: certainly {certain or 'nothing'}; possibly {possible or 'nothing'}")
    return text + "\n" + "\n".join(totals) + "\n"


def _check(catalog: Catalog, fmt: str) -> tuple[str, int]:
    from ..analysis import check_consistency

    findings = check_consistency(catalog)
    status = EXIT_INVALID if any(f.is_conflict and not f.resolved for f in findings) else EXIT_OK
    if fmt == "json":
        return json.dumps([f.to_json() for f in findings], indent=2, ensure_ascii=False) + "\n", status
    lines = []
    for f in findings:
        mark = f"{f.status}{' (resolved)' if f.resolved else ''}"
        lines.append(f"{mark}: {f.subject} {f.property}{f' as of {f.as_of}' if f.as_of else ''}")
        lines.append(f"  {f.message}")
        lines.append(f"  sources: {', '.join(f.sources)}")
    conflicts = sum(f.is_conflict for f in findings)
    unresolved = sum(f.is_conflict and not f.resolved for f in findings)
    lines.append(f"{len(findings)} finding(s), {conflicts} conflict(s), {unresolved} unresolved")
    return "\n".join(lines) + "\n", status


def _read_stdin() -> str:
    from ..extraction import MAX_EXTRACT_LENGTH

    limit = 4 * MAX_EXTRACT_LENGTH  # bytes: at most four per character in UTF-8
    raw = sys.stdin.buffer.read(limit + 1)
    if len(raw) > limit:
        raise DealkitError(f"input is larger than {limit} bytes; split it first", file="-")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DealkitError(f"not UTF-8 text (byte {exc.start} cannot be decoded)", file="-") from None


def _documents(paths: Sequence[str], reference: PartialDate | None) -> list[Any]:
    from ..extraction import Document, read_documents

    docs: list[Document] = []
    for name in paths:
        if name == "-":
            docs.append(Document("-", _read_stdin(), reference))
            continue
        if not check_path(name).exists():
            raise _UsageError(f"{short_path(name)}: cannot read: no such file or directory")
        try:
            docs.extend(read_documents([name], reference=reference))
        except PathError:
            raise
        except DealkitError as exc:
            raise DealkitError(exc.reason, file=str(exc.value) if exc.value is not None else name) from None
    return docs


class _UsageError(Exception):
    """A path that does not exist: exit 2."""


def _extract(
    paths: Sequence[str], fmt: str | None, output: str | None, reference: PartialDate | None, jobs: int | None
) -> int:
    try:
        docs = _documents(paths, reference)
    except _UsageError as exc:
        print(f"dealkit: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except PathError:
        raise
    except OSError as exc:
        print(f"dealkit: {short_path(exc.filename or '')}: cannot read: {exc.strerror or exc}", file=sys.stderr)
        return EXIT_USAGE
    single = len(paths) == 1 and len(docs) == 1 and not paths[0].endswith(".jsonl") and not Path(paths[0]).is_dir()
    if fmt is None:
        suffix = Path(output).suffix.lower() if output else ""
        fmt = "parquet" if suffix in (".parquet", ".pq") else ("json" if suffix == ".json" and single
                                                               else "table" if single and not output else "jsonl")
    if fmt in ("table", "json") and not single:
        raise DealkitError(f"--format {fmt} reads one text; use jsonl or parquet for several", fmt)
    if fmt == "parquet" and output is None:
        raise DealkitError("--format parquet needs -o FILE", fmt)
    failed: list[str] = []

    def done(doc: Any, error: str | None) -> None:
        if error is not None:
            failed.append(f"dealkit: {doc.id}: {error}")

    from ..extraction import extract_rows

    rows = extract_rows(_progress(docs, "extracting") if len(docs) >= PROGRESS_MIN_FILES else docs,
                        jobs=jobs, on_document=done)
    if fmt in ("table", "json"):
        text = _figures_text(list(rows), fmt)
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    else:
        text = None
        count = _write_parquet(list(rows), output)  # type: ignore[arg-type]
        print(f"{count} figure(s) from {len(docs)} document(s) written to {short_path(output)} (parquet)")
    for line in failed:
        print(line, file=sys.stderr)
    if text is not None:
        _write_out(text, output)
    return EXIT_INVALID if failed else EXIT_OK


def _figures_text(rows: list[dict[str, Any]], fmt: str) -> str:
    if fmt == "json":
        objects = [json.dumps({k: v for k, v in r.items() if k != "doc"}, ensure_ascii=False) for r in rows]
        return "[\n" + ",\n".join(objects) + ("\n" if objects else "") + "]\n"
    table_rows = [(r["text"], r["kind"], r["qualifier"], r["value"], str(r["start"]), str(r["end"])) for r in rows]
    return _table(("text", "kind", "qualifier", "value", "start", "end"), table_rows)


def _write_out(text: str, output: str | None) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    with file_errors(output, "write file"):
        Path(output).write_text(text, encoding="utf-8")


def _write_parquet(rows: list[dict[str, Any]], output: str) -> int:
    from .._optional import require
    from ..extraction import ROW_COLUMNS

    pa = require("pyarrow")
    pq = require("pyarrow.parquet")
    types = {"start": pa.int64(), "end": pa.int64()}
    schema = pa.schema([(c, types.get(c, pa.string())) for c in ROW_COLUMNS])
    table = pa.Table.from_pylist(rows, schema=schema)
    with file_errors(output, "write file"):
        pq.write_table(table, output)
    return len(rows)


def _ingest(
    article: str, source: str, deal: str | None, reference: PartialDate | None, output: str | None
) -> int:
    from ..extraction import draft_catalog

    if article != "-" and not check_path(article).is_file():
        print(f"dealkit: {short_path(article)}: no such file", file=sys.stderr)
        return EXIT_USAGE
    if deal is not None and reference is None:
        # The claims are about a known deal: its announcement dates the article's "by year-end".
        from ..catalog import builtin_catalog

        catalog = builtin_catalog()
        if deal in catalog.deal_ids():
            reference = catalog.deal(deal).announced
    text = _read_stdin() if article == "-" else _documents([article], None)[0].text
    _write_out(draft_catalog(text, source=source, deal=deal, reference=reference), output)
    if output is not None:
        print(f"draft written to {short_path(output)}")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
