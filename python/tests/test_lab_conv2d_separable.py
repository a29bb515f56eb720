"""The native "conv2d-separable" benchmark and the two-pass separable convolution."""

import numpy as np
import pytest

from everycore.im2col import conv2d_naive
from everycore.lab.conv2d_im2col import CONV2D_IM2COL
from everycore.lab.conv2d_separable import CONV2D_SEPARABLE
from everycore.shifted_conv import conv2d_separable
from lab_checks import check_every_variant

SMALL = {"batch": 1, "channels": 2, "height": 11, "width": 8, "filters": 3,
         "kernelH": 5, "kernelW": 5, "stride": 1, "padding": 2}


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/conv2d-separable.ts: a 9×9 filter on a 256×256 image, seed 20261202.
    assert CONV2D_SEPARABLE.id == "conv2d-separable" and CONV2D_SEPARABLE.seed == 20261202
    assert [c.label for c in CONV2D_SEPARABLE.cases] == [
        "(1,1,256,256)→1, 9×9", "(1,3,256,256)→3, 9×9"]
    assert [c.params for c in CONV2D_SEPARABLE.cases] == [
        {"batch": 1, "channels": c, "height": 256, "width": 256, "filters": c,
         "kernelH": 9, "kernelW": 9, "stride": 1, "padding": 4} for c in (1, 3)]
    assert [v.id for v in CONV2D_SEPARABLE.variants] == [
        "conv2d-f32-shifted-numpy", "conv2d-f32-im2col-numpy", "conv2d-f32-separable-numpy"]
    assert (CONV2D_SEPARABLE.reference, CONV2D_SEPARABLE.tolerance, CONV2D_SEPARABLE.flops) == (
        CONV2D_IM2COL.reference, CONV2D_IM2COL.tolerance, CONV2D_IM2COL.flops)


def test_input_is_the_sites():
    # x, u, v, b from seed, seed + 1, seed + 3, seed + 2, w = separableWeights(u, v): under Node.
    inp = CONV2D_SEPARABLE.input(CONV2D_SEPARABLE.cases[0].params, CONV2D_SEPARABLE.seed)
    assert inp.x.shape == (1, 1, 256, 256) and inp.w.shape == (1, 1, 9, 9)
    assert (inp.u.shape, inp.v.shape, inp.b.shape) == ((1, 1, 9), (1, 1, 9), (1,))
    assert inp.x.ravel()[:3].tolist() == [
        0.7486963272094727, 0.7417510747909546, -0.384346067905426]
    assert inp.u.ravel()[:3].tolist() == [
        -0.5879555344581604, 0.8698095679283142, -0.16055208444595337]
    assert inp.v.ravel()[:3].tolist() == [
        -0.1547328382730484, -0.8986313343048096, -0.036373961716890335]
    assert inp.w.ravel()[:3].tolist() == [
        0.09097602963447571, 0.5283552408218384, 0.021386271342635155]
    assert inp.b.tolist() == [-0.03409360721707344]
    assert inp.w.dtype == np.float32


def test_every_variant_equals_the_reference():
    check_every_variant(CONV2D_SEPARABLE, SMALL, shape=(1, 3, 11, 8), dtype=np.float32)


@pytest.mark.parametrize("stride, padding, with_bias", [(1, 2, True), (2, 1, False), (3, 0, True)])
def test_two_passes_equal_the_nested_loops_on_the_outer_product(stride, padding, with_bias):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((2, 3, 12, 9))
    u, v = rng.standard_normal((4, 3, 5)), rng.standard_normal((4, 3, 3))   # 5 tall, 3 wide
    b = rng.standard_normal(4) if with_bias else None
    w = u[:, :, :, None] * v[:, :, None, :]
    np.testing.assert_allclose(conv2d_separable(x, u, v, b, stride, padding),
                               conv2d_naive(x, w, b, stride, padding), rtol=0, atol=1e-12)


def test_factors_must_agree_with_each_other_and_the_image():
    x = np.zeros((1, 3, 6, 6))
    with pytest.raises(ValueError, match=r"u must be \(F, C, kH\)"):
        conv2d_separable(x, np.zeros((2, 3, 3)), np.zeros((2, 2, 3)))
    with pytest.raises(ValueError, match="channel mismatch"):
        conv2d_separable(x, np.zeros((2, 4, 3)), np.zeros((2, 4, 3)))
    with pytest.raises(ValueError, match=r"b must have shape \(2,\)"):
        conv2d_separable(x, np.zeros((2, 3, 3)), np.zeros((2, 3, 3)), b=np.zeros(3))
