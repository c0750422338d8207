"""The public cattrs converter: every dealkit type to and from plain JSON/TOML-safe data.

Decimals are strings, money is ``"25000000000 USD"``, quantities ``"5 GW"``,
dates their canonical text, estimates ``{"qualifier": ..., "value": ...}``.
Structuring is strict: unknown keys, wrong types (a number where text belongs,
text where a list belongs) and non-canonical values are refused, and every
problem is reported with its field path.
"""

from __future__ import annotations

import enum
import gc
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from types import UnionType
from typing import (
    Any,
    Final,
    Literal,
    Protocol,
    Self,
    TypeVar,
    Union,
    get_args,
    get_origin,
    runtime_checkable,
)

import attrs
import cattrs
from cattrs.errors import (
    AttributeValidationNote,
    CattrsError,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.fns import identity

from .._errors import DealkitError, InvalidValueError, Problem, short_repr
from .._errors import json_type as _json_type
from .._model import (
    Claim,
    ComputeCommitment,
    Deal,
    DealRelation,
    Derivation,
    Investor,
    Milestone,
    Party,
    Rank,
    Source,
    SpendCommitment,
    Tranche,
    WebSource,
)
from .._typing import JSONValue, JsonBackend, ValueKind
from .._values import (
    FIGURE_KINDS,
    VALUE_TYPES,
    Estimate,
    PartialDate,
    Qualifier,
    approximate_bounds_are_default,
    canonical_decimal,
    canonical_text,
    estimate_from_text,
    estimate_text,
    one_value_reader,
    parse_canonical,
    parse_decimal,
)
from ._fastload import fast_structure_hook
from ._json import Codec, codec, decode, encode, shallow_writers

__all__ = [
    "Convertible",
    "DealkitConverter",
    "configure_converter",
    "converter",
    "dumps",
    "loads",
    "make_converter",
    "problems_from",
    "structure",
    "unstructure",
]

T = TypeVar("T")

#: The value kind of each value type (the inverse of ``VALUE_TYPES``; in ``Estimate[Decimal]``
#: a Decimal is read as "multiple", the first number kind).
_KIND_OF: Final[dict[type, ValueKind]] = {
    t: k for k, t in reversed(VALUE_TYPES.items())
}
#: The kind written beside an estimate whose value type the caller did not name (``Estimate``
#: or ``Estimate[Any]``): a Decimal there is a plain number.
_BARE_KIND_OF: Final[dict[type, ValueKind]] = {**_KIND_OF, Decimal: "number"}
_VALUE_KINDS: Final = frozenset(VALUE_TYPES)


def _strict(kind: type, name: str) -> Any:
    def hook(value: object, _type: object) -> Any:
        if type(value) is not kind:
            raise InvalidValueError(f"must be {name}, not {_json_type(value)}", value)
        return value

    return hook


def _canonical_hook(kind: ValueKind) -> Callable[[object, object], Any]:
    def hook(value: object, _type: object) -> Any:
        return parse_canonical(kind, value)

    return hook


#: Free text: a str, nothing else (cattrs would turn 5 into "5").
_TEXT_HOOK: Final = _strict(str, "text")


def _enum_hook(value: object, cls: type[enum.Enum]) -> enum.Enum:
    if isinstance(value, str):
        member = cls._value2member_map_.get(value)
        if member is not None:
            return member
    allowed = ", ".join(repr(m.value) for m in cls)
    raise InvalidValueError(f"must be one of {allowed}", value)


#: One-value qualifiers, by their text: the estimates a file states most.
_ONE_VALUE: Final = {q.value: q for q in (Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.AT_LEAST)}


def _estimate_hook_factory(kind: ValueKind) -> Any:
    general = _general_estimate_hook(kind)
    read = one_value_reader(kind)
    one_value = _ONE_VALUE

    def hook(value: object, _type: object) -> Estimate[Any]:
        # {"qualifier": <one-value>, "value": <text>}, read as estimate_from_text reads it
        # (the kind's parser, looked up once), without the general hook's key sets and lookups.
        # Anything else, and any error, goes to the general hook, which says what is wrong.
        if type(value) is dict and len(value) == 2:
            q, text = value.get("qualifier"), value.get("value")
            qualifier = one_value.get(q) if type(q) is str else None
            if qualifier is not None and type(text) is str:
                try:
                    return read(qualifier, text)
                except DealkitError:
                    pass
        return general(value, _type)

    return hook



def _general_estimate_hook(kind: ValueKind | None) -> Callable[[object, object], Estimate[Any]]:
    """The estimate hook for values of ``kind``, or (``None``) of the kind the data names."""
    expected = None if kind is None else VALUE_TYPES[kind]

    def hook(value: object, _type: object) -> Estimate[Any]:
        if not isinstance(value, dict):
            raise InvalidValueError("an estimate must be a table with 'qualifier' and 'value'", value)
        extra = set(value) - {"qualifier", "value", "low", "high", "kind"}
        if extra:
            raise InvalidValueError(f"unknown keys {sorted(extra)} in an estimate", value)
        named = value.get("kind")
        if named is not None and named not in _VALUE_KINDS:
            raise InvalidValueError(f"'kind' must be one of {', '.join(sorted(_VALUE_KINDS))}", named)
        if kind is None and named is None:
            raise InvalidValueError(
                "an estimate of no stated type needs its 'kind' (or structure it as Estimate[<type>])", value
            )
        if named is not None and expected is not None and VALUE_TYPES[named] is not expected:
            raise InvalidValueError(f"'kind' {named!r} does not hold {expected.__name__} values", named)
        read_as: ValueKind = named if named is not None else kind  # type: ignore[assignment]
        if "value" not in value or "qualifier" not in value:
            raise InvalidValueError("an estimate needs 'qualifier' and 'value'", value)
        qualifier = _enum_hook(value["qualifier"], Qualifier)
        assert isinstance(qualifier, Qualifier)
        text = value["value"]
        if not isinstance(text, str):
            raise InvalidValueError(f"'value' must be text, not {_json_type(text)}", text)
        low, high = value.get("low"), value.get("high")
        for bound in (low, high):
            if bound is not None and not isinstance(bound, str):
                raise InvalidValueError(f"bounds must be text, not {_json_type(bound)}", bound)
        return estimate_from_text(read_as, qualifier, text, low, high)

    return hook


#: One estimate hook per value kind, shared by every claim and deal field.
_ESTIMATE_HOOKS: Final[dict[str, Any]] = {kind: _estimate_hook_factory(kind) for kind in VALUE_TYPES}
#: The hook for an estimate of no stated type: the data names its kind.
_BARE_ESTIMATE_HOOK: Final = _general_estimate_hook(None)



def unstructure_estimate(kind: ValueKind, estimate: Estimate[Any]) -> dict[str, str]:
    """An estimate as ``{"qualifier": ..., "value": ...}`` (plus bounds of a non-default approximation)."""
    out = {"qualifier": estimate.qualifier.value, "value": estimate_text(kind, estimate)}
    if not approximate_bounds_are_default(estimate):
        out["low"] = canonical_text(kind, estimate.low)
        out["high"] = canonical_text(kind, estimate.high)
    return out


def _bare_estimate_unstructurer(estimate: Estimate[Any]) -> dict[str, str]:
    """An estimate whose value type the caller did not name: its kind is written beside it."""
    some = next(v for v in (estimate.low, estimate.high, estimate.central) if v is not None)
    kind = _BARE_KIND_OF.get(type(some))
    if kind is None:
        raise InvalidValueError(f"dealkit cannot write an estimate of {type(some).__name__}", str(estimate))
    return {"kind": kind, **unstructure_estimate(kind, estimate)}


def _estimate_unstructurer(kind: ValueKind | None) -> Any:
    """A fast :func:`unstructure_estimate` for one kind (same output): one-value estimates skip the general path."""
    if kind is None:
        return _bare_estimate_unstructurer
    if kind in ("multiple", "percent", "count", "number", "rate"):  # no plain str(): the general path
        return lambda e: unstructure_estimate(kind, e)
    exact, at_most, at_least = Qualifier.EXACT, Qualifier.AT_MOST, Qualifier.AT_LEAST
    approximately = Qualifier.APPROXIMATELY

    def unstructure(e: Estimate[Any]) -> dict[str, str]:
        # Values of these kinds write their canonical text as str(): unstructure_estimate's
        # output, each branch without its general lookups.
        q = e.qualifier
        if q is exact:
            return {"qualifier": "exact", "value": str(e.low)}
        if q is at_most:
            return {"qualifier": "at_most", "value": str(e.high)}
        if q is at_least:
            return {"qualifier": "at_least", "value": str(e.low)}
        if q is approximately:
            out = {"qualifier": "approximately", "value": str(e.central)}
            if not approximate_bounds_are_default(e):
                out["low"] = str(e.low)
                out["high"] = str(e.high)
            return out
        return unstructure_estimate(kind, e)

    return unstructure


def _kind_of_estimate(t: Any) -> ValueKind | None:
    """The value kind ``Estimate[X]`` holds; ``None`` for ``Estimate`` or ``Estimate[Any]`` (the data says)."""
    args = get_args(t)
    if not args or args[0] is Any or args[0] is object or isinstance(args[0], TypeVar):
        return None
    if get_origin(args[0]) in (Union, UnionType):
        return None  # one of several value types (Estimate[FigureValue]): the data names its kind
    if len(args) != 1 or args[0] not in _KIND_OF:
        raise TypeError(f"dealkit cannot (un)structure {t}")
    return _KIND_OF[args[0]]


def _estimate_structure_hook(t: Any) -> Any:
    kind = _kind_of_estimate(t)
    return _BARE_ESTIMATE_HOOK if kind is None else _ESTIMATE_HOOKS[kind]


_CLAIM_KEYS: Final = frozenset(
    {"id", "subject", "property", "kind", "value", "qualifier", "low", "high", "rank", "as_of", "sources", "note",
     "derived"}
)


_FIGURE_KINDS: Final = frozenset(FIGURE_KINDS)
_RANKS: Final = {r.value: r for r in Rank}
_ESTIMATE_KEYS: Final = ("qualifier", "value", "low", "high")


def _fast_claim(data: dict[str, Any]) -> Claim | None:
    """The claim a valid table states, built with one pass of checks; ``None`` where it is not that simple.

    The checks the detailed hook makes on each key are made here by the same hooks
    (estimates, dates) and by ``Claim``'s own validators (ids, text, sources), with
    text required to be exactly ``str`` as the text hook requires.  Anything
    unusual, and any error, is left to the detailed hook, which reports every problem.
    """
    if not data.keys() <= _CLAIM_KEYS or "derived" in data:  # a derived figure: the detailed hook
        return None
    kind, sources, note = data.get("kind"), data.get("sources"), data.get("note", "")
    if kind not in _FIGURE_KINDS or type(sources) is not list or type(note) is not str:
        return None
    ident, subject, prop = data.get("id"), data.get("subject"), data.get("property")
    if type(ident) is not str or type(subject) is not str or type(prop) is not str:
        return None
    if "low" in data or "high" in data:
        table = {k: data[k] for k in _ESTIMATE_KEYS if k in data}
    else:
        table = {"qualifier": data.get("qualifier"), "value": data.get("value")}
    value = _ESTIMATE_HOOKS[kind](table, None)
    items = []
    for item in sources:
        if type(item) is not dict or len(item) != 2:
            return None
        file, quote = item.get("file"), item.get("quote")
        if type(file) is not str or type(quote) is not str:
            return None
        items.append(Source(file, quote))
    rank = data.get("rank", "normal")
    as_of = data.get("as_of")
    return Claim(
        id=ident, subject=subject, property=prop, kind=kind, value=value, sources=tuple(items),
        rank=_RANKS[rank] if type(rank) is str else None,  # type: ignore[arg-type]  # None: refused by the validator
        as_of=None if as_of is None else parse_canonical("date", as_of),
        note=note,
    )


def _structure_claim(conv: cattrs.Converter) -> Any:
    def hook(data: object, _type: object) -> Claim:
        if type(data) is dict:
            try:
                claim = _fast_claim(data)
            except Exception:  # noqa: BLE001, S110 - the detailed path below reports it, with every path
                claim = None
            if claim is not None:
                return claim
        if not isinstance(data, dict):
            raise InvalidValueError(f"a claim must be a table, not {_json_type(data)}", data)
        problems: list[Exception] = []
        extra = sorted(set(data) - _CLAIM_KEYS)
        for key in extra:
            problems.append(_at(InvalidValueError("unknown key (a typo?)", key), key))
        for key in ("id", "subject", "property", "kind", "value", "qualifier", "sources"):
            if key not in data:
                problems.append(_at(InvalidValueError("required key is missing"), key))
        # Go on after unknown or missing keys: a claim with several faults reports them all.
        fields: dict[str, Any] = {}
        for key in ("id", "subject", "property", "note"):
            if key in data:
                try:
                    fields[key] = _TEXT_HOOK(data[key], str)
                except DealkitError as exc:
                    problems.append(_at(exc, key))
        kind = data.get("kind")
        if "kind" in data and kind not in FIGURE_KINDS:
            problems.append(_at(InvalidValueError(f"must be one of {', '.join(FIGURE_KINDS)}", kind), "kind"))
        elif "kind" in data:
            fields["kind"] = kind
        qualifier_known = "qualifier" in data
        try:
            if qualifier_known:
                _enum_hook(data["qualifier"], Qualifier)
        except DealkitError as exc:
            problems.append(_at(exc, "qualifier"))
            qualifier_known = False
        if kind in FIGURE_KINDS and not qualifier_known and isinstance(data.get("value"), str):
            # Check the value on its own too, so its faults are not hidden behind the qualifier's.
            text = data["value"]
            try:
                for part in text.split(" .. ") if " .. " in text else [text]:
                    parse_canonical(kind, part)
            except DealkitError as exc:
                problems.append(_at(exc, "value"))
        if kind in FIGURE_KINDS and qualifier_known and "value" in data:
            try:
                fields["value"] = _ESTIMATE_HOOKS[kind](
                    {k: data[k] for k in ("qualifier", "value", "low", "high") if k in data}, None
                )
            except DealkitError as exc:
                problems.append(_at(exc, "value"))
        try:
            fields["rank"] = _enum_hook(data.get("rank", "normal"), Rank)
        except DealkitError as exc:
            problems.append(_at(exc, "rank"))
        if data.get("as_of") is not None:
            try:
                fields["as_of"] = _raw_structure(conv, data["as_of"], PartialDate)
            except DealkitError as exc:
                problems.append(_at(exc, "as_of"))
        if "sources" in data:
            try:
                fields["sources"] = _raw_structure(conv, data["sources"], tuple[Source | WebSource, ...])
                if not fields["sources"]:
                    problems.append(_at(InvalidValueError("a claim needs at least one source", []), "sources"))
            except Exception as exc:  # cattrs groups, relocated below
                problems.append(_at(exc, "sources"))
        if data.get("derived") is not None:
            try:
                fields["derived"] = _raw_structure(conv, data["derived"], Derivation)
            except Exception as exc:  # cattrs groups, relocated below
                problems.append(_at(exc, "derived"))
        # Each field on its own first, so that a claim with several faults reports them all.
        for field in attrs.fields(Claim):
            if field.validator is not None and field.name in fields:
                try:
                    field.validator(None, field, fields[field.name])
                except DealkitError as exc:
                    problems.append(exc)
        if problems:
            raise ClassValidationError("invalid claim", problems, Claim)
        try:
            return Claim(**fields)
        except DealkitError as exc:
            raise ClassValidationError("invalid claim", [exc], Claim) from None

    return hook


def _unstructure_claim(claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": claim.id,
        "subject": claim.subject,
        "property": claim.property,
        "kind": claim.kind,
        **unstructure_estimate(claim.kind, claim.value),
        "rank": claim.rank.value,
    }
    if claim.as_of is not None:
        out["as_of"] = str(claim.as_of)
    out["sources"] = [_unstructure_source(s) for s in claim.sources]
    if claim.note:
        out["note"] = claim.note
    if claim.derived is not None:
        d = claim.derived
        out["derived"] = {"rule": d.rule, "words": d.words, **({"inputs": list(d.inputs)} if d.inputs else {})}
    return out


def _unstructure_source(source: Source | WebSource) -> dict[str, str]:
    """A source as a file writes it: ``{file, quote}``, or ``{url, publisher, quote, retrieved[, published]}``."""
    if isinstance(source, Source):
        return {"file": source.file, "quote": source.quote}
    out = {"url": source.url, "publisher": source.publisher, "quote": source.quote}
    if source.published is not None:
        out["published"] = str(source.published)
    out["retrieved"] = str(source.retrieved)
    return out


def _is_any_source(t: object) -> bool:
    return get_origin(t) in (Union, UnionType) and set(get_args(t)) == {Source, WebSource}


def _any_source_hook(conv: cattrs.Converter) -> Callable[[object, object], Source | WebSource]:
    # A page names its URL, an article its file: the key says which, and the error says what is missing.
    article, page = conv.get_structure_hook(Source), conv.get_structure_hook(WebSource)

    def hook(value: object, _type: object) -> Source | WebSource:
        if not isinstance(value, dict):
            raise InvalidValueError(f"a source must be a table, not {_json_type(value)}", value)
        if ("file" in value) == ("url" in value):
            raise InvalidValueError(
                "a source names either a seed article ('file') or a web page ('url', 'publisher', 'retrieved')",
                sorted(value),
            )
        if "url" in value:
            found: Source | WebSource = page(value, WebSource)
        else:
            found = article(value, Source)
        return found

    return hook


def _at(exc: Exception, key: str) -> Exception:
    exc.__notes__ = [*getattr(exc, "__notes__", []), f"@key {key}"]
    return exc


def _is_estimate(t: object) -> bool:
    return t is Estimate or get_origin(t) is Estimate


class DealkitConverter(cattrs.Converter):
    """A cattrs converter whose :meth:`structure` raises dealkit's errors, with JSON ``dumps``/``loads``.

    cattrs reports bad data as grouped exceptions (and a missing key as a bare
    ``KeyError`` inside one); this converter turns them into one
    :class:`~dealkit.CatalogError` that lists every problem with its field path,
    so callers catch :class:`~dealkit.DealkitError` and nothing else.

    :meth:`dumps` and :meth:`loads` are JSON in the style of cattrs' preconf
    converters (``cattrs.preconf.orjson``): with the ``fast`` extra they run
    orjson, without it the standard library, and both write the same bytes.

    .. versionchanged:: 0.2.0
        ``dumps`` and ``loads``.
    """

    _json_backend: JsonBackend = "auto"
    _codec: Codec | None = None
    _default: Callable[[Any], Any] | None = None

    @property
    def json_backend(self) -> Literal["orjson", "stdlib"]:
        """The JSON library :meth:`dumps` and :meth:`loads` run: ``"orjson"`` or ``"stdlib"``."""
        return self._json().name

    def _json(self) -> Codec:
        if self._codec is None:
            self._codec = codec(self._json_backend)
        return self._codec

    def _writer(self) -> Callable[[Any], Any]:
        # The encoder's hook for what it cannot write itself: a model as a flat table of
        # its fields (generated once per model), anything else as the converter unstructures it.
        if self._default is None:
            writers = shallow_writers(self, _SHALLOW_MODELS)
            unstructure_hook = self.unstructure

            def default(value: Any) -> Any:
                write = writers.get(type(value))
                if write is not None:
                    return write(value)
                data = unstructure_hook(value)
                if data is value:  # the converter knows no plain form for it
                    raise InvalidValueError(f"{type(value).__name__} is not JSON data", short_repr(value))
                return data

            self._default = default
        return self._default

    def dumps(self, obj: object, unstructure_as: object = None) -> bytes:
        """``obj`` as compact UTF-8 JSON: the bytes of ``unstructure(obj, unstructure_as)``.

        The same bytes with the ``fast`` extra (orjson) and without it (the stdlib).

        >>> from dealkit import Estimate, Power
        >>> make_converter().dumps(Estimate.at_most(Power(5, "GW")), Estimate[Power])
        b'{"qualifier":"at_most","value":"5 GW"}'
        """
        # The encoder asks for each model as it reaches it, so the plain data of one model
        # at a time is alive: a whole document's (250,000 containers for 10,000 deals)
        # would keep the collector busy.
        default = self._writer()
        if unstructure_as is not None:
            _check_target(unstructure_as, "unstructure_as")
            if not _writes_as_is(obj, unstructure_as):
                try:
                    obj = self.unstructure(obj, unstructure_as)
                except DealkitError:
                    raise
                except Exception as exc:  # a value that is not what ``unstructure_as`` names
                    raise InvalidValueError(
                        f"cannot write a {type(obj).__name__} as {getattr(unstructure_as, '__name__', 'that type')}: "
                        f"{type(exc).__name__}", short_repr(obj),
                    ) from None
        return encode(self._json(), obj, default)

    def loads(self, data: bytes | bytearray | memoryview | str, cl: type[T]) -> T:
        """Parse JSON and structure it into ``cl``; raise :class:`~dealkit.CatalogError` listing every problem.

        The cyclic garbage collector is paused while the document is parsed and
        structured, and restored as it was when ``loads`` returns or raises:
        nothing a load creates can be freed before it ends (parsed JSON and
        frozen models hold no cycles), and on 10,000 deals the collector's
        repeated passes over the growing data took two fifths of the load.
        Objects other threads leave behind meanwhile wait for the next pass.

        >>> from dealkit import Power
        >>> make_converter().loads(b'"5 GW"', Power)
        Power('5', 'GW')
        """
        paused = gc.isenabled()
        if paused:
            gc.disable()
        try:
            return self.structure(decode(self._json(), data), cl)
        finally:
            if paused:
                gc.enable()

    def structure(self, obj: object, cl: type[T]) -> T:
        """Structure ``obj`` into ``cl``; raise :class:`~dealkit.CatalogError` listing every problem.

        >>> make_converter().structure({"file": "002_71c77df9dbb0c619.txt"}, Source)
        Traceback (most recent call last):
        ...
        dealkit.CatalogError: $.quote: required key is missing
        """
        _check_target(cl)
        try:
            return _raw_structure(self, obj, cl)
        except DealkitError:
            raise
        except Exception as exc:
            problems = problems_from(exc)
            if not problems:
                raise _not_structured(exc, cl) from None
            from .._errors import CatalogError

            raise CatalogError(problems) from None


def _check_target(cl: object, argument: str = "cl") -> None:
    """Refuse a ``cl`` that is no type (``int``, ``Power``, ``Estimate[Power]``, ``tuple[str, ...]``).

    ``argument`` is the name the caller's signature gives it, for the message.
    """
    if not (isinstance(cl, type) or get_origin(cl) is not None):
        raise InvalidValueError(
            f"'{argument}' must be a type, e.g. Power or Estimate[Power], not {type(cl).__name__}", cl)


def _not_structured(exc: BaseException, cl: object) -> DealkitError:
    name = getattr(cl, "__name__", None) or short_repr(cl)
    return InvalidValueError(f"cannot structure into {name}: {type(exc).__name__}", short_repr(str(exc)))


def _raw_structure(conv: cattrs.Converter, obj: Any, cl: type[T]) -> T:
    # cattrs' own structure, for the hooks: they relocate and collect the errors themselves.
    return cattrs.Converter.structure(conv, obj, cl)


@runtime_checkable
class Convertible(Protocol):
    """A type that states its own plain-data form; the converter defers to it.

    Types above the serialization layer (the catalog) implement it, so
    ``converter.unstructure(catalog)`` and ``converter.structure(data, Catalog)``
    work without this layer knowing them.
    """

    def to_data(self) -> Any:
        """The plain JSON/TOML-safe data of this value."""

    @classmethod
    def from_data(cls, data: object) -> Self:
        """The value ``data`` describes; raises :class:`~dealkit.DealkitError`."""


def _is_convertible(t: object) -> bool:
    return isinstance(t, type) and callable(getattr(t, "to_data", None)) and callable(getattr(t, "from_data", None))


def configure_converter(conv: cattrs.Converter) -> None:
    """Register dealkit's hooks on ``conv``, as cattrs' preconf ``configure_converter`` functions do.

    Use it to give your own converter (``cattrs.Converter()``, or one from
    ``cattrs.preconf``) the JSON form of every dealkit type: canonical text for
    values, ``{"qualifier", "value"}`` for estimates, the file format for catalogs.
    Structuring stays strict (a number where text belongs is refused); build the
    converter with ``forbid_extra_keys=True`` to refuse unknown keys too.

    >>> import cattrs
    >>> from dealkit import Power
    >>> conv = cattrs.Converter()
    >>> configure_converter(conv)
    >>> conv.unstructure(Estimate.at_most(Power(5, "GW")))
    {'kind': 'power', 'qualifier': 'at_most', 'value': '5 GW'}
    """
    if not isinstance(conv, cattrs.BaseConverter):
        raise InvalidValueError(f"'conv' must be a cattrs converter, not {type(conv).__name__}", conv)
    text_hook = _TEXT_HOOK
    conv.register_structure_hook(str, text_hook)
    conv.register_structure_hook(bool, _strict(bool, "true/false"))
    conv.register_structure_hook(int, _strict(int, "a whole number"))
    conv.register_structure_hook(Decimal, lambda v, _t: parse_decimal(v))
    conv.register_unstructure_hook(Decimal, canonical_decimal)
    for cls, kind in _KIND_OF.items():
        if cls is Decimal:  # plain numbers have their own hooks above
            continue
        conv.register_structure_hook(cls, _canonical_hook(kind))
        conv.register_unstructure_hook(cls, str)
    conv.register_structure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _enum_hook
    )
    conv.register_unstructure_hook_func(
        lambda t: isinstance(t, type) and issubclass(t, enum.Enum), lambda e: e.value
    )
    conv.register_structure_hook_factory(_is_estimate, _estimate_structure_hook)
    conv.register_unstructure_hook_factory(_is_estimate, lambda t: _estimate_unstructurer(_kind_of_estimate(t)))
    conv.register_structure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_hook(conv, t, text_hook))
    conv.register_structure_hook_factory(_is_optional_value, lambda t: _optional_hook(conv, t))
    conv.register_unstructure_hook_factory(_is_homogeneous_tuple, lambda t: _tuple_unstructurer(conv, t))

    def detailed_attrs_hook(t: Any) -> Any:
        return _table_hook(conv.gen_structure_attrs_fromdict(t), conv)

    def attrs_hook(t: Any) -> Any:
        # Every table (parties, sources, the catalog's deal shapes) through the fast path, which
        # falls back to the detailed hook, generated on the first error only, on any error.
        return fast_structure_hook(conv, t, partial(detailed_attrs_hook, t))

    conv.register_structure_hook_factory(lambda t: attrs.has(t) and not _is_estimate(t), attrs_hook)
    conv.register_structure_hook(Claim, _structure_claim(conv))
    conv.register_unstructure_hook(Claim, _unstructure_claim)
    conv.register_structure_hook_factory(_is_any_source, lambda _t: _any_source_hook(conv))
    conv.register_unstructure_hook(WebSource, _unstructure_source)
    # Deals load through a fast path that falls back to the detailed hooks on any error.
    for model in (Tranche, Investor, DealRelation, ComputeCommitment, SpendCommitment, Milestone, Deal):
        # The detailed hook is generated on the first error only: commands that never load
        # a Deal (dealkit show reads the catalog's shapes) do not pay for generating it.
        conv.register_structure_hook(model, fast_structure_hook(conv, model, partial(detailed_attrs_hook, model)))
    # Registered last, so it wins over the attrs hooks for the attrs classes that implement it.
    conv.register_unstructure_hook_func(_is_convertible, lambda value: value.to_data())
    conv.register_structure_hook_func(_is_convertible, lambda data, t: t.from_data(data))


