"""The profile report the profiling page shows, captured from a real run of profile_function.

With EVERYCORE_CAPTURE_PROFILE=1 the test writes python/everycore/captured/profile_report.txt;
otherwise it checks that the committed file still names the same functions as a fresh run
(timings, and so the order of the rows, differ from run to run and are not compared).
"""

import os
import re
from pathlib import Path

import numpy as np

from everycore.im2col import conv2d_im2col
from everycore.profiling import profile_function

REPORT = Path(__file__).resolve().parents[1] / "everycore" / "captured" / "profile_report.txt"
CAPTURE = os.environ.get("EVERYCORE_CAPTURE_PROFILE") == "1"


def normalize_pixels(image):
    """A per-pixel Python loop: the kind of step a pipeline grows without anyone timing it."""
    out = np.empty(image.shape, dtype=np.float32)
    flat_in, flat_out = image.reshape(-1), out.reshape(-1)
    for i in range(flat_in.size):
        flat_out[i] = (flat_in[i] / 255.0 - 0.5) / 0.25
    return out


def pipeline(seed=0):
    """Decode-free toy pipeline: a uint8 batch, normalised, then one 3×3 convolution as im2col."""
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(2, 3, 64, 64), dtype=np.uint8)
    weights = rng.standard_normal((16, 3, 3, 3)).astype(np.float32)
    return conv2d_im2col(normalize_pixels(images), weights, padding=1)


def our_functions(report):
    """Names of the rows from this file and from everycore, in report order."""
    return re.findall(r"(?:test_profile_capture|im2col)\.py:\d+\((\w+)\)$", report, flags=re.MULTILINE)


def test_profile_report_is_captured_from_a_real_run():
    pipeline()   # first call imports numpy's lazy submodules: profile the steady state
    # Every row (the call has ~60 functions): which functions a top-N cut keeps depends on timings.
    result, report = profile_function(pipeline, top=1000, sort="cumulative")
    assert result.shape == (2, 16, 64, 64)
    fresh = our_functions(report)
    assert fresh[0] == "pipeline"   # the root: its cumulative time holds every other row's
    if CAPTURE:
        REPORT.write_text(report.strip() + "\n", encoding="utf-8")
    committed = REPORT.read_text(encoding="utf-8")
    assert "Ordered by: cumulative time" in committed
    # The same functions as a fresh run; their order depends on timings, which vary from run to run.
    assert sorted(our_functions(committed)) == sorted(fresh), "stale capture: rerun with EVERYCORE_CAPTURE_PROFILE=1"
    # What the page reads from the committed capture: the Python loop costs more than the convolution.
    names = our_functions(committed)
    assert names.index("normalize_pixels") < names.index("conv2d_im2col")
