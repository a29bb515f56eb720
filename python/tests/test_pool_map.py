"""Tests for everycore.pool_map: pool results equal the loop's, the closure really fails."""

import pickle

import numpy as np
import pytest

from everycore.pools import process_pool
from everycore.pool_map import (
    blur_sequential,
    blur_with_pool,
    box_blur3,
    make_images,
    make_sharpener_closure,
    make_sharpener_partial,
    sharpen,
    sharpen_with_pool,
    time_chunksizes,
)


def test_box_blur3_matches_a_direct_window_sum_with_zero_padding():
    image = np.arange(12, dtype=np.float32).reshape(3, 4)
    got = box_blur3(image)
    # Corner (0, 0): the window holds 0, 1, 4, 5 and five zeros outside.
    assert got[0, 0] == pytest.approx((0 + 1 + 4 + 5) / 9)
    # Centre (1, 1): the full window 0,1,2,4,5,6,8,9,10.
    assert got[1, 1] == pytest.approx(45 / 9)
    assert got.dtype == np.float32 and got.shape == image.shape


@pytest.mark.parametrize("chunksize", [None, 1, 3])
def test_pool_map_returns_the_sequential_results_in_order(chunksize):
    images = make_images(7, 9, 5, seed=1)
    got = blur_with_pool(images, processes=2, chunksize=chunksize)
    for a, b in zip(got, blur_sequential(images), strict=True):
        np.testing.assert_array_equal(a, b)  # same float32 arithmetic in another process


def test_starmap_unpacks_each_tuple():
    images = make_images(4, 6, 6, seed=2)
    amounts = [0.0, 0.5, 1.0, 2.0]
    got = sharpen_with_pool(images, amounts, processes=2)
    np.testing.assert_array_equal(got[0], images[0])  # amount 0 leaves the image as it is
    for image, amount, out in zip(images, amounts, got, strict=True):
        np.testing.assert_array_equal(out, sharpen(image, amount))


def test_a_closure_cannot_be_sent_to_a_pool_but_a_partial_can():
    images = make_images(3, 8, 8, seed=3)
    closure = make_sharpener_closure(0.5)
    with pytest.raises((pickle.PicklingError, AttributeError), match="pickle"):
        pickle.dumps(closure)
    with process_pool(2) as pool:
        with pytest.raises((pickle.PicklingError, AttributeError), match="pickle"):
            pool.map(closure, images)
        got = pool.map(make_sharpener_partial(0.5), images)
    for image, out in zip(images, got, strict=True):
        np.testing.assert_array_equal(out, sharpen(image, 0.5))


def test_time_chunksizes_reports_every_chunksize_and_its_message_count():
    rows = time_chunksizes(make_images(10, 8, 8), processes=2, chunksizes=(1, 4), repeats=1)
    assert [r["chunksize"] for r in rows] == [1, 4]
    assert [r["messages"] for r in rows] == [10, 3]
    assert all(r["seconds"] > 0 for r in rows)


def test_make_images_rejects_a_bad_count():
    with pytest.raises(ValueError, match="count must be an integer >= 1"):
        make_images(0)


def test_the_native_pool_map_benchmark_matches_the_sites_cases_and_its_reference():
    from everycore.lab.pool_map_images import POOL_MAP_IMAGES as bench

    assert bench.id == "pool-map-images"
    # Same labels, parameters and seed as src/lab/benchmarks/pool-map-images.ts.
    assert [c.label for c in bench.cases] == ["65,536 images of 2×2", "256 images of 64×64"]
    assert bench.seed == 20_261_104
    small = {"count": 5, "height": 3, "width": 4}
    images = bench.input(small, bench.seed)
    assert images.shape == (5, 3, 4) and images.dtype == np.float32
    expected = bench.reference(small, images)
    for variant in bench.variants:
        with variant.prepare(small, images, 2) as call:
            got = call()
        assert got.shape == expected.shape
        assert np.max(np.abs(got - expected)) <= bench.tolerance(small), variant.id
    # One-image messages on the tiny batch are left to full runs; everything else runs quick.
    skips = {v.id: v.skip(bench.cases[0].params, True) for v in bench.variants}
    assert skips["map-box3-f32-chunk1-pool-numpy"] is not None
    assert all(reason is None for vid, reason in skips.items() if vid != "map-box3-f32-chunk1-pool-numpy")
