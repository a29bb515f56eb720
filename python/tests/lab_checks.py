"""What every native benchmark's test checks: each variant computes the benchmark's result."""

import numpy as np

from everycore.lab.benchmark import Benchmark, Params
from everycore.lab.run import max_abs_diff


def check_every_variant(bench: Benchmark, params: Params, *, shape: tuple[int, ...],
                        threads: int = 1, calls: int = 1,
                        dtype: type | None = None) -> dict[str, np.ndarray]:
    """Runs every variant of ``bench`` on ``params`` as the harness does (prepared once, then
    called ``calls`` times) and checks the last output's shape (and dtype), and its distance to
    the reference against the benchmark's tolerance. None may be skipped on ``params`` in a quick
    run. Returns the outputs by variant id, for checks of their own."""
    inputs = bench.input(params, bench.seed)
    reference = bench.reference(params, inputs)
    tolerance = bench.tolerance(params)
    outputs = {}
    for variant in bench.variants:
        assert variant.skip(params, True) is None, variant.id
        with variant.prepare(params, inputs, threads) as call:
            for _ in range(calls):
                out = call()
        assert out.shape == shape, variant.id
        assert dtype is None or out.dtype == dtype, variant.id
        assert max_abs_diff(out, reference) <= tolerance, variant.id
        outputs[variant.id] = out
    return outputs
