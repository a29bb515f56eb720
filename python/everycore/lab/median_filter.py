"""The site's "median-filter" benchmark natively: the 3×3 median of an 8-bit image.

Same id, cases, seed and input (the site's noisy ramp, ``noisyImageU8``, bit for bit) as
``src/lab/benchmarks/median-filter.ts``; edges are replicated, as on the site. The variants:

- ``np.median`` over the nine shifted views (the baseline): the one line a numpy user writes
  first, a general selection run on nine values per pixel;
- the site's selection network on whole planes, ``np.minimum``/``np.maximum`` only: numpy's
  SIMD loops run the min/max steps of the WebAssembly SIMD kernel, many pixels per instruction,
  but every step is a pass over an image-sized temporary;
- a Python loop, ``sorted`` of the nine neighbours per pixel (on the 640 × 480 image only);
- the network one pixel at a time compiled by Numba, edges clamped inside the loop as in the
  site's JavaScript: scalar machine code, the counterpart of the scalar WebAssembly;
- the same with the edge columns handled apart, so the interior loop reads at fixed offsets and
  LLVM vectorises it: the counterpart of the site's SIMD kernel, found by the compiler; and that
  loop with its rows shared among threads (``prange``) on the 12 MP image, as on the site.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32_stream import Mulberry32Stream
from everycore.lab.optional_numba import needs_numba, numba_threads

VGA = Case("640 × 480", {"height": 480, "width": 640})
FULL_HD = Case("1920 × 1080", {"height": 1080, "width": 1920})
PHOTO = Case("4000 × 3000 (12 MP)", {"height": 3000, "width": 4000})

# Pixels generated per block: the stream's float64 draws and indices stay in tens of MB.
_INPUT_BLOCK = 1 << 20


def noisy_image_u8(height: int, width: int, seed: int) -> np.ndarray:
    """The site's noisyImageU8: a horizontal ramp with mild noise, 5% of the pixels pepper (0)
    and 5% salt (255). A ramp pixel takes a second draw (its noise), salt and pepper do not."""
    stream = Mulberry32Stream(seed)
    out = np.empty(height * width, np.uint8)
    for start in range(0, out.size, _INPUT_BLOCK):
        i = np.arange(start, min(start + _INPUT_BLOCK, out.size))
        r, noise = stream.take_pairs(len(i), lambda r: (r >= 0.05) & (r <= 0.95))
        ramp = np.floor((i % width) / width * 215 + noise * 40)   # the site's float64 steps
        out[i] = np.where(r < 0.05, 0, np.where(r > 0.95, 255, ramp))
    return out.reshape(height, width)


def _input(p: Params, seed: int) -> np.ndarray:
    return noisy_image_u8(p["height"], p["width"], seed)


def _neighbours(image: np.ndarray) -> list[np.ndarray]:
    """The nine (H, W) views of each pixel's 3×3 window, edges replicated."""
    padded = np.pad(image, 1, mode="edge")
    h, w = image.shape
    return [padded[dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3)]


def _reference(p: Params, image: np.ndarray) -> np.ndarray:
    """Gather the nine, sort them, keep the fifth: the site's reference."""
    return np.sort(np.stack(_neighbours(image), axis=-1), axis=-1)[..., 4]


def median3x3_median_numpy(image: np.ndarray) -> np.ndarray:
    """The one-liner: numpy's general median over the nine views (float64 out, exact here)."""
    return np.median(np.stack(_neighbours(image)), axis=0).astype(np.uint8)


def _median3(a, b, c):
    """The median of three with min and max only (no branch: it works on whole planes)."""
    return np.maximum(np.minimum(a, b), np.minimum(np.maximum(a, b), c))


def median3x3_network_numpy(image: np.ndarray) -> np.ndarray:
    """The site's network on planes: sort each pixel's column of three, then the median of the
    nine is the median of the largest column minimum, the median of the column medians and the
    smallest column maximum. Each column is sorted once and shared by the three windows over it."""
    padded = np.pad(image, 1, mode="edge")
    up, mid, down = padded[:-2], padded[1:-1], padded[2:]    # (H, W + 2): column triples
    low = np.minimum(np.minimum(up, mid), down)
    middle = _median3(up, mid, down)
    high = np.maximum(np.maximum(up, mid), down)
    left, centre, right = slice(None, -2), slice(1, -1), slice(2, None)
    lowest = np.maximum(np.maximum(low[:, left], low[:, centre]), low[:, right])
    median = _median3(middle[:, left], middle[:, centre], middle[:, right])
    highest = np.minimum(np.minimum(high[:, left], high[:, centre]), high[:, right])
    return _median3(lowest, median, highest)


def median3x3_python(image: np.ndarray) -> np.ndarray:
    """One pixel at a time in the interpreter: gather nine values, sort, keep the fifth."""
    h, w = image.shape
    rows = image.tolist()
    out = []
    for y in range(h):
        window_rows = (rows[max(y - 1, 0)], rows[y], rows[min(y + 1, h - 1)])
        out.append([sorted(row[i] for row in window_rows
                           for i in (max(x - 1, 0), x, min(x + 1, w - 1)))[4]
                    for x in range(w)])
    return np.array(out, np.uint8)


