"""The floor of extraction quality on the labelled corpus (tests/extraction_corpus).

scripts/extract_quality.py prints the table; this test holds its floor: precision
and recall at least 97% overall and at least 90% for every kind of figure.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "extraction_corpus"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_quality", ROOT / "scripts" / "extract_quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["extract_quality"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def quality() -> ModuleType:
    return _script()


@pytest.fixture(scope="module")
def report(quality: ModuleType) -> object:
    return quality.evaluate(CORPUS)


class TestCorpus:
    def test_labels_pass_their_checker(self) -> None:
        proc = subprocess.run(
            [sys.executable, str(CORPUS / "check_labels.py"), str(CORPUS)],
            capture_output=True, text=True, check=False, timeout=120,
        )
        assert proc.returncode == 0, proc.stdout + proc.stderr

    def test_size(self, report: object, quality: ModuleType) -> None:
        assert report.texts >= 12  # type: ignore[attr-defined]
        assert report.overall.labels >= 400  # type: ignore[attr-defined]
        for kind in quality.KINDS:
            assert report.kinds[kind].labels >= 25, kind  # type: ignore[attr-defined]


class TestFloor:
    def test_overall(self, report: object, quality: ModuleType) -> None:
        overall = report.overall  # type: ignore[attr-defined]
        assert overall.precision >= 0.97 and overall.recall >= 0.97, quality.table(report)

    @pytest.mark.parametrize(
        "kind", ["money", "rate", "power", "energy", "duration", "percent", "multiple", "count", "date"]
    )
    def test_each_kind(self, report: object, quality: ModuleType, kind: str) -> None:
        score = report.kinds[kind]  # type: ignore[attr-defined]
        assert score.precision >= 0.90 and score.recall >= 0.90, quality.table(report)


class TestScoring:
    """The scorer itself: a figure counts only when words, kind, value, qualifier and noun agree."""

    def test_a_wrong_qualifier_is_a_miss_and_a_false_positive(self, quality: ModuleType, tmp_path: Path) -> None:
        (tmp_path / "01_x.txt").write_text("They will spend up to $5 billion on 3 sites.", encoding="utf-8")
        (tmp_path / "01_x.labels.json").write_text(
            '{"reference": "2026-01-01", "figures": ['
            '{"text": "up to $5 billion", "occurrence": 1, "kind": "money", "value": "5000000000 USD",'
            ' "qualifier": "exact"},'
            '{"text": "3 sites", "occurrence": 1, "kind": "count", "value": "3", "qualifier": "exact",'
            ' "unit": "sites"}], "distractors": []}',
            encoding="utf-8",
        )
        report = quality.evaluate(tmp_path)
        assert (report.kinds["money"].labels, report.kinds["money"].reported, report.kinds["money"].matched) == (1, 1, 0)
        assert (report.kinds["count"].labels, report.kinds["count"].matched) == (1, 1)
        assert report.overall.precision == 0.5 and report.overall.recall == 0.5
        assert len(report.misses) == 1 and len(report.false_positives) == 1
