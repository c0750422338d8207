"""Corpora beyond one machine: :func:`dealkit.extract` mapped over a Dask bag of files.

Needs the ``corpus`` extra (``pip install 'dealkit[corpus]'``), imported on first use.
The bag runs on whatever scheduler is active: Dask's local threads or processes
by default, a ``dask.distributed`` cluster when a client is connected.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from .._args import check_items, check_path, file_errors
from .._errors import InvalidValueError
from .._optional import require
from .._values import PartialDate
from ._corpus import FigureRow, figure_rows, read_documents

__all__ = ["extract_bag"]


def _rows_of_file(path: str, reference: PartialDate | None) -> list[FigureRow]:
    rows: list[FigureRow] = []
    for doc in read_documents([path], reference=reference):
        rows.extend(figure_rows(doc.id, doc.text, doc.reference))
    return rows


def extract_bag(
    paths: Sequence[str | os.PathLike[str]],
    *,
    reference: PartialDate | None = None,
    partitions: int | None = None,
) -> Any:
    """A ``dask.bag.Bag`` of figure rows (:func:`figure_rows`) of the files at ``paths``.

    Each file (a text, or a JSONL corpus) is read where its partition runs, so
    only paths travel to the workers.  Nothing runs until the bag is computed::

        bag = extract_bag(sorted(glob("news/*.txt")))
        bag.to_dataframe().to_parquet("figures/")   # or: bag.compute()

    Args:
        paths: the files; directories are listed here, before the bag is built.
        reference: the date of every document that does not state its own.
        partitions: how many partitions (default: Dask's choice for the number of files).

    Raises:
        DealkitError: the ``corpus`` extra (Dask) is not installed.
    """
    bag_module = require("dask.bag", extra="corpus")
    if reference is not None and not isinstance(reference, PartialDate):
        raise InvalidValueError(f"'reference' must be a PartialDate, not {type(reference).__name__}", reference)
    if partitions is not None and (type(partitions) is not int or partitions < 1):
        raise InvalidValueError("'partitions' must be a whole number, at least 1", partitions)
    files: list[str] = []
    for name in check_items(paths, object, "paths", "paths"):
        path = check_path(name)
        with file_errors(path, "list directory"):
            if path.is_dir():
                files.extend(sorted(str(p) for p in path.rglob("*.txt")))
            else:
                files.append(str(path))
    bag = bag_module.from_sequence(files, npartitions=partitions) if partitions else bag_module.from_sequence(files)
    return bag.map(_rows_of_file, reference).flatten()
