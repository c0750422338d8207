"""Every Python snippet of README.md and docs/*.md runs (``.ci/run`` type-checks them with mypy --strict)."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("snippets", ROOT / "docs_ext" / "snippets.py")
assert _spec is not None and _spec.loader is not None
snippets = importlib.util.module_from_spec(_spec)
sys.modules["snippets"] = snippets
_spec.loader.exec_module(snippets)


def test_the_pages_with_snippets_are_found() -> None:
    names = {p.name for p in snippets.python_pages()}
    assert {"README.md", "building-deals.md", "unit-math.md", "getting-started.md"} <= names


@pytest.mark.parametrize("page", snippets.python_pages(), ids=lambda p: p.name)
def test_snippets_run(page: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    import pint

    # a page may set pint's application registry, as an application would: restore it after
    before = pint.get_application_registry().get()
    monkeypatch.chdir(tmp_path)
    # the snippets that run the command find the one installed beside this interpreter
    monkeypatch.setenv("PATH", str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    try:
        snippets.run_page(page, tmp_path)
    finally:
        pint.set_application_registry(before)
