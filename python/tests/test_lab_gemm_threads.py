"""The native "gemm-threads" benchmark: the GEMM ladder's product, on 1 and N BLAS threads."""

from dataclasses import replace

from conftest import HAS_THREADPOOLCTL, HAS_TORCH

from everycore.lab.benchmark import Threading
from everycore.lab.gemm import GEMM, gemm_cases
from everycore.lab.gemm_threads import GEMM_THREADS
from everycore.lab.optional_torch import NEEDS_TORCH
from everycore.lab.run import ThreadControl, run_benchmark


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/gemm-threads.ts: the GEMM problem (seed, input) at 512³ and 1,024³.
    assert GEMM_THREADS.id == "gemm-threads" and GEMM_THREADS.seed == GEMM.seed == 20261207
    assert [c.label for c in GEMM_THREADS.cases] == ["512³", "1024³"]
    assert [c.params for c in GEMM_THREADS.cases] == [{"m": s, "n": s, "k": s} for s in (512, 1024)]
    assert (GEMM_THREADS.input, GEMM_THREADS.reference, GEMM_THREADS.tolerance) == (
        GEMM.input, GEMM.reference, GEMM.tolerance)
    assert [(v.id, v.threading) for v in GEMM_THREADS.variants] == [
        ("gemm-f32-matmul-numpy", Threading.BLAS), ("gemm-f32-torch", Threading.THREADS)]


def test_the_product_is_timed_and_correct_on_one_thread_and_on_all():
    tiny = replace(GEMM_THREADS, cases=gemm_cases(9))
    control = ThreadControl(cap=2, can_limit_blas=HAS_THREADPOOLCTL, blas_default=2)
    run = run_benchmark(tiny, quick=True, threads=control)
    blas_threads = [1, 2] if HAS_THREADPOOLCTL else [2]
    torch_threads = [1, 2] if HAS_TORCH else []   # PyTorch sets its own threads
    assert [(r["variant"], r["threads"]) for r in run.results] == \
        [("gemm-f32-matmul-numpy", t) for t in blas_threads] + \
        [("gemm-f32-torch", t) for t in torch_threads]
    assert all(r["correctness"]["ok"] and r["median"] > 0 for r in run.results)
    assert run.skipped == ([] if HAS_TORCH else [
        {"variant": "gemm-f32-torch", "case": "9³", "reason": NEEDS_TORCH}])