def make_converter(*, json_backend: JsonBackend = "auto") -> DealkitConverter:
    """A new converter with every dealkit hook registered (strict: unknown keys are errors).

    ``json_backend`` picks the library behind :meth:`~DealkitConverter.dumps` and
    :meth:`~DealkitConverter.loads`: ``"auto"`` (orjson when the ``fast`` extra is
    installed, else the standard library), ``"orjson"`` or ``"stdlib"``.

    >>> conv = make_converter()
    >>> from dealkit import Power
    >>> conv.unstructure(Estimate.at_most(Power(5, "GW")), Estimate[Power])
    {'qualifier': 'at_most', 'value': '5 GW'}
    >>> conv.structure({"qualifier": "range", "value": "30 MW .. 50 MW"}, Estimate[Power])
    Estimate.between(Power('30', 'MW'), Power('50', 'MW'))
    """
    if json_backend not in ("auto", "orjson", "stdlib"):
        raise InvalidValueError("json_backend must be 'auto', 'orjson' or 'stdlib'", json_backend)
    conv = DealkitConverter(forbid_extra_keys=True, detailed_validation=True)
    conv._json_backend = json_backend
    configure_converter(conv)
    return conv


#: The models :meth:`DealkitConverter.dumps` writes field by field (their unstructure hooks are
#: cattrs' generated ones; a type with its own hook, such as Claim, is unstructured whole).
_SHALLOW_MODELS: Final = (
    Source, Tranche, Investor, DealRelation, ComputeCommitment, SpendCommitment, Milestone, Deal, Party
)


