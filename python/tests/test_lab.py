"""Tests for everycore.lab, the native harness: it must agree with the site's harness."""

import math
import sys
from contextlib import contextmanager
from dataclasses import replace

import numpy as np
import pytest
from conftest import HAS_THREADPOOLCTL

from everycore.im2col import conv2d_naive
from everycore.lab.benchmark import Benchmark, Case, Threading, Variant
from everycore.lab.conv2d_im2col import CONV2D_IM2COL, _compiled, multiply_adds
from everycore.lab.machine import capture_env, parse_cpuinfo
from everycore.lab.mulberry32 import mulberry32, random_f32
from everycore.lab.results import result_record
from everycore.lab.run import ThreadControl, blas_threads_from_env, max_abs_diff, run_benchmark
from everycore.lab.stats import summarize
from everycore.lab.timing import QUICK_PLAN, TimingPlan, measure, timer_resolution_ms
from everycore.profiling import check_numpy_threads

# --------------------------------------------------------------------------- same as the site


def test_generator_reproduces_the_site_bit_for_bit():
    # Values printed by src/kernels/random.ts (mulberry32, randomF32) under Node.
    assert mulberry32(1, 3).tolist() == [0.6270739405881613, 0.002735721180215478,
                                         0.5274470399599522]
    assert random_f32(5, 20261123).tolist() == [
        0.8014424443244934, 0.6874012351036072, -0.05415637418627739, -0.12973357737064362,
        -0.28363749384880066]
    assert random_f32(2, 4294967295).tolist() == [0.7928452491760254, -0.6210435032844543]
    assert random_f32(4, 9).dtype == np.float32
    assert mulberry32(5, 0).size == 0


def test_summary_statistics_equal_the_sites():
    # summarize([4, 1, 3, 2, 10, 7.5, 3.25]) in src/lab/stats.ts, bootstrap CI included.
    s = summarize([4, 1, 3, 2, 10, 7.5, 3.25])
    assert (s.n, s.median, s.q1, s.q3, s.iqr, s.min) == (7, 3.25, 2.5, 5.75, 3.25, 1)
    assert s.mean == pytest.approx(4.392857142857143, rel=1e-15)
    assert s.cv == pytest.approx(0.7301851073888758, rel=1e-15)
    assert s.ci95 == (2.0, 7.5)
    assert s.noisy
    assert not summarize([10, 10.1, 9.9, 10]).noisy
    with pytest.raises(ValueError, match="samples"):
        summarize([])


def test_conv_cases_match_the_site_declaration():
    assert CONV2D_IM2COL.id == "conv2d-im2col"
    assert [c.label for c in CONV2D_IM2COL.cases] == [
        "(1,3,32,32)→16", "(1,3,64,64)→16", "(1,3,128,128)→16", "(1,64,56,56)→64"]
    for case in CONV2D_IM2COL.cases:
        assert set(case.params) == {"batch", "channels", "height", "width", "filters",
                                    "kernelH", "kernelW", "stride", "padding"}
        assert (case.params["kernelH"], case.params["stride"], case.params["padding"]) == (3, 1, 1)
    deep = CONV2D_IM2COL.cases[3].params
    assert multiply_adds(deep) == 64 * 56 * 56 * 64 * 9
    assert CONV2D_IM2COL.flops(deep) == 2 * multiply_adds(deep)
    assert CONV2D_IM2COL.tolerance(deep) == 576 * 577 * 2.0 ** -24   # the site's K(K+1)u
    # The input is the site's: x, w and b drawn from seed, seed + 1 and seed + 2.
    inp = CONV2D_IM2COL.input(CONV2D_IM2COL.cases[0].params, CONV2D_IM2COL.seed)
    assert inp.x.shape == (1, 3, 32, 32) and inp.w.shape == (16, 3, 3, 3) and inp.b.shape == (16,)
    assert inp.x[0, 0, 0, :2].tolist() == [0.8014424443244934, 0.6874012351036072]
    np.testing.assert_array_equal(inp.b, random_f32(16, CONV2D_IM2COL.seed + 2))


def test_conv_skips_the_loops_where_they_take_too_long():
    loops = CONV2D_IM2COL.variants[0]
    assert loops.id == "conv2d-f32-direct-python"
    small, _, mid, deep = (c.params for c in CONV2D_IM2COL.cases)
    assert loops.skip(small, True) is None and loops.skip(mid, False) is None
    assert "run without --quick" in loops.skip(mid, True)
    assert loops.skip(deep, False) == "pure-Python loops take minutes on this case"


def test_conv_compiled_variants_are_skipped_with_the_reason_when_their_extra_is_missing(
        monkeypatch):
    monkeypatch.setitem(sys.modules, "numba", None)
    monkeypatch.delitem(sys.modules, "everycore.conv_numba", raising=False)
    _compiled.cache_clear()
    try:
        variants = {v.id: v for v in CONV2D_IM2COL.variants}
        small = CONV2D_IM2COL.cases[0].params
        for name in ("conv2d-f32-direct-numba", "conv2d-f32-direct-numba-parallel"):
            assert variants[name].skip(small, True) == "needs numba: pip install numba"
    finally:
        _compiled.cache_clear()


