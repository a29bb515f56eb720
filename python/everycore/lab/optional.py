"""Variants that need an optional package: skipped, with the install that enables them, without it."""

from __future__ import annotations

import importlib
from collections.abc import Callable

from everycore.lab.benchmark import Params


def requires(module: str, reason: str) -> Callable[[Params, bool], str | None]:
    """A ``Variant.skip``: ``reason`` when ``module`` cannot be imported here, else None."""
    def skip(params: Params, quick: bool) -> str | None:
        try:
            importlib.import_module(module)
        except ImportError:
            return reason
        return None
    return skip
