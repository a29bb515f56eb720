"""Tests for everycore.cnn_numpy: gradients by finite differences, max-pool, the SGD step,
and that the network really learns (on offline seven-segment digits)."""

import numpy as np
import pytest

from everycore.cnn_numpy import (
    PARAM_NAMES,
    accuracy,
    forward,
    init_params,
    loss_and_grads,
    maxpool2x2,
    maxpool2x2_backward,
    sgd_momentum_step,
)
from everycore.data_loader import encode_images, make_batch, serial_batches, seven_segment_digits


def small_net(seed=1, image_size=10, kernel=3):
    """float64, odd channel counts, non-zero biases: every path of the gradient is exercised."""
    rng = np.random.default_rng(seed)
    params = init_params(seed, c1=2, c2=3, kernel=kernel, classes=4, image_size=image_size,
                         dtype=np.float64)
    for name in ("conv1_b", "conv2_b", "dense_b"):
        params[name] = rng.normal(0, 0.1, params[name].shape)
    return params


@pytest.mark.parametrize("image_size, kernel", [(10, 3), (9, 5), (7, 1)])  # odd sides: the
def test_gradients_match_central_finite_differences(image_size, kernel):    # pools drop a row
    params = small_net(image_size=image_size, kernel=kernel)
    rng = np.random.default_rng(2)
    x = rng.normal(size=(3, 1, image_size, image_size))
    y = np.array([0, 3, 1])
    _, grads = loss_and_grads(params, x, y)
    h = 1e-6
    for name in PARAM_NAMES:
        numeric = np.zeros_like(params[name])
        for i in np.ndindex(params[name].shape):
            old = params[name][i]
            params[name][i] = old + h
            up, _ = loss_and_grads(params, x, y)
            params[name][i] = old - h
            down, _ = loss_and_grads(params, x, y)
            params[name][i] = old
            numeric[i] = (up - down) / (2 * h)
        # Central differences in float64 err by about h^2 plus 1e-16/h: 1e-7 leaves a wide margin
        # for a correct gradient and catches any wrong term (they are of order 0.01 to 1).
        np.testing.assert_allclose(grads[name], numeric, atol=1e-7, rtol=0, err_msg=name)


def maxpool_reference(x):
    n, c, h, w = x.shape
    out = np.empty((n, c, h // 2, w // 2), x.dtype)
    for i in np.ndindex(out.shape):
        a, b, oy, ox = i
        out[i] = x[a, b, 2 * oy:2 * oy + 2, 2 * ox:2 * ox + 2].max()
    return out


def test_maxpool_matches_loops_and_routes_gradient_to_the_first_maximum():
    x = np.random.default_rng(0).normal(size=(2, 3, 7, 5))
    pooled, winner = maxpool2x2(x)
    np.testing.assert_array_equal(pooled, maxpool_reference(x))
    dx = maxpool2x2_backward(np.ones_like(pooled), winner, x.shape)
    assert dx.sum() == pooled.size and dx[:, :, 6].sum() == 0 and dx[..., 4].sum() == 0
    tie = np.zeros((1, 1, 2, 2))                     # four equal inputs: the first one wins
    dtie = maxpool2x2_backward(np.ones((1, 1, 1, 1)), maxpool2x2(tie)[1], tie.shape)
    np.testing.assert_array_equal(dtie[0, 0], [[1, 0], [0, 0]])


def test_sgd_momentum_step_follows_its_formula_and_rejects_a_bad_rate():
    params = init_params(0, c1=2, c2=2, classes=3, image_size=8)
    start = {k: v.copy() for k, v in params.items()}
    grads = {k: np.full_like(v, 0.5) for k, v in params.items()}
    velocity = {k: np.full_like(v, 1.0) for k, v in params.items()}
    sgd_momentum_step(params, grads, velocity, lr=0.1, momentum=0.9)
    for name in PARAM_NAMES:
        np.testing.assert_allclose(velocity[name], 1.4)                      # 0.9*1 + 0.5
        np.testing.assert_allclose(params[name], start[name] - 0.14, rtol=1e-6)
    for lr in (0, -1, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="lr must be a positive finite number"):
            sgd_momentum_step(params, grads, velocity, lr=lr)


def test_bad_batches_get_clear_messages():
    params = init_params(0)
    x = np.zeros((2, 1, 28, 28), np.float32)
    with pytest.raises(ValueError, match="one label per image"):
        loss_and_grads(params, x, np.array([1]))
    with pytest.raises(ValueError, match=r"labels must lie in \[0, 10\)"):
        loss_and_grads(params, x, np.array([1, 10]))
    with pytest.raises(ValueError, match="non-empty"):
        loss_and_grads(params, x[:0], np.array([], int))
    with pytest.raises(ValueError, match="kernel must be odd"):
        init_params(0, kernel=4)


def test_float32_network_keeps_float32_and_is_reproducible():
    a, b = init_params(5), init_params(5)
    x = np.random.default_rng(0).normal(size=(4, 1, 28, 28)).astype(np.float32)
    scores, _ = forward(a, x)
    assert scores.shape == (4, 10) and scores.dtype == np.float32
    _, grads = loss_and_grads(a, x, np.arange(4))
    assert all(grads[k].dtype == np.float32 and grads[k].shape == a[k].shape for k in PARAM_NAMES)
    np.testing.assert_array_equal(forward(b, x)[0], scores)


def test_training_learns_seven_segment_digits():
    images, labels = seven_segment_digits(1200, seed=1)
    blobs = encode_images(images)
    params = init_params(0)
    velocity = {k: np.zeros_like(v) for k, v in params.items()}
    held_out = make_batch(blobs, labels, np.arange(1000, 1200), seed=0, max_shift=0)
    before = accuracy(params, *held_out)
    for epoch in range(3):
        for x, y in serial_batches(blobs[:1000], labels[:1000], 50, epoch=epoch):
            _, grads = loss_and_grads(params, x, y)
            sgd_momentum_step(params, grads, velocity, lr=0.01)
    # Chance is 10%; three short epochs reach about 80% on images it never saw.
    assert before < 0.3 and accuracy(params, *held_out) > 0.6
