"""Doctest collection for a package whose public names report ``__module__ == "dealkit"``.

doctest attributes an object to the module its ``__module__`` names, so every
published class and function would be collected from ``dealkit/__init__.py``
(when already loaded there) and never from the module that defines it.  Here
an object belongs to the module that defines it: a function by its globals,
a class by where :func:`dealkit._public.publish` found it.
"""

from __future__ import annotations

import doctest
import inspect
from types import ModuleType

from dealkit._public import ORIGINS

_from_module = doctest.DocTestFinder._from_module  # type: ignore[attr-defined]


def _defined_in(self: doctest.DocTestFinder, module: ModuleType | None, obj: object) -> bool:
    if module is not None and inspect.isfunction(obj):
        return module.__dict__ is obj.__globals__
    if module is not None and isinstance(obj, type) and obj in ORIGINS:
        return ORIGINS[obj] == module.__name__
    result: bool = _from_module(self, module, obj)
    return result


doctest.DocTestFinder._from_module = _defined_in  # type: ignore[attr-defined]
