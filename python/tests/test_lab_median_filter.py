"""The native "median-filter" benchmark: the site's declaration and image, every median exact."""

import sys

import numpy as np
import pytest

from everycore.lab.benchmark import Threading
from everycore.lab.median_filter import MEDIAN_FILTER as bench
from everycore.lab.median_filter import noisy_image_u8
from everycore.lab.optional_numba import NEEDS_NUMBA

VGA, FULL_HD, PHOTO = (c.params for c in bench.cases)


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/median-filter.ts
    assert bench.id == "median-filter" and bench.seed == 20261205
    assert [(c.label, c.params) for c in bench.cases] == [
        ("640 × 480", {"height": 480, "width": 640}),
        ("1920 × 1080", {"height": 1080, "width": 1920}),
        ("4000 × 3000 (12 MP)", {"height": 3000, "width": 4000})]
    assert bench.tolerance(VGA) == 0


def test_the_image_is_the_sites_noisy_ramp():
    # noisyImageU8(h, w, 20261205) under Node: the first and last pixels.
    image = bench.input(VGA, bench.seed)
    assert image.shape == (480, 640) and image.dtype == np.uint8
    assert image.reshape(-1)[:12].tolist() == [2, 15, 0, 18, 36, 12, 41, 7, 14, 11, 9, 31]
    assert image.reshape(-1)[-5:].tolist() == [215, 233, 237, 251, 255]
    small = noisy_image_u8(5, 7, bench.seed).reshape(-1)
    assert small[:12].tolist() == [2, 45, 0, 109, 157, 164, 224, 4, 42, 69, 98, 150]
    assert small[-5:].tolist() == [97, 114, 145, 166, 206]
    # About 5% pepper and 5% salt.
    assert 0.04 < np.mean(image == 0) < 0.06 and 0.04 < np.mean(image == 255) < 0.06


def test_the_reference_is_the_middle_of_each_sorted_window():
    image = np.array([[9, 1, 5], [3, 7, 2], [8, 4, 6]], np.uint8)
    out = bench.reference({"height": 3, "width": 3}, image)
    assert out[1, 1] == 5                 # sorted 1..9: the fifth
    assert out[0, 0] == 7                 # edges replicated: 9 9 1 9 9 1 3 3 7 -> 1 1 3 3 7 9 9 9 9


@pytest.mark.parametrize("shape", [(1, 1), (1, 19), (19, 1), (2, 2), (13, 97), (33, 50)])
def test_every_variant_gives_the_references_bytes(shape):
    p = {"height": shape[0], "width": shape[1]}
    image = noisy_image_u8(*shape, bench.seed)
    reference = bench.reference(p, image)
    for variant in bench.variants:
        for threads in (1, 2) if variant.threading is Threading.THREADS else (1,):
            with variant.prepare(p, image, threads) as call:
                out = call()
            assert out.shape == shape and out.dtype == np.uint8, variant.id
            np.testing.assert_array_equal(out, reference, err_msg=variant.id)


def test_the_loop_runs_on_the_small_image_and_the_threads_on_the_photo_only():
    skips = {v.id: [v.skip(p, True) for p in (VGA, FULL_HD, PHOTO)] for v in bench.variants}
    assert skips["median3x3-u8-python"][0] is None
    assert "several seconds" in skips["median3x3-u8-python"][1]
    assert "under a millisecond" in skips["median3x3-u8-autovec-numba-threads"][1]
    assert skips["median3x3-u8-autovec-numba-threads"][2] is None
    assert skips["median3x3-u8-median-numpy"] == [None, None, None]


def test_numba_variants_are_skipped_where_it_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "numba", None)
    assert {v.id: v.skip(PHOTO, False) for v in bench.variants} == {
        "median3x3-u8-median-numpy": None,
        "median3x3-u8-network-numpy": None,
        "median3x3-u8-python": "a Python loop takes several seconds per call on this image",
        "median3x3-u8-numba": NEEDS_NUMBA,
        "median3x3-u8-autovec-numba": NEEDS_NUMBA,
        "median3x3-u8-autovec-numba-threads": NEEDS_NUMBA,
    }
