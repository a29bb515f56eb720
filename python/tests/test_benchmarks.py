"""Tests for everycore.benchmarks: the timing helper and a quick run of the experiment."""

import pytest

from everycore.benchmarks import (
    DEEP_LAYER,
    QUICK_SIZES,
    benchmark_convolution,
    format_table,
    main,
    time_call,
)


def test_time_call_warms_up_then_times_each_repeat():
    calls = []

    def work(a, b=0):
        calls.append((a, b))
        return sum(range(2000)) + a + b

    stats = time_call(work, 1, b=2, repeats=4, warmup=2)
    assert len(calls) == 6                      # 2 untimed warm-ups + 4 timed repeats
    assert calls == [(1, 2)] * 6
    assert stats["result"] == sum(range(2000)) + 3
    assert len(stats["times_s"]) == 4
    assert all(t > 0 for t in stats["times_s"])
    assert stats["min_s"] == min(stats["times_s"])
    assert stats["min_s"] <= stats["median_s"] <= max(stats["times_s"])


def test_time_call_rejects_zero_repeats():
    with pytest.raises(ValueError, match="repeats"):
        time_call(lambda: None, repeats=0)


@pytest.fixture(scope="module")
def quick_rows():
    return benchmark_convolution(sizes=QUICK_SIZES, repeats=2, naive_repeats=1, deep_layer=True)


def test_quick_benchmark_rows_are_sane(quick_rows):
    measured, deep = quick_rows[:-1], quick_rows[-1]
    assert [r["shape"] for r in measured] == [tuple(s) for s in QUICK_SIZES]
    for r in measured:
        assert r["filters"] == 16 and r["kernel_size"] == 3
        for key in ("naive_median_s", "naive_min_s", "im2col_median_s", "im2col_min_s"):
            assert r[key] > 0, key
        assert r["naive_min_s"] <= r["naive_median_s"]
        assert r["im2col_min_s"] <= r["im2col_median_s"]
        assert r["speedup"] == pytest.approx(r["naive_median_s"] / r["im2col_median_s"])
        assert r["agree"] is True
        assert r["max_abs_diff"] < 1e-3
        n, c, h, w = r["shape"]
        assert r["col_bytes"] == n * (h - 2) * (w - 2) * c * 9 * 4   # float32 im2col buffer
        assert r["im2col_gflops"] > 0
    # 32x32 is 16*30*30*27 = 388,800 interpreted multiply-adds: the loops cannot win.
    assert measured[-1]["speedup"] > 1


def test_deep_layer_row_times_im2col_only_and_estimates_the_loops(quick_rows):
    deep = quick_rows[-1]
    assert deep["shape"] == DEEP_LAYER["shape"]
    assert deep["filters"] == 64 and deep["padding"] == 1
    assert deep["im2col_median_s"] > 0
    assert deep["naive_median_s"] is None and deep["speedup"] is None and deep["agree"] is None
    assert deep["flops"] == 2 * 64 * 56 * 56 * 64 * 9
    assert deep["naive_estimate_s"] > 0


def test_format_table_has_a_line_per_row(quick_rows):
    table = format_table(quick_rows).splitlines()
    assert len(table) == 2 + len(quick_rows)
    assert "speedup" in table[0]
    assert "1x64x56x56 p1" in table[-1] and "est" in table[-1]


def test_main_quick_prints_the_table(capsys):
    assert main(["--quick", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    assert "numpy" in out and "speedup" in out
    for shape in QUICK_SIZES:
        assert "x".join(map(str, shape)) in out
