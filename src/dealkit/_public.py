"""How a part of dealkit presents its public names: as ``dealkit.X``, not ``dealkit._values.money.X``.

Each part's ``__init__`` calls :func:`publish` on its ``__all__``.  A class or
function that dealkit exports at the top level (``dealkit.__all__``, read from
the already imported top-level package, which is the one table of public
names) reports ``__module__ == "dealkit"``; one that only a public subpackage
exports reports that subpackage; the internals shared between parts keep the
module that defines them.  So tracebacks, reprs and the API reference show the
name users import (as httpx does).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping

import attrs

__all__ = ["ORIGINS", "publish"]

#: Where each published class was defined: doctest collection finds class docstrings by it.
ORIGINS: dict[type, str] = {}


def publish(namespace: str, names: Iterable[str], scope: Mapping[str, object]) -> None:
    """Set ``__module__`` on each class and function among ``names`` in ``scope`` (see the module docs).

    Objects defined outside dealkit, aliases and constants are left alone.  The
    field types of attrs classes are resolved first, in the module that defines them.
    """
    top_level = set(getattr(sys.modules.get("dealkit"), "__all__", ()))
    is_public = not any(part.startswith("_") for part in namespace.split("."))
    for name in names:
        obj = scope[name]
        if not (isinstance(obj, type) or callable(obj)) or getattr(obj, "__name__", None) != name:
            continue
        module = getattr(obj, "__module__", None)
        if not (isinstance(module, str) and module.startswith("dealkit.")):
            continue
        target = "dealkit" if name in top_level else namespace if is_public else None
        if target is None or target == module:
            continue
        if isinstance(obj, type):
            ORIGINS[obj] = module
            if attrs.has(obj):
                # String annotations resolve in the module named by __module__:
                # resolve them while that is still the defining module.
                attrs.resolve_types(obj)
        try:
            obj.__module__ = target
        except (AttributeError, TypeError):  # pragma: no cover - a builtin or slotted callable
            pass
