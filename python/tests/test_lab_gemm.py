"""The native "gemm" benchmark: the site's declaration, correct variants, and honest skips."""

import sys

import numpy as np
from conftest import HAS_TORCH

from everycore.lab.benchmark import Threading
from everycore.lab.gemm import GEMM
from everycore.lab.optional_numba import NEEDS_NUMBA
from everycore.lab.optional_torch import NEEDS_TORCH
from lab_checks import check_every_variant

SMALL = {"m": 7, "n": 5, "k": 9}   # odd, and no side equal to another


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/gemm.ts: sides 128 to 1,024, labelled "512³", seed 20261207.
    assert GEMM.id == "gemm" and GEMM.seed == 20261207
    assert [c.label for c in GEMM.cases] == ["128³", "256³", "512³", "1024³"]
    assert [c.params for c in GEMM.cases] == [
        {"m": s, "n": s, "k": s} for s in (128, 256, 512, 1024)]
    big = GEMM.cases[3].params
    assert GEMM.flops(big) == 2 * 1024 ** 3
    assert GEMM.tolerance(big) == 1024 * 1025 * 2.0 ** -24   # the site's K(K+1)u
    # A and B are randomF32(M·K, seed) and randomF32(K·N, seed + 1), printed under Node.
    a, b = GEMM.input(GEMM.cases[0].params, GEMM.seed)
    assert a.shape == b.shape == (128, 128) and a.dtype == b.dtype == np.float32
    assert a[0, :3].tolist() == [-0.7226003408432007, 0.6746742129325867, 0.6998439431190491]
    assert b[0, :3].tolist() == [0.08548218756914139, 0.1241873949766159, 0.5640307664871216]


def test_the_baseline_loops_numpys_product_and_torchs_are_there():
    threading = {v.id: v.threading for v in GEMM.variants}
    # The site's baseline is gemm-f32-ijk-ref: an imported run compares against the same loops.
    assert threading == {
        "gemm-f32-ijk-python": Threading.SINGLE, "gemm-f32-ikj-python": Threading.SINGLE,
        "gemm-f32-ijk-numba": Threading.SINGLE, "gemm-f32-ikj-numba": Threading.SINGLE,
        "gemm-f32-matmul-numpy": Threading.BLAS, "gemm-f32-torch": Threading.THREADS}


def test_every_variant_computes_the_product_call_after_call():
    inputs = GEMM.input(SMALL, GEMM.seed)
    assert inputs[0].shape == (7, 9) and inputs[1].shape == (9, 5)
    assert GEMM.reference(SMALL, inputs).dtype == np.float64
    # The harness calls many times: i-k-j must restart its sums.
    check_every_variant(GEMM, SMALL, shape=(7, 5), calls=2)


def test_loops_are_skipped_where_a_call_takes_seconds():
    skips = {v.id: v.skip for v in GEMM.variants}
    sizes = {c.label: c.params for c in GEMM.cases}
    for loops in ("gemm-f32-ijk-python", "gemm-f32-ikj-python"):
        assert skips[loops](sizes["128³"], True) is None
        assert "run without --quick" in skips[loops](sizes["256³"], True)
        assert skips[loops](sizes["256³"], False) is None
        assert "seconds per call" in skips[loops](sizes["512³"], False)
    # Compiled, the column walk of i-j-k still takes seconds at 1,024³; i-k-j runs everywhere.
    assert "misses the cache" in skips["gemm-f32-ijk-numba"](sizes["1024³"], False)
    assert skips["gemm-f32-ijk-numba"](sizes["512³"], True) is None
    assert skips["gemm-f32-ikj-numba"](sizes["1024³"], True) is None
    assert skips["gemm-f32-matmul-numpy"](sizes["1024³"], True) is None
    assert skips["gemm-f32-torch"](sizes["1024³"], True) == (None if HAS_TORCH else NEEDS_TORCH)


def test_compiled_loops_are_skipped_with_the_reason_when_numba_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "numba", None)
    for variant in GEMM.variants:
        # PyTorch's variant depends on torch alone (tests/test_lab_torch.py hides that one).
        expected = NEEDS_NUMBA if variant.id.endswith("-numba") else \
            (None if HAS_TORCH else NEEDS_TORCH) if variant.id.endswith("-torch") else None
        assert variant.skip(SMALL, True) == expected, variant.id
