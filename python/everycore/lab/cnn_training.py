"""The site's "cnn-training" benchmark natively: one SGD step of the digit CNN, three ways.

Same id, cases, seed and input as ``src/lab/benchmarks/cnn-training.ts``, bit for bit: the
site's seven-segment digits, each compressed on its own (zlib here, fflate's deflate there: the
same pixels come out), the same batch indices, the same per-row random shifts, the site's weights
(``site_cnn``), learning rate and momentum. Every timed call is one whole step from the same
weights and zero momentum, loading included (decode, shift, normalise), so time ratios are
samples-per-second ratios. The step itself is ``everycore.cnn_numpy``:

- (a) one process: build the batch, then ``loss_and_grads`` and ``sgd_momentum_step``, on one
  BLAS thread;
- (b) parallel loading: a second process builds the next step's batch while this one computes
  (one process computes and one loads: more would have nothing to do);
- (c) data-parallel: ``everycore.grad_average.DataParallelTrainer``'s K processes each
  differentiate a slice of the batch, their gradients merged through shared memory before one
  update. Unlike the site's threads, which each decode their own slice, the batch is built here
  in the parent and its slices are pickled to the workers;
- PyTorch (where it is installed), the native peer of the site's tfjs rows: the same layers,
  loss and step by autograd and ``torch.optim.SGD``, on 1 … all of PyTorch's threads.
"""

from __future__ import annotations

from contextlib import contextmanager, nullcontext
from dataclasses import dataclass

import numpy as np

from everycore.blas_threads import blas_thread_limit, can_limit_blas_threads
from everycore.cnn_numpy import PARAM_NAMES, loss_and_grads, sgd_momentum_step
from everycore.data_loader import (
    _DIGIT_SEGMENTS,
    _SEGMENTS,
    MNIST_MEAN,
    MNIST_STD,
    decode_image,
    encode_images,
)
from everycore.grad_average import DataParallelTrainer
from everycore.pools import process_pool
from everycore.lab.benchmark import Benchmark, Case, Params, Threading, Variant
from everycore.lab.mulberry32 import mulberry32
from everycore.lab.mulberry32_stream import Mulberry32Stream
from everycore.lab.optional_torch import torch_variant
from everycore.lab.site_cnn import KERNEL, SIDE, forward_flops, site_cnn_params

# The site's DEFAULT_TRAINING and the seed of the weights every timed step starts from.
LEARNING_RATE, MOMENTUM, MAX_SHIFT, WEIGHT_SEED = 0.01, 0.9, 1, 1

Weights = dict[str, np.ndarray]


@dataclass(frozen=True)
class DigitStore:
    blobs: list[bytes]     # each image compressed on its own, as a dataset on disk
    labels: np.ndarray


@dataclass(frozen=True)
class BatchSpec:
    indices: np.ndarray    # which stored images, one per row of the batch
    seed: int              # seed of the rows' random shifts


@dataclass(frozen=True)
class TrainingInput:
    store: DigitStore
    spec: BatchSpec


