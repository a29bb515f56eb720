"""The site's "fusion-chain" benchmark natively: normalize, gamma, clamp, uint8, fused or not.

Same id, cases, seed and input (``linearImageF32``, bit for bit) as
``src/lab/benchmarks/fusion-chain.ts``. The variants:

- the chain as numpy runs it (the baseline, ``everycore.fusion.normalize_gamma_u8_numpy``): a
  whole-image pass per step, each into a newly allocated float32 temporary;
- the same passes with ``out=`` into one preallocated temporary: no allocation, the same traffic
  (every step still reads and writes the whole image), like the site's two reused temporaries;
- one fused loop compiled by Numba: each pixel read once and written once, as a byte, the loop
  the Cython chapter compiles (``fused_normalize_gamma_u8``) and the site's fused kernels.

Every step is rounded to float32 in every variant, so all must give the reference's bytes
exactly. The site's STREAM triad row has no twin here: the "memory-bandwidth" benchmark measures
this machine's bandwidth natively.
"""

from __future__ import annotations

from contextlib import contextmanager
from functools import cache

import numpy as np

from everycore.fusion import chain_args, normalize_gamma_u8_numpy
from everycore.lab.benchmark import Benchmark, Case, Params, Variant
from everycore.lab.mulberry32 import mulberry32
from everycore.lab.optional_numba import needs_numba

BLACK, WHITE = 0.05, 0.9
IN_CACHE = Case("256 × 256 (fits in cache)", {"height": 256, "width": 256})
PHOTO = Case("4000 × 3000 (12 MP)", {"height": 3000, "width": 4000})


def linear_image_f32(pixels: int, black: float, white: float, seed: int) -> np.ndarray:
    """The site's linearImageF32: from a quarter of the span below black to a quarter above
    white, so every branch of the chain is taken (float64 steps, then float32, as the site)."""
    span = white - black
    return (black - 0.25 * span + mulberry32(seed, pixels) * 1.5 * span).astype(np.float32)


def _input(p: Params, seed: int) -> np.ndarray:
    image = linear_image_f32(p["height"] * p["width"], BLACK, WHITE, seed)
    return image.reshape(p["height"], p["width"])


def _reference(p: Params, image: np.ndarray) -> np.ndarray:
    """The site's definition: each step in float64 and rounded to float32 at once, which gives
    the float32 operation's result exactly (no numpy float32 loop involved)."""
    _, black, scale = chain_args(image, BLACK, WHITE)

    def f32(a):
        return a.astype(np.float32).astype(np.float64)
    y = f32(f32(image.astype(np.float64) - black) * scale)
    y = np.where(y > 0, f32(np.sqrt(np.maximum(y, 0))), 0.0)
    y = np.minimum(y, 1.0)
    return np.trunc(f32(f32(y * 255) + 0.5)).astype(np.uint8)


def normalize_gamma_u8_out(img: np.ndarray, black: float, scale: float, scratch: np.ndarray,
                           out: np.ndarray) -> np.ndarray:
    """normalize_gamma_u8_numpy's steps with ``out=``: one temporary, reused; still a pass over
    the whole image per step."""
    np.subtract(img, black, out=scratch)
    np.multiply(scratch, scale, out=scratch)
    np.maximum(scratch, 0, out=scratch)
    np.sqrt(scratch, out=scratch)
    np.minimum(scratch, 1, out=scratch)
    np.multiply(scratch, 255, out=scratch)
    np.add(scratch, 0.5, out=scratch)
    np.copyto(out, scratch, casting="unsafe")   # float32 -> uint8 truncates, as astype does
    return out


@contextmanager
def _passes_numpy(p: Params, image: np.ndarray, threads: int):
    yield lambda: normalize_gamma_u8_numpy(image, BLACK, WHITE)


@contextmanager
def _passes_out_numpy(p: Params, image: np.ndarray, threads: int):
    img, black, scale = chain_args(image, BLACK, WHITE)
    scratch, out = np.empty_like(img), np.empty(img.shape, np.uint8)
    yield lambda: normalize_gamma_u8_out(img, black, scale, scratch, out)


@cache
def _fused_numba():
    """The fused loop compiled by Numba (imported here: an optional extra)."""
    from numba import njit

    zero, one, byte_max, half = (np.float32(v) for v in (0, 1, 255, 0.5))  # float32 constants

    @njit(cache=False)
    def fused_normalize_gamma_u8(src, dst, black, scale):
        for i in range(src.size):
            y = (src[i] - black) * scale                 # normalize
            y = np.sqrt(y) if y > zero else zero         # gamma 2, below black clipped first
            y = y if y < one else one                    # clamp
            dst[i] = np.int32(y * byte_max + half)       # round: through int32, which SIMD has
    return fused_normalize_gamma_u8


@contextmanager
def _fused_numba_loop(p: Params, image: np.ndarray, threads: int):
    fused = _fused_numba()
    img, black, scale = chain_args(image, BLACK, WHITE)
    out = np.empty(img.shape, np.uint8)
    src, dst, black, scale = img.reshape(-1), out.reshape(-1), np.float32(black), np.float32(scale)

    def call() -> np.ndarray:
        fused(src, dst, black, scale)
        return out
    call()   # the first call compiles: keep it out of the warm-up and the samples
    yield call


FUSION_CHAIN = Benchmark(
    id="fusion-chain",
    baseline="normalize-gamma-u8-passes-numpy",
    title="normalize → gamma → clamp → uint8: numpy's passes vs one fused loop",
    cases=(IN_CACHE, PHOTO),
    seed=20261206,
    input=_input,
    reference=_reference,
    # Every step is rounded to float32 the same way in every variant: the bytes must match.
    tolerance=lambda p: 0.0,
    flops=lambda p: 0.0,
    variants=(
        Variant(id="normalize-gamma-u8-passes-numpy",
                label="A whole-image pass per step, a new temporary each (numpy)",
                prepare=_passes_numpy),
        Variant(id="normalize-gamma-u8-passes-out-numpy",
                label="The same passes with out=, one reused temporary (numpy)",
                prepare=_passes_out_numpy),
        Variant(id="fused-normalize-gamma-u8-numba",
                label="Fused: one loop, each pixel read once and written once (Numba)",
                prepare=_fused_numba_loop, skip=needs_numba),
    ),
)
