"""The exception tree of dealkit.

Every failure dealkit raises is a :class:`DealkitError`; each kind of failure
also subclasses the fitting builtin, so ``except ValueError`` keeps working::

    DealkitError(Exception)
     ├── ParseError(ValueError)             text is not a valid figure, unit, date or code
     ├── InvalidValueError(ValueError)      a value outside its domain (negative, non-finite, absurd)
     │    ├── UnknownCurrencyError          not an ISO 4217 code
     │    └── DateError                     an impossible calendar date
     ├── CurrencyMismatchError(ValueError)  arithmetic or comparison across currencies
     ├── DimensionError(TypeError)          a quantity of the wrong physical dimension
     ├── BoundsError(ValueError)            broken bounds, or a result the bounds do not determine
     ├── InvariantError(ValueError)         a model's fields contradict each other
     ├── CatalogError(ValueError)           one or more problems in a catalog file
     ├── PathError(OSError)                 a path that is no usable path, or a file that cannot be read or written
     └── UnknownDealError(LookupError)      no deal or claim with that id

Each error carries the structured detail a program needs (``path``, ``value``,
``reason``, ``file``) and a message a person can act on.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable
from typing import Final

import attrs

from ._public import publish

__all__ = [
    "BoundsError",
    "CatalogError",
    "CurrencyMismatchError",
    "DateError",
    "DealkitError",
    "DealkitWarning",
    "DimensionError",
    "InvalidValueError",
    "InvariantError",
    "ParseError",
    "PathError",
    "Problem",
    "UnknownCurrencyError",
    "UnknownDealError",
]

#: The longest ``repr`` of an offending value quoted in a message.
MAX_VALUE_REPR: Final = 80


def short_repr(value: object) -> str:
    """Return ``repr(value)``, cut to :data:`MAX_VALUE_REPR` characters.

    >>> short_repr("x" * 200)[-30:]
    "xxxxxxxxx... (202 characters)'"
    """
    try:
        text = repr(value)
    except Exception:  # a hostile __repr__ must not hide the real error
        text = f"<unprintable {type(value).__name__}>"
    if len(text) > MAX_VALUE_REPR:
        return f"{text[: MAX_VALUE_REPR - 20]}... ({len(text)} characters)'"
    return text


#: The most characters of a file name or path a message shows; a longer one is cut in the middle.
MAX_SHOWN_PATH: Final = 120


def short_path(path: object) -> str:
    """A path as a message shows it: whole when short, else its start and end and its length.

    >>> short_path("deals.toml")
    'deals.toml'
    >>> short_path("d" * 1000)[-30:]
    'dddddddddddd (1000 characters)'
    """
    if isinstance(path, os.PathLike):
        try:
            path = os.fspath(path)
        except Exception:  # a hostile __fspath__
            path = short_repr(path)
    text = path if isinstance(path, str) else short_repr(path)
    # Shown as it is, but for what no stream can write: lone surrogates become escapes ("\\ud800").
    text = text.encode("utf-8", "backslashreplace").decode("utf-8")
    if len(text) <= MAX_SHOWN_PATH:
        return text
    half = (MAX_SHOWN_PATH - 30) // 2
    return f"{text[:half]}...{text[-half:]} ({len(text)} characters)"


def safe_str(value: object) -> str:
    """``str(value)`` for a message, or its :func:`short_repr` when ``str`` itself fails."""
    try:
        return str(value)
    except Exception:  # a hostile __str__ must not hide the real error
        return short_repr(value)


class _NoValue(enum.Enum):
    """The marker for "no offending value"; an enum member, so it unpickles as itself."""

    NO_VALUE = enum.auto()

    def __repr__(self) -> str:
        return "<no value>"


def json_type(value: object) -> str:
    """How a message names the type of a value read from JSON or TOML.

    >>> json_type(5), json_type(None), json_type([1])
    ('a number', 'null', 'a list')
    """
    return _JSON_TYPES.get(type(value), type(value).__name__)


_JSON_TYPES: Final[dict[type, str]] = {
    str: "text", int: "a number", float: "a number", bool: "true/false", list: "a list",
    dict: "a table", type(None): "null",
}

_NO_VALUE: Final = _NoValue.NO_VALUE


@attrs.frozen
class Problem:
    """One thing wrong with some input: where (file and field path), what, and why.

    >>> str(Problem(reason="must be positive", path="$.claims[3].value", value="-5 GW", file="my.toml"))
    "my.toml: $.claims[3].value: must be positive (got '-5 GW')"
    """

    reason: str
    path: str = ""
    value: object = attrs.field(default=_NO_VALUE, eq=False)
    file: str | None = None

    def __str__(self) -> str:
        where = ": ".join(p for p in (None if self.file is None else short_path(self.file), self.path) if p)
        got = "" if self.value is _NO_VALUE else f" (got {short_repr(self.value)})"
        return f"{where}: {self.reason}{got}" if where else f"{self.reason}{got}"


class DealkitError(Exception):
    """Root of every error dealkit raises.

    Args:
        reason: what is wrong, in words a user can act on.
        value: the offending value, if there is one.
        path: the field path, e.g. ``$.deals[0].tranches[1].amount``.
        file: the file the value came from.
    """

    def __init__(
        self,
        reason: str,
        value: object = _NO_VALUE,
        *,
        path: str = "",
        file: str | None = None,
    ) -> None:
        self.reason = reason
        self.value = value
        self.path = path
        self.file = file
        super().__init__(reason)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """The problems this error reports (one, except for :class:`CatalogError`)."""
        return (Problem(self.reason, self.path, self.value, self.file),)

    def located(self, path: str = "", file: str | None = None) -> DealkitError:
        """Return this error with a field path prefix and a file name filled in."""
        new_path = _join_path(path, self.path)
        clone = type(self).__new__(type(self))
        clone.__dict__.update(self.__dict__)
        DealkitError.__init__(clone, self.reason, self.value, path=new_path, file=file or self.file)
        return clone

    def __str__(self) -> str:
        return str(self.problems[0])

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (type(self), self.reason, self.value, self.path, self.file))


def _rebuild(
    cls: type[DealkitError], reason: str, value: object, path: str, file: str | None
) -> DealkitError:
    err = cls.__new__(cls)
    DealkitError.__init__(err, reason, value, path=path, file=file)
    return err


def _join_path(prefix: str, suffix: str) -> str:
    if not prefix:
        return suffix
    if not suffix:
        return prefix
    return prefix + suffix.removeprefix("$")


class ParseError(DealkitError, ValueError):
    """Text that is not a valid figure, unit, date, qualifier or code."""


class InvalidValueError(DealkitError, ValueError):
    """A value outside its domain: negative, non-finite, absurdly large, wrong type."""


class UnknownCurrencyError(InvalidValueError):
    """A currency code that is not an active ISO 4217 code known to babel."""


class DateError(InvalidValueError):
    """An impossible calendar date (``2026-02-30``, month 13, ``Q5``)."""


class CurrencyMismatchError(DealkitError, ValueError):
    """Arithmetic or comparison between amounts of different currencies."""


class DimensionError(DealkitError, TypeError):
    """A quantity of the wrong physical dimension (energy where power is due)."""


class BoundsError(DealkitError, ValueError):
    """Bounds that contradict each other, or a result the bounds do not determine."""


class InvariantError(DealkitError, ValueError):
    """A model whose fields contradict each other (tranches above the total)."""


class PathError(DealkitError, OSError):
    """A path argument that is no usable path (not text, a NUL byte, a lone surrogate, too
    long), or a file or directory that cannot be read or written; ``file`` holds the path,
    cut short for the message.

    .. versionadded:: 0.2
    """



class UnknownDealError(DealkitError, LookupError):
    """No deal, party or claim with the given id."""


class CatalogError(DealkitError, ValueError):
    """One or more problems found in a catalog file; ``problems`` lists them all."""

    def __init__(self, problems: Iterable[Problem], *, file: str | None = None) -> None:
        self._problems = tuple(
            attrs.evolve(p, file=p.file or file) if file else p for p in problems
        )
        first = self._problems[0] if self._problems else Problem("invalid catalog")
        super().__init__(first.reason, first.value, path=first.path, file=first.file)

    @property
    def problems(self) -> tuple[Problem, ...]:
        """Every problem found, in file order."""
        return self._problems

    def __str__(self) -> str:
        if len(self._problems) == 1:
            return str(self._problems[0])
        lines = "\n".join(f"  {p}" for p in self._problems)
        return f"{len(self._problems)} problems:\n{lines}"

    def __reduce__(self) -> tuple[object, ...]:
        return (CatalogError, (self._problems,))


class DealkitWarning(UserWarning):
    """Root of the warnings dealkit emits."""


publish(__name__, __all__, globals())
