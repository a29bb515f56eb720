"""PyTorch is an optional extra, the native peer of the site's tfjs rows: its variants run where it
is installed and are skipped, with the reason, where it is not.

It is not in the ``all`` extra (the wheel alone is hundreds of megabytes), so every benchmark that
races it imports torch inside its variant's prepare: ``python -m everycore list`` neither needs
nor loads it. Each torch variant is timed on 1, 2, 4… threads up to the cap, set with
``torch.set_num_threads`` while it runs and restored after (``torch_variant``).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import Any

import numpy as np

from everycore.lab.benchmark import Params, Threading, Variant
from everycore.lab.optional import requires

NEEDS_TORCH = "PyTorch is not installed: pip install 'everycore[torch]'"

# A torch variant's body: from a case's parameters and its numpy inputs, what the timed call does.
# It runs under the variant's thread count, so whatever it sets up sees the same threads.
Build = Callable[[Params, Any], Callable[[], np.ndarray]]


needs_torch = requires("torch", NEEDS_TORCH)  # a Variant.skip


@contextmanager
def torch_threads(count: int):
    """PyTorch's operators run on ``count`` threads inside the block (its intra-op pool, OpenMP
    in the Linux wheels); the count it had is restored on the way out."""
    import torch
    before = torch.get_num_threads()
    torch.set_num_threads(count)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def torch_variant(id: str, label: str, build: Build) -> Variant:
    """A variant that runs ``build``'s call under the thread count the harness times it at."""
    @contextmanager
    def prepare(p: Params, inputs: Any, threads: int):
        with torch_threads(threads):
            yield build(p, inputs)
    return Variant(id=id, label=label, prepare=prepare, threading=Threading.THREADS,
                   skip=needs_torch)
