"""Goal 3: loading 10,000 deal records from one JSON document, against pydantic v2 and msgspec.

* fresh process, default settings (import + parse + validate): dealkit's
  ``converter.structure(json.loads(text), list[Deal])`` against pydantic's
  ``TypeAdapter(list[Deal]).validate_json`` on an equivalent model (``_peer_pydantic``);
* pure structuring of already-parsed data with the collector frozen, read as
  "not running" (``gc.disable()`` around the timed call): within 1.5x of
  pydantic, 4x of msgspec; the collector on, and ``gc.freeze()`` after setup
  with the collector on, are shown beside it;
* unstructuring to JSON: ``json.dumps(converter.unstructure(deals, list[Deal]))``
  against pydantic's ``dump_json``.

Run alone: ``python benchmarks/bench_load.py [runs]``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from _harness import HERE, Result, at_least, at_most, info, interleaved, python, time_processes

N = 10_000


def _fresh(path: Path, runs: int) -> dict[str, float]:
    setup = f"import sys; sys.path.insert(0, {str(HERE)!r}); "
    return time_processes(
        {
            "dealkit": python(
                "import json, dealkit; "
                f"deals = dealkit.converter.structure(json.loads(open({str(path)!r}, 'rb').read()), list[dealkit.Deal]); "
                f"assert len(deals) == {N}"
            ),
            "pydantic": python(
                setup + "import _peer_pydantic as P; "
                f"deals = P.DEALS.validate_json(open({str(path)!r}, 'rb').read()); assert len(deals) == {N}"
            ),
            "msgspec": python(
                setup + "import msgspec, _peer_msgspec as M; "
                f"deals = msgspec.json.decode(open({str(path)!r}, 'rb').read(), type=M.DEALS); assert len(deals) == {N}"
            ),
        },
        runs=runs,
        warmup=1,
    )


def run(runs: int = 11) -> list[Result]:
    import msgspec

    import _data
    import _peer_msgspec as M
    import _peer_pydantic as P
    import dealkit

    records = _data.records(N)
    text = json.dumps(records)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deals.json"
        path.write_text(text, encoding="utf-8")
        fresh = _fresh(path, max(3, runs // 2))

    conv = dealkit.converter
    from dealkit._values import canonical as _figures

    def cold() -> object:
        # Canonical dates are remembered by text (the repeated runs here would find every
        # one remembered); this case forgets them first, as a fresh process starts.
        _figures._DATES.clear()
        return conv.structure(records, list[dealkit.Deal])

    structure = {
        "dealkit": lambda: conv.structure(records, list[dealkit.Deal]),
        "dealkit-cold": cold,
        "pydantic": lambda: P.DEALS.validate_python(records),
        "msgspec": lambda: msgspec.convert(records, M.DEALS),
        "pydantic-shape": lambda: P.SHAPE_DEALS.validate_python(records),
    }
    off = interleaved(structure, repeat=runs, gc_enabled=False)
    plain = interleaved(structure, repeat=max(3, runs // 2))
    frozen = interleaved(structure, repeat=max(3, runs // 2), freeze=True)

    deals = conv.structure(records, list[dealkit.Deal])
    models = P.DEALS.validate_python(records)
    structs = msgspec.convert(records, M.DEALS)
    assert json.loads(json.dumps(conv.unstructure(deals, list[dealkit.Deal]))) == records
    assert json.loads(P.DEALS.dump_json(models)) == records
    dump = interleaved(
        {
            "dealkit": lambda: json.dumps(conv.unstructure(deals, list[dealkit.Deal])),
            "pydantic": lambda: P.DEALS.dump_json(models),
            "msgspec": lambda: msgspec.json.encode(structs),
        },
        repeat=runs,
    )
    rate = {k: N / v for k, v in off.items()}
    out = [
        at_most("3", f"fresh process: import + load {N:,} deals from JSON vs pydantic",
                fresh["dealkit"], fresh["pydantic"], 1.0),
        info("3", "  the same, msgspec as the peer", fresh["dealkit"], fresh["msgspec"]),
        at_least("3", "structure, collector off: rate vs pydantic (>= 1/1.5)",
                 rate["dealkit"], rate["pydantic"], 1 / 1.5),
        at_least("3", "structure, collector off: rate vs msgspec (>= 1/4)",
                 rate["dealkit"], rate["msgspec"], 1 / 4),
        info("3", "  structure, collector off, dates not yet remembered: rate vs pydantic",
             rate["dealkit-cold"], rate["pydantic"], "rec/s"),
        info("3", "  structure, collector on: rate vs pydantic", N / plain["dealkit"], N / plain["pydantic"], "rec/s"),
        info("3", "  structure, collector on: rate vs msgspec", N / plain["dealkit"], N / plain["msgspec"], "rec/s"),
        info("3", "  structure, after gc.freeze(): rate vs pydantic",
             N / frozen["dealkit"], N / frozen["pydantic"], "rec/s"),
        info("3", "  structure, after gc.freeze(): rate vs msgspec",
             N / frozen["dealkit"], N / frozen["msgspec"], "rec/s"),
        info("3", "  structure, collector off: vs pydantic leaving figures as text",
             rate["dealkit"], rate["pydantic-shape"], "rec/s"),
        at_least("3", "unstructure to JSON: rate vs pydantic dump_json",
                 N / dump["dealkit"], N / dump["pydantic"], 1.0),
        info("3", "  unstructure to JSON: rate vs msgspec", N / dump["dealkit"], N / dump["msgspec"], "rec/s"),
    ]
    return out


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else 11):
        print(r.line())
