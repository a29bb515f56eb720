"""The site's "gemm-int8" benchmark natively: int8 quantized ``A @ B`` in numpy, against float32.

Same id, cases, seed, input and tolerance as ``src/lab/benchmarks/gemm-int8.ts``. The int8
variant is ``everycore.quantize.quantized_matmul``: A quantized per row (qmax 127), B per column
with the site's 7-bit range (qmax 63, which its tolerance assumes), an int32 product, dequantized
to float32. Unlike the site's kernel it quantizes B inside the timed call too, an extra K·N
pass next to the product's M·N·K multiply-adds.

What this measures is the page's caution: numpy's integer matrix product does not go to BLAS. It
runs numpy's own loop on one thread, with no 8-bit dot instructions, so int8 here is many times
slower than float32 ``a @ b``, where the browser's int8 kernel is faster than its float32 one. The
8-bit dot instructions are reached from Python through an inference runtime (onnxruntime,
PyTorch's quantized engines), not numpy: no native variant stands for the site's int8 kernel.
"""

from __future__ import annotations

from contextlib import contextmanager
from dataclasses import replace

from everycore.lab.benchmark import Params, Variant
from everycore.lab.gemm import GEMM, MATMUL_NUMPY, gemm_cases, gemm_tolerance
from everycore.quantize import (QMAX_A, QMAX_B, error_bound, quantize_columns, quantize_rows,
                                quantized_matmul)

U = 2.0 ** -24


def int8_tolerance(p: Params) -> float:
    """The site's bound (quantizedGemmErrorBound) for this case's largest scales, plus the float32
    product's own rounding: every int8 result must stay within both.

    The bound depends on the input's scales, and the harness passes a tolerance only the case's
    parameters, so the seeded input is drawn again here: the same matrices, the same scales.
    """
    a, b = GEMM.input(p, GEMM.seed)
    scale_a = float(quantize_rows(a, QMAX_A)[1].max())
    scale_b = float(quantize_columns(b, QMAX_B)[1].max())
    # Slack, as on the site: the float32 rounding of x / s (relative 2^-20) and three roundings
    # of the dequantized value, at most k·qmax_a·qmax_b·s_a·s_b.
    k = p["k"]
    rounding = 4 * U * k * scale_a * scale_b * QMAX_A * QMAX_B
    return error_bound(k, scale_a, scale_b) * (1 + 2.0 ** -20) + rounding + gemm_tolerance(p)


@contextmanager
def _int8_numpy(p: Params, inputs, threads: int):
    a, b = inputs
    yield lambda: quantized_matmul(a, b)


GEMM_INT8 = replace(
    GEMM,
    id="gemm-int8",
    baseline="gemm-f32-matmul-numpy",
    title="int8 quantized matrix multiplication against float32",
    cases=gemm_cases(128, 256, 512),
    tolerance=int8_tolerance,
    variants=(
        MATMUL_NUMPY,
        # Threading.SINGLE: an integer product never reaches BLAS, whatever its thread count.
        Variant(id="gemm-i8-matmul-numpy",
                label="int8: quantize, int32 product, dequantize (numpy, no BLAS)",
                prepare=_int8_numpy),
    ),
)
