"""A fast structuring path for the deal models, with the detailed path as its fallback.

cattrs' generated hooks with ``detailed_validation`` wrap every field in its own
``try`` and note, so that a bad record reports every problem with its path.
Valid records, nearly every record loaded, need none of that.
:class:`FastStructureHook` first runs cattrs' generated code *without* the
detailed bookkeeping (the same field hooks, the same unknown-key check, the
class's own validators) on tables; on any error, or on anything but a table, it
runs the detailed hook (generated then, on first need) on the same data
instead.  So every error, message and path stays exactly what it was: the fast
path decides nothing on its own, it only skips bookkeeping that valid data does
not need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, final

import cattrs
from cattrs.gen import make_dict_structure_fn

__all__ = ["FastStructureHook", "fast_structure_hook"]

Hook = Callable[[Any, Any], Any]


@final
class FastStructureHook:
    """A structure hook for the attrs class ``cls``: fast on valid data, ``detailed`` otherwise.

    The fast code is generated on first use, so hooks registered on ``conv``
    after this one (for the item types of the class's tuples) are the ones used.
    """

    __slots__ = ("cls", "conv", "_detailed", "_fast", "_make_detailed")

    def __init__(self, conv: cattrs.Converter, cls: type, make_detailed: Callable[[], Hook]) -> None:
        self.conv = conv
        self.cls = cls
        self._make_detailed = make_detailed
        self._detailed: Hook | None = None
        self._fast: Hook | None = None

    @property
    def detailed(self) -> Hook:
        """The detailed hook, run on every input the fast path does not accept (built on first use)."""
        if self._detailed is None:
            self._detailed = self._make_detailed()
        return self._detailed

    def _prepare(self) -> Hook:
        # cattrs' own generated code for the class, without the detailed bookkeeping:
        # the same field hooks, the same unknown-key check, the class's own validators.
        self._fast = make_dict_structure_fn(
            self.cls, self.conv, _cattrs_forbid_extra_keys=True, _cattrs_detailed_validation=False
        )
        return self._fast

    def __call__(self, value: Any, t: Any) -> Any:
        if type(value) is dict:
            fast = self._fast if self._fast is not None else self._prepare()
            try:
                return fast(value, t)
            except Exception:  # noqa: BLE001 - the detailed hook reports it, with every path
                pass
        return self.detailed(value, t)


def fast_structure_hook(conv: cattrs.Converter, cls: type, make_detailed: Callable[[], Hook]) -> FastStructureHook:
    """A :class:`FastStructureHook` for ``cls`` on ``conv``, falling back to the hook ``make_detailed()`` builds."""
    return FastStructureHook(conv, cls, make_detailed)
