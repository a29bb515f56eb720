"""PyTorch as the native peer: its variants in gemm, gemm-threads, conv2d-layers and cnn-training.

Each equals the benchmark's reference, within the benchmark's own tolerance, on its smallest case,
on one thread and on two. Without PyTorch (it is not in the "all" extra) those tests are skipped
with the reason, and the variants are skipped by the harness with the same reason.
"""

import os
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from conftest import PACKAGE_ROOT

from everycore.lab.benchmark import Threading
from everycore.lab.cnn_training import CNN_TRAINING
from everycore.lab.conv2d_layers import CONV2D_LAYERS
from everycore.lab.gemm import GEMM
from everycore.lab.gemm_threads import GEMM_THREADS
from everycore.lab.optional_torch import NEEDS_TORCH, torch_threads
from everycore.lab.run import ThreadControl, max_abs_diff, run_benchmark

BENCHMARKS = (GEMM, GEMM_THREADS, CONV2D_LAYERS, CNN_TRAINING)


def torch_variant_of(bench):
    (variant,) = [v for v in bench.variants if v.id.endswith("-torch")]
    return variant


@pytest.fixture
def torch():
    return pytest.importorskip("torch", reason=NEEDS_TORCH)


def test_each_benchmark_has_one_torch_variant_on_its_own_threads():
    assert {b.id: torch_variant_of(b).id for b in BENCHMARKS} == {
        "gemm": "gemm-f32-torch", "gemm-threads": "gemm-f32-torch",
        "conv2d-layers": "conv2d-f32-torch", "cnn-training": "cnn-train-f32-torch"}
    assert all(torch_variant_of(b).threading is Threading.THREADS for b in BENCHMARKS)


def test_without_torch_its_variants_are_skipped_with_the_reason(monkeypatch):
    monkeypatch.setitem(sys.modules, "torch", None)   # `import torch` now raises ImportError
    for bench in BENCHMARKS:
        for case in bench.cases:
            assert torch_variant_of(bench).skip(case.params, True) == NEEDS_TORCH, bench.id
    only_torch = replace(GEMM_THREADS, variants=(torch_variant_of(GEMM_THREADS),),
                         baseline="gemm-f32-torch")
    run = run_benchmark(only_torch, quick=True,
                        threads=ThreadControl(cap=2, can_limit_blas=False, blas_default=1))
    assert run.results == []
    assert run.skipped == [{"variant": "gemm-f32-torch", "case": c.label, "reason": NEEDS_TORCH}
                           for c in GEMM_THREADS.cases]


def test_listing_the_benchmarks_does_not_load_torch():
    code = ("import sys; from everycore.lab.registry import BENCHMARKS; "
            "sys.exit('torch' in sys.modules)")
    proc = subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": PACKAGE_ROOT},
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.parametrize("threads", [1, 2])
@pytest.mark.parametrize("bench", BENCHMARKS, ids=lambda b: b.id)
def test_each_torch_variant_equals_the_reference_on_the_smallest_case(torch, bench, threads):
    case = bench.cases[0]
    inputs = bench.input(case.params, bench.seed)
    reference = bench.reference(case.params, inputs)
    before = torch.get_num_threads()
    with torch_variant_of(bench).prepare(case.params, inputs, threads) as call:
        assert torch.get_num_threads() == threads
        first = call().copy()
        again = call()   # the CNN's step starts from the same weights every time
    assert torch.get_num_threads() == before
    for out in (first, again):
        assert out.dtype == np.float32 and out.shape == reference.shape
        assert max_abs_diff(out, reference) <= bench.tolerance(case.params)


@pytest.mark.parametrize("bench", [GEMM, CONV2D_LAYERS], ids=lambda b: b.id)
def test_the_timed_call_reads_the_numpy_inputs_themselves(torch, bench):
    # torch.from_numpy shares the arrays' memory: zeroed in place, they make the output zero.
    case = bench.cases[0]
    inputs = bench.input(case.params, bench.seed)
    with torch_variant_of(bench).prepare(case.params, inputs, 1) as call:
        assert np.any(call() != 0)
        for array in (inputs if isinstance(inputs, tuple) else vars(inputs).values()):
            array[...] = 0
        assert not np.any(call())


def test_torch_threads_are_restored_when_the_block_raises(torch):
    before = torch.get_num_threads()
    with pytest.raises(RuntimeError), torch_threads(1 if before > 1 else 2):
        raise RuntimeError
    assert torch.get_num_threads() == before