def test_conv_reference_is_float64_and_the_im2col_variant_meets_the_tolerance():
    references = {}
    for case in (CONV2D_IM2COL.cases[0], CONV2D_IM2COL.cases[3]):   # loops, then float64 im2col
        inp = CONV2D_IM2COL.input(case.params, CONV2D_IM2COL.seed)
        ref = references[case.label] = CONV2D_IM2COL.reference(case.params, inp)
        assert ref.dtype == np.float64
        with CONV2D_IM2COL.variants[1].prepare(case.params, inp, 1) as call:
            out = call()
        assert out.dtype == np.float32
        assert 0 < max_abs_diff(out, ref) <= CONV2D_IM2COL.tolerance(case.params)
    # On the small case the reference is the nested loops themselves, in float64.
    small = CONV2D_IM2COL.cases[0]
    inp = CONV2D_IM2COL.input(small.params, CONV2D_IM2COL.seed)
    x, w, b = (a.astype(np.float64) for a in (inp.x, inp.w, inp.b))
    np.testing.assert_array_equal(references[small.label], conv2d_naive(x, w, b, 1, 1))


# --------------------------------------------------------------------------- timing


class FakeKernel:
    """A clock advanced by the "kernel" itself, so timing tests are exact and instant."""

    def __init__(self, costs):
        self.t, self.calls, self.costs = 0.0, 0, costs

    def now(self):
        return self.t

    def run(self):
        self.t += self.costs(self.calls)
        self.calls += 1


PLAN = TimingPlan(min_samples=5, max_samples=8, budget_ms=1000, warmup_ms=100, min_sample_ms=10)


def test_measure_warms_up_then_batches_fast_calls_into_long_samples():
    k = FakeKernel(lambda i: 20 - i * 5 if i < 3 else 1)   # slow first calls, then 1 ms each
    samples = measure(k.run, PLAN, k.now)
    assert PLAN.min_samples <= len(samples) <= PLAN.max_samples
    assert samples == [1.0] * len(samples)
    assert k.calls == 5 + 10 * len(samples)   # 5 warm-up calls, 10 calls per 10 ms sample


def test_measure_takes_min_samples_even_past_the_budget():
    k = FakeKernel(lambda i: 400)
    assert measure(k.run, PLAN, k.now) == [400.0] * 5


def test_measure_stops_warming_up_when_timings_never_settle():
    k = FakeKernel(lambda i: 3 if i % 2 else 9)
    measure(k.run, TimingPlan(1, 1, 1000, 100, 10), k.now)
    assert k.calls < 40


def test_plans_are_the_sites():
    assert (QUICK_PLAN.min_samples, QUICK_PLAN.min_sample_ms) == (5, 10)


def test_timer_resolution_is_a_small_positive_number_of_ms():
    assert 0 < timer_resolution_ms(spins=20) < 1


# --------------------------------------------------------------------------- machine


X86_CPUINFO = "".join(
    f"processor\t: {i}\nmodel name\t: Example CPU 9000\nphysical id\t: {i // 4}\n"
    f"core id\t\t: {(i // 2) % 2}\n\n" for i in range(8))   # 2 packages x 2 cores x 2 threads
ARM_CPUINFO = "processor\t: 0\nBogoMIPS\t: 108.00\n\nprocessor\t: 1\n\nModel\t\t: Raspberry Pi 5\n"


def test_parse_cpuinfo():
    assert parse_cpuinfo(X86_CPUINFO) == ("Example CPU 9000", 4)
    assert parse_cpuinfo(ARM_CPUINFO) == ("Raspberry Pi 5", None)
    assert parse_cpuinfo("") == (None, None)


def test_env_without_threadpoolctl_has_unknown_threads(without_threadpoolctl):
    env = capture_env(quick=True, blas=check_numpy_threads())
    native = env["native"]
    assert native["blas"]["threads"] is None
    assert native["blas"]["name"] == env["kernelIsa"] != ""
    assert env["crossOriginIsolated"] is False and env["quick"] is True
    assert env["userAgent"].startswith(native["python"] + " / numpy " + native["numpy"])


# --------------------------------------------------------------------------- thread counts


