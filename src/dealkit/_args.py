"""Checks of the arguments a caller hands to a public function: only a DealkitError leaves.

Public functions call these where a wrong argument would otherwise surface as
Python's own ``TypeError``, ``AttributeError`` or ``OSError`` from deep inside:
a path with a NUL byte, a lone surrogate or 100,000 characters, a string where a
list of claims belongs, a number where a catalog belongs.  Each check names the
argument, what it must be and what it got (cut short, see :func:`short_path`).
"""

from __future__ import annotations

import enum
import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Final, TypeVar

from ._errors import DealkitError, InvalidValueError, PathError, short_path

__all__ = [
    "CheckedEnumType",
    "MAX_PATH_BYTES",
    "check_callable",
    "check_instance",
    "check_items",
    "check_path",
    "check_text",
    "file_errors",
]

T = TypeVar("T")

#: The longest path accepted, in bytes of its file-system encoding (Linux's PATH_MAX).
MAX_PATH_BYTES: Final = 4096
#: The longest file-system name (one part of a path) accepted, in bytes (NAME_MAX).
MAX_NAME_BYTES: Final = 255
def _type_name(value: object) -> str:
    return type(value).__name__


def check_instance(value: object, kind: type[T] | tuple[type, ...], name: str, what: str) -> T:
    """``value`` if it is a ``kind``, else :class:`~dealkit.InvalidValueError` naming ``name``."""
    if isinstance(value, kind) and not (isinstance(value, bool) and bool not in _as_tuple(kind)):
        return value  # type: ignore[return-value]
    raise InvalidValueError(f"'{name}' must be {what}, not {_type_name(value)}", value)


def _as_tuple(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def check_text(value: object, name: str) -> str:
    """``value`` if it is a ``str``, else :class:`~dealkit.InvalidValueError`."""
    return check_instance(value, str, name, "text")


def check_callable(value: object, name: str) -> Any:
    """``value`` if it can be called, else :class:`~dealkit.InvalidValueError`."""
    if callable(value):
        return value
    raise InvalidValueError(f"'{name}' must be a function, not {_type_name(value)}", value)


def check_items(value: object, kind: type[T] | tuple[type, ...], name: str, what: str) -> tuple[T, ...]:
    """The items of an iterable ``value``, each a ``kind``: a tuple, or :class:`~dealkit.InvalidValueError`.

    Text, bytes and mappings are refused as a whole: their characters or keys are no items.
    """
    if isinstance(value, (str, bytes, bytearray, Mapping)) or not isinstance(value, Iterable):
        raise InvalidValueError(f"'{name}' must be a list of {what}, not {_type_name(value)}", value)
    items = tuple(value)
    for i, item in enumerate(items):
        if not isinstance(item, kind):
            raise InvalidValueError(f"'{name}' must be a list of {what}; item {i} is {_type_name(item)}", item)
    return items


def check_path(value: object, name: str = "path") -> Path:
    """``value`` (text or an ``os.PathLike`` of text) as a :class:`~pathlib.Path` the file system can take.

    Raises :class:`~dealkit.PathError` for anything else, and for a path holding a NUL
    byte or a lone surrogate (no file system name), longer than :data:`MAX_PATH_BYTES`,
    or with a part longer than 255 bytes: before the file system sees it.
    """
    if isinstance(value, (bytes, bytearray)):
        raise PathError(f"'{name}' must be text or a path, not bytes", file=short_path(value))
    try:
        text = os.fspath(value)  # type: ignore[call-overload]
    except Exception:  # a TypeError, or whatever a hostile __fspath__ raises
        raise PathError(f"'{name}' must be text or a path, not {_type_name(value)}", file=short_path(value)) from None
    if not isinstance(text, str):
        raise PathError(f"'{name}' must be text or a path, not bytes", file=short_path(text))
    shown = short_path(text)
    if not text:
        raise PathError(f"'{name}' is empty", file=shown)
    if "\x00" in text:
        raise PathError("a path cannot hold a NUL character", file=shown)
    try:
        encoded = os.fsencode(text)
    except UnicodeEncodeError:
        raise PathError("a path cannot hold a lone surrogate (text that is not Unicode)", file=shown) from None
    if len(encoded) > MAX_PATH_BYTES:
        raise PathError(f"a path is at most {MAX_PATH_BYTES} bytes long; this one has {len(encoded)}", file=shown)
    if any(len(part) > MAX_NAME_BYTES for part in encoded.split(b"/")):
        raise PathError(f"a file name is at most {MAX_NAME_BYTES} bytes long", file=shown)
    return Path(text)


@contextmanager
def file_errors(path: object, action: str) -> Iterator[None]:
    """Turn what the file system raises inside the block into a :class:`~dealkit.PathError`.

    ``action`` says what was tried ("read", "write"); the message gives the system's reason.
    """
    try:
        yield
    except DealkitError:
        raise
    except OSError as exc:
        raise PathError(f"cannot {action}: {exc.strerror or exc}", file=short_path(path)) from None
    except (ValueError, UnicodeError) as exc:  # what the checks above refuse, reached another way
        raise PathError(f"cannot {action}: {exc}", file=short_path(path)) from None


class CheckedEnumType(enum.EnumMeta):
    """The metaclass of dealkit's enums: ``Rank("best")`` raises :class:`~dealkit.InvalidValueError`
    naming the allowed values, never Python's ``ValueError`` (which would also ``repr`` the value)."""

    def __call__(cls, value: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: D102
        if args or kwargs:  # the functional API: Enum("Name", "A B")
            return super().__call__(value, *args, **kwargs)
        if isinstance(value, enum.Enum) and any(value is m for m in cls._member_map_.values()):
            return value  # a member already
        try:
            member = cls._value2member_map_.get(value)
        except TypeError:  # unhashable: no member's value
            member = None
        if member is None:
            allowed = ", ".join(repr(m.value) for m in cls)  # type: ignore[var-annotated]
            raise InvalidValueError(f"must be one of {allowed}", value)
        return member
