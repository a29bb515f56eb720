"""Every benchmark the native CLI runs."""

from __future__ import annotations

from everycore.lab.benchmark import Benchmark
from everycore.lab.conv2d_im2col import CONV2D_IM2COL
from everycore.lab.inference_parallel import INFERENCE_PARALLEL
from everycore.lab.passing_data import PASSING_DATA
from everycore.lab.pool_map_images import POOL_MAP_IMAGES

# conv2d-im2col, passing-data and pool-map-images are also on the site (same ids and cases);
# inference-parallel is native only.
BENCHMARKS: tuple[Benchmark, ...] = (CONV2D_IM2COL, INFERENCE_PARALLEL, PASSING_DATA, POOL_MAP_IMAGES)


def select(filter_text: str | None) -> list[Benchmark]:
    """The benchmarks whose id contains ``filter_text`` (all of them for None)."""
    return [b for b in BENCHMARKS if not filter_text or filter_text in b.id]