def _writes_as_is(obj: object, t: object) -> bool:
    """Whether unstructuring ``obj`` as ``t`` is what its own types give (so the encoder may walk it)."""
    if t is type(obj) and t in _SHALLOW_MODELS:
        return True
    origin, args = get_origin(t), get_args(t)
    if origin in (list, tuple) and isinstance(obj, (list, tuple)):
        item = args[0] if args and (origin is list or (len(args) == 2 and args[1] is Ellipsis)) else None
        return item in _SHALLOW_MODELS and all(type(x) is item for x in obj)
    return False


def _is_homogeneous_tuple(t: Any) -> bool:
    args = get_args(t)
    return get_origin(t) is tuple and len(args) == 2 and args[1] is Ellipsis


def _is_optional_value(t: Any) -> bool:
    # ``X | None`` for a dealkit value or estimate: the deal models' optional fields.
    args = get_args(t)
    if len(args) != 2 or type(None) not in args or get_origin(t) not in (Union, UnionType):
        return False
    other = args[0] if args[1] is type(None) else args[1]
    return other in _KIND_OF or _is_estimate(other)


def _optional_hook(conv: cattrs.Converter, t: Any) -> Any:
    # What cattrs' own optional hook does (None, or the other type's hook), with that
    # hook looked up once instead of dispatched on every call.
    args = get_args(t)
    other = args[0] if args[1] is type(None) else args[1]
    structure_other = conv.get_structure_hook(other)

    def hook(value: object, _type: object) -> Any:
        if value is None:
            return None
        return structure_other(value, other)

    return hook