@cache
def _network_numba():
    """The site's per-pixel network compiled by Numba (imported here: an optional extra), in
    two loops: every pixel's window clamped at the edges, as the site's JavaScript does; and the
    edge columns apart, so the interior loop reads its neighbours at fixed offsets, which LLVM
    turns into SIMD code (the clamps keep it scalar). The loops by name."""
    from numba import njit, prange

    @njit(inline="always")
    def median3(a, b, c):
        return max(min(a, b), min(max(a, b), c))

    @njit(inline="always")
    def window_median(src, up, y, down, left, x, right):
        a0, a1, a2 = src[up, left], src[y, left], src[down, left]
        b0, b1, b2 = src[up, x], src[y, x], src[down, x]
        c0, c1, c2 = src[up, right], src[y, right], src[down, right]
        lowest = max(min(a0, a1, a2), min(b0, b1, b2), min(c0, c1, c2))
        middle = median3(median3(a0, a1, a2), median3(b0, b1, b2), median3(c0, c1, c2))
        highest = min(max(a0, a1, a2), max(b0, b1, b2), max(c0, c1, c2))
        return median3(lowest, middle, highest)

    @njit(inline="always")
    def clamped(src, dst, y, x):
        h, w = src.shape
        dst[y, x] = window_median(src, max(y - 1, 0), y, min(y + 1, h - 1),
                                  max(x - 1, 0), x, min(x + 1, w - 1))

    def every_pixel_clamped(src, dst):
        for y in range(src.shape[0]):
            for x in range(src.shape[1]):
                clamped(src, dst, y, x)

    def edges_apart(src, dst):
        h, w = src.shape
        for y in prange(h):
            up, down = max(y - 1, 0), min(y + 1, h - 1)
            for x in range(1, w - 1):
                dst[y, x] = window_median(src, up, y, down, x - 1, x, x + 1)
            clamped(src, dst, y, 0)
            clamped(src, dst, y, w - 1)

    # Compiled on first call; prange is a plain range unless parallel.
    return {"clamped": njit(cache=False)(every_pixel_clamped),
            "edges apart": njit(cache=False)(edges_apart),
            "edges apart, threads": njit(cache=False, parallel=True)(edges_apart)}


def _numba(loop: str):
    """Prepares one of _network_numba's loops, run on the threads asked for."""
    @contextmanager
    def prepare(p: Params, image: np.ndarray, threads: int):
        median3x3 = _network_numba()[loop]
        out = np.empty_like(image)

        def call() -> np.ndarray:
            median3x3(image, out)
            return out
        with numba_threads(threads):
            call()   # the first call compiles: keep it out of the warm-up and the samples
            yield call
    return prepare


def _calling(median3x3):
    @contextmanager
    def prepare(p: Params, image: np.ndarray, threads: int):
        yield lambda: median3x3(image)
    return prepare


def _skip_python(p: Params, quick: bool) -> str | None:
    # Half a second per call on 640 × 480; several seconds on the larger images.
    if p != VGA.params:
        return "a Python loop takes several seconds per call on this image"
    return None


def _photo_only(p: Params, quick: bool) -> str | None:
    if p != PHOTO.params:
        return "a call lasts well under a millisecond here: waking the threads would be much of it"
    return needs_numba(p, quick)


MEDIAN_FILTER = Benchmark(
    id="median-filter",
    baseline="median3x3-u8-median-numpy",
    title="3×3 median filter: np.median, a min/max network in numpy, loops, Numba",
    cases=(VGA, FULL_HD, PHOTO),
    seed=20261205,
    input=_input,
    reference=_reference,
    # A median selects one of the input bytes: every variant must pick the same one.
    tolerance=lambda p: 0.0,
    flops=lambda p: 0.0,
    variants=(
        Variant(id="median3x3-u8-median-numpy", label="np.median of the nine shifted views (numpy)",
                prepare=_calling(median3x3_median_numpy)),
        Variant(id="median3x3-u8-network-numpy",
                label="The site's min/max network, a whole-image pass per step (numpy)",
                prepare=_calling(median3x3_network_numpy)),
        Variant(id="median3x3-u8-python",
                label="sorted() of the nine, one pixel at a time (Python)",
                prepare=_calling(median3x3_python), skip=_skip_python),
        Variant(id="median3x3-u8-numba",
                label="The network one pixel at a time, edges clamped in the loop (Numba)",
                prepare=_numba("clamped"), skip=needs_numba),
        Variant(id="median3x3-u8-autovec-numba",
                label="The same with the edge columns apart: LLVM vectorises the rest (Numba)",
                prepare=_numba("edges apart"), skip=needs_numba),
        Variant(id="median3x3-u8-autovec-numba-threads",
                label="The same, image rows shared among the threads (Numba, prange)",
                prepare=_numba("edges apart, threads"), threading=Threading.THREADS,
                skip=_photo_only),
    ),
)
