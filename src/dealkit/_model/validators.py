"""Shared attrs validators for dealkit models."""

from __future__ import annotations

import re
from typing import Any, Final

import attrs

from .._errors import InvalidValueError

__all__ = ["ID_RE", "check_id", "check_text", "check_tuple_of"]

#: Ids of deals, parties and claims: lower-case slugs.
ID_RE: Final = re.compile(r"[a-z0-9](?:[a-z0-9._-]{0,78}[a-z0-9])?", re.ASCII)
#: The longest free text a model field accepts.
MAX_FREE_TEXT: Final = 2000
#: Control characters refused in free text: every code point below 32 but tab and newline.
_CONTROL_RE: Final = re.compile(r"[\x00-\x08\x0b-\x1f]")


def check_id(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate a slug id (``amazon-anthropic-2026``)."""
    if not isinstance(value, str) or ID_RE.fullmatch(value) is None:
        raise InvalidValueError(
            "must be a lower-case id of letters, digits, '-', '_' or '.' (at most 80)",
            value,
            path=f"$.{attribute.name}",
        )


def check_text(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Validate free text: a ``str`` of bounded length without control characters."""
    if not isinstance(value, str):
        raise InvalidValueError("must be text", value, path=f"$.{attribute.name}")
    if len(value) > MAX_FREE_TEXT:
        raise InvalidValueError(f"is longer than {MAX_FREE_TEXT} characters", value, path=f"$.{attribute.name}")
    if _CONTROL_RE.search(value) is not None:
        raise InvalidValueError("contains control characters", value, path=f"$.{attribute.name}")


def check_tuple_of(kind: type) -> Any:
    """A validator for a tuple whose items are all ``kind``."""

    def validate(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, tuple):
            raise InvalidValueError("must be a tuple", value, path=f"$.{attribute.name}")
        for i, item in enumerate(value):
            if not isinstance(item, kind):
                raise InvalidValueError(
                    f"must be {kind.__name__}", item, path=f"$.{attribute.name}[{i}]"
                )

    return validate


def estimate_of(kind: type, *, positive: bool = False, optional: bool = False) -> Any:
    """A validator for an :class:`~dealkit.Estimate` whose bounds are all ``kind``.

    ``positive`` then requires every bound to be strictly positive (amounts,
    capacities); ``optional`` lets ``None`` pass.
    """
    from .._values import Estimate

    def validate(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is None and optional:
            return
        if not isinstance(value, Estimate):
            raise InvalidValueError(
                f"must be an Estimate of {kind.__name__}", value, path=f"$.{attribute.name}"
            )
        bounds = (value.low, value.high, value.central)
        for bound in bounds:
            if bound is not None and not isinstance(bound, kind):
                raise InvalidValueError(
                    f"must be an Estimate of {kind.__name__}, not of {type(bound).__name__}",
                    str(value),
                    path=f"$.{attribute.name}",
                )
        if positive:
            _check_positive(bounds, value, attribute)

    return validate


def _check_positive(bounds: tuple[Any, ...], value: object, attribute: attrs.Attribute[Any]) -> None:
    for bound in bounds:
        if bound is None:
            continue
        number = getattr(bound, "amount", getattr(bound, "base", bound))
        if not number > 0:
            raise InvalidValueError("must be positive", str(value), path=f"$.{attribute.name}")


def instance_of(kind: type) -> Any:
    """Like :func:`attrs.validators.instance_of`, raising :class:`InvalidValueError` with the field path."""

    def validate(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            raise InvalidValueError(
                f"must be {kind.__name__}, not {type(value).__name__}", value, path=f"$.{attribute.name}"
            )

    return validate


def optional_instance_of(kind: type) -> Any:
    """``None`` or an instance of ``kind``."""
    check = instance_of(kind)

    def validate(inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None:
            check(inst, attribute, value)

    return validate


def one_of(*allowed: str) -> Any:
    """The value is one of ``allowed`` (a closed set of names)."""

    def validate(_inst: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value not in allowed:
            raise InvalidValueError(
                f"must be one of {', '.join(repr(a) for a in allowed)}", value, path=f"$.{attribute.name}"
            )

    return validate