def _tuple_unstructurer(conv: cattrs.Converter, t: Any) -> Any:
    # A list, as cattrs writes a homogeneous tuple, with the item hook looked up once
    # (and no call per item where that hook returns the item itself: text, numbers).
    item_hook = conv.get_unstructure_hook(get_args(t)[0])
    if item_hook is identity:
        return list

    def unstructure(value: tuple[Any, ...]) -> list[Any]:
        return [item_hook(v) for v in value] if value else []

    return unstructure


def _tuple_hook(conv: cattrs.Converter, t: Any, text_hook: Any = None) -> Any:
    # cattrs would take any iterable, so a string became a list of characters.
    item = get_args(t)[0]
    structure_item = conv.get_structure_hook(item)  # looked up once, not per element
    plain_text = item is str and structure_item is text_hook

    def hook(value: object, _type: object) -> tuple[Any, ...]:
        if type(value) is list and not value:
            return ()  # what the loop below gives for no items (the many empty ``sources`` of a record)
        if plain_text and type(value) is list and all(type(e) is str for e in value):
            return tuple(value)  # what the loop below gives: every item passes the text hook as is
        if not isinstance(value, (list, tuple)):
            raise InvalidValueError(f"must be a list, not {_json_type(value)}", value)
        out: list[Any] = []
        errors: list[Exception] = []
        for i, element in enumerate(value):
            try:
                out.append(structure_item(element, item))
            except Exception as exc:
                exc.__notes__ = [*getattr(exc, "__notes__", []), IterableValidationNote(f"@ index {i}", i, item)]
                errors.append(exc)
        if errors:
            raise IterableValidationError(f"while structuring {t}", errors, t)
        return tuple(out)

    return hook


