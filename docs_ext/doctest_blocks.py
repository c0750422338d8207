"""A griffe extension for the API reference: doctests become code, version notes plain text.

Docstrings carry ``>>>`` examples that pytest runs; as plain Markdown their
output lines (``['a', 'b']``) would read as links.  Fencing them keeps them
code, highlighted as a Python console session.  Sphinx-style
``.. versionadded:: 0.1`` lines become "*Added in version 0.1.*".
"""

from __future__ import annotations

import re
from typing import Any, Final

import griffe

_VERSION_NOTE: Final = re.compile(r"^(\s*)\.\. (versionadded|versionchanged|deprecated):: *(\S+)\s*(.*)$")
_VERSION_WORDS: Final = {"versionadded": "Added", "versionchanged": "Changed", "deprecated": "Deprecated"}


def version_notes(text: str) -> str:
    """Write Sphinx version directives as a plain sentence."""
    out = []
    for line in text.splitlines():
        m = _VERSION_NOTE.match(line)
        if m:
            indent, kind, version, rest = m.groups()
            line = f"{indent}*{_VERSION_WORDS[kind]} in version {version}.*" + (f" {rest}" if rest else "")
        out.append(line)
    return "\n".join(out)


def fence_doctests(text: str) -> str:
    """Wrap each block of ``>>>`` lines and their output in a fenced ``pycon`` block."""
    out: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(">>>"):
            indent = line[: len(line) - len(line.lstrip())]
            out.append(f"{indent}```pycon")
            while i < len(lines) and lines[i].strip():
                out.append(lines[i])
                i += 1
            out.append(f"{indent}```")
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


class DoctestBlocks(griffe.Extension):
    """Fence the doctest examples of every docstring and rewrite its version notes."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is None:
            return
        text = obj.docstring.value
        if ">>>" in text:
            text = fence_doctests(text)
        if ".. " in text:
            text = version_notes(text)
        obj.docstring.value = text


def stub_names(stub: str) -> list[str]:
    """The names a package's ``__init__.pyi`` re-exports (``from .x import A as A``), and what it defines."""
    import ast

    names: list[str] = []
    for node in ast.parse(stub).body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            names += [a.asname or a.name for a in node.names]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, ast.FunctionDef):
            names.append(node.name)
    return sorted(set(names) - {"__version__"})


class PublicNames(griffe.Extension):
    """Give griffe dealkit's public names: the top level lists them once, in ``__init__.pyi``."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name != "dealkit" or pkg.filepath is None:
            return
        from pathlib import Path

        paths = pkg.filepath if isinstance(pkg.filepath, list) else [pkg.filepath]
        for path in paths:
            stub = Path(path).with_suffix(".pyi")
            if stub.exists():
                pkg.exports = stub_names(stub.read_text(encoding="utf-8"))  # type: ignore[assignment]
                return