def seven_segment_digits(count: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    """The site's sevenSegmentDigits: (count, 28, 28) uint8 glyphs and their labels. Each image
    draws its label, place and stroke brightnesses, then for every pixel a chance of speckle and,
    for the 5% it hits, how bright."""
    stream = Mulberry32Stream(seed)
    images = np.zeros((count, SIDE, SIDE), np.uint8)
    labels = np.zeros(count, np.uint8)
    for i, image in enumerate(images):
        label, top, left = np.floor(stream.take(3) * (10, SIDE - 22, SIDE - 14)).astype(int)
        top, left = top + 1, left + 1   # a margin of at least one pixel
        labels[i] = label
        segments = _DIGIT_SEGMENTS[label]
        for segment, value in zip(segments, 150 + np.floor(stream.take(len(segments)) * 105)):
            r0, r1, c0, c1 = _SEGMENTS[segment]
            image[top + r0:top + r1, left + c0:left + c1] = value
        chance, brightness = stream.take_pairs(SIDE * SIDE, lambda r: r < 0.05)
        pixels, hit = image.reshape(-1), chance < 0.05
        pixels[hit] = np.minimum(255, pixels[hit] + np.floor(brightness[hit] * 80))
    return images, labels


def _input(p: Params, seed: int) -> TrainingInput:
    images, labels = seven_segment_digits(2 * p["batch"], seed)
    indices = np.floor(mulberry32(seed + 1, p["batch"]) * len(images)).astype(np.intp)
    return TrainingInput(DigitStore(encode_images(images), labels), BatchSpec(indices, seed + 2))


def row_shifts(seed: int, rows: int, max_shift: int) -> list[tuple[int, int]]:
    """The site's rowShift: row r's (dy, dx) from its own generator, so whichever process builds
    a row gets the same shift."""
    span = 2 * max_shift + 1
    shifts = []
    for row in range(rows):
        state = (seed ^ ((row + 1) * 0x9E3779B1)) & 0xFFFFFFFF   # seed ^ Math.imul(row + 1, …)
        dy, dx = np.floor(mulberry32(state, 2) * span).astype(int) - max_shift
        shifts.append((int(dy), int(dx)))
    return shifts


def load_batch(store: DigitStore, spec: BatchSpec) -> tuple[np.ndarray, np.ndarray]:
    """What a data loader does before a step, as the site's buildDigitRows: decode each image,
    move it by its row's shift (zeros fill the vacated border), normalise the bytes."""
    m = MAX_SHIFT
    rows = []
    for image, (dy, dx) in zip(spec.indices, row_shifts(spec.seed, len(spec.indices), m)):
        padded = np.pad(decode_image(store.blobs[image]), m)
        rows.append(padded[m - dy:m - dy + SIDE, m - dx:m - dx + SIDE])
    x = ((np.stack(rows) / 255 - MNIST_MEAN) / MNIST_STD).astype(np.float32)   # float64 steps
    return x[:, None], store.labels[spec.indices].astype(np.intp)


def _updated(weights: Weights, grads: Weights) -> np.ndarray:
    """One SGD step from ``weights`` and zero momentum, as one flat vector (a copy: every timed
    step starts from the same weights)."""
    params = {name: weights[name].copy() for name in PARAM_NAMES}
    velocity = {name: np.zeros_like(params[name]) for name in PARAM_NAMES}
    sgd_momentum_step(params, grads, velocity, LEARNING_RATE, MOMENTUM)
    return np.concatenate([params[name].reshape(-1) for name in PARAM_NAMES])


def _step(weights: Weights, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    return _updated(weights, loss_and_grads(weights, x, y)[1])


def _reference(p: Params, inp: TrainingInput) -> np.ndarray:
    """The same step in float64, from the same float32 weights and batch."""
    weights = {k: v.astype(np.float64) for k, v in site_cnn_params(WEIGHT_SEED).items()}
    x, y = load_batch(inp.store, inp.spec)
    return _step(weights, x.astype(np.float64), y)


def _one_blas_thread():
    """The computing process on one BLAS thread, as its workers: one core per process."""
    return blas_thread_limit(1) if can_limit_blas_threads() else nullcontext()


@contextmanager
def _single(p: Params, inp: TrainingInput, threads: int):
    weights = site_cnn_params(WEIGHT_SEED)
    yield lambda: _step(weights, *load_batch(inp.store, inp.spec))


# The loader process's copy of the dataset, handed over once by the pool's initializer.
_store: DigitStore | None = None


def _init_loader(store: DigitStore) -> None:
    global _store
    _store = store


def _load_in_worker(spec: BatchSpec) -> tuple[np.ndarray, np.ndarray]:
    return load_batch(_store, spec)


@contextmanager
def _prefetch(p: Params, inp: TrainingInput, processes: int):
    with _one_blas_thread():
        if processes == 1:   # no second process: load, then compute, as (a)
            with _single(p, inp, processes) as call:
                yield call
            return
        weights = site_cnn_params(WEIGHT_SEED)
        with process_pool(1, _init_loader, (inp.store,)) as loader:
            batch = loader.submit(_load_in_worker, inp.spec).result()   # the first step's, untimed

            def call() -> np.ndarray:
                nonlocal batch
                following = loader.submit(_load_in_worker, inp.spec)  # the next one's...
                out = _step(weights, *batch)                          # ...during this
                batch = following.result()
                return out
            yield call


@contextmanager
def _data_parallel(p: Params, inp: TrainingInput, processes: int):
    weights = site_cnn_params(WEIGHT_SEED)
    # The trainer's weights never move: gradient() leaves them be, and each step is taken here.
    with DataParallelTrainer(weights, parts=processes, momentum=MOMENTUM) as trainer:
        yield lambda: _updated(weights, trainer.gradient(*load_batch(inp.store, inp.spec)))


def _torch_training(p: Params, inp: TrainingInput):
    import torch
    import torch.nn.functional as F
    weights = site_cnn_params(WEIGHT_SEED)
    pad = KERNEL // 2   # "same" padding, as cnn_numpy

    def step() -> np.ndarray:
        x, y = load_batch(inp.store, inp.spec)
        # Leaf tensors copied from the weights, as _updated copies them: every step starts there.
        t = {name: torch.tensor(weights[name], requires_grad=True) for name in PARAM_NAMES}
        h = F.max_pool2d(F.relu(F.conv2d(torch.from_numpy(x), t["conv1_w"], t["conv1_b"],
                                         padding=pad)), 2)
        h = F.max_pool2d(F.relu(F.conv2d(h, t["conv2_w"], t["conv2_b"], padding=pad)), 2)
        scores = F.linear(h.flatten(1), t["dense_w"], t["dense_b"])   # dense_w is class-major
        F.cross_entropy(scores, torch.from_numpy(y)).backward()      # the mean over the batch
        params = [t[name] for name in PARAM_NAMES]
        # A new optimizer holds no momentum yet: v <- g, p <- p - lr·v, as sgd_momentum_step.
        torch.optim.SGD(params, lr=LEARNING_RATE, momentum=MOMENTUM).step()
        return torch.cat([w.detach().reshape(-1) for w in params]).numpy()
    return step


CNN_TRAINING = Benchmark(
    id="cnn-training",
    baseline="cnn-train-f32-numpy",
    title="Training the digit CNN: one process, parallel loading, data-parallel (numpy)",
    cases=tuple(Case(f"batch {b}", {"batch": b}) for b in (16, 64)),
    seed=20261124,
    input=_input,
    reference=_reference,
    # float32 against float64 gradients, moved by lr: differences ≲ 1e-7; 1e-6 is ~10 ulp of a
    # weight of size 1, while a slice's gradient missing or counted twice moves weights by ~1e-3.
    tolerance=lambda p: 1e-6,
    # Forward, then backward: each product's two gradient products cost a forward one each.
    flops=lambda p: 3 * p["batch"] * forward_flops(),
    variants=(
        Variant(id="cnn-train-f32-numpy", label="(a) one process: load the batch, then compute",
                prepare=_single),
        Variant(id="cnn-train-f32-prefetch-numpy",
                label="(b) parallel loading: next batch built by a second process during the step",
                prepare=_prefetch, threading=Threading.PROCESSES),
        Variant(id="cnn-train-f32-data-parallel-numpy",
                label="(c) data-parallel: K processes each differentiate a slice, gradients merged",
                prepare=_data_parallel, threading=Threading.PROCESSES),
        torch_variant("cnn-train-f32-torch",
                      "PyTorch: load the batch, then autograd's forward and backward and "
                      "torch.optim.SGD's step, on its own threads", _torch_training),
    ),
)
