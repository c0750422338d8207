"""A fast structuring path for the deal models, with the detailed path as its fallback.

cattrs' generated hooks with ``detailed_validation`` wrap every field in its own
``try`` and note, so that a bad record reports every problem with its path.
For the valid records that make up nearly every load, that bookkeeping is most
of the cost.  :func:`fast_structure_hook` structures a table straight into the
class, through the *same* field hooks and the class's own validators, and
refuses anything the detailed hook would refuse (unknown or missing keys,
non-tables).  On any error it runs the detailed hook (generated then, on first
need) on the same data instead,
so every error, message and path stays exactly what it was: the fast path
decides nothing on its own, it only skips bookkeeping that valid data does not
need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Union, final, get_args, get_origin

import attrs
import cattrs

__all__ = ["FastStructureHook", "fast_structure_hook"]

_NONE_TYPE = type(None)
Hook = Callable[[Any, Any], Any]


def _optional_inner(t: Any) -> Any:
    """``X`` for ``X | None`` (``Optional[X]``), else None."""
    origin = get_origin(t)
    if origin is Union or (origin is not None and getattr(origin, "__name__", "") == "UnionType"):
        args = [a for a in get_args(t) if a is not _NONE_TYPE]
        if len(args) == 1 and len(get_args(t)) == 2:
            return args[0]
    return None


@final
class FastStructureHook:
    """A structure hook for the attrs class ``cls``: fast on valid data, ``detailed`` otherwise.

    The field hooks are looked up from ``conv`` on first use, so hooks
    registered later (for the item types of the class's tuples) are the ones used.
    """

    __slots__ = ("cls", "conv", "_detailed", "_make_detailed", "_names", "_plan", "_required")

    def __init__(self, conv: cattrs.Converter, cls: type, make_detailed: Callable[[], Hook]) -> None:
        self.conv = conv
        self.cls = cls
        self._make_detailed = make_detailed
        self._detailed: Hook | None = None
        self._plan: list[tuple[str, Callable[[Any, Any], Any], Any, bool]] | None = None
        self._names: frozenset[str] = frozenset()
        self._required: frozenset[str] = frozenset()

    @property
    def detailed(self) -> Hook:
        """The detailed hook, run on every input the fast path does not accept (built on first use)."""
        if self._detailed is None:
            self._detailed = self._make_detailed()
        return self._detailed

    def _prepare(self) -> list[tuple[str, Callable[[Any, Any], Any], Any, bool]]:
        fields = attrs.fields(attrs.resolve_types(self.cls))
        plan = []
        for a in fields:
            inner = _optional_inner(a.type)
            if inner is not None:
                plan.append((a.name, self.conv.get_structure_hook(inner), inner, True))
            else:
                plan.append((a.name, self.conv.get_structure_hook(a.type), a.type, False))
        self._names = frozenset(a.name for a in fields)
        self._required = frozenset(a.name for a in fields if a.default is attrs.NOTHING)
        self._plan = plan
        return plan

    def __call__(self, value: Any, t: Any) -> Any:
        plan = self._plan if self._plan is not None else self._prepare()
        if type(value) is dict and self._names.issuperset(value):
            try:
                kwargs = {}
                for name, structure, typ, optional in plan:
                    if name in value:
                        v = value[name]
                        kwargs[name] = None if optional and v is None else structure(v, typ)
                    elif name in self._required:
                        raise KeyError(name)
                return self.cls(**kwargs)
            except Exception:  # noqa: BLE001 - the detailed hook reports it, with every path
                pass
        return self.detailed(value, t)


def fast_structure_hook(conv: cattrs.Converter, cls: type, make_detailed: Callable[[], Hook]) -> FastStructureHook:
    """A :class:`FastStructureHook` for ``cls`` on ``conv``, falling back to the hook ``make_detailed()`` builds."""
    return FastStructureHook(conv, cls, make_detailed)
