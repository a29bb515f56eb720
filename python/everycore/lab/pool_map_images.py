"""The benchmark "pool-map-images" natively: pool.map over many images, by chunksize.

Same id, cases and input as the site's (src/lab/benchmarks/pool-map-images.ts): one numpy 3x3 box
blur per image (everycore.pool_map.box_blur3), in a loop and through a process pool with chunks of
1, 16 and 256 images. Imported on the page, it shows what a task costs between processes (a
pickled message each way) next to what it costs between browser workers (one atomic add).
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import random_f32
from everycore.pool_map import box_blur3
from everycore.pools import process_pool

SEED = 20_261_104
CHUNKS = (1, 16, 256)
TINY: Params = {"count": 65_536, "height": 2, "width": 2}
COARSE: Params = {"count": 256, "height": 64, "width": 64}


def _label(p: Params) -> str:
    return f"{p['count']:,} images of {p['height']}×{p['width']}"


def _input(p: Params, seed: int) -> np.ndarray:
    return random_f32(p["count"] * p["height"] * p["width"], seed).reshape(p["count"], p["height"], p["width"])


def _reference(p: Params, images: np.ndarray) -> np.ndarray:
    """The blur summed in float64, rounded once (as the site's reference sums in doubles)."""
    padded = np.pad(images.astype(np.float64), ((0, 0), (1, 1), (1, 1)))
    h, w = p["height"], p["width"]
    total = sum(padded[:, dy:dy + h, dx:dx + w] for dy in range(3) for dx in range(3))
    return (total / 9).astype(np.float32).reshape(-1)


@contextmanager
def _loop(p: Params, images: np.ndarray, threads: int):
    yield lambda: np.stack([box_blur3(image) for image in images]).reshape(-1)


def _pool(chunk: int):
    @contextmanager
    def prepare(p: Params, images: np.ndarray, processes: int):
        with process_pool(processes) as pool:
            pool.map(box_blur3, images[:processes])  # workers up before timing
            yield lambda: np.stack(pool.map(box_blur3, images, chunksize=chunk)).reshape(-1)
    return prepare


def _too_slow_for_quick(chunk: int):
    """65,536 one-image messages take seconds per call: only in full runs."""
    def skip(p: Params, quick: bool) -> str | None:
        if quick and p["count"] // chunk > 10_000:
            return f"{p['count'] // chunk:,} messages per call: full runs only"
        return None
    return skip


POOL_MAP_IMAGES = Benchmark(
    id="pool-map-images",
    baseline="map-box3-f32-loop-numpy",
    title="Pool.map over many images: processes, and the size of each task",
    cases=(Case(_label(TINY), TINY), Case(_label(COARSE), COARSE)),
    seed=SEED,
    input=_input,
    reference=_reference,
    # A float32 sum of 9 values in [-1, 1) against the float64 one: a few float32 ulps of 9.
    tolerance=lambda p: 9 * 9 * 2.0 ** -24,
    flops=lambda p: 0.0,
    variants=(
        Variant(id="map-box3-f32-loop-numpy", label="One process, a loop over the images (numpy)",
                prepare=_loop),
        *(Variant(id=f"map-box3-f32-chunk{c}-pool-numpy", label=f"Process pool map, chunksize={c}",
                  prepare=_pool(c), threading=Threading.PROCESSES, skip=_too_slow_for_quick(c))
          for c in CHUNKS),
    ),
)
