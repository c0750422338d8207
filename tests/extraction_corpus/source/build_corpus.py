#!/usr/bin/env python3
"""Build the corpus (NN_style.txt + NN_style.labels.json) from the marked-up sources.

Source format (source/NN_style.src), stdlib only:

    first line:   @reference YYYY-MM-DD
    figures:      [[TEXT|kind|value|qual|extra]]
                  kind  : mon rate pow en dur pct mul cnt date   (or the full kind name)
                  qual  : ex le ge ap rg (exact, at_most, at_least, approximately, range);
                          optional, defaults to ex
                  extra : for cnt, the unit noun (defaults to the last word of TEXT)
    distractors:  {{TEXT}}

The markup is stripped to give the plain text; each figure's occurrence number is
computed from its position (the n-th match of TEXT counted with successive
str.find(TEXT, previous_start + 1)), so occurrences are never counted by hand.

Usage: python3 source/build_corpus.py   (writes into the corpus directory)
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE.parent

KINDS = {
    "mon": "money", "rate": "rate", "pow": "power", "en": "energy", "dur": "duration",
    "pct": "percent", "mul": "multiple", "cnt": "count", "date": "date",
}
KINDS.update({v: v for v in list(KINDS.values())})
QUALS = {"ex": "exact", "le": "at_most", "ge": "at_least", "ap": "approximately", "rg": "range"}
QUALS.update({v: v for v in list(QUALS.values())})

TOKEN = re.compile(r"\[\[(.+?)\]\]|\{\{(.+?)\}\}", re.S)


def occurrence(text: str, sub: str, start: int) -> int:
    n, i = 0, -1
    while True:
        i = text.find(sub, i + 1)
        if i < 0:
            raise AssertionError(f"{sub!r} not found")
        n += 1
        if i == start:
            return n


def build(src: Path) -> tuple[str, dict]:
    raw = src.read_text(encoding="utf-8")
    first, _, body = raw.partition("\n")
    m = re.fullmatch(r"@reference (\d{4}-\d{2}-\d{2})", first.strip())
    if not m:
        raise SystemExit(f"{src}: first line must be '@reference YYYY-MM-DD'")
    reference = m.group(1)
    out: list[str] = []
    spans: list[tuple[int, str, dict | None]] = []
    pos = 0
    length = 0
    for tok in TOKEN.finditer(body):
        chunk = body[pos:tok.start()]
        out.append(chunk)
        length += len(chunk)
        if tok.group(1) is not None:
            fields = tok.group(1).split("|")
            if len(fields) < 3:
                raise SystemExit(f"{src}: bad figure markup {tok.group(0)!r}")
            text, kind, value = fields[0], KINDS[fields[1]], fields[2]
            qual = QUALS[fields[3]] if len(fields) > 3 and fields[3] else "exact"
            extra = fields[4] if len(fields) > 4 else ""
            fig = {"text": text, "kind": kind, "value": value, "qualifier": qual}
            if kind == "count":
                fig["unit"] = extra or text.split()[-1]
            elif kind == "rate":
                fig["unit"] = value.split(" .. ")[0].split("/", 1)[1]
            elif extra:
                raise SystemExit(f"{src}: unexpected extra field in {tok.group(0)!r}")
            spans.append((length, text, fig))
        else:
            text = tok.group(2)
            spans.append((length, text, None))
        out.append(text)
        length += len(text)
        pos = tok.end()
    out.append(body[pos:])
    plain = "".join(out)
    if "[[" in plain or "]]" in plain or "{{" in plain or "}}" in plain:
        raise SystemExit(f"{src}: unbalanced markup")
    figures, distractors = [], []
    for start, text, fig in spans:
        n = occurrence(plain, text, start)
        if fig is None:
            if text not in distractors:
                distractors.append(text)
        else:
            ordered = {"text": text, "occurrence": n}
            ordered.update({k: fig[k] for k in ("kind", "value", "qualifier", "unit") if k in fig})
            figures.append(ordered)
    return plain, {"reference": reference, "figures": figures, "distractors": distractors}


def main() -> int:
    sources = sorted(HERE.glob("*.src"))
    if not sources:
        print("no sources", file=sys.stderr)
        return 1
    for src in sources:
        plain, labels = build(src)
        stem = src.stem
        (OUT / f"{stem}.txt").write_text(plain, encoding="utf-8")
        (OUT / f"{stem}.labels.json").write_text(
            json.dumps(labels, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        words = len(plain.split())
        print(f"{stem}: {words} words, {len(labels['figures'])} figures, {len(labels['distractors'])} distractors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
