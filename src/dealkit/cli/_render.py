"""How the command prints: tables that wrap by cell, JSON and CSV, colour on a terminal.

Tables are for people.  Each cell wraps at its own spaces, never inside a
word: an id, a file name or ``25 Mrd. $`` (joined by no-break spaces) stays
whole, and a column is never narrower than its longest word.  The width is
``COLUMNS`` when set, else the terminal's; piped output without ``COLUMNS``
is not wrapped, one line per row.  Widths count East Asian wide characters
(``億``) as two columns, as terminals draw them.

JSON and CSV are for programs: the same field names as the Python API,
canonical values, never localised.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sys
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, Final, TextIO

__all__ = ["PROGRESS_MIN_FILES", "csv_text", "flatten", "json_text", "progress", "rich_console", "styled", "table"]

#: Fewer files than this are read without a progress bar.
PROGRESS_MIN_FILES: Final = 3
#: Spaces between two columns.
_GAP: Final = 2
#: A column is not squeezed below this many columns (or its longest word, if longer).
_MIN_COLUMN: Final = 6


# -- widths and wrapping -----------------------------------------------------------------------


def display_width(text: str) -> int:
    """The columns ``text`` takes on a terminal: wide East Asian characters take two, combining marks none."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _words(text: str) -> list[str]:
    return [w for line in text.split("\n") for w in line.split(" ") if w]


def wrap_cell(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` columns, broken only at spaces (a longer word keeps its line)."""
    out: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            if not word:
                continue
            candidate = f"{line} {word}" if line else word
            if line and display_width(candidate) > width:
                out.append(line)
                line = word
            else:
                line = candidate
        out.append(line)
    return out or [""]


def terminal_width(stream: TextIO | None = None) -> int | None:
    """``COLUMNS`` if set, else the terminal's width, else ``None`` (piped: no wrapping)."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    stream = sys.stdout if stream is None else stream
    try:
        if stream.isatty():
            return shutil.get_terminal_size().columns
    except (AttributeError, ValueError, OSError):
        pass
    return None


def column_widths(header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None) -> list[int]:
    """Each column's width: as wide as its content if the table fits, else shared out, never below a word."""
    cells = [list(header), *(list(r) for r in rows)]
    natural = [max(max((display_width(line) for line in c[i].split("\n")), default=0) for c in cells)
               for i in range(len(header))]
    if width is None:
        return natural
    least = [min(n, max(_MIN_COLUMN, max((display_width(w) for c in cells for w in _words(c[i])), default=0)))
             for i, n in enumerate(natural)]
    room = width - _GAP * (len(header) - 1)
    if sum(natural) <= room:
        return natural
    spare = room - sum(least)
    if spare <= 0:
        return least  # wider than the terminal: words stay whole
    # Each column gets its least width plus a share of the rest, by how much more it wants.
    wants = [n - m for n, m in zip(natural, least, strict=True)]
    total = sum(wants)
    widths = [m + (spare * w) // total for m, w in zip(least, wants, strict=True)]
    for i in sorted(range(len(widths)), key=lambda i: -wants[i])[: room - sum(widths)]:
        widths[i] += 1
    return widths


def _layout(header: Sequence[str], rows: Sequence[Sequence[str]], width: int | None) -> tuple[list[int], list[list[list[str]]]]:
    widths = column_widths(header, rows, width)
    laid = [[wrap_cell(cell, w) for cell, w in zip(row, widths, strict=True)] for row in [header, *rows]]
    return widths, laid


def table(header: Sequence[str], rows: Sequence[Sequence[str]], *, stream: TextIO | None = None) -> str:
    """Rows under a header, aligned, each cell wrapped by itself; a rich table on a terminal (the ``cli`` extra)."""
    rows = [[str(c) for c in row] for row in rows]
    width = terminal_width(stream)
    widths, laid = _layout(header, rows, width)
    console = rich_console(stream)
    if console is not None:
        return _rich_table(console, laid[0], widths, laid[1:])
    lines: list[str] = []
    for i, row in enumerate(laid):
        for k in range(max(len(cell) for cell in row)):
            parts = [_pad(cell[k] if k < len(cell) else "", w) for cell, w in zip(row, widths, strict=True)]
            lines.append((" " * _GAP).join(parts).rstrip())
        if i == 0:
            lines.append((" " * _GAP).join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


# -- JSON and CSV ----------------------------------------------------------------------------------


def json_text(data: object) -> str:
    """``data`` as indented JSON (UTF-8 text, no ASCII escapes), ending in a newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def flatten(data: Mapping[str, Any], columns: Iterable[str]) -> dict[str, Any]:
    """One CSV row of a JSON object: ``columns`` are dotted paths (``estimate.qualifier``); a missing part is ``None``."""
    row: dict[str, Any] = {}
    for column in columns:
        value: Any = data
        for part in column.split("."):
            value = value.get(part) if isinstance(value, Mapping) else None
        if isinstance(value, bool):
            value = "true" if value else "false"
        row[column] = value
    return row


def csv_text(rows: Iterable[Mapping[str, object]], columns: Sequence[str]) -> str:
    """Rows as CSV under a header of ``columns``: decimals exact, lists as JSON arrays, ``None`` empty."""
    from ..export import write_csv

    buf = io.StringIO()
    write_csv(rows, columns, buf)
    return buf.getvalue()


# -- rich output (the `cli` extra), only on a terminal -------------------------------------------


def rich_console(stream: Any = None) -> Any:
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
    (r"(?m)^(?:  - )?[^\W\d_][\w .-]*:(?= |$)", "bold cyan"),
    (r"\[\d+\]", "magenta"),
    (r"(?m)^=+$", "dim"),
)


def styled(text: str) -> str:
    """``text`` with its labels and references in colour on a terminal (the ``cli`` extra); as is otherwise."""
    console = rich_console()
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
    out: str = captured.get()
    return out


def _rich_table(
    console: Any, header: Sequence[list[str]], widths: Sequence[int], rows: Sequence[Sequence[list[str]]]
) -> str:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(box=box.SIMPLE_HEAD, header_style="bold cyan", pad_edge=False, collapse_padding=True)
    for i, (name, w) in enumerate(zip(header, widths, strict=True)):
        table.add_column("\n".join(name), style="bold" if i == 0 else None, width=w, no_wrap=True, overflow="ignore")
    for row in rows:
        table.add_row(*(Text("\n".join(lines)) for lines in row))  # Text: no markup read from data
    console.width = max(console.width, sum(widths) + 3 * len(widths))
    with console.capture() as captured:
        console.print(table)
    text: str = captured.get()
    return text


def progress(items: Sequence[Any], description: str) -> Sequence[Any] | Any:
    """``items``, with a progress bar on stderr for many of them when stderr is a terminal."""
    if len(items) < PROGRESS_MIN_FILES:
        return items
    console = rich_console(sys.stderr)
    if console is None:
        return items
    from rich.progress import track

    return track(items, description=description, console=console, transient=True)


@contextmanager
def counted_progress(total: int, description: str) -> Iterator[Callable[[], None]]:
    """A progress bar on stderr that moves each time the callable it yields is called.

    For work that finishes out of the caller's sight (a process pool): the bar
    counts what is *done*, not what was handed over.  Without a terminal, or for
    fewer than :data:`PROGRESS_MIN_FILES` items, the callable does nothing.
    """
    console = rich_console(sys.stderr) if total >= PROGRESS_MIN_FILES else None
    if console is None:
        yield lambda: None
        return
    from rich.progress import Progress

    with Progress(console=console, transient=True) as bar:
        task = bar.add_task(description, total=total)
        yield lambda: bar.advance(task)
