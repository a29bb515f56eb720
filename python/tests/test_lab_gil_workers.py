"""The native "gil-workers" benchmark: the site's declaration; every way counts the same steps."""

import numpy as np
import pytest

from everycore.gil import collatz_steps
from everycore.lab.benchmark import Threading
from everycore.lab.gil_workers import GIL_WORKERS as bench


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/gil-workers.ts: one case, no random input (seed 0).
    assert bench.id == "gil-workers" and bench.seed == 0
    assert [(c.label, c.params) for c in bench.cases] == [("300,000", {"stop": 300_000})]
    assert bench.input(bench.cases[0].params, bench.seed) is None
    assert bench.tolerance(bench.cases[0].params) == 0


def test_reference_is_the_sites_count():
    # collatzStepsRange(1, 300000) of src/kernels/collatz-steps-tasks.ts, printed under Node.
    assert bench.reference(bench.cases[0].params, None).tolist() == [35_669_673]


@pytest.mark.parametrize("stop", [2, 3, 1000])
def test_reference_counts_what_the_loop_counts(stop):
    assert bench.reference({"stop": stop}, None).tolist() == [collatz_steps(1, stop)]


@pytest.mark.parametrize("workers", [1, 3])
def test_every_variant_counts_the_reference_total(workers):
    small = {"stop": 2001}
    expected = bench.reference(small, None)
    for variant in bench.variants:
        assert variant.skip(small, True) is None, variant.id
        with variant.prepare(small, None, workers) as call:
            np.testing.assert_array_equal(call(), expected, err_msg=variant.id)


def test_threads_and_processes_are_timed_as_such():
    kinds = {v.id: v.threading for v in bench.variants}
    assert kinds == {"collatz-steps-python": Threading.SINGLE,
                     "collatz-steps-python-threads": Threading.THREADS,
                     "collatz-steps-python-processes": Threading.PROCESSES}