def _table_hook(structure_fn: Any, conv: cattrs.Converter) -> Any:
    def hook(value: object, cls: type) -> Any:
        if not isinstance(value, dict):
            raise InvalidValueError(f"must be a table, not {_json_type(value)}", value)
        try:
            return structure_fn(value, cls)
        except (ClassValidationError, DealkitError) as exc:
            more = _other_field_problems(conv, value, cls, exc)
            if not more:
                raise
            raise ClassValidationError(f"While structuring {cls.__name__}", [exc, *more], cls) from None

    return hook


def _other_field_problems(
    conv: cattrs.Converter, value: dict[str, Any], cls: type, exc: Exception
) -> list[Exception]:
    # cattrs stops at the first failing validator, and runs validators only once every
    # field has its type: check each other field on its own (structured, then
    # validated), so that every fault of one table is reported at once.  Only on the
    # error path, so loading valid data costs nothing more.
    reported = [p.path for p in problems_from(exc)]
    try:
        fields = attrs.fields(attrs.resolve_types(cls))
    except Exception:  # a type that cannot be resolved here: report what cattrs found
        return []
    out: list[Exception] = []
    for field in fields:
        here = f"$.{field.name}"
        if field.validator is None or field.name not in value:
            continue
        if any(p == here or p.startswith((here + ".", here + "[")) for p in reported):
            continue
        try:
            field.validator(None, field, _raw_structure(conv, value[field.name], field.type))
        except DealkitError as err:
            out.append(err if err.path else err.located(here))
        except Exception:  # noqa: S112 - a structuring fault: cattrs reported it already
            continue
    return out


