"""JSON out and in: 10,000 deals, against pydantic v2 (and msgspec, for context).

* **JSON out** (in process, collector on): ``converter.dumps(deals)`` with the
  ``fast`` extra (orjson) and with the stdlib, against pydantic's
  ``TypeAdapter(list[Deal]).dump_json`` on an equivalent model
  (``_peer_pydantic``).  Goals: at most 1.0x with ``fast``, 2.0x without.
* **JSON in** (a fresh process each time, default collector: import, read,
  parse, validate): ``dealkit.converter.loads(data, list[Deal])`` with and
  without orjson installed (hidden by ``sys.modules["orjson"] = None``),
  against pydantic's ``validate_json``.  Goals: at most 0.8x with ``fast``,
  1.0x without.
* The backend choice: orjson and msgspec writing and reading the same plain data.

Run alone: ``python benchmarks/bench_json.py [rounds]``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

from _harness import HERE, MIN_ROUNDS, NO_ORJSON, Result, at_most, info, interleaved, python, time_processes

N = 10_000


def _fresh(path: Path, rounds: int) -> dict[str, list[float]]:
    setup = f"import sys; sys.path.insert(0, {str(HERE)!r}); "
    load = (
        "import dealkit; "
        f"deals = dealkit.converter.loads(open({str(path)!r}, 'rb').read(), list[dealkit.Deal]); "
        f"assert len(deals) == {N}"
    )
    return time_processes(
        {
            "fast": python(load + "; assert dealkit.converter.json_backend == 'orjson'"),
            "stdlib": python(NO_ORJSON + load + "; assert dealkit.converter.json_backend == 'stdlib'"),
            "pydantic": python(
                setup + "import _peer_pydantic as P; "
                f"deals = P.DEALS.validate_json(open({str(path)!r}, 'rb').read()); assert len(deals) == {N}"
            ),
            "msgspec": python(
                setup + "import msgspec, _peer_msgspec as M; "
                f"deals = msgspec.json.decode(open({str(path)!r}, 'rb').read(), type=M.DEALS); assert len(deals) == {N}"
            ),
        },
        rounds=rounds,
        warmup=1,
    )


def run(rounds: int = MIN_ROUNDS) -> list[Result]:
    import msgspec
    import orjson

    import _data
    import _peer_msgspec as M
    import _peer_pydantic as P
    import dealkit
    from dealkit.serialization import make_converter

    fast, stdlib = make_converter(json_backend="orjson"), make_converter(json_backend="stdlib")
    records = _data.records(N)
    text = json.dumps(records).encode()
    deals = fast.structure(records, list[dealkit.Deal])
    models = P.DEALS.validate_python(records)
    structs = msgspec.convert(records, M.DEALS)
    written = fast.dumps(deals)
    assert written == stdlib.dumps(deals), "the two backends must write the same bytes"
    assert json.loads(written) == records == json.loads(P.DEALS.dump_json(models))
    out = interleaved(
        {
            "fast": lambda: fast.dumps(deals),
            "stdlib": lambda: stdlib.dumps(deals),
            "pydantic": lambda: P.DEALS.dump_json(models),
            "msgspec": lambda: msgspec.json.encode(structs),
        },
        rounds,
    )
    plain = fast.unstructure(deals, list[dealkit.Deal])
    encoder, decoder = msgspec.json.Encoder(), msgspec.json.Decoder()
    codecs = interleaved(
        {
            "orjson.dumps": lambda: orjson.dumps(plain),
            "msgspec encode": lambda: encoder.encode(plain),
            "orjson.loads": lambda: orjson.loads(text),
            "msgspec decode": lambda: decoder.decode(text),
        },
        rounds,
    )
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "deals.json"
        path.write_bytes(text)
        fresh = _fresh(path, rounds)
    return [
        at_most("json-out", f"dumps {N:,} deals, fast extra (orjson) vs pydantic dump_json",
                out["fast"], out["pydantic"], 1.0),
        at_most("json-out", f"dumps {N:,} deals, stdlib json vs pydantic dump_json",
                out["stdlib"], out["pydantic"], 2.0),
        info("json-out", "  dumps, fast extra, vs msgspec encoding its Structs", out["fast"], out["msgspec"]),
        info("json-out", "  backend choice: orjson.dumps vs msgspec encoding the same plain data",
             codecs["orjson.dumps"], codecs["msgspec encode"]),
        info("json-out", "  backend choice: orjson.loads vs msgspec decoding the same text",
             codecs["orjson.loads"], codecs["msgspec decode"]),
        at_most("json-in", f"fresh process: import + loads {N:,} deals, fast extra vs pydantic validate_json",
                fresh["fast"], fresh["pydantic"], 0.8),
        at_most("json-in", f"fresh process: import + loads {N:,} deals, stdlib json vs pydantic validate_json",
                fresh["stdlib"], fresh["pydantic"], 1.0),
        info("json-in", "  the same, fast extra, msgspec as the peer", fresh["fast"], fresh["msgspec"]),
    ]


if __name__ == "__main__":
    for r in run(int(sys.argv[1]) if len(sys.argv) > 1 else MIN_ROUNDS):
        print(r.line())
