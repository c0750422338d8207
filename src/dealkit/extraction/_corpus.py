"""Extraction at corpus scale: documents from files, directories and JSONL, one row per figure.

:func:`read_documents` turns paths into :class:`Document` s (a text file is one
document; a directory gives its ``*.txt`` files; a ``.jsonl`` file gives one
document per line, ``{"id": ..., "text": ..., "reference": "2026-04-20"}``).
:func:`extract_rows` reads them in a process pool, every core by default, and
yields each document's rows in input order: the figure's :meth:`Figure.to_json`
and the document's id.  The same function runs on one document at a time in
:func:`figure_rows`, which is what a Dask bag maps (see ``docs/extraction.md``).
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Final, final

import attrs

from .._args import check_callable, check_items, check_path, file_errors
from .._errors import DealkitError, InvalidValueError, PathError
from .._model import instance_of, optional_instance_of
from .._values import PartialDate
from ._extract import MAX_EXTRACT_LENGTH, extract

__all__ = ["ROW_COLUMNS", "Document", "FigureRow", "extract_rows", "figure_rows", "read_documents"]

#: One figure as a row: the document id, then :meth:`Figure.to_json`.
FigureRow = dict[str, str | int | None]
#: The columns of a row, in order.
ROW_COLUMNS: Final = ("doc", "kind", "value", "qualifier", "start", "end", "text", "unit")
#: The largest file read as one document: four bytes a character at most.
MAX_FILE_BYTES: Final = 4 * MAX_EXTRACT_LENGTH


@final
@attrs.frozen
class Document:
    """One text to read: an id (a path, or a JSONL record's ``id``), the text, and its date."""

    id: str = attrs.field(validator=instance_of(str))
    text: str = attrs.field(validator=instance_of(str))
    reference: PartialDate | None = attrs.field(default=None, validator=optional_instance_of(PartialDate))


def _read_text(path: Path) -> str:
    with path.open("rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        raise InvalidValueError(f"file is larger than {MAX_FILE_BYTES} bytes; split it first", str(path))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InvalidValueError(f"not UTF-8 text (byte {exc.start} cannot be decoded)", str(path)) from None


def _jsonl(path: Path, reference: PartialDate | None) -> Iterator[Document]:
    with path.open("r", encoding="utf-8", errors="strict") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except (json.JSONDecodeError, RecursionError):
                raise InvalidValueError("not a JSON object", where) from None
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                raise InvalidValueError("a corpus line is a JSON object with a 'text' string", where)
            doc_id = record.get("id", where)
            when = record.get("reference")
            ref = reference
            if when is not None:
                try:
                    ref = PartialDate.parse(when)
                except DealkitError as exc:
                    raise InvalidValueError(f"'reference': {exc.reason}", where) from None
            yield Document(str(doc_id), record["text"], ref)


def read_documents(
    paths: Iterable[str | os.PathLike[str]], *, reference: PartialDate | None = None
) -> Iterator[Document]:
    """The documents at ``paths``: text files, directories of ``*.txt`` files, JSONL corpora.

    Args:
        paths: files and directories; a directory is read recursively, in sorted order.
        reference: the date of every document that does not state its own.

    Raises:
        InvalidValueError: a path is missing, a file is not UTF-8 or too large, or a
            JSONL line is not an object with a ``text`` string (the message names the line).
    """
    if reference is not None and not isinstance(reference, PartialDate):
        raise InvalidValueError(f"'reference' must be a PartialDate, not {type(reference).__name__}", reference)
    for name in check_items(paths, object, "paths", "paths"):
        path = check_path(name)
        with file_errors(path, "read file"):
            if path.is_dir():
                for file in sorted(p for p in path.rglob("*.txt") if p.is_file()):
                    yield Document(str(file), _read_text(file), reference)
            elif path.suffix.lower() == ".jsonl":
                try:
                    yield from _jsonl(path, reference)
                except UnicodeDecodeError:
                    raise InvalidValueError("not UTF-8 text", str(path)) from None
            elif path.is_file():
                yield Document(str(path), _read_text(path), reference)
            else:
                raise PathError("no such file or directory", file=str(path))


def figure_rows(doc_id: str, text: str, reference: PartialDate | None = None) -> list[FigureRow]:
    """Every figure of one document as a row: its :meth:`Figure.to_json` and ``"doc"``.

    >>> figure_rows("a.txt", "up to $25 billion")[0]["doc"], figure_rows("a.txt", "5 GW")[0]["value"]
    ('a.txt', '5 GW')
    """
    return [{"doc": doc_id, **f.to_json()} for f in extract(text, reference=reference)]


Item = tuple[str, str, str | None]
Outcome = tuple[list[FigureRow], str | None]


def _rows_of(item: Item, dates: dict[str, PartialDate] | None = None) -> Outcome:
    doc_id, text, reference = item
    try:
        ref = None
        if reference is not None:
            ref = dates.get(reference) if dates is not None else None
            if ref is None:
                ref = PartialDate.parse(reference)
                if dates is not None:
                    dates[reference] = ref
        return figure_rows(doc_id, text, ref), None
    except DealkitError as exc:
        return [], str(exc)


def _rows_of_batch(batch: list[Item]) -> list[Outcome]:
    dates: dict[str, PartialDate] = {}  # a corpus mostly shares a few dates: each read once per batch
    return [_rows_of(item, dates) for item in batch]


def _warm() -> None:
    """Build what extraction builds once per process (currency names, the trigger regex), up front.

    Run in the parent before a pool forks (the workers inherit it) and as each
    worker's initializer (a worker that was spawned, not forked, builds it once,
    before its first task rather than inside it).
    """
    extract("USD 1 billion, 150 billion yen, 5 GW and 2 TWh from 2028")


#: The text a task carries at least, in characters: large enough that handing it to a
#: worker (pickling the text, then the rows) costs little beside reading it.
MIN_BATCH_CHARS: Final = 256_000
#: ... and at most, so that unequal documents still spread over the workers.
MAX_BATCH_CHARS: Final = 8_000_000
#: The most documents in one task, so that ``on_document`` hears of progress often enough.
MAX_BATCH_DOCUMENTS: Final = 512


def _batches(items: Sequence[Item], workers: int) -> Iterator[list[Item]]:
    """``items`` in order, cut into tasks of about a quarter of each worker's share of the text."""
    total = sum(len(item[1]) for item in items)
    target = max(MIN_BATCH_CHARS, min(MAX_BATCH_CHARS, total // (4 * workers)))
    batch: list[Item] = []
    size = 0
    for item in items:
        batch.append(item)
        size += len(item[1])
        if size >= target or len(batch) >= MAX_BATCH_DOCUMENTS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def extract_rows(
    documents: Iterable[Document],
    *,
    jobs: int | None = None,
    on_document: Callable[[Document, str | None], None] | None = None,
) -> Iterator[FigureRow]:
    """The figure rows of every document, in input order, read by ``jobs`` processes.

    Args:
        documents: what to read.
        jobs: how many processes (default: every core); 1 reads in this process.
        on_document: called once per document when it is done, with an error message
            (the document is then left out) or ``None``.

    A document that cannot be read (e.g. too long) yields no rows; ``on_document``
    hears why.  The pool hands each worker whole batches of documents (about a
    quarter of its share of the text, at least 256,000 characters), so small
    documents do not cost a hand-over each; each worker builds its tables once.
    """
    if jobs is not None and (type(jobs) is not int or jobs < 1):
        raise InvalidValueError("'jobs' must be a whole number, at least 1", jobs)
    if on_document is not None:
        check_callable(on_document, "on_document")
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    docs: Sequence[Document] = check_items(documents, Document, "documents", "Documents")
    items = [(d.id, d.text, None if d.reference is None else str(d.reference)) for d in docs]
    batches = list(_batches(items, workers)) if workers > 1 else []
    if len(batches) < 2:
        dates: dict[str, PartialDate] = {}
        results: Iterable[Outcome] = (_rows_of(item, dates) for item in items)
        yield from _collect(docs, results, on_document)
        return
    _warm()
    with ProcessPoolExecutor(max_workers=min(workers, len(batches)), initializer=_warm) as pool:
        outcomes = (outcome for batch in pool.map(_rows_of_batch, batches) for outcome in batch)
        yield from _collect(docs, outcomes, on_document)


def _collect(
    docs: Sequence[Document],
    results: Iterable[tuple[list[FigureRow], str | None]],
    on_document: Callable[[Document, str | None], None] | None,
) -> Iterator[FigureRow]:
    for doc, (rows, error) in zip(docs, results, strict=True):
        if on_document is not None:
            on_document(doc, error)
        yield from rows