#: The converter dealkit uses, for every type it defines.
converter: Final = make_converter()


def structure(data: object, cls: type[T], *, file: str | None = None) -> T:
    """Structure ``data`` into ``cls``, raising one :class:`~dealkit.CatalogError` listing every problem.

    >>> structure({"file": "x.txt", "quote": 5}, Source)
    Traceback (most recent call last):
    ...
    dealkit.CatalogError: $.quote: must be text, not a number (got 5)
    """
    from .._errors import CatalogError

    _check_target(cls, "cls")
    if file is not None and not isinstance(file, str):
        raise InvalidValueError(f"'file' must be text or None, not {type(file).__name__}", file)
    try:
        return _raw_structure(converter, data, cls)
    except Exception as exc:
        problems = problems_from(exc)
        if not problems:
            raise _not_structured(exc, cls) from None
        raise CatalogError(problems, file=file) from None


def unstructure(value: object, cls: type | None = None) -> JSONValue:
    """Plain JSON/TOML-safe data for any dealkit value."""
    if cls is not None:
        _check_target(cls, "cls")
    try:
        data: JSONValue = converter.unstructure(value, cls) if cls is not None else converter.unstructure(value)
    except DealkitError:
        raise
    except Exception as exc:  # a value of no type dealkit writes, or one that breaks its own hooks
        raise InvalidValueError(
            f"cannot write a {type(value).__name__} as plain data: {type(exc).__name__}", short_repr(value)
        ) from None
    return data


