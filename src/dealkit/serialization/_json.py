"""JSON text for the converter: ``dumps`` and ``loads``, with orjson (the ``fast`` extra) or the stdlib.

Both backends write the same bytes: compact separators, UTF-8 text unescaped,
the same escapes (``\\"``, ``\\\\``, ``\\n``, ``\\u001f``, ...), keys in field order.
orjson was picked over msgspec by measurement (``benchmarks/bench_json.py``
prints both on the same data): it writes the deals' plain data in about three
quarters of msgspec's time and reads it about as fast.

Writing does not build the whole plain-data tree first.  The encoder walks the
models itself: a model becomes a table of its fields (:func:`shallow_writers`)
whose figures, dates and estimates are written by the converter's own hooks,
its models by their own functions, while its text and tuples of text are
handed over as they are.  The bytes are those of encoding
``converter.unstructure(value)`` (``tests/test_json.py`` compares them).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from types import UnionType
from typing import Any, Final, Literal, TypeAlias, Union, get_args, get_origin

import attrs
import cattrs
from cattrs.fns import identity

from .._errors import CatalogError, DealkitError, InvalidValueError, Problem
from .._optional import require
from .._typing import JsonBackend

__all__ = ["Codec", "codec", "shallow_writers"]

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


def _is_plain(conv: cattrs.Converter, t: Any) -> bool:
    """Whether the converter writes a value of type ``t`` as it is (text, a closed set of names)."""
    try:
        return conv.get_unstructure_hook(t) is identity and t is not object and t is not Any
    except Exception:  # noqa: BLE001 - a type cattrs cannot look up: use the hook
        return False


def _item_of(t: Any) -> Any:
    """``X`` for ``tuple[X, ...]``, else ``None``."""
    args = get_args(t)
    return args[0] if get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis else None


def _optional_of(t: Any) -> Any:
    """``X`` for ``X | None`` (one type besides None), else ``None``."""
    if get_origin(t) not in (Union, UnionType):
        return None
    args = [a for a in get_args(t) if a is not type(None)]
    return args[0] if len(args) == 1 and len(get_args(t)) == 2 else None


def shallow_writers(conv: cattrs.Converter, classes: Iterable[type]) -> dict[type, Callable[[Any], Any]]:
    """A function per class writing one instance as plain data, in cattrs' generated style.

    A field of text (or of a closed set of names), or a tuple of those, is handed over
    as it is (the encoder writes a tuple as an array); a model of ``classes``, or a tuple
    of them, is written by its own function here; every other field goes through the
    converter's own unstructure hook for its type (figures, dates, estimates, with
    ``None`` for an empty optional), so each value is written as ``conv.unstructure``
    writes it, without a call per field that is written as it is.
    """
    classes = tuple(classes)
    namespace: dict[str, Any] = {}
    for cls in classes:
        items = []
        for field in attrs.fields(attrs.resolve_types(cls)):
            name, t = field.name, field.type
            item, other = _item_of(t), _optional_of(t)
            if t in classes:
                items.append(f"{name!r}: write_{t.__name__}(o.{name})")
            elif item in classes:
                items.append(f"{name!r}: [write_{item.__name__}(x) for x in o.{name}]")
            elif _is_plain(conv, t) or (item is not None and _is_plain(conv, item)):
                items.append(f"{name!r}: o.{name}")
            elif other is not None:
                hook = namespace[f"h_{cls.__name__}_{name}"] = conv.get_unstructure_hook(other)
                del hook
                items.append(f"{name!r}: None if (v := o.{name}) is None else h_{cls.__name__}_{name}(v)")
            else:
                namespace[f"h_{cls.__name__}_{name}"] = conv.get_unstructure_hook(t)
                items.append(f"{name!r}: h_{cls.__name__}_{name}(o.{name})")
        source = f"def write_{cls.__name__}(o):\n    return {{{', '.join(items)}}}\n"
        # Generated from field names, as cattrs' own hooks are.
        exec(compile(source, f"<dealkit JSON writer {cls.__name__}>", "exec"), namespace)  # noqa: S102
    return {cls: namespace[f"write_{cls.__name__}"] for cls in classes}