def test_thread_counts_per_kind_of_variant():
    def variant(threading):
        return Variant(id="v", label="v", prepare=None, threading=threading)

    # 1, 2, 4… and the cap, as the site times its parallel variants.
    control = ThreadControl(cap=6, can_limit_blas=True, blas_default=8)
    assert control.counts(variant(Threading.SINGLE)) == [1]
    assert control.counts(variant(Threading.BLAS)) == [1, 2, 4, 6]
    assert control.counts(variant(Threading.PROCESSES)) == [1, 2, 4, 6]
    assert control.counts(variant(Threading.THREADS)) == [1, 2, 4, 6]
    assert ThreadControl(8, True, 8).counts(variant(Threading.THREADS)) == [1, 2, 4, 8]
    assert ThreadControl(1, True, 8).counts(variant(Threading.BLAS)) == [1]
    # Without threadpoolctl BLAS cannot be set: one row, at the count it uses anyway.
    assert ThreadControl(4, False, 8).counts(variant(Threading.BLAS)) == [8]


def test_thread_control_detects_what_this_process_can_do(without_threadpoolctl):
    blas = {"threads": None, "env": {"OMP_NUM_THREADS": "6", "OPENBLAS_NUM_THREADS": "3"}}
    control = ThreadControl.detect(2, blas)
    assert control == ThreadControl(cap=2, can_limit_blas=False, blas_default=3)


def test_blas_threads_from_env():
    assert blas_threads_from_env({"OMP_NUM_THREADS": "5"}) == 5
    assert blas_threads_from_env({"MKL_NUM_THREADS": "2", "OMP_NUM_THREADS": "5"}) == 2
    assert blas_threads_from_env({"OPENBLAS_NUM_THREADS": "0", "OMP_NUM_THREADS": "x"}) is None
    assert blas_threads_from_env({}) is None


# --------------------------------------------------------------------------- results


def test_max_abs_diff_counts_nan_and_wrong_shapes_as_infinitely_wrong():
    a = np.array([1.0, 2.0, 3.0], dtype=np.float32)
    assert max_abs_diff(a, np.array([1.0, 2.5, 3.0])) == 0.5
    assert max_abs_diff(a, np.array([1.0, 2.0])) == math.inf
    assert max_abs_diff(np.array([np.nan, 2.0, 3.0]), a) == math.inf


def test_result_record_writes_null_for_an_unusable_output():
    r = result_record(bench="b", case="c", variant="v", params={"n": 1}, threads=1,
                      samples=[2.0, 4.0, 3.0], flops=6e6, max_error=math.inf, tolerance=0.1)
    assert r["correctness"] == {"ok": False, "maxError": None, "tolerance": 0.1}
    assert (r["median"], r["min"], r["n"], r["gflops"]) == (3.0, 2.0, 3, 2.0)
    assert r["samples"] == [2.0, 4.0, 3.0]   # in the order taken


# --------------------------------------------------------------------------- runner


def _tiny_benchmark():
    """Sums of a vector: a right variant, a wrong one, and one that skips the big case."""

    @contextmanager
    def right(p, x, threads):
        yield lambda: np.array([x.sum()])

    @contextmanager
    def wrong(p, x, threads):
        yield lambda: np.array([x.sum() + 1])

    return Benchmark(
        id="sum", title="Sum", seed=1,
        cases=(Case("small", {"n": 10}), Case("big", {"n": 1000})),
        input=lambda p, seed: random_f32(p["n"], seed),
        reference=lambda p, x: np.array([x.astype(np.float64).sum()]),
        tolerance=lambda p: 1e-4, flops=lambda p: p["n"],
        variants=(
            Variant("sum-f32-numpy", "numpy", right, Threading.BLAS),
            Variant("sum-f32-off-by-one", "wrong", wrong,
                    skip=lambda p, quick: "too big" if p["n"] > 100 else None),
        ),
        baseline="sum-f32-numpy")


def test_a_baseline_must_be_one_of_the_variants():
    with pytest.raises(ValueError, match="invalid baseline: sum-f32-loops is not a variant of sum "
                                         r"\(variants: sum-f32-numpy, sum-f32-off-by-one\)"):
        replace(_tiny_benchmark(), baseline="sum-f32-loops")


def test_run_benchmark_times_checks_and_skips():
    plan_ms = []
    control = ThreadControl(cap=2, can_limit_blas=HAS_THREADPOOLCTL, blas_default=2)
    run = run_benchmark(_tiny_benchmark(), quick=True, threads=control,
                        report=lambda r: plan_ms.append(r["median"]))
    rows = [(r["case"], r["variant"], r["threads"], r["correctness"]["ok"]) for r in run.results]
    numpy_threads = [1, 2] if HAS_THREADPOOLCTL else [2]
    assert rows == (
        [("small", "sum-f32-numpy", t, True) for t in numpy_threads]
        + [("small", "sum-f32-off-by-one", 1, False)]
        + [("big", "sum-f32-numpy", t, True) for t in numpy_threads])
    assert run.skipped == [{"variant": "sum-f32-off-by-one", "case": "big", "reason": "too big"}]
    assert len(plan_ms) == len(run.results)
    for r in run.results:
        assert r["n"] >= QUICK_PLAN.min_samples and r["median"] > 0
    assert run.results[2]["correctness"]["maxError"] == pytest.approx(1.0)
