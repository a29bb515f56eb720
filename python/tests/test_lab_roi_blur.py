"""The native "roi-blur" benchmark: the site's declaration, both variants on odd frames, edges."""

import numpy as np
import pytest

from everycore.lab.blur_algorithms import BLUR_ALGORITHMS
from everycore.lab.roi_blur import ROI_BLUR as bench
from everycore.lab.roi_blur import roi_params
from lab_checks import check_every_variant


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/roi-blur.ts: k = 25 on 512×512, squares centred on (128, 224), seed 0.
    assert bench.id == "roi-blur" and bench.seed == 0
    assert [(c.label, c.params) for c in bench.cases] == [
        ("1/4 (256×256)", roi_params(512, 512, 25, (0, 96, 256, 256))),
        ("1/16 (128×128)", roi_params(512, 512, 25, (64, 160, 128, 128))),
        ("1/64 (64×64)", roi_params(512, 512, 25, (96, 192, 64, 64)))]
    assert bench.baseline == "blur-f32-full-crop-numpy"
    assert [v.id for v in bench.variants] == ["blur-f32-full-crop-numpy", "blur-f32-region-numpy"]
    assert bench.tolerance(bench.cases[0].params) == 2 * 625 * 2.0 ** -24 * 255


def test_input_is_blur_algorithms_image_and_taps():
    inp = bench.input(bench.cases[1].params, bench.seed)
    same = BLUR_ALGORITHMS.input(BLUR_ALGORITHMS.cases[2].params, BLUR_ALGORITHMS.seed)
    np.testing.assert_array_equal(inp.x, same.x)
    np.testing.assert_array_equal(inp.u, same.u)
    assert inp.x.shape == (1, 1, 512, 512) and inp.u.shape == (1, 1, 25)


@pytest.mark.parametrize("height,width,k,box", [
    (41, 37, 9, (12, 10, 9, 11)),   # halo inside the frame
    (41, 37, 9, (0, 0, 5, 3)),      # top-left corner: the halo crosses two borders
    (41, 37, 9, (36, 30, 5, 6)),    # bottom edge, near the right one
    (23, 19, 25, (0, 0, 23, 19)),   # the whole frame, window wider than it: every border
    (9, 7, 1, (4, 3, 1, 1)),        # k = 1, one pixel
])
def test_both_variants_equal_the_reference_and_each_other(height, width, k, box):
    out = check_every_variant(bench, roi_params(height, width, k, box), shape=box[2:])
    np.testing.assert_array_equal(out["blur-f32-region-numpy"], out["blur-f32-full-crop-numpy"])
