"""Tests for everycore.inference: the Pool pattern works, the seed's pattern really fails."""

import pickle

import numpy as np
import pytest

from everycore.inference import (
    CLASSES,
    TinyCNN,
    benchmark_parallel_inference,
    default_chunksize,
    make_images,
    make_pool,
    predict_parallel,
    predict_sequential,
)

SEED = 3


@pytest.fixture(scope="module")
def images():
    return make_images(6, seed=11)


def test_model_is_reproducible_from_its_seed_and_scores_every_image(images):
    a, b = TinyCNN.from_seed(SEED), TinyCNN.from_seed(SEED)
    for name in ("conv1_w", "conv2_w", "dense_w"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name))
        assert getattr(a, name).dtype == np.float32
    assert not np.array_equal(a.conv1_w, TinyCNN.from_seed(SEED + 1).conv1_w)
    scores = a.forward(images)
    assert scores.shape == (len(images), CLASSES) and scores.dtype == np.float32
    # A batch and one image at a time are the same sums (up to float32 rounding).
    np.testing.assert_allclose(predict_sequential(a, images), scores, rtol=1e-5, atol=1e-5)


def test_a_nested_function_or_a_lambda_cannot_be_sent_to_a_pool(images):
    model = TinyCNN.from_seed(SEED)

    def classify(image):   # the pitfall the module docstring shows
        return model.forward(image[np.newaxis])[0]

    with pytest.raises((pickle.PicklingError, AttributeError)):
        pickle.dumps(classify)
    with pytest.raises((pickle.PicklingError, AttributeError)):
        pickle.dumps(lambda image: model.forward(image[np.newaxis]))
    # And through a real pool, where the error surfaces when the tasks are sent.
    with make_pool(2, SEED) as pool:
        with pytest.raises((pickle.PicklingError, AttributeError), match="pickle"):
            pool.map(classify, images)


@pytest.mark.parametrize("start_method", [None, "spawn"], ids=["platform-default", "spawn"])
def test_pool_returns_exactly_the_sequential_scores(images, start_method):
    expected = predict_sequential(TinyCNN.from_seed(SEED), images)
    with make_pool(2, SEED, start_method) as pool:
        got = predict_parallel(pool, images, chunksize=default_chunksize(len(images), 2))
    # Same float32 arithmetic in another process: bit-identical, in input order.
    np.testing.assert_array_equal(got, expected)


def test_benchmark_parallel_inference_with_two_processes():
    one, pool = benchmark_parallel_inference(n_images=8, processes=2, repeats=2, seed=SEED)
    assert (one["processes"], pool["processes"]) == (1, 2)
    assert one["images"] == pool["images"] == 8
    assert pool["chunksize"] == 1
    assert pool["same_outputs"] is True
    for row in (one, pool):
        assert 0 < row["min_s"] <= row["median_s"]
    assert pool["startup_s"] > 0
    assert pool["speedup"] == pytest.approx(one["median_s"] / pool["median_s"])


def test_default_chunksize_gives_each_process_about_four_chunks():
    assert default_chunksize(64, 2) == 8
    assert default_chunksize(3, 8) == 1


@pytest.mark.parametrize("call, message", [
    (lambda: benchmark_parallel_inference(n_images=4, processes=0), "processes"),
    (lambda: benchmark_parallel_inference(n_images=4, processes=1.5), "processes"),
    (lambda: make_images(0), "count"),
    (lambda: make_images(2.0), "count"),
])
def test_bad_arguments_are_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()
