"""``dealkit extract`` and ``dealkit ingest``: figures out of text; a draft catalog file from an article."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from .._args import check_path, file_errors
from .._errors import DealkitError, PathError, short_path
from .._values import N_
from . import _render
from ._common import (
    EXIT_INVALID,
    EXIT_OK,
    Commands,
    UsageError,
    add_command,
    add_format,
    add_locale,
    check_output,
    no_such_path,
    plural_translator,
    translator,
)

if TYPE_CHECKING:
    from .._values import PartialDate

__all__ = ["EXTRACT_SUFFIXES", "FIGURE_COLUMNS", "register"]

#: The fields of one figure of one text (``--format json|csv``): a row without its document id.
FIGURE_COLUMNS: Final = ("kind", "value", "qualifier", "start", "end", "text", "unit")
#: The files `dealkit extract -o` writes, by extension.
EXTRACT_SUFFIXES: Final = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet", ".pq": "parquet",
                           ".txt": "table"}
_HEADERS: Final = {"text": N_("text"), "kind": N_("kind"), "qualifier": N_("qualifier"), "value": N_("value"),
                   "start": N_("start"), "end": N_("end")}


def register(commands: Commands) -> None:
    p = add_command(
        commands, "extract", run_extract,
        summary="list the figures in text files, folders of *.txt files or JSONL corpora",
        description="Every figure in English text: money, prices (rates), power, energy, durations, "
        "percentages, multiples, counts and dates, each with its qualifier, kind and character span. "
        "A PATH is a text file ('-' reads standard input), a folder (its *.txt files, recursively) or a "
        "JSONL corpus (one {\"id\", \"text\", \"reference\"} object a line). Documents are read by a process "
        "pool; one that cannot be read is named on standard error and the others are still written (exit 1).",
        examples=[
            ("dealkit extract article.txt", "one text, as a table"),
            ("echo 'up to $25 billion by 2027' | dealkit extract - --format json", "standard input, as JSON"),
            ("dealkit extract corpus/ -o figures.parquet --jobs 2", "a folder, one row per figure, to Parquet"),
        ],
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="text files, folders of *.txt files, JSONL corpora, or -")
    add_format(p, ("table", "json", "csv", "jsonl", "parquet"), default=None,
               extra="; table, json and csv read one text, jsonl and parquet any number (one row per figure with "
               "its document id); by default table for one text, jsonl for several, or -o's extension")
    p.add_argument("-o", "--output", metavar="FILE",
                   help="write to FILE instead of standard output (.json, .jsonl, .csv, .parquet, .pq or .txt)")
    p.add_argument("--reference", metavar="DATE",
                   help="the date the texts were written, for relative dates ('last year', 'by year-end'); "
                   "canonical date text such as 2026-04-20")
    p.add_argument("--jobs", type=int, default=None, metavar="N",
                   help="processes reading the documents (default: every core)")
    add_locale(p, "the table's headers")

    p = add_command(
        commands, "ingest", run_ingest,
        summary="write a draft catalog file with one claim per figure of an article",
        description="A draft catalog file (TOML) with one claim per figure of the article: its kind, value, "
        "qualifier, rank `normal` and one source (NAME and the words that state the figure, verbatim). Fill "
        "the fields left empty (each carries a comment with the sentence around the figure), drop what is not "
        "about the deal, and the file passes `dealkit validate`.",
        examples=[
            ("dealkit ingest article.txt --source 001_press.txt --deal amazon-acme-2026 -o draft.toml",
             "a draft for a deal"),
            ("dealkit ingest - --source note.txt < note.txt", "from standard input, printed"),
        ],
    )
    p.add_argument("article", metavar="ARTICLE", help="the article, a UTF-8 text file ('-' reads standard input)")
    p.add_argument("--source", required=True, metavar="NAME", help="the article's file name as claims cite it")
    p.add_argument("--deal", metavar="ID", help="the deal the claims are about (fills each claim's subject)")
    p.add_argument("--reference", metavar="DATE",
                   help="the date the article was written (default: the deal's announcement)")
    p.add_argument("-o", "--output", metavar="FILE", help="write the draft to FILE.toml instead of standard output")
    add_locale(p, "the line that reports what was written (the draft itself is the catalog format, in English)")


def _reference(args: argparse.Namespace) -> PartialDate | None:
    from .._values import PartialDate

    if args.reference is None:
        return None
    try:
        return PartialDate.parse(args.reference)
    except DealkitError as exc:
        raise UsageError(f"argument --reference: {exc}") from None


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
            raise no_such_path(name, "cannot read: no such file or directory")
        try:
            docs.extend(read_documents([name], reference=reference))
        except PathError:
            raise
        except DealkitError as exc:
            raise DealkitError(exc.reason, file=short_path(exc.value) if exc.value is not None else name) from None
        except OSError as exc:
            raise no_such_path(exc.filename or name, f"cannot read: {exc.strerror or exc}") from None
    return docs


def run_extract(args: argparse.Namespace) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("argument --jobs: must be at least 1")
    fmt = args.format
    if args.output is not None:
        fmt = check_output(args.output, EXTRACT_SUFFIXES, fmt)
    reference = _reference(args)
    paths: list[str] = args.paths
    docs = _documents(paths, reference)
    single = len(paths) == 1 and len(docs) == 1 and not paths[0].endswith(".jsonl") and not Path(paths[0]).is_dir()
    if fmt is None:
        fmt = "table" if single else "jsonl"
    if fmt in ("table", "json", "csv") and not single:
        raise UsageError(f"--format {fmt} reads one text; use jsonl or parquet for several")
    if fmt == "parquet" and args.output is None:
        raise UsageError("--format parquet needs -o FILE")
    failed: list[str] = []

    from ..extraction import extract_rows

    with _render.counted_progress(len(docs), "extracting") as advance:

        def done(doc: Any, error: str | None) -> None:
            advance()  # the bar counts documents read, not documents handed to the pool
            if error is not None:
                failed.append(f"dealkit: {doc.id}: {error}")

        rows = list(extract_rows(docs, jobs=args.jobs, on_document=done))
    text: str | None
    if fmt == "json":
        objects = [json.dumps({k: v for k, v in r.items() if k != "doc"}, ensure_ascii=False) for r in rows]
        text = "[\n" + ",\n".join(objects) + ("\n" if objects else "") + "]\n"
    elif fmt == "csv":
        text = _render.csv_text(rows, FIGURE_COLUMNS)
    elif fmt == "table":
        _ = translator(args.locale)
        columns = ("text", "kind", "qualifier", "value", "start", "end")
        text = _render.table([_(_HEADERS[c]) for c in columns], [[str(r[c]) for c in columns] for r in rows])
    elif fmt == "jsonl":
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    else:
        text = None
        count = _write_parquet(rows, args.output)
        ngettext = plural_translator(args.locale)
        print(ngettext("{count} figure written to {path} (parquet)", "{count} figures written to {path} (parquet)",
                       count).format(count=count, path=short_path(args.output)))
    for line in failed:
        print(line, file=sys.stderr)
    if text is not None:
        _write_out(text, args.output)
    return EXIT_INVALID if failed else EXIT_OK


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


def run_ingest(args: argparse.Namespace) -> int:
    from ..extraction import draft_catalog

    if args.output is not None:
        check_output(args.output, {".toml": "toml"}, None)
    reference = _reference(args)
    if args.article != "-" and not check_path(args.article).is_file():
        raise no_such_path(args.article, "no such file")
    if args.deal is not None and reference is None:
        # The claims are about a known deal: its announcement dates the article's "by year-end".
        from ..catalog import builtin_catalog

        catalog = builtin_catalog()
        if args.deal in catalog.deal_ids():
            reference = catalog.deal(args.deal).announced
    text = _read_stdin() if args.article == "-" else _documents([args.article], None)[0].text
    _write_out(draft_catalog(text, source=args.source, deal=args.deal, reference=reference), args.output)
    if args.output is not None:
        gettext = translator(args.locale)
        print(gettext("draft written to {path}").format(path=short_path(args.output)))
    return EXIT_OK
