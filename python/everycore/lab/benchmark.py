"""A benchmark, declared once: cases, seeded input, reference, tolerance, work model, variants.

The same shape as the site's ``defineBenchmark`` (``src/lab/benchmark.ts``), so a native run
and a browser run of one benchmark share its id, case labels, parameters and variant names.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import Enum
from typing import Any

import numpy as np

Params = Mapping[str, int]

# A variant's prepare(params, inputs, threads) allocates outside the timed region and yields the
# call to time; the call returns its output, which is checked against the reference once.
Prepare = Callable[[Params, Any, int], AbstractContextManager[Callable[[], np.ndarray]]]


class Threading(Enum):
    """How a variant uses the CPU, which decides the thread counts it is timed at."""

    SINGLE = "single"        # one thread (BLAS limited to one when threadpoolctl can do it)
    BLAS = "blas"            # numpy's BLAS threads: timed at 1 and at N when they can be set
    PROCESSES = "processes"  # a pool of N worker processes
    THREADS = "threads"      # a kernel's own N threads (Numba's prange, PyTorch's intra-op pool)


@dataclass(frozen=True)
class Case:
    label: str
    params: Params


def always_runs(params: Params, quick: bool) -> str | None:
    return None


@dataclass(frozen=True)
class Variant:
    # Kernel name, XNNPACK-style: op, type, method, engine ("conv2d-f32-im2col-numpy").
    id: str
    label: str
    prepare: Prepare
    threading: Threading = Threading.SINGLE
    # Why this variant does not run on a case (in this mode), or None when it does.
    skip: Callable[[Params, bool], str | None] = always_runs


@dataclass(frozen=True)
class Benchmark:
    id: str
    title: str
    cases: tuple[Case, ...]
    # Seed of the input generator, so every run everywhere sees the same data.
    seed: int
    input: Callable[[Params, int], Any]
    # The obviously correct result every variant is checked against.
    reference: Callable[[Params, Any], np.ndarray]
    # Largest absolute error accepted against the reference.
    tolerance: Callable[[Params], float]
    # Floating-point operations of one call, for GFLOP/s.
    flops: Callable[[Params], float]
    variants: tuple[Variant, ...]
    # The variant speedups are relative to, on this engine: the results file names it, so the
    # site's table computes a native run's speedups against the native baseline.
    baseline: str

    def __post_init__(self) -> None:
        ids = [v.id for v in self.variants]
        if self.baseline not in ids:
            raise ValueError(f"invalid baseline: {self.baseline} is not a variant of {self.id} "
                             f"(variants: {', '.join(ids)})")

