"""Benchmark: nested-loop convolution vs im2col + GEMM, measured with care.

Run it::

    python -m everycore.benchmarks            # 32x32, 64x64, 128x128 inputs, 16 filters 3x3
    python -m everycore.benchmarks --quick    # smaller inputs, fewer repeats: seconds, not minutes
    python -m everycore.benchmarks --deep-layer   # adds a ResNet-like 64->64 layer (im2col only)

How the timing is done, and why:

* ``time.perf_counter`` (a monotonic, high-resolution clock), never ``time.time`` (wall clock,
  coarse on some systems and liable to jump when the system clock is adjusted).
* One untimed warm-up call first, so first-call costs (lazy imports, memory allocation, BLAS
  starting its thread pool) are not billed to the implementation.
* Several timed repeats; we report the median (robust to the odd hiccup from another process)
  and the minimum (the closest to "the machine at its best").
* Fixed sizes, float32, and a fixed seed (``np.random.default_rng(0)``) for the data, so two runs
  measure the same work and their outputs can be compared.
* Both implementations' outputs are checked against each other: a fast wrong answer is not a
  speedup.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time

import numpy as np

from everycore.im2col import conv2d_im2col, conv2d_naive

__all__ = ["time_call", "measure_convolution", "benchmark_convolution", "format_table", "main"]

DEFAULT_SIZES = ((1, 3, 32, 32), (1, 3, 64, 64), (1, 3, 128, 128))
QUICK_SIZES = ((1, 3, 16, 16), (1, 3, 32, 32))

# A typical middle layer of an image CNN (ResNet's 56x56 stage): 64 channels in, 64 filters
# 3x3, padding 1. The nested loops would need 64*64*56*56*9 = 115.6 million interpreted
# multiply-adds per call, which takes minutes once warm-up and repeats are counted, so only
# im2col runs; the row carries an estimate for the loops extrapolated from the measured rows.
DEEP_LAYER = {"shape": (1, 64, 56, 56), "filters": 64, "kernel_size": 3, "padding": 1}


# [start:time_call]
def time_call(fn, *args, repeats=5, warmup=1, **kwargs):
    """Time ``fn(*args, **kwargs)``: ``warmup`` untimed calls, then ``repeats`` timed ones.

    Returns a dict with ``median_s`` and ``min_s`` (seconds), every timing in ``times_s``, and
    the ``result`` of the last call (so the caller can check the answer it timed).
    """
    if repeats < 1:
        raise ValueError(f"repeats must be >= 1, got {repeats}")
    for _ in range(warmup):
        fn(*args, **kwargs)

    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn(*args, **kwargs)
        times.append(time.perf_counter() - start)

    return {
        "median_s": statistics.median(times),
        "min_s": min(times),
        "times_s": times,
        "result": result,
    }
# [end:time_call]


def _conv_flops(shape, filters, kh, kw, out_h, out_w):
    """Floating-point operations of one convolution: a multiply and an add per kernel tap."""
    n, c = shape[0], shape[1]
    return 2 * n * filters * out_h * out_w * c * kh * kw


# [start:measure_convolution]
def measure_convolution(shape, filters=16, kernel_size=3, stride=1, padding=0,
                        repeats=5, naive_repeats=3, seed=0):
    """Time naive loops and im2col on one input shape; return one result row (a dict).

    ``naive_repeats=0`` skips the nested loops (for layers where they would take minutes).
    """
    rng = np.random.default_rng(seed)  # a fresh generator per case: each row is reproducible
    n, c, h, w = shape
    x = rng.standard_normal(shape, dtype=np.float32)
    weights = rng.standard_normal((filters, c, kernel_size, kernel_size), dtype=np.float32)
    bias = rng.standard_normal(filters, dtype=np.float32)

    fast = time_call(conv2d_im2col, x, weights, bias, stride, padding, repeats=repeats)
    out = fast["result"]
    out_h, out_w = out.shape[2], out.shape[3]
    flops = _conv_flops(shape, filters, kernel_size, kernel_size, out_h, out_w)
    col_rows, col_cols = n * out_h * out_w, c * kernel_size * kernel_size

    row = {
        "shape": tuple(shape),
        "filters": filters,
        "kernel_size": kernel_size,
        "stride": stride,
        "padding": padding,
        "repeats": repeats,
        "im2col_median_s": fast["median_s"],
        "im2col_min_s": fast["min_s"],
        "im2col_gflops": flops / fast["median_s"] / 1e9,
        "col_bytes": col_rows * col_cols * x.itemsize,  # the im2col buffer: im2col's memory cost
        "input_bytes": x.nbytes,
        "flops": flops,
        "naive_median_s": None,
        "naive_min_s": None,
        "speedup": None,          # naive median / im2col median
        "max_abs_diff": None,     # between the two outputs
        "agree": None,
    }
    if naive_repeats:
        slow = time_call(conv2d_naive, x, weights, bias, stride, padding, repeats=naive_repeats)
        diff = np.abs(slow["result"].astype(np.float64) - out.astype(np.float64))
        row.update(
            naive_median_s=slow["median_s"],
            naive_min_s=slow["min_s"],
            speedup=slow["median_s"] / fast["median_s"],
            max_abs_diff=float(diff.max()),
            # float32 sums in a different order differ in the last bits, not more.
            agree=bool(np.allclose(slow["result"], out, rtol=1e-4, atol=1e-4)),
        )
    return row
# [end:measure_convolution]


# [start:benchmark_convolution]
def benchmark_convolution(sizes=DEFAULT_SIZES, filters=16, repeats=5, naive_repeats=3,
                          kernel_size=3, stride=1, padding=0, deep_layer=False, seed=0):
    """Naive loops vs im2col for every input shape in ``sizes``; returns a list of row dicts.

    ``deep_layer=True`` appends DEEP_LAYER (1x64x56x56 -> 64 filters 3x3, padding 1), timed
    for im2col only; its ``naive_estimate_s`` extrapolates the loops' measured time per
    floating-point operation from the largest measured row.
    """
    rows = [
        measure_convolution(shape, filters, kernel_size, stride, padding,
                            repeats=repeats, naive_repeats=naive_repeats, seed=seed)
        for shape in sizes
    ]
    if deep_layer:
        row = measure_convolution(DEEP_LAYER["shape"], DEEP_LAYER["filters"],
                                  DEEP_LAYER["kernel_size"], 1, DEEP_LAYER["padding"],
                                  repeats=repeats, naive_repeats=0, seed=seed)
        measured = [r for r in rows if r["naive_median_s"] is not None]
        if measured:
            biggest = max(measured, key=lambda r: r["flops"])
            row["naive_estimate_s"] = row["flops"] * biggest["naive_median_s"] / biggest["flops"]
        rows.append(row)
    return rows
# [end:benchmark_convolution]


def _ms(seconds):
    return "-" if seconds is None else f"{seconds * 1e3:.3f}"


def format_table(rows):
    """Render result rows as a fixed-width text table (times in milliseconds)."""
    header = ("input (NCHW)", "filters", "naive med ms", "naive min ms", "im2col med ms",
              "im2col min ms", "speedup", "GFLOP/s", "col MiB", "agree")
    lines = []
    for r in rows:
        speedup = "-" if r["speedup"] is None else f"{r['speedup']:.0f}x"
        if r["speedup"] is None and r.get("naive_estimate_s") is not None:
            speedup = f"~{r['naive_estimate_s'] / r['im2col_median_s']:.0f}x est"
        lines.append((
            "x".join(str(s) for s in r["shape"]) + (f" p{r['padding']}" if r["padding"] else ""),
            f"{r['filters']}x{r['kernel_size']}x{r['kernel_size']}",
            _ms(r["naive_median_s"]),
            _ms(r["naive_min_s"]),
            _ms(r["im2col_median_s"]),
            _ms(r["im2col_min_s"]),
            speedup,
            f"{r['im2col_gflops']:.2f}",
            f"{r['col_bytes'] / 2**20:.2f}",
            "-" if r["agree"] is None else ("yes" if r["agree"] else "NO"),
        ))
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(header)]
    fmt = "  ".join(f"{{:>{w}}}" for w in widths)
    out = [fmt.format(*header), fmt.format(*("-" * w for w in widths))]
    out += [fmt.format(*line) for line in lines]
    return "\n".join(out)


def _environment():
    """One line on what was measured: Python, numpy, logical CPUs and, if known, BLAS threads."""
    parts = [f"Python {platform.python_version()}", f"numpy {np.__version__}",
             f"{os.cpu_count()} logical CPUs"]
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        parts.append("BLAS threads: unknown (pip install threadpoolctl to see them)")
    else:
        for pool in threadpool_info():
            if pool.get("user_api") == "blas":
                parts.append(f"{pool.get('internal_api')} with {pool.get('num_threads')} threads")
    return ", ".join(parts)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m everycore.benchmarks",
        description="Time nested-loop vs im2col convolution (float32, seed 0).")
    parser.add_argument("--quick", action="store_true",
                        help="small inputs and few repeats: a smoke run in seconds")
    parser.add_argument("--deep-layer", action="store_true",
                        help="add 1x64x56x56 -> 64 filters 3x3 pad 1 (im2col only; the loops "
                             "would take minutes, so their time is estimated)")
    parser.add_argument("--repeats", type=int, default=None,
                        help="timed repeats per implementation (default 5, quick 3)")
    args = parser.parse_args(argv)

    if args.quick:
        sizes, repeats, naive_repeats = QUICK_SIZES, 3, 2
    else:
        sizes, repeats, naive_repeats = DEFAULT_SIZES, 5, 3
    if args.repeats is not None:
        repeats = naive_repeats = args.repeats

    print(_environment())
    print(f"median and min of {repeats} runs (nested loops: {naive_repeats}) after 1 warm-up; "
          "stride 1, padding 0 unless shown after the shape\n")
    rows = benchmark_convolution(sizes=sizes, repeats=repeats, naive_repeats=naive_repeats,
                                 deep_layer=args.deep_layer)
    print(format_table(rows))
    if not all(r["agree"] in (True, None) for r in rows):
        print("\nERROR: the two implementations disagree", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
