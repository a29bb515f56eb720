"""Every benchmark the native CLI runs."""

from __future__ import annotations

from everycore.lab.benchmark import Benchmark
from everycore.lab.blur_algorithms import BLUR_ALGORITHMS
from everycore.lab.broadcast_temporaries import BROADCAST_TEMPORARIES
from everycore.lab.cnn_inference import CNN_INFERENCE
from everycore.lab.cnn_training import CNN_TRAINING
from everycore.lab.conv2d_im2col import CONV2D_IM2COL
from everycore.lab.conv2d_layers import CONV2D_LAYERS
from everycore.lab.conv2d_separable import CONV2D_SEPARABLE
from everycore.lab.conv_vectorization import CONV_VECTORIZATION
from everycore.lab.fusion_chain import FUSION_CHAIN
from everycore.lab.gemm import GEMM
from everycore.lab.gemm_int8 import GEMM_INT8
from everycore.lab.gemm_threads import GEMM_THREADS
from everycore.lab.gil_workers import GIL_WORKERS
from everycore.lab.inference_parallel import INFERENCE_PARALLEL
from everycore.lab.median_filter import MEDIAN_FILTER
from everycore.lab.memory_bandwidth import MEMORY_BANDWIDTH
from everycore.lab.passing_data import PASSING_DATA
from everycore.lab.pool_map_images import POOL_MAP_IMAGES
from everycore.lab.roi_blur import ROI_BLUR
from everycore.lab.shared_histogram import SHARED_HISTOGRAM

# Each is also on the site (same id, cases and seed), except inference-parallel: native only.
BENCHMARKS: tuple[Benchmark, ...] = (
    BLUR_ALGORITHMS,
    BROADCAST_TEMPORARIES,
    CNN_INFERENCE,
    CNN_TRAINING,
    CONV2D_IM2COL,
    CONV2D_LAYERS,
    CONV2D_SEPARABLE,
    CONV_VECTORIZATION,
    FUSION_CHAIN,
    GEMM,
    GEMM_INT8,
    GEMM_THREADS,
    GIL_WORKERS,
    INFERENCE_PARALLEL,
    MEDIAN_FILTER,
    MEMORY_BANDWIDTH,
    PASSING_DATA,
    POOL_MAP_IMAGES,
    ROI_BLUR,
    SHARED_HISTOGRAM,
)


def select(filter_text: str | None) -> list[Benchmark]:
    """The benchmark whose id is ``filter_text``; if none is, every one whose id contains it (all
    of them for None). So ``gemm`` runs gemm alone, and ``conv`` every convolution."""
    exact = [b for b in BENCHMARKS if b.id == filter_text]
    return exact or [b for b in BENCHMARKS if not filter_text or filter_text in b.id]
