"""The public API: every name in ``__all__`` exists, once, sorted, and reports where users import it from."""

from __future__ import annotations

import importlib
import inspect
import subprocess
import sys

import pytest

import dealkit

PUBLIC_PACKAGES = (
    "dealkit",
    "dealkit.analysis",
    "dealkit.catalog",
    "dealkit.cli",
    "dealkit.export",
    "dealkit.extraction",
    "dealkit.plots",
    "dealkit.serialization",
)


@pytest.mark.parametrize("package", PUBLIC_PACKAGES)
class TestEachPublicNamespace:
    def test_all_is_sorted_and_unique(self, package):
        names = importlib.import_module(package).__all__
        assert list(names) == sorted(set(names))

    def test_every_name_is_importable(self, package):
        module = importlib.import_module(package)
        assert [name for name in module.__all__ if not hasattr(module, name)] == []

    def test_classes_and_functions_report_a_public_module(self, package):
        module = importlib.import_module(package)
        wrong = {}
        for name in module.__all__:
            obj = getattr(module, name)
            if (inspect.isclass(obj) or inspect.isfunction(obj)) and obj.__module__.startswith("dealkit"):
                if obj.__module__ not in PUBLIC_PACKAGES:
                    wrong[name] = obj.__module__
        assert wrong == {}


def test_top_level_classes_report_dealkit():
    for name in ("CurrencyAmount", "Estimate", "Deal", "Claim", "ParseError", "Rate", "format_money"):
        assert getattr(dealkit, name).__module__ == "dealkit", name


def test_errors_name_their_public_class_in_tracebacks():
    with pytest.raises(dealkit.ParseError) as info:
        dealkit.CurrencyAmount.parse("five dollars")
    assert info.type.__module__ == "dealkit"
    assert f"{info.type.__module__}.{info.type.__qualname__}" == "dealkit.ParseError"


def test_internals_are_not_at_the_top_level():
    for name in ("canonical_text", "parse_canonical", "claim_rows", "MAX_FILE_BYTES", "read_catalog_file", "DealShape"):
        assert name not in dealkit.__all__
        assert not hasattr(dealkit, name)


def test_star_import():
    namespace: dict[str, object] = {}
    exec("from dealkit import *", namespace)
    assert set(dealkit.__all__) <= set(namespace)


def test_unknown_attribute():
    with pytest.raises(AttributeError, match="no_such_name"):
        dealkit.no_such_name  # noqa: B018


def test_import_is_cheap():
    heavy = ("pandas", "pyarrow", "matplotlib", "rich", "jsonschema", "cattrs", "babel", "pint", "attrs")
    code = f"import sys, dealkit; print(','.join(m for m in {heavy!r} if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == ""


def test_pickles_through_the_public_name():
    import pickle

    amount = dealkit.CurrencyAmount.parse("$5B")
    assert pickle.loads(pickle.dumps(amount)) == amount
