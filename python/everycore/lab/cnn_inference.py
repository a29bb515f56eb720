"""The site's "cnn-inference" benchmark natively: one image per call, batches, and BLAS threads.

Same id, cases, seed and input as ``src/lab/benchmarks/cnn-inference.ts``, bit for bit: 256
images for two networks, the site's MNIST CNN (its weights, ``site_cnn``) run by
``everycore.cnn_numpy.forward``, and the dense 9216 → 128 layer of the Keras MNIST example, one
``x @ w``. Every call classifies all 256 images, so time ratios are throughput ratios:

- 1, 8, 64 or 256 images per ``forward`` (or per ``@``), on one BLAS thread, as the site's
  batches run on one thread;
- batches of 64 with numpy's BLAS on the threads, numpy's counterpart of the site's images split
  across threads: here BLAS splits each matrix product, and numpy's own steps (im2col, ReLU, the
  pools) stay on one thread.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np

from everycore.cnn_numpy import forward
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32_stream import Mulberry32Stream
from everycore.lab.site_cnn import SIDE, forward_flops, site_cnn_params

IMAGES = 256
DENSE_INPUTS, DENSE_OUTPUTS = 9216, 128
CNN, DENSE = 0, 1   # the "model" parameter, as on the site
CNN_CASE = Case(f"MNIST CNN (this site's), {IMAGES} images", {"model": CNN, "images": IMAGES})
DENSE_CASE = Case(f"dense {DENSE_INPUTS}→{DENSE_OUTPUTS} (Keras MNIST example), {IMAGES} images",
                  {"model": DENSE, "images": IMAGES})


@dataclass(frozen=True)
class InferenceInput:
    x: np.ndarray   # (images, 1, 28, 28) or (images, 9216), float32 in [0, 1)
    weights: dict[str, np.ndarray] | np.ndarray   # cnn_numpy's parameters, or (9216, 128)


def _input(p: Params, seed: int) -> InferenceInput:
    stream = Mulberry32Stream(seed)
    if p["model"] == CNN:
        x = stream.take(p["images"] * SIDE * SIDE).astype(np.float32)
        # Speed does not depend on the weights' values (no branch does): random ones time a
        # trained network, as on the site.
        return InferenceInput(x.reshape(-1, 1, SIDE, SIDE), site_cnn_params(seed + 1))
    x = stream.take(p["images"] * DENSE_INPUTS).astype(np.float32)
    limit = math.sqrt(6 / DENSE_INPUTS)   # the weights follow the images in the same stream
    w = ((stream.take(DENSE_INPUTS * DENSE_OUTPUTS) * 2 - 1) * limit).astype(np.float32)
    return InferenceInput(x.reshape(-1, DENSE_INPUTS), w.reshape(DENSE_INPUTS, DENSE_OUTPUTS))


def _network(p: Params, weights) -> Callable[[np.ndarray], np.ndarray]:
    """A batch of inputs -> its outputs (logits, or the dense layer's activations)."""
    if p["model"] == CNN:
        return lambda batch: forward(weights, batch)[0]
    return lambda batch: batch @ weights


def _in_batches(network, x: np.ndarray, batch: int) -> np.ndarray:
    return np.concatenate([network(x[i:i + batch]) for i in range(0, len(x), batch)])


def _reference(p: Params, inp: InferenceInput) -> np.ndarray:
    """The same network in float64, all images at once."""
    weights = ({k: v.astype(np.float64) for k, v in inp.weights.items()}
               if p["model"] == CNN else inp.weights.astype(np.float64))
    return _network(p, weights)(inp.x.astype(np.float64))


def _batched(batch: int):
    @contextmanager
    def prepare(p: Params, inp: InferenceInput, threads: int):
        # BLAS threads are set by the runner: one, or the variant's count for Threading.BLAS.
        network = _network(p, inp.weights)
        yield lambda: _in_batches(network, inp.x, batch)
    return prepare


def _flops(p: Params) -> float:
    per_image = forward_flops() if p["model"] == CNN else 2 * DENSE_INPUTS * DENSE_OUTPUTS
    return p["images"] * per_image


CNN_INFERENCE = Benchmark(
    id="cnn-inference",
    baseline="infer-f32-batch1-numpy",
    title="Inference: one image per call, batches, and BLAS threads (numpy)",
    cases=(CNN_CASE, DENSE_CASE),
    seed=20261206,
    input=_input,
    reference=_reference,
    # The site's bounds: float32 sums against float64 ones differ by ~1e-6 on CNN logits of
    # magnitude ≲ 10 and dense outputs ≲ 3; a misplaced image or row would be off by ~1.
    tolerance=lambda p: 1e-4 if p["model"] == CNN else 1e-3,
    flops=_flops,
    variants=(
        *(Variant(id=f"infer-f32-batch{b}-numpy", label=label, prepare=_batched(b))
          for b, label in ((1, "One image per call"), (8, "Batches of 8"), (64, "Batches of 64"),
                           (IMAGES, f"One batch of {IMAGES}"))),
        Variant(id="infer-f32-batch64-numpy-threads",
                label="Batches of 64, numpy's BLAS on the threads", prepare=_batched(64),
                threading=Threading.BLAS),
    ),
)
