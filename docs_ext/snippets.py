"""Every Python snippet of README.md and docs/*.md, type-checked and run.

A page's ```` ```python ```` blocks are one program, in page order (a later block
uses what an earlier one defined), so:

- :func:`write_modules` writes each page's blocks as one module, for
  ``mypy --strict`` (``.ci/run``); a ``>>>`` block contributes its source lines;
- :func:`run_page` runs them in one namespace (``tests/test_doc_snippets.py``);
  a ``>>>`` block runs as a doctest, its output compared.

A block whose fence names a file (```` ```toml title="my-deals.toml" ````) is
written to that file in the working directory first, so the snippets that load
it find it.  Usage: ``python docs_ext/snippets.py OUTDIR`` writes the modules.
"""

from __future__ import annotations

import doctest
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ("python", "py")
_OPEN = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w+-]*)(?P<info>.*)$")
_TITLE = re.compile(r'title="(?P<title>[^"]+)"')


@dataclass(frozen=True)
class Block:
    """One fenced code block of a page."""

    page: Path
    line: int
    lang: str
    title: str | None
    source: str

    @property
    def is_python(self) -> bool:
        return self.lang in PYTHON

    @property
    def is_doctest(self) -> bool:
        return self.source.lstrip().startswith(">>>")

    def code(self) -> str:
        """The source a type checker reads: a doctest's ``>>>``/``...`` lines, else the block."""
        if not self.is_doctest:
            return self.source
        lines = [line[4:] for line in self.source.splitlines() if line.startswith((">>> ", "... "))]
        return "\n".join(lines) + "\n"


def pages() -> list[Path]:
    """README.md and every page of docs/."""
    return [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def blocks(page: Path) -> list[Block]:
    """The fenced blocks of ``page``, dedented to their fence."""
    out: list[Block] = []
    lines = page.read_text(encoding="utf-8").splitlines()
    i = 0
    while i < len(lines):
        m = _OPEN.match(lines[i])
        if m is None or not m["lang"]:
            i += 1
            continue
        start, indent = i, m["indent"]
        body: list[str] = []
        i += 1
        while i < len(lines) and lines[i].strip() != "```":
            body.append(lines[i][len(indent):] if lines[i].startswith(indent) else lines[i])
            i += 1
        title = _TITLE.search(m["info"])
        source = textwrap.dedent("\n".join(body)) + "\n"
        out.append(Block(page, start + 1, m["lang"], title["title"] if title else None, source))
        i += 1
    return out


def python_pages() -> list[Path]:
    """The pages that have Python snippets."""
    return [p for p in pages() if any(b.is_python for b in blocks(p))]


def module_name(page: Path) -> str:
    """``docs/unit-math.md`` -> ``docs_unit_math``."""
    relative = page.relative_to(ROOT).with_suffix("")
    return "_".join(relative.parts).replace("-", "_").lower()


def module_source(page: Path) -> str:
    """A page's Python blocks as one module, each marked with where it stands."""
    parts = [f'"""The Python snippets of {page.relative_to(ROOT)}, in page order."""\n']
    for block in blocks(page):
        if block.is_python:
            parts.append(f"# -- {page.relative_to(ROOT)}, line {block.line}\n{block.code()}")
    return "\n".join(parts)


def write_modules(outdir: Path) -> list[Path]:
    """Write each page's snippets as a module in ``outdir`` (for ``mypy --strict``)."""
    outdir.mkdir(parents=True, exist_ok=True)
    written = []
    for page in python_pages():
        path = outdir / f"{module_name(page)}.py"
        path.write_text(module_source(page), encoding="utf-8")
        written.append(path)
    return written


def write_files(page: Path, workdir: Path) -> None:
    """Write the page's titled blocks (``title="my-deals.toml"``) as files in ``workdir``."""
    for block in blocks(page):
        if block.title is not None and not block.is_python:
            target = workdir / block.title
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(block.source, encoding="utf-8")


def run_page(page: Path, workdir: Path) -> None:
    """Run the page's Python snippets in order, in one namespace, with ``workdir`` holding its files.

    Raises ``AssertionError`` naming the block when a doctest's output differs;
    an exception a snippet raises propagates.
    """
    write_files(page, workdir)
    namespace: dict[str, object] = {"__name__": f"snippets_{module_name(page)}"}
    for block in blocks(page):
        if not block.is_python:
            continue
        where = f"{page.relative_to(ROOT)}:{block.line}"
        if block.is_doctest:
            test = doctest.DocTestParser().get_doctest(block.source, namespace, where, where, block.line)
            runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            runner.run(test, clear_globs=False)
            assert runner.failures == 0, f"{where}: the doctest's output differs (see above)"
        else:
            exec(compile(block.source, where, "exec"), namespace)  # noqa: S102 - the docs' own snippets


if __name__ == "__main__":
    for module in write_modules(Path(sys.argv[1])):
        print(module)
