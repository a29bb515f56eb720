"""The native "conv-vectorization" benchmark: the site's declaration, and every variant's output."""

import numpy as np
import pytest

from everycore.lab.conv2d_im2col import CONV2D_IM2COL
from everycore.lab.conv_vectorization import CONV_VECTORIZATION as bench
from lab_checks import check_every_variant


def _plane(k, height=512, width=512):
    return {"batch": 1, "channels": 1, "height": height, "width": width, "filters": 1,
            "kernelH": k, "kernelW": k, "stride": 1, "padding": (k - 1) // 2}


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/conv-vectorization.ts: one 512×512 channel, one 3×3 and one 5×5 filter.
    assert bench.id == "conv-vectorization" and bench.seed == 20261124
    assert [(c.label, c.params) for c in bench.cases] == [("3×3", _plane(3)), ("5×5", _plane(5))]
    # The site's convModel: conv2d-im2col's input, reference, tolerance and FLOPs.
    assert (bench.input, bench.reference, bench.tolerance, bench.flops) == (
        CONV2D_IM2COL.input, CONV2D_IM2COL.reference, CONV2D_IM2COL.tolerance, CONV2D_IM2COL.flops)
    assert bench.flops(_plane(3)) == 4_718_592   # convFlops on the site


def test_input_and_reference_are_the_sites():
    p = bench.cases[0].params
    inp = bench.input(p, bench.seed)
    # randomF32(3, 20261124) and the site's reference (float32 of its float64 sums), under Node.
    assert inp.x.ravel()[:3].tolist() == [-0.6322874426841736, 0.9289775490760803,
                                          0.26751238107681274]
    site = [0.6973701119422913, -0.3110570013523102, -0.0015599014004692435]
    np.testing.assert_allclose(bench.reference(p, inp).ravel()[:3], site, rtol=2.0 ** -24)


@pytest.mark.parametrize("k", [3, 5])
def test_every_variant_equals_the_reference_on_an_odd_plane(k):
    check_every_variant(bench, _plane(k, height=13, width=17), shape=(1, 1, 13, 17))


def test_only_the_element_by_element_loops_are_left_to_full_runs():
    three, five = (c.params for c in bench.cases)
    skips = {v.id: (v.skip(three, True), v.skip(five, False)) for v in bench.variants}
    loops = skips.pop("conv2d-f32-direct-python")
    assert "run without --quick" in loops[0] and loops[1] is None
    assert all(s == (None, None) for s in skips.values())
