import tracemalloc

import numpy as np
import pytest

from everycore import broadcasting as bc

rng = np.random.default_rng(7)


def test_channel_normalization():
    images = rng.standard_normal((2, 3, 5, 7))
    mean, std = rng.standard_normal(3), rng.random(3) + 0.5
    np.testing.assert_allclose(bc.normalize_channels_broadcast(images, mean, std), bc.normalize_channels_loops(images, mean, std), rtol=1e-15)


def test_bias():
    features, bias = rng.standard_normal((3, 4, 5, 2)), rng.standard_normal(4)
    np.testing.assert_array_equal(bc.add_bias_broadcast(features, bias), bc.add_bias_loops(features, bias))


def test_outer_product():
    u, v = rng.standard_normal(5), rng.standard_normal(3)
    np.testing.assert_array_equal(bc.outer_broadcast(u, v), bc.outer_loops(u, v))
    np.testing.assert_array_equal(bc.outer_broadcast(u, v), np.outer(u, v))


@pytest.mark.parametrize("n,m,d", [(1, 1, 1), (5, 3, 7), (13, 8, 2)])
def test_pairwise_distances(n, m, d):
    a, b = rng.standard_normal((n, d)), rng.standard_normal((m, d))
    loops = bc.pairwise_sq_distances_loops(a, b)
    np.testing.assert_allclose(bc.pairwise_sq_distances_broadcast(a, b), loops, rtol=1e-12, atol=1e-12)
    # The expanded form cancels |a|² and |b|² of size ~d, so its error scales with them.
    np.testing.assert_allclose(bc.pairwise_sq_distances_fused(a, b), loops, rtol=1e-10, atol=1e-10 * d)


def test_mask():
    image = rng.standard_normal((6, 9))
    np.testing.assert_array_equal(bc.clip_dark_mask(image, 0.1), bc.clip_dark_loops(image, 0.1))


def _peak_bytes(fn, *args):
    tracemalloc.start()
    try:
        fn(*args)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_temporary_bytes_match_what_numpy_allocates():
    n, m, d = 200, 150, 16
    a, b = rng.standard_normal((n, d)), rng.standard_normal((m, d))
    model = bc.pairwise_temporary_bytes(n, m, d)
    assert model == {"broadcast": 2 * n * m * d * 8, "fused": 2 * n * m * 8, "output": n * m * 8}
    # numpy reports its buffers to tracemalloc: the broadcast peak holds both (N, M, D) arrays,
    # the fused one stays within a few (N, M) arrays.
    assert _peak_bytes(bc.pairwise_sq_distances_broadcast, a, b) >= model["broadcast"]
    assert _peak_bytes(bc.pairwise_sq_distances_fused, a, b) < 4 * model["output"]


def test_temporary_bytes_rejects_empty():
    with pytest.raises(ValueError, match="n, m and d"):
        bc.pairwise_temporary_bytes(0, 3, 2)
