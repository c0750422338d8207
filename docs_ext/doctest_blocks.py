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


# -- attribute comments, stub-only names, cross-references -------------------------------------

#: A Sphinx role: ``:class:`~dealkit.Metric```, ``:meth:`Catalog.build```, ``:data:`Text <dealkit.X>```.
_ROLE: Final = re.compile(r":(?:py:)?(?:class|func|meth|attr|data|mod|exc|obj|const):`(~?)([^`]+)`")
#: The public namespaces whose ``__all__`` the API page renders (besides the top level).
PUBLIC_SUBPACKAGES: Final = ("serialization", "catalog", "analysis", "extraction", "export", "plots", "cli")


def comment_docs(lines: list[str], lineno: int) -> str | None:
    """The ``#:`` comment lines right above line ``lineno`` (1-based), as a docstring; ``None`` if there are none."""
    found: list[str] = []
    i = lineno - 2
    while i >= 0 and lines[i].lstrip().startswith("#:"):
        found.insert(0, lines[i].lstrip()[2:].removeprefix(" "))
        i -= 1
    return "\n".join(found).strip() or None


class AttributeComments(griffe.Extension):
    """Give attributes documented by ``#:`` comments (Sphinx style) their docstring."""

    def __init__(self) -> None:
        super().__init__()
        self._files: dict[str, list[str]] = {}

    def on_attribute_instance(self, *, attr: griffe.Attribute, **kwargs: Any) -> None:
        if attr.docstring is not None or attr.lineno is None or attr.filepath is None:
            return
        path = str(attr.filepath)
        if path not in self._files:
            from pathlib import Path

            self._files[path] = Path(path).read_text(encoding="utf-8").splitlines()
        text = comment_docs(self._files[path], attr.lineno)
        if text:
            attr.docstring = griffe.Docstring(text, lineno=attr.lineno, parent=attr)


def _target(obj: Any) -> Any:
    try:
        return obj.final_target if getattr(obj, "is_alias", False) else obj
    except Exception:  # noqa: BLE001 - an alias griffe cannot resolve renders as nothing
        return None


class CrossReferences(griffe.Extension):
    """Turn Sphinx roles into mkdocs-autorefs links to the names the API page renders.

    ``:class:`Metric``` becomes ``[`Metric`][dealkit.Metric]``, ``:meth:`Catalog.build```
    ``[`Catalog.build`][dealkit.Catalog.build]``; a name the page does not render (a builtin,
    a private helper) becomes plain code.  No role is left raw.  Also gives the stub-only
    top-level names (``ureg``) an entry, from their ``#:`` comment in ``__init__.pyi``.
    """

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        if pkg.name != "dealkit":
            return
        self._stub_only(pkg)
        short: dict[str, str] = {}
        known: set[str] = set()

        def register(name: str, identifier: str, obj: Any) -> None:
            short.setdefault(name, identifier)
            known.add(identifier)
            target = _target(obj)
            if target is not None and getattr(target, "is_class", False):
                for member in target.members:
                    if not member.startswith("_"):
                        known.add(f"{identifier}.{member}")

        for name in pkg.exports or []:
            name = str(name)
            if name in pkg.members:
                register(name, f"dealkit.{name}", pkg.members[name])
        for sub in PUBLIC_SUBPACKAGES:
            module = pkg.members.get(sub)
            if module is None:
                continue
            known.add(f"dealkit.{sub}")
            for name in module.exports or []:
                name = str(name)
                if name in module.members and name not in short:
                    register(name, f"dealkit.{sub}.{name}", module.members[name])
        self._short, self._known = short, known
        self._rewrite(pkg, set())

    def _stub_only(self, pkg: griffe.Module) -> None:
        from pathlib import Path

        paths = pkg.filepath if isinstance(pkg.filepath, list) else [pkg.filepath]
        for path in paths:
            stub = Path(str(path)).with_suffix(".pyi")
            if not stub.exists():
                continue
            import ast

            source = stub.read_text(encoding="utf-8")
            lines = source.splitlines()
            for node in ast.parse(source).body:
                if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
                    name = node.target.id
                    if name in pkg.members:
                        continue
                    text = comment_docs(lines, node.lineno) or ""
                    attr = griffe.Attribute(name, lineno=node.lineno, docstring=griffe.Docstring(text),
                                            annotation=ast.unparse(node.annotation))
                    pkg.set_member(name, attr)

    def resolve(self, target: str) -> str | None:
        """The rendered identifier a role's target names, or ``None``."""
        target = target.strip().strip("()")
        if target in self._known:
            return target
        rest = target.removeprefix("dealkit.")
        parts = rest.split(".")
        if parts[0] in PUBLIC_SUBPACKAGES and len(parts) > 1:
            parts = parts[1:]
        for i in range(len(parts)):
            head = parts[i]
            if head in self._short:
                candidate = ".".join([self._short[head], *parts[i + 1:]])
                if candidate in self._known:
                    return candidate
        return None

    def link(self, match: re.Match[str]) -> str:
        tilde, body = match.groups()
        titled = re.fullmatch(r"(.+?)\s*<(.+)>", body)
        title, target = (titled.group(1), titled.group(2)) if titled else (None, body)
        shown = title or (target.strip().rsplit(".", 1)[-1] if tilde else target.strip().removeprefix("dealkit."))
        identifier = self.resolve(target)
        return f"[`{shown}`][{identifier}]" if identifier else f"`{shown}`"

    def _rewrite(self, obj: Any, seen: set[str]) -> None:
        if getattr(obj, "is_alias", False) or obj.path in seen:
            return
        seen.add(obj.path)
        if obj.docstring is not None and ":" in obj.docstring.value:
            obj.docstring.value = _ROLE.sub(self.link, obj.docstring.value)
        for member in obj.members.values():
            self._rewrite(member, seen)
