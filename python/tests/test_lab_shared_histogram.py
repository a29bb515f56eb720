"""The native "shared-histogram" benchmark: the site's declaration and image, every count exact."""

import numpy as np
import pytest

from everycore.lab.benchmark import Threading
from everycore.lab.shared_histogram import SHARED_HISTOGRAM as bench

(CASE,) = (c.params for c in bench.cases)


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/shared-histogram.ts
    assert bench.id == "shared-histogram" and bench.seed == 44
    assert [(c.label, c.params) for c in bench.cases] == [
        ("2048×1024 pixels", {"width": 2048, "height": 1024})]
    assert bench.tolerance(CASE) == 0


def test_input_and_reference_are_the_sites():
    # smoothImageU8(2048, 1024, 44) and histogramU8Ref of it, under Node.
    pixels = bench.input(CASE, bench.seed)
    assert pixels.shape == (2048 * 1024,) and pixels.dtype == np.uint8
    assert pixels[:8].tolist() == [144, 132, 132, 147, 145, 143, 145, 143]
    bins = bench.reference(CASE, pixels)
    assert bins[60:70].tolist() == [0, 0, 0, 0, 0, 0, 0, 0, 300, 826]
    assert bins[120:124].tolist() == [19266, 19575, 20346, 21206]
    assert bins.sum() == pixels.size


@pytest.mark.parametrize("processes", [1, 2])
def test_every_variant_counts_exactly(processes):
    p = {"width": 37, "height": 29}
    pixels = bench.input(p, bench.seed)
    reference = bench.reference(p, pixels)
    for variant in bench.variants:
        threads = processes if variant.threading is Threading.PROCESSES else 1
        with variant.prepare(p, pixels, threads) as call:
            first, again = call().copy(), call()
        # Twice: the shared counts are zeroed between calls, not added to.
        for out in (first, again):
            assert out.shape == (256,), variant.id
            np.testing.assert_array_equal(out, reference, err_msg=variant.id)
