"""dealkit: typed, unit-safe domain models for very large AI-infrastructure deals.

Every public name is listed once, in ``__init__.pyi``; each is imported from
its part of the package on first use, so ``import dealkit`` stays cheap.

>>> import dealkit
>>> deal = dealkit.get_deal("amazon-anthropic-2026")
>>> str(deal.investment)
'up to 25000000000 USD'
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import lazy_loader

if TYPE_CHECKING:  # pragma: no cover - the stub is what type checkers read
    from ._model import Deal

_lazy_getattr, _lazy_dir, _stub_names = lazy_loader.attach_stub(__name__, __file__)

__all__ = sorted({*_stub_names, "get_deal", "ureg"})


def get_deal(deal_id: str) -> Deal:
    """The deal ``deal_id`` from the built-in catalog.

    >>> get_deal("amazon-anthropic-2026").announced
    PartialDate.parse('2026-04-20')
    """
    from .catalog import builtin_catalog

    return builtin_catalog().deal(deal_id)


def __getattr__(name: str) -> object:
    if name == "ureg":
        from ._values import get_registry

        return get_registry()
    return _lazy_getattr(name)


def __dir__() -> list[str]:
    return __all__
