"""The native "blur-algorithms" benchmark: the site's declaration, its Gaussian, every variant."""

import numpy as np
import pytest

from everycore.im2col import conv2d_naive
from everycore.lab.blur_algorithms import BLUR_ALGORITHMS as bench
from everycore.lab.blur_algorithms import gaussian_taps_f32
from lab_checks import check_every_variant


def _blur(k, height=512, width=512):
    return {"batch": 1, "channels": 1, "height": height, "width": width, "filters": 1,
            "kernelH": k, "kernelW": k, "stride": 1, "padding": (k - 1) // 2}


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/blur-algorithms.ts: a 512×512 image, windows of 3, 9 and 25, seed 0.
    assert bench.id == "blur-algorithms" and bench.seed == 0
    assert [(c.label, c.params) for c in bench.cases] == [
        (f"k={k}", _blur(k)) for k in (3, 9, 25)]
    assert bench.tolerance(_blur(25)) == 2 * 625 * 2.0 ** -24 * 255
    assert [v.id for v in bench.variants] == ["conv2d-f32-shifted-numpy",
                                              "conv2d-f32-separable-numpy"]


def test_gaussian_taps_are_the_sites():
    # gaussianTapsF32 of src/kernels/gaussian-taps-f32.ts, printed under Node.
    assert gaussian_taps_f32(3).tolist() == [0.10650698095560074, 0.7869860529899597,
                                             0.10650698095560074]
    assert gaussian_taps_f32(9).tolist() == [
        0.00761441932991147, 0.03607496991753578, 0.10958608239889145, 0.2134445458650589,
        0.26655998826026917, 0.2134445458650589, 0.10958608239889145, 0.03607496991753578,
        0.00761441932991147]
    assert gaussian_taps_f32(25)[12] == np.float32(0.09599926322698593)


def test_input_is_8_bit_gray_levels_and_the_whole_filter_is_the_outer_product():
    inp = bench.input(bench.cases[1].params, bench.seed)
    assert inp.x.shape == (1, 1, 512, 512) and inp.x.dtype == np.float32
    assert inp.x.min() == 0 and inp.x.max() == 255 and np.all(inp.x == np.round(inp.x))
    taps = gaussian_taps_f32(9)
    np.testing.assert_array_equal(inp.u.ravel(), taps)
    np.testing.assert_array_equal(inp.w[0, 0], np.outer(taps, taps).astype(np.float32))
    assert inp.b.tolist() == [0.0]


@pytest.mark.parametrize("k", [3, 9])
def test_every_variant_equals_the_reference_on_an_odd_image(k):
    small = _blur(k, height=21, width=15)
    inp = bench.input(small, bench.seed)
    reference = bench.reference(small, inp)
    # The reference is the plain definition: the nested loops, in float64.
    x, w, b = (a.astype(np.float64) for a in (inp.x, inp.w, inp.b))
    np.testing.assert_allclose(reference, conv2d_naive(x, w, b, 1, small["padding"]),
                               rtol=1e-13, atol=1e-11)
    check_every_variant(bench, small, shape=(1, 1, 21, 15))
