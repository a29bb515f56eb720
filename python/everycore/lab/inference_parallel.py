"""The native-only benchmark "inference-parallel": one process vs a process pool.

The model, the worker functions and the pool come from everycore.inference, the module the
multiprocessing chapter shows.
"""

from __future__ import annotations

from contextlib import contextmanager

import numpy as np

from everycore.inference import (
    CLASSES,
    IMAGE_SHAPE,
    TinyCNN,
    default_chunksize,
    make_images,
    make_pool,
    predict_parallel,
    predict_sequential,
)
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant

SEED = 7


def _params(images: int) -> Params:
    channels, height, width = IMAGE_SHAPE
    return {"images": images, "channels": channels, "height": height, "width": width,
            "classes": CLASSES}


def _label(p: Params) -> str:
    return f"{p['images']} images ({p['channels']},{p['height']},{p['width']})"


def _flops(p: Params) -> float:
    """Two per multiply-add of each image: conv 3x3 C->16, conv 3x3 16->32, dense 32->classes."""
    pixels = p["height"] * p["width"]
    per_image = 2 * pixels * (p["channels"] * 9 * 16 + 16 * 9 * 32) + 2 * 32 * p["classes"]
    return p["images"] * per_image


def _input(p: Params, seed: int) -> np.ndarray:
    return make_images(p["images"], seed, (p["channels"], p["height"], p["width"]))


def _reference(p: Params, images: np.ndarray) -> np.ndarray:
    return predict_sequential(TinyCNN.from_seed(SEED), images)


@contextmanager
def _sequential(p: Params, images: np.ndarray, threads: int):
    model = TinyCNN.from_seed(SEED)
    yield lambda: predict_sequential(model, images)


@contextmanager
def _pool(p: Params, images: np.ndarray, processes: int):
    chunksize = default_chunksize(len(images), processes)
    with make_pool(processes, SEED) as pool:
        yield lambda: predict_parallel(pool, images, chunksize)


CASE = _params(64)

INFERENCE_PARALLEL = Benchmark(
    id="inference-parallel",
    baseline="cnn-f32-sequential-numpy",
    title="Inference on many images: one process vs a process pool",
    cases=(Case(_label(CASE), CASE),),
    seed=SEED,
    input=_input,
    reference=_reference,
    # Every process runs the same float32 arithmetic on one BLAS thread; the scores must be
    # bit-identical, whichever process computed them.
    tolerance=lambda p: 0.0,
    flops=_flops,
    variants=(
        Variant(id="cnn-f32-sequential-numpy", label="One process, one image at a time",
                prepare=_sequential),
        Variant(id="cnn-f32-pool-numpy", label="A process pool, one image per task",
                prepare=_pool, threading=Threading.PROCESSES),
    ),
)
