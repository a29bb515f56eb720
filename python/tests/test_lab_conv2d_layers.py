"""The native "conv2d-layers" benchmark and its shifted-planes convolution."""

import numpy as np
import pytest
from conftest import HAS_TORCH

from everycore.cython_build import CACHE_ENV
from everycore.im2col import conv2d_naive
from everycore.lab.benchmark import Threading
from everycore.lab.conv2d_im2col import CONV2D_IM2COL, multiply_adds
from everycore.lab.conv2d_layers import CONV2D_LAYERS
from everycore.lab.optional_torch import NEEDS_TORCH
from everycore.shifted_conv import conv2d_shifted
from lab_checks import check_every_variant

# Odd sizes, more filters than channels, a non-square image.
SMALL = {"batch": 2, "channels": 3, "height": 7, "width": 9, "filters": 4,
         "kernelH": 3, "kernelW": 3, "stride": 1, "padding": 1}


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/conv2d-layers.ts: three first layers, three deep ones, seed 20261201.
    assert CONV2D_LAYERS.id == "conv2d-layers" and CONV2D_LAYERS.seed == 20261201
    assert [c.label for c in CONV2D_LAYERS.cases] == [
        "(1,3,32,32)→16", "(1,3,64,64)→16", "(1,3,128,128)→16",
        "(1,64,56,56)→64", "(1,128,28,28)→128", "(1,256,14,14)→256"]
    for case in CONV2D_LAYERS.cases:
        p = case.params
        assert list(p) == ["batch", "channels", "height", "width", "filters",
                           "kernelH", "kernelW", "stride", "padding"]
        assert (p["kernelH"], p["kernelW"], p["stride"], p["padding"]) == (3, 3, 1, 1)
    # The three deep layers hold the same work in different shapes.
    assert {multiply_adds(c.params) for c in CONV2D_LAYERS.cases[3:]} == {115_605_504}
    # The convolution's input model (x, w, b from seed, seed + 1, seed + 2), printed under Node.
    inp = CONV2D_LAYERS.input(CONV2D_LAYERS.cases[0].params, CONV2D_LAYERS.seed)
    assert inp.x.ravel()[:3].tolist() == [
        -0.4346000552177429, -0.5308423042297363, -0.7852214574813843]
    assert inp.w.ravel()[:3].tolist() == [
        0.7486963272094727, 0.7417510747909546, -0.384346067905426]
    assert inp.b[:3].tolist() == [-0.5879555344581604, 0.8698095679283142, -0.16055208444595337]
    assert (CONV2D_LAYERS.reference, CONV2D_LAYERS.tolerance) == (
        CONV2D_IM2COL.reference, CONV2D_IM2COL.tolerance)


def test_the_variants_and_how_they_use_the_cores():
    assert [(v.id, v.threading) for v in CONV2D_LAYERS.variants] == [
        ("conv2d-f32-direct-python", Threading.SINGLE),
        ("conv2d-f32-shifted-numpy", Threading.SINGLE),   # einsum's own loop: no BLAS
        ("conv2d-f32-im2col-numpy", Threading.BLAS),
        ("conv2d-f32-direct-numba", Threading.SINGLE),
        ("conv2d-f32-direct-numba-parallel", Threading.THREADS),
        ("conv2d-f32-direct-cython", Threading.SINGLE),
        ("conv2d-f32-torch", Threading.THREADS)]   # PyTorch's own threads


def test_every_variant_equals_the_reference(monkeypatch, conv_cython, cython_cache):
    monkeypatch.setenv(CACHE_ENV, str(cython_cache))   # the session's build, not a new one
    check_every_variant(CONV2D_LAYERS, SMALL, shape=(2, 4, 7, 9), threads=2, dtype=np.float32)


def test_the_loops_run_on_the_first_layers_only():
    loops = CONV2D_LAYERS.variants[0]
    reasons = [loops.skip(c.params, False) for c in CONV2D_LAYERS.cases]
    assert reasons[:3] == [None, None, None]
    assert reasons[3:] == ["pure-Python loops take minutes on this case"] * 3
    # The rest run everywhere (PyTorch's where it is installed).
    torch_skip = None if HAS_TORCH else NEEDS_TORCH
    assert all(v.skip(c.params, True) == (torch_skip if v.id.endswith("-torch") else None)
               for v in CONV2D_LAYERS.variants[1:] for c in CONV2D_LAYERS.cases)


@pytest.mark.parametrize("stride, padding, with_bias", [(1, 1, True), (2, 2, False), (3, 0, True)])
def test_shifted_planes_equal_the_nested_loops(stride, padding, with_bias):
    rng = np.random.default_rng(7)
    x = rng.standard_normal((2, 3, 11, 8))
    w = rng.standard_normal((5, 3, 3, 4))   # a kernel wider than it is tall
    b = rng.standard_normal(5) if with_bias else None
    np.testing.assert_allclose(conv2d_shifted(x, w, b, stride, padding),
                               conv2d_naive(x, w, b, stride, padding), rtol=0, atol=1e-12)


def test_shifted_planes_reject_what_the_loops_reject():
    x = np.zeros((1, 3, 5, 5))
    with pytest.raises(ValueError, match="channel mismatch"):
        conv2d_shifted(x, np.zeros((2, 4, 3, 3)))
    with pytest.raises(ValueError, match="larger than the padded input"):
        conv2d_shifted(x, np.zeros((2, 3, 7, 7)), padding=0)
