"""The site's "gemm-threads" benchmark natively: numpy's ``a @ b`` on one BLAS thread and on all,
and ``torch.matmul`` on one PyTorch thread and on all (where PyTorch is installed).

Same id, cases, seed and input as ``src/lab/benchmarks/gemm-threads.ts`` (the GEMM ladder's
product, at 512³ and 1,024³). The browser times its own threaded kernel; here the threads are
BLAS's, set for each row by threadpoolctl (``everycore.blas_threads``), which is all a numpy user
controls. Without threadpoolctl the count cannot be changed at run time, and the one row shows the
count BLAS chose when it loaded (the thread variables, or one per CPU). PyTorch's threads are its
own (``torch.set_num_threads``), so its rows always span 1 … all.
"""

from __future__ import annotations

from dataclasses import replace

from everycore.lab.gemm import GEMM, MATMUL_NUMPY, MATMUL_TORCH, gemm_cases

# The GEMM ladder's problem (seed, input, reference, tolerance, FLOPs) with its threaded rungs only.
GEMM_THREADS = replace(
    GEMM,
    id="gemm-threads",
    baseline="gemm-f32-matmul-numpy",
    title="Matrix multiplication on 1 … all BLAS threads",
    cases=gemm_cases(512, 1024),
    variants=(MATMUL_NUMPY, MATMUL_TORCH),
)
