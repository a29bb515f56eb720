"""What every native benchmark's test checks: each variant computes the benchmark's result."""

import numpy as np

from everycore.lab.benchmark import Benchmark, Params, Variant
from everycore.lab.optional_torch import NEEDS_TORCH
from everycore.lab.run import max_abs_diff


def variants_to_check(bench: Benchmark, params: Params) -> list[Variant]:
    """Every variant of ``bench``, each of which must run on ``params`` in a quick run, except
    PyTorch's where it is not installed (it is not in the "all" extra; test_lab_torch.py then
    reports them as skipped). Where torch is installed, as in CI, none is left out."""
    todo = []
    for variant in bench.variants:
        reason = variant.skip(params, True)
        if reason != NEEDS_TORCH:
            assert reason is None, variant.id
            todo.append(variant)
    return todo


def check_every_variant(bench: Benchmark, params: Params, *, shape: tuple[int, ...],
                        threads: int = 1, calls: int = 1,
                        dtype: type | None = None) -> dict[str, np.ndarray]:
    """Runs every variant of ``bench`` on ``params`` as the harness does (prepared once, then
    called ``calls`` times) and checks the last output's shape (and dtype), and its distance to
    the reference against the benchmark's tolerance. None may be skipped on ``params`` in a quick
    run (but PyTorch's where it is missing: ``variants_to_check``). Returns the outputs by variant
    id, for checks of their own."""
    inputs = bench.input(params, bench.seed)
    reference = bench.reference(params, inputs)
    tolerance = bench.tolerance(params)
    outputs = {}
    for variant in variants_to_check(bench, params):
        with variant.prepare(params, inputs, threads) as call:
            for _ in range(calls):
                out = call()
        assert out.shape == shape, variant.id
        assert dtype is None or out.dtype == dtype, variant.id
        assert max_abs_diff(out, reference) <= tolerance, variant.id
        outputs[variant.id] = out
    return outputs