def dumps(value: object, cls: object = None) -> bytes:
    """``value`` as compact UTF-8 JSON (``converter.dumps``): the same bytes with or without the ``fast`` extra.

    >>> from dealkit import Power
    >>> dumps({"capacity": Power(5, "GW")})
    b'{"capacity":"5 GW"}'
    """
    return converter.dumps(value, cls)


def loads(data: bytes | bytearray | memoryview | str, cls: type[T]) -> T:
    """Parse JSON and structure it into ``cls`` (``converter.loads``); raise :class:`~dealkit.CatalogError`.

    >>> loads('{"file": "a.txt", "quote": "up to $25 billion"}', Source)
    Source(file='a.txt', quote='up to $25 billion')
    """
    return converter.loads(data, cls)


def problems_from(exc: BaseException, path: str = "$") -> list[Problem]:
    """Flatten a (possibly grouped) structuring error into problems with field paths."""
    field_type: object = None
    for note in getattr(exc, "__notes__", []):
        # cattrs' notes are str subclasses (so ``str.index`` is no marker): tell them by class.
        if isinstance(note, IterableValidationNote):
            path = f"{path}[{note.index}]"
        elif isinstance(note, AttributeValidationNote):
            path = f"{path}.{note.name}"
            field_type = note.type
        elif isinstance(note, str) and note.startswith("@key "):
            path = f"{path}.{note[5:]}"
    if isinstance(exc, ForbiddenExtraKeysError):
        return [Problem("unknown key (a typo?)", f"{path}.{key}") for key in sorted(exc.extra_fields)]
    if isinstance(exc, BaseExceptionGroup):
        out: list[Problem] = []
        for sub in exc.exceptions:
            out.extend(problems_from(sub, path))
        return out
    if isinstance(exc, DealkitError):
        return [Problem(p.reason, _join(path, p.path), p.value, p.file) for p in exc.problems]
    if isinstance(exc, KeyError):
        key = f".{exc.args[0]}" if exc.args else ""
        return [Problem("required key is missing", path if path.endswith(key) else path + key)]
    if isinstance(exc, (TypeError, ValueError, AttributeError)):
        return [Problem(_plain_reason(exc), path)]
    if isinstance(exc, RecursionError):
        return [Problem("data is nested too deeply", path)]
    if isinstance(exc, CattrsError):
        # cattrs checks Literal fields itself ("x not in literal typing.Literal[...]").
        if get_origin(field_type) is Literal:
            allowed = ", ".join(repr(a) for a in get_args(field_type))
            return [Problem(f"must be one of {allowed}", path)]
        return [Problem(f"invalid value: {short_repr(str(exc))[1:-1]}", path)]
    return []


def _join(prefix: str, suffix: str) -> str:
    if not suffix or suffix == "$":
        return prefix
    return prefix + suffix.removeprefix("$")


def _plain_reason(exc: BaseException) -> str:
    text = str(exc)
    if "missing" in text and "required" in text:
        return "required key is missing: " + text.split("argument:")[-1].strip().strip("'")
    return f"invalid value: {short_repr(text)[1:-1]}"

