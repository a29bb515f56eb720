"""The native "gemm-int8" benchmark: the site's cases and error bound, numpy's int8 product."""

import numpy as np
import pytest

from everycore.lab.benchmark import Threading
from everycore.lab.gemm import GEMM
from everycore.lab.gemm_int8 import GEMM_INT8
from everycore.lab.run import max_abs_diff
from everycore.quantize import quantized_matmul

SMALL = {"m": 7, "n": 5, "k": 9}


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/gemm-int8.ts: the GEMM problem at 128³ to 512³.
    assert GEMM_INT8.id == "gemm-int8" and GEMM_INT8.seed == GEMM.seed == 20261207
    assert [c.label for c in GEMM_INT8.cases] == ["128³", "256³", "512³"]
    assert [c.params for c in GEMM_INT8.cases] == [
        {"m": s, "n": s, "k": s} for s in (128, 256, 512)]
    assert GEMM_INT8.input is GEMM.input and GEMM_INT8.reference is GEMM.reference
    assert [(v.id, v.threading) for v in GEMM_INT8.variants] == [
        ("gemm-f32-matmul-numpy", Threading.BLAS), ("gemm-i8-matmul-numpy", Threading.SINGLE)]


def test_tolerance_is_the_sites_bound_for_these_inputs():
    # quantizedGemmErrorBound(k, max row scale of A, max column scale of B) + k(k+1)·2⁻²⁴,
    # printed by src/kernels/quantize-i8.ts under Node for the benchmark's seeded inputs.
    site = {"128³": 1.5205423377341203, "256³": 3.043577806644649, "512³": 6.0950109168494055}
    for case in GEMM_INT8.cases:
        assert GEMM_INT8.tolerance(case.params) == pytest.approx(site[case.label], rel=1e-12)


def test_int8_product_is_within_the_bound_and_really_quantized():
    inputs = GEMM_INT8.input(SMALL, GEMM_INT8.seed)
    reference = GEMM_INT8.reference(SMALL, inputs)
    tolerance = GEMM_INT8.tolerance(SMALL)
    errors = {}
    for variant in GEMM_INT8.variants:
        with variant.prepare(SMALL, inputs, 1) as call:
            out = call()
        assert out.dtype == np.float32, variant.id
        errors[variant.id] = max_abs_diff(out, reference)
        assert errors[variant.id] <= tolerance, variant.id
    np.testing.assert_array_equal(out, quantized_matmul(*inputs))
    # 8 bits cost far more accuracy than float32 rounding does (a step of A is 1/127 of its range).
    assert errors["gemm-f32-matmul-numpy"] < 1e-5
    assert errors["gemm-i8-matmul-numpy"] > 1e-3
