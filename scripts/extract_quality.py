#!/usr/bin/env python3
"""Precision and recall of ``dealkit.extract`` on the labelled corpus, per kind of figure.

    python scripts/extract_quality.py [-v] [CORPUS_DIR]

The corpus (``tests/extraction_corpus`` by default) holds texts ``NN_style.txt`` and
their labels ``NN_style.labels.json``; its README states the conventions.  A figure
counts as found only when everything agrees with a label: the same words (start
and end), the same kind, canonical value and qualifier, and for a count the same
noun.  Anything else reported is a false positive, and a label with no such
figure a miss.  With ``-v`` every miss and false positive is printed.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from dealkit import PartialDate, extract

KINDS = ("money", "rate", "power", "energy", "duration", "percent", "multiple", "count", "date")
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "tests" / "extraction_corpus"

Key = tuple[int, int, str, str, str, str]


@dataclass
class Score:
    """Counts for one kind: labels, figures reported, and those that match a label."""

    labels: int = 0
    reported: int = 0
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.matched / self.reported if self.reported else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.labels if self.labels else 1.0


@dataclass
class Report:
    """The scores per kind and overall, and what was missed or wrongly reported, per text."""

    kinds: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    texts: int = 0

    @property
    def overall(self) -> Score:
        total = Score()
        for s in self.kinds.values():
            total.labels += s.labels
            total.reported += s.reported
            total.matched += s.matched
        return total


def label_keys(text: str, labels: list[dict[str, object]]) -> list[Key]:
    """Each label as (start, end, kind, value, qualifier, noun), its start found from its occurrence."""
    keys = []
    for label in labels:
        words = str(label["text"])
        at = -1
        for _ in range(int(label["occurrence"])):  # type: ignore[call-overload]
            at = text.find(words, at + 1)
        if at < 0:
            raise SystemExit(f"label {words!r} does not occur {label['occurrence']} time(s)")
        noun = str(label.get("unit", "")) if label["kind"] == "count" else ""
        keys.append((at, at + len(words), str(label["kind"]), str(label["value"]), str(label["qualifier"]), noun))
    return keys


def evaluate(corpus: Path) -> Report:
    """Read every text of ``corpus`` and score what :func:`dealkit.extract` reports against its labels."""
    report = Report()
    for path in sorted(corpus.glob("[0-9][0-9]_*.txt")):
        text = path.read_text(encoding="utf-8")
        data = json.loads(path.with_name(path.name[: -len(".txt")] + ".labels.json").read_text(encoding="utf-8"))
        reference = PartialDate.parse(data["reference"])
        expected = Counter(label_keys(text, data["figures"]))
        found = Counter(
            (f.start, f.end, f.kind, f.value_text, f.qualifier.value, f.noun or "")
            for f in extract(text, reference=reference)
        )
        report.texts += 1
        for key, n in expected.items():
            report.kinds[key[2]].labels += n
        for key, n in found.items():
            report.kinds[key[2]].reported += n
            report.kinds[key[2]].matched += min(n, expected.get(key, 0))
        for key in sorted(expected - found):
            report.misses.append(f"{path.stem}: missed   {_describe(text, key)}")
        for key in sorted(found - expected):
            report.false_positives.append(f"{path.stem}: reported {_describe(text, key)}")
    return report


def _describe(text: str, key: Key) -> str:
    start, end, kind, value, qualifier, noun = key
    return f"{text[start:end]!r} [{start}:{end}] {kind} {qualifier} {value}" + (f" ({noun})" if noun else "")


def table(report: Report) -> str:
    """The per-kind table, as printed."""
    lines = [f"{'kind':9} {'labels':>6} {'found':>6} {'right':>6} {'precision':>9} {'recall':>7}"]
    rows = [*((k, report.kinds[k]) for k in KINDS), ("overall", report.overall)]
    for name, s in rows:
        lines.append(
            f"{name:9} {s.labels:6} {s.reported:6} {s.matched:6} {100 * s.precision:8.1f}% {100 * s.recall:6.1f}%"
        )
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    report = evaluate(corpus)
    print(f"{report.texts} texts, {report.overall.labels} labelled figures ({corpus})")
    print(table(report))
    if verbose:
        for line in report.misses + report.false_positives:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
