"""The layout rules import-linter does not check: private names stay in their part, parts talk
through their packages, and no module imports itself back round a cycle."""

from __future__ import annotations

import ast
from pathlib import Path

import grimp
import pytest

SRC = Path(__file__).resolve().parents[1] / "src" / "dealkit"


def _part(parts: list[str]) -> str:
    """The part of dealkit a module belongs to: its subpackage, or itself for a top-level module."""
    return parts[0]


def _cross_part_imports() -> list[tuple[str, str, list[str], list[str]]]:
    """(importing file, target module, target parts, imported names) for every import of another part."""
    found = []
    for file in sorted(SRC.rglob("*.py")):
        rel = list(file.relative_to(SRC).with_suffix("").parts)
        if len(rel) == 1:
            continue  # top-level modules (__init__, __main__, the base layer) are checked by import-linter
        package = rel[:-1]
        for node in ast.walk(ast.parse(file.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - node.level + 1]
                target = base + (node.module.split(".") if node.module else [])
                if target and _part(target) != _part(rel):
                    found.append((str(file.relative_to(SRC)), ".".join(target), target, [a.name for a in node.names]))
    return found


def test_there_are_cross_part_imports_to_check():
    assert len(_cross_part_imports()) > 20


def test_no_private_name_is_imported_across_parts():
    bad = [
        (file, target, name)
        for file, target, _parts, names in _cross_part_imports()
        for name in names
        if name.startswith("_") and name != "__version__"
    ]
    assert bad == []


def test_parts_import_each_other_through_their_packages():
    # "from .._values import Estimate", never "from .._values.estimate import Estimate".
    bad = [(file, target) for file, target, parts, _names in _cross_part_imports() if len(parts) > 1]
    assert bad == []


def _cycle(graph: grimp.ImportGraph) -> list[str] | None:
    modules = sorted(m for m in graph.modules if m.startswith("dealkit"))
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = 1
        stack.append(module)
        for imported in sorted(graph.find_modules_directly_imported_by(module)):
            if imported == "dealkit" or not imported.startswith("dealkit"):
                continue  # the lazy top-level face imports everything on demand
            if state.get(imported) == 1:
                return [*stack[stack.index(imported):], imported]
            if imported not in state:
                found = visit(imported)
                if found:
                    return found
        stack.pop()
        state[module] = 2
        return None

    for module in modules:
        if module not in state and module != "dealkit":
            found = visit(module)
            if found:
                return found
    return None


def test_no_import_cycles():
    graph = grimp.build_graph("dealkit")
    # Each package imports its own modules; a module importing its package back is the cycle to find.
    assert _cycle(graph) is None


@pytest.mark.parametrize("module", ["dealkit._values", "dealkit._model", "dealkit.catalog"])
def test_a_cycle_would_be_found(module):
    graph = grimp.build_graph("dealkit")
    victim = sorted(m for m in graph.find_children(module) if not m.endswith("__init__"))[0]
    graph.add_import(importer=module, imported=victim)
    graph.add_import(importer=victim, imported=module)
    assert _cycle(graph) is not None
