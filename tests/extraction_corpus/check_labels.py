#!/usr/bin/env python3
"""Check the labelled extraction corpus (stdlib only).

For every NN_style.txt with its NN_style.labels.json in this directory:

* "reference" is a real calendar date (YYYY-MM-DD);
* every figure's "text" occurs at least "occurrence" times in the text file
  (occurrences counted with successive str.find(text, previous_start + 1));
* "kind" is one of the nine kinds, "qualifier" one of the five, and "value" follows
  the canonical grammar of its kind (a range "LOW .. HIGH" iff qualifier "range",
  LOW not above HIGH);
* "unit" is present exactly for counts and rates (for a rate it names the value's unit),
* every distractor occurs in the text;
* no two labelled spans overlap, and no labelled span overlaps a distractor;
* every digit in the text lies inside a labelled figure or a distractor (so no
  numeric figure is left unlabelled by accident);
* the text is 250-600 words long.

Spelled-out number words outside any span are reported as notes (not errors), for review.

Prints the counts per kind (and per file with -v) and exits non-zero on any error.

Usage: python3 check_labels.py [-v] [DIR]
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

KINDS = ("money", "rate", "power", "energy", "duration", "percent", "multiple", "count", "date")
QUALIFIERS = ("exact", "at_most", "at_least", "approximately", "range")

NUM = r"(?:0|[1-9][0-9]*)(?:\.[0-9]*[1-9])?"  # plain decimal: no exponent, no sign, no trailing zeros
POWER_UNITS = ("W", "kW", "MW", "GW", "TW")
ENERGY_UNITS = ("Wh", "kWh", "MWh", "GWh", "TWh")
DURATION_UNITS = ("day", "month", "quarter", "year")
RATE_UNITS = POWER_UNITS + ENERGY_UNITS + DURATION_UNITS
POWER_SCALE = {u: Decimal(1000) ** i for i, u in enumerate(POWER_UNITS)}
ENERGY_SCALE = {u: Decimal(1000) ** i for i, u in enumerate(ENERGY_UNITS)}
DURATION_DAYS = {"day": Decimal(1), "month": Decimal(365) / 12, "quarter": Decimal(365) / 4, "year": Decimal(365)}

RE = {
    "money": re.compile(rf"({NUM}) ([A-Z]{{3}})"),
    "rate": re.compile(rf"({NUM}) ([A-Z]{{3}})/({'|'.join(RATE_UNITS)})"),
    "power": re.compile(rf"({NUM}) ({'|'.join(POWER_UNITS)})"),
    "energy": re.compile(rf"({NUM}) ({'|'.join(ENERGY_UNITS)})"),
    "duration": re.compile(rf"({NUM}) ((?:{'|'.join(DURATION_UNITS)})s?)"),
    "percent": re.compile(rf"({NUM})%"),
    "multiple": re.compile(rf"({NUM})x"),
    "count": re.compile(r"(0|[1-9][0-9]*)"),
    "date": re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?|-Q([1-4])|-H([12]))?|([0-9]{3}0)s|FY([0-9]{4})"),
}

NUMBER_WORDS = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
    r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
    r"eighty|ninety|hundred|thousand|million|billion|trillion|dozen|decade|decades|half|"
    r"quarter|third|fifth|tenth|twice|double|doubled|doubling|triple|tripled|quadrupled|fold|"
    r"single)\b"
    r"|\b(?:today|yesterday|tomorrow|ago|(?:this|last|next|previous|coming) (?:year|month|quarter|week|decade))\b",
    re.I,
)


def sort_key(kind: str, m: re.Match[str]) -> tuple:
    """A comparable key for one matched bound (None when bounds do not compare)."""
    if kind == "date":
        if m.group(6):
            return (int(m.group(6)), 1, 0)
        if m.group(7):
            return (int(m.group(7)), 0, 0)
        year = int(m.group(1))
        if m.group(2):
            return (year, int(m.group(2)), int(m.group(3) or 0))
        if m.group(4):
            return (year, (int(m.group(4)) - 1) * 3 + 1, 0)
        if m.group(5):
            return (year, (int(m.group(5)) - 1) * 6 + 1, 0)
        return (year, 1, 0)
    number = Decimal(m.group(1))
    if kind == "power":
        return (number * POWER_SCALE[m.group(2)],)
    if kind == "energy":
        return (number * ENERGY_SCALE[m.group(2)],)
    if kind == "duration":
        return (number * DURATION_DAYS[m.group(2).rstrip("s")],)
    if kind in ("money", "rate"):
        return (m.group(2), m.groups()[2:], number)
    return (number,)


def check_bound(kind: str, text: str) -> tuple[str | None, re.Match[str] | None]:
    m = RE[kind].fullmatch(text)
    if m is None:
        return f"{kind} value {text!r} is not canonical", None
    if kind == "date" and not m.group(6) and not m.group(7):
        year, month, day = m.group(1), m.group(2), m.group(3)
        if not 1900 <= int(year) <= 2200:
            return f"date {text!r}: year out of range", None
        if month and not 1 <= int(month) <= 12:
            return f"date {text!r}: bad month", None
        if day:
            try:
                dt.date(int(year), int(month), int(day))
            except ValueError:
                return f"date {text!r}: no such day", None
    if kind == "duration":
        unit = m.group(2)
        plural = unit.endswith("s")
        if plural == (Decimal(m.group(1)) == 1):
            return f"duration {text!r}: say '1 year' but '2 years'", None
    return None, m


def check_value(kind: str, value: str, qualifier: str) -> list[str]:
    errors = []
    parts = value.split(" .. ")
    if len(parts) > 2:
        return [f"value {value!r}: more than one ' .. '"]
    if (len(parts) == 2) != (qualifier == "range"):
        errors.append(f"value {value!r}: a range value goes with qualifier 'range' and only with it")
    matches = []
    for part in parts:
        err, m = check_bound(kind, part)
        if err:
            errors.append(err)
        else:
            matches.append(m)
    if len(matches) == 2:
        lo, hi = sort_key(kind, matches[0]), sort_key(kind, matches[1])
        if kind in ("money", "rate") and lo[:2] != hi[:2]:
            errors.append(f"range {value!r}: bounds in different currencies or units")
        elif kind == "date" and any((matches[0].group(g) is None) != (matches[1].group(g) is None) for g in (6, 7)):
            errors.append(f"range {value!r}: decade or fiscal year mixed with another form")
        elif not lo < hi:
            errors.append(f"range {value!r}: LOW must be below HIGH")
    return errors


def find_all(text: str, sub: str) -> list[int]:
    found, i = [], -1
    while True:
        i = text.find(sub, i + 1)
        if i < 0:
            return found
        found.append(i)


def check_file(txt: Path, verbose: bool) -> tuple[list[str], list[str], Counter]:
    errors: list[str] = []
    notes: list[str] = []
    counts: Counter = Counter()
    labels_path = txt.with_name(txt.name[: -len(".txt")] + ".labels.json")
    if not labels_path.exists():
        return [f"{txt.name}: no {labels_path.name}"], notes, counts
    text = txt.read_text(encoding="utf-8")
    try:
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        return [f"{labels_path.name}: not JSON ({exc})"], notes, counts
    name = txt.name
    extra = set(labels) - {"reference", "figures", "distractors"}
    if extra:
        errors.append(f"{name}: unknown top-level keys {sorted(extra)}")
    try:
        dt.date.fromisoformat(str(labels.get("reference")))
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", labels["reference"]):
            raise ValueError
    except (ValueError, KeyError):
        errors.append(f"{name}: 'reference' must be a YYYY-MM-DD date")
    words = len(text.split())
    if not 250 <= words <= 600:
        errors.append(f"{name}: {words} words (want 250-600)")
    spans: list[tuple[int, int, str]] = []
    for i, fig in enumerate(labels.get("figures", []), 1):
        where = f"{name} figure {i} ({fig.get('text')!r})"
        keys = set(fig) - {"text", "occurrence", "kind", "value", "qualifier", "unit"}
        if keys:
            errors.append(f"{where}: unknown keys {sorted(keys)}")
        sub, occ, kind = fig.get("text"), fig.get("occurrence"), fig.get("kind")
        value, qualifier = fig.get("value"), fig.get("qualifier")
        if not isinstance(sub, str) or not sub or sub != sub.strip():
            errors.append(f"{where}: 'text' must be a non-empty trimmed string")
            continue
        if not isinstance(occ, int) or isinstance(occ, bool) or occ < 1:
            errors.append(f"{where}: 'occurrence' must be an int >= 1")
            continue
        places = find_all(text, sub)
        if len(places) < occ:
            errors.append(f"{where}: occurs {len(places)} time(s), label says occurrence {occ}")
        else:
            spans.append((places[occ - 1], places[occ - 1] + len(sub), f"figure {sub!r}#{occ}"))
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
            continue
        if qualifier not in QUALIFIERS:
            errors.append(f"{where}: unknown qualifier {qualifier!r}")
            continue
        if not isinstance(value, str):
            errors.append(f"{where}: 'value' must be a string")
            continue
        errors.extend(f"{where}: {e}" for e in check_value(kind, value, qualifier))
        unit = fig.get("unit")
        if kind == "count":
            if not isinstance(unit, str) or not unit or unit not in sub:
                errors.append(f"{where}: a count needs 'unit', the noun as the text words it")
        elif kind == "rate":
            want = {part.split("/", 1)[-1] for part in value.split(" .. ")}
            if want != {unit}:
                errors.append(f"{where}: rate 'unit' {unit!r} must be the value's unit {sorted(want)}")
        elif unit is not None:
            errors.append(f"{where}: 'unit' only belongs to counts and rates")
        counts[kind] += 1
    for d in labels.get("distractors", []):
        places = find_all(text, d) if isinstance(d, str) and d else []
        if not places:
            errors.append(f"{name}: distractor {d!r} does not occur")
        for p in places:
            spans.append((p, p + len(d), f"distractor {d!r}"))
    figure_spans = sorted(s for s in spans if s[2].startswith("figure"))
    for a, b in zip(figure_spans, figure_spans[1:]):
        if b[0] < a[1]:
            errors.append(f"{name}: {a[2]} and {b[2]} overlap")
    for f in figure_spans:
        for s in spans:
            if s[2].startswith("distractor") and s[0] < f[1] and f[0] < s[1]:
                errors.append(f"{name}: {f[2]} overlaps {s[2]}")
    covered = [False] * len(text)
    for start, end, _ in spans:
        for k in range(start, end):
            covered[k] = True
    for m in re.finditer(r"[0-9]+", text):
        if not all(covered[m.start():m.end()]):
            line = text.count("\n", 0, m.start()) + 1
            errors.append(f"{name}:{line}: number {m.group()!r} is neither labelled nor a distractor")
    for m in NUMBER_WORDS.finditer(text):
        if not covered[m.start()]:
            line = text.count("\n", 0, m.start()) + 1
            context = text[max(0, m.start() - 25): m.end() + 25].replace("\n", " ")
            notes.append(f"{name}:{line}: number word {m.group()!r} not in a span: ...{context}...")
    if verbose:
        print(f"{name}: {words} words, {sum(counts.values())} figures: "
              + ", ".join(f"{k} {counts[k]}" for k in KINDS))
    return errors, notes, counts


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    root = Path(args[0]) if args else Path(__file__).resolve().parent
    texts = sorted(root.glob("[0-9][0-9]_*.txt"))
    if not texts:
        print(f"no NN_style.txt files in {root}", file=sys.stderr)
        return 1
    errors: list[str] = []
    notes: list[str] = []
    total: Counter = Counter()
    for txt in texts:
        e, n, c = check_file(txt, verbose)
        errors += e
        notes += n
        total += c
    for label_file in sorted(root.glob("[0-9][0-9]_*.labels.json")):
        if not label_file.with_name(label_file.name.replace(".labels.json", ".txt")).exists():
            errors.append(f"{label_file.name}: no matching .txt")
    if verbose:
        for n in notes:
            print("note:", n)
    print(f"{len(texts)} texts, {sum(total.values())} labelled figures")
    for kind in KINDS:
        print(f"  {kind:9} {total[kind]:4}")
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
