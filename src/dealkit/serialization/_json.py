"""JSON text for the converter: ``dumps`` and ``loads``, with orjson (the ``fast`` extra) or the stdlib.

Both backends write the same bytes: compact separators, UTF-8 text unescaped,
the same escapes (``\\"``, ``\\\\``, ``\\n``, ``\\u001f``, ...), keys in field order.
orjson was picked over msgspec by measurement (``benchmarks/bench_json.py``
prints both on the same data): it writes the deals' plain data in about three
quarters of msgspec's time and reads it about as fast.

Writing does not build the whole plain-data tree first.  The encoder walks the
models itself: a model becomes a flat table of its fields (:func:`shallow_writer`)
whose figures, dates and estimates are written by the converter's own hooks,
while its tuples of models and its text are handed over as they are, and the
encoder asks for each nested model in turn.  The bytes are those of encoding
``converter.unstructure(value)`` (``tests/test_json.py`` compares them).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Final, Literal, TypeAlias, get_args, get_origin

import attrs
import cattrs
from cattrs.fns import identity

from .._errors import CatalogError, DealkitError, InvalidValueError, Problem
from .._optional import require
from .._typing import JsonBackend

__all__ = ["Codec", "codec", "shallow_writer"]

Encode: TypeAlias = Callable[[object, Callable[[Any], Any]], bytes]
Decode: TypeAlias = Callable[[bytes | bytearray | memoryview | str], Any]


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON (orjson refuses it too)")


def _stdlib_encode(data: object, default: Callable[[Any], Any]) -> bytes:
    # orjson's output, byte for byte: no spaces, non-ASCII text as UTF-8, NaN refused.  Without
    # the check for cycles (a third of the time): dealkit's values are trees, and a cyclic
    # value still fails, as a RecursionError, which encode() reports.
    text = json.dumps(
        data, default=default, ensure_ascii=False, separators=(",", ":"), allow_nan=False, check_circular=False
    )
    return text.encode("utf-8")


def _stdlib_decode(data: bytes | bytearray | memoryview | str) -> Any:
    if isinstance(data, memoryview):
        data = data.tobytes()
    return json.loads(data, parse_constant=_no_constant)


@attrs.frozen
class Codec:
    """One JSON backend: its name, an encoder taking a ``default`` hook, and a decoder."""

    name: Literal["orjson", "stdlib"]
    encode: Encode
    decode: Decode


def _orjson_codec() -> Codec:
    orjson = require("orjson", "fast")

    def encode(data: object, default: Callable[[Any], Any]) -> bytes:
        out: bytes = orjson.dumps(data, default=default)
        return out

    return Codec("orjson", encode, orjson.loads)


STDLIB: Final = Codec("stdlib", _stdlib_encode, _stdlib_decode)


def codec(backend: JsonBackend) -> Codec:
    """The codec ``backend`` names; ``"auto"`` is orjson when it is installed, else the stdlib."""
    if backend == "stdlib":
        return STDLIB
    if backend == "orjson":
        return _orjson_codec()
    try:
        return _orjson_codec()
    except DealkitError:  # require(): the ``fast`` extra is not installed
        return STDLIB


def encode(c: Codec, data: object, default: Callable[[Any], Any]) -> bytes:
    """``data`` as JSON bytes; anything that is not JSON data raises :class:`InvalidValueError`."""
    try:
        return c.encode(data, default)
    except InvalidValueError:
        raise
    except (TypeError, ValueError, RecursionError) as exc:  # orjson.JSONEncodeError is a TypeError
        if isinstance(exc.__cause__, InvalidValueError):  # orjson wraps what the default hook raised
            raise exc.__cause__ from None
        raise InvalidValueError(f"cannot be written as JSON: {exc}", type(data).__name__) from None


def decode(c: Codec, data: object) -> Any:
    """Parse JSON text or bytes; bad JSON raises :class:`~dealkit.CatalogError` at ``$``."""
    if not isinstance(data, (bytes, bytearray, memoryview, str)):
        raise CatalogError([Problem(f"JSON must be text or bytes, not {type(data).__name__}", "$")])
    try:
        return c.decode(data)
    except RecursionError:
        raise CatalogError([Problem("data is nested too deeply", "$")]) from None
    except ValueError as exc:  # json.JSONDecodeError and orjson.JSONDecodeError, UnicodeDecodeError
        raise CatalogError([Problem(f"not valid JSON: {exc}", "$")]) from None


def _passes_as_is(conv: cattrs.Converter, t: Any, shallow: frozenset[type]) -> bool:
    """Whether the encoder writes a value of type ``t`` as the converter would without help.

    Text and other values whose hook is the identity, tuples of those or of models the
    encoder asks :func:`shallow_writer` for (a tuple is a JSON array either way).
    """
    if t in shallow:
        return True
    if get_origin(t) is tuple:
        args = get_args(t)
        return len(args) == 2 and args[1] is Ellipsis and _passes_as_is(conv, args[0], shallow)
    try:
        return conv.get_unstructure_hook(t) is identity and t is not object and t is not Any
    except Exception:  # noqa: BLE001 - a type cattrs cannot look up: use the hook
        return False


def shallow_writer(conv: cattrs.Converter, cls: type, shallow: frozenset[type]) -> Callable[[Any], dict[str, Any]]:
    """A function writing one ``cls`` as a flat table, in cattrs' generated style.

    Fields of text, of a closed set of names and tuples of those or of the models in
    ``shallow`` are handed over as they are; every other field goes through the
    converter's own unstructure hook for its type (figures, dates, estimates,
    optionals), so each value is written exactly as ``conv.unstructure`` writes it.
    """
    fields = attrs.fields(attrs.resolve_types(cls))
    hooks: dict[str, Any] = {}
    items = []
    for i, field in enumerate(fields):
        if _passes_as_is(conv, field.type, shallow):
            items.append(f"{field.name!r}: o.{field.name}")
        else:
            hooks[f"h{i}"] = conv.get_unstructure_hook(field.type)
            items.append(f"{field.name!r}: h{i}(o.{field.name})")
    params = "".join(f", {name}={name}" for name in hooks)
    source = f"def write_{cls.__name__}(o{params}):\n    return {{{', '.join(items)}}}\n"
    namespace: dict[str, Any] = dict(hooks)
    exec(compile(source, f"<dealkit JSON writer {cls.__name__}>", "exec"), namespace)  # noqa: S102 - generated from field names
    writer: Callable[[Any], dict[str, Any]] = namespace[f"write_{cls.__name__}"]
    return writer
