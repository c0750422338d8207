"""The validators of dealkit's models: small frozen callable classes, as attrs' own are.

Each exposes what it checks (a pattern, a length, a set of names, a type), so the
catalog's JSON Schema is generated from the same objects the models run: the
schema and the loader cannot disagree about a field.  Messages name the field's
path and the value, like every :class:`~dealkit.DealkitError`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, Final, final

import attrs

from .._errors import InvalidValueError
from .._values import CurrencyAmount, Estimate, Measure

__all__ = [
    "ID_RE",
    "MAX_FREE_TEXT",
    "PART_NAME_RE",
    "EstimateOf",
    "InstanceOf",
    "Matches",
    "OneOf",
    "OneOfFields",
    "Requires",
    "Text",
    "TupleOf",
    "check_id",
    "check_part_name",
    "check_text",
    "check_tuple_of",
    "estimate_of",
    "instance_of",
    "one_of",
    "optional_instance_of",
]

#: Ids of deals, parties and claims: lower-case slugs.
ID_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?", re.ASCII)
#: Names of a deal's parts that claims name in their properties (``tranche.<name>.amount``):
#: an id without dots, so that the property's parts stay apart.
PART_NAME_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9_-]{0,78}[a-z0-9])?", re.ASCII)
#: The longest free text a model field accepts.
MAX_FREE_TEXT: Final = 2000
#: Characters refused in free text: every control character below 32 but tab and newline,
#: and unpaired surrogates (text that is not Unicode).
#: (A regular-expression character range, written with escapes so the schema stays valid UTF-8.)
CONTROL_CHARACTERS: Final = r"\x00-\x08\x0b-\x1f\ud800-\udfff"
_CONTROL_RE: Final = re.compile(f"[{CONTROL_CHARACTERS}]")


def _path(attribute: attrs.Attribute[Any]) -> str:
    return f"$.{attribute.name}"


@final
@attrs.frozen(repr=False)
class Matches:
    """Text that matches ``pattern`` in full; ``reason`` says what such text looks like."""

    pattern: re.Pattern[str]
    reason: str

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, str) or self.pattern.fullmatch(value) is None:
            raise InvalidValueError(self.reason, value, path=_path(attribute))

    def __repr__(self) -> str:
        return f"<matches {self.pattern.pattern!r}>"


@final
@attrs.frozen(repr=False)
class Text:
    """Free text: a ``str`` of at most ``max_length`` characters without control characters.

    ``required`` refuses blank text (naming the field as ``what``); ``max_words`` bounds the
    number of whitespace-separated words (``too_long`` says why).
    """

    max_length: int = MAX_FREE_TEXT
    required: bool = False
    max_words: int | None = None
    what: str = "text"
    too_long: str = ""

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # Valid text (nearly every call, on every load) pays for the checks only: the
        # path is written on the error path.
        if type(value) is str and len(value) <= self.max_length and _CONTROL_RE.search(value) is None:
            required, max_words = self.required, self.max_words
            if (not required or (value and not value.isspace())) and (
                max_words is None or len(value.split()) <= max_words
            ):
                return
        path = _path(attribute)
        if not isinstance(value, str):
            raise InvalidValueError("must be text", value, path=path)
        if len(value) > self.max_length:
            raise InvalidValueError(f"is longer than {self.max_length} characters", value, path=path)
        if _CONTROL_RE.search(value) is not None:
            raise InvalidValueError("contains control characters", value, path=path)
        if self.required and not value.strip():
            raise InvalidValueError(f"a {self.what} must not be empty", value, path=path)
        if self.max_words is not None and len(value.split()) > self.max_words:
            raise InvalidValueError(self.too_long or f"at most {self.max_words} words", value, path=path)

    @property
    def pattern(self) -> str:
        """The same rules as a regular expression (for the JSON Schema)."""
        char = f"[^{CONTROL_CHARACTERS}]"
        if self.max_words is None:
            body = rf"{char}*" if not self.required else rf"{char}*[^\s{CONTROL_CHARACTERS}]{char}*"
            return f"^{body}$"
        word = rf"[^\s{CONTROL_CHARACTERS}]+"
        space = r"\s+"
        least = 1 if self.required else 0
        words = rf"{word}(?:{space}{word}){{0,{self.max_words - 1}}}"
        return rf"^\s*(?:{words}\s*)$" if least else rf"^\s*(?:{words}\s*)?$"

    def __repr__(self) -> str:
        return f"<text of at most {self.max_length} characters>"


@final
@attrs.frozen(repr=False)
class OneOf:
    """One of a closed set of names."""

    allowed: tuple[str, ...]

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in self.allowed:
            raise InvalidValueError(
                f"must be one of {', '.join(repr(a) for a in self.allowed)}", value, path=_path(attribute)
            )

    def __repr__(self) -> str:
        return f"<one of {self.allowed!r}>"


@final
@attrs.frozen(repr=False)
class InstanceOf:
    """An instance of ``kind`` (or ``None``, when ``optional``)."""

    kind: type
    optional: bool = False

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        if not isinstance(value, self.kind):
            raise InvalidValueError(
                f"must be {self.kind.__name__}, not {type(value).__name__}", value, path=_path(attribute)
            )

    def __repr__(self) -> str:
        return f"<instance of {self.kind.__name__}>"


@final
@attrs.frozen(repr=False)
class TupleOf:
    """A tuple whose items are all ``kind`` (or, given several kinds, each one of them), at least ``min_items`` of them."""

    kind: type | tuple[type, ...]
    min_items: int = 0

    @property
    def kinds(self) -> tuple[type, ...]:
        """The item types allowed, as a tuple."""
        return self.kind if isinstance(self.kind, tuple) else (self.kind,)

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if type(value) is tuple and not value and not self.min_items:  # the usual empty tuple (no sources)
            return
        if not isinstance(value, tuple):
            raise InvalidValueError("must be a tuple", value, path=_path(attribute))
        if len(value) < self.min_items:
            raise InvalidValueError(f"needs at least {self.min_items} items", list(value), path=_path(attribute))
        for i, item in enumerate(value):
            if not isinstance(item, self.kind):
                raise InvalidValueError(f"must be {self._names()}", item, path=f"{_path(attribute)}[{i}]")

    def _names(self) -> str:
        return " or ".join(k.__name__ for k in self.kinds)

    def __repr__(self) -> str:
        return f"<tuple of {self._names()}>"


@final
@attrs.frozen(repr=False)
class EstimateOf:
    """An :class:`~dealkit.Estimate` whose bounds are all ``kind``.

    ``positive`` requires every bound to be strictly positive (amounts, capacities);
    ``optional`` lets ``None`` pass.
    """

    kind: type
    positive: bool = False
    optional: bool = False

    def __call__(self, _inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and self.optional:
            return
        # The path is written only on the error paths: valid estimates pay for the checks alone.
        if not isinstance(value, Estimate):
            raise InvalidValueError(f"must be an Estimate of {self.kind.__name__}", value, path=_path(attribute))
        bounds = (value.low, value.high, value.central)
        kind = self.kind
        for bound in bounds:
            if bound is not None and type(bound) is not kind and not isinstance(bound, kind):
                raise InvalidValueError(
                    f"must be an Estimate of {kind.__name__}, not of {type(bound).__name__}",
                    str(value),
                    path=_path(attribute),
                )
        if self.positive:
            for bound in bounds:
                if bound is None:
                    continue
                # Money has an amount, a measure its base magnitude; a plain number is itself.
                number: Decimal = (
                    bound.amount if isinstance(bound, CurrencyAmount) else bound.base if isinstance(bound, Measure) else bound
                )
                if not number > 0:
                    raise InvalidValueError("must be positive", str(value), path=_path(attribute))

    def __repr__(self) -> str:
        return f"<estimate of {self.kind.__name__}>"


def given(value: object) -> bool:
    """Whether a table gives a field: a value other than ``None`` or an empty tuple."""
    return value is not None and value != ()


@final
@attrs.frozen(repr=False)
class OneOfFields:
    """Exactly one of the fields ``names`` of a table is given (not ``None``, not empty); ``reason`` says why.

    A rule joining fields: it runs once every field is set (attrs runs validators
    last), and skips when called on a field alone (``inst`` is ``None``).  The
    JSON Schema states it as ``oneOf`` over the fields.
    """

    names: tuple[str, ...]
    reason: str

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if inst is None:
            return
        present = [n for n in self.names if given(getattr(inst, n))]
        if len(present) != 1:
            reason = self.reason if present else f"{self.reason} (none is given)"
            raise InvalidValueError(reason, present or None, path=_path(attribute))

    def __repr__(self) -> str:
        return f"<exactly one of {self.names!r}>"


@final
@attrs.frozen(repr=False)
class Requires:
    """The field, when given, needs the field ``other`` of the same table given too; ``reason`` says why.

    Like :class:`OneOfFields`, a rule joining fields, skipped on a field alone;
    the JSON Schema states it as ``if``/``then``.
    """

    other: str
    reason: str

    def __call__(self, inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if inst is None or not given(value):
            return
        if not given(getattr(inst, self.other)):
            raise InvalidValueError(self.reason, None, path=_path(attribute))

    def __repr__(self) -> str:
        return f"<requires {self.other!r}>"


#: A slug id (``amazon-anthropic-2026``).
check_id: Final = Matches(ID_RE, "must be a lower-case id of letters, digits, '-', '_' or '.' (at most 80)")
#: The name of a part of a deal that property names carry: an id without dots.
check_part_name: Final = Matches(PART_NAME_RE, "must be a lower-case name of letters, digits, '-' or '_' (at most 80)")
#: Free text: a ``str`` of bounded length without control characters.
check_text: Final = Text()


def check_tuple_of(kind: type, *, min_items: int = 0) -> TupleOf:
    """A validator for a tuple whose items are all ``kind`` (at least ``min_items`` of them)."""
    return TupleOf(kind, min_items)


def estimate_of(kind: type, *, positive: bool = False, optional: bool = False) -> EstimateOf:
    """A validator for an :class:`~dealkit.Estimate` whose bounds are all ``kind``."""
    return EstimateOf(kind, positive, optional)


def instance_of(kind: type) -> InstanceOf:
    """Like :func:`attrs.validators.instance_of`, raising :class:`~dealkit.InvalidValueError` with the field path."""
    return InstanceOf(kind)


def optional_instance_of(kind: type) -> InstanceOf:
    """``None`` or an instance of ``kind``."""
    return InstanceOf(kind, optional=True)


def one_of(*allowed: str) -> OneOf:
    """The value is one of ``allowed`` (a closed set of names)."""
    return OneOf(allowed)
