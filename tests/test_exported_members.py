"""The public API: every name in ``dealkit.__all__`` exists, once; importing dealkit stays cheap."""

from __future__ import annotations

import subprocess
import sys

import dealkit


def test_every_name_is_importable():
    missing = [name for name in dealkit.__all__ if not hasattr(dealkit, name)]
    assert missing == []


def test_star_import():
    namespace: dict[str, object] = {}
    exec("from dealkit import *", namespace)
    assert set(dealkit.__all__) <= set(namespace)


def test_no_duplicates():
    assert len(dealkit.__all__) == len(set(dealkit.__all__))


def test_lazy_names_are_public():
    assert set(dealkit._LAZY) <= set(dealkit.__all__)


def test_unknown_attribute():
    try:
        dealkit.no_such_name  # noqa: B018
    except AttributeError as exc:
        assert "no_such_name" in str(exc)
    else:
        raise AssertionError("dealkit.no_such_name should not exist")


def test_import_is_cheap():
    heavy = ("pandas", "pyarrow", "matplotlib", "rich", "jsonschema", "cattrs", "babel", "pint")
    code = f"import sys, dealkit; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == ""
