"""A small digit classifier trained with numpy alone: forward, backward and one SGD step.

The network is the one the training benchmark runs in the browser::

    image (1, 28, 28)
    -> conv 5x5, padding 2 (8 filters)  -> ReLU -> max-pool 2x2     (8, 14, 14)
    -> conv 5x5, padding 2 (16 filters) -> ReLU -> max-pool 2x2     (16, 7, 7)
    -> dense (16*7*7 = 784 -> 10) -> softmax cross-entropy

The padding keeps each convolution's output the size of its input ("same"), so only the
poolings shrink the image.

Both convolutions run as im2col + one matrix product (``everycore.im2col``), and their backward
passes as three matrix products and a col2im fold, so numpy hands almost all the arithmetic to
BLAS. Parameters and gradients are plain dicts of arrays with the same keys, which is all the
data-parallel code in ``grad_average.py`` needs: it can flatten them into one shared buffer.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import numpy as np

from everycore.im2col import conv2d_backward, conv2d_im2col
from everycore.inference import he_normal

__all__ = [
    "PARAM_NAMES",
    "init_params",
    "maxpool2x2",
    "maxpool2x2_backward",
    "forward",
    "loss_and_grads",
    "sgd_momentum_step",
    "accuracy",
]

PARAM_NAMES = ("conv1_w", "conv1_b", "conv2_w", "conv2_b", "dense_w", "dense_b")


def _check_batch(x, y, classes: int) -> tuple[np.ndarray, np.ndarray]:
    x, y = np.asarray(x), np.asarray(y)
    if x.ndim != 4 or x.shape[0] < 1:
        raise ValueError(f"x must be a non-empty (N, C, H, W) batch, got shape {x.shape}")
    if y.shape != (x.shape[0],):
        raise ValueError(f"y must hold one label per image, shape ({x.shape[0]},), got {y.shape}")
    if y.min() < 0 or y.max() >= classes:
        raise ValueError(f"labels must lie in [0, {classes}), got {y.min()}…{y.max()}")
    return x, y.astype(np.intp)


# [start:init_params]
def init_params(seed, c1=8, c2=16, kernel=5, classes=10, image_size=28, channels=1,
                dtype=np.float32):
    """He-initialised weights and zero biases; the same seed gives the same network."""
    if image_size < 4:
        raise ValueError(f"image_size must be at least 4 (two 2x2 poolings), got {image_size}")
    if kernel < 1 or kernel % 2 == 0:
        raise ValueError(f"kernel must be odd (for 'same' padding), got {kernel}")
    rng = np.random.default_rng(seed)
    pooled = image_size // 2 // 2                     # side after the two poolings
    return {
        "conv1_w": he_normal(rng, (c1, channels, kernel, kernel)).astype(dtype),
        "conv1_b": np.zeros(c1, dtype),
        "conv2_w": he_normal(rng, (c2, c1, kernel, kernel)).astype(dtype),
        "conv2_b": np.zeros(c2, dtype),
        "dense_w": he_normal(rng, (classes, c2 * pooled * pooled)).astype(dtype),
        "dense_b": np.zeros(classes, dtype),
    }
# [end:init_params]


# [start:maxpool]
def maxpool2x2(x):
    """2x2 max-pool, stride 2 (an odd last row or column is dropped, as in PyTorch).

    Returns the pooled array and, per output, which of its 4 inputs won (0…3): the backward
    pass sends each gradient to that one input only.
    """
    n, c, h, w = x.shape
    ho, wo = h // 2, w // 2
    windows = (x[:, :, :2 * ho, :2 * wo].reshape(n, c, ho, 2, wo, 2)
               .transpose(0, 1, 2, 4, 3, 5).reshape(n, c, ho, wo, 4))
    winner = windows.argmax(axis=-1)                  # first maximum on ties
    return np.take_along_axis(windows, winner[..., None], -1)[..., 0], winner


def maxpool2x2_backward(dout, winner, x_shape):
    """Route each output gradient back to the input that won its window; the rest get 0."""
    n, c, h, w = x_shape
    ho, wo = dout.shape[2:]
    dwin = np.zeros((n, c, ho, wo, 4), dout.dtype)
    np.put_along_axis(dwin, winner[..., None], dout[..., None], -1)
    dx = np.zeros(x_shape, dout.dtype)
    dx[:, :, :2 * ho, :2 * wo] = (dwin.reshape(n, c, ho, wo, 2, 2).transpose(0, 1, 2, 4, 3, 5)
                                  .reshape(n, c, 2 * ho, 2 * wo))
    return dx
# [end:maxpool]


# [start:forward]
def forward(params, x):
    """(N, 1, 28, 28) images -> (N, 10) scores, and what the backward pass needs."""
    pad = params["conv1_w"].shape[-1] // 2            # "same" padding for an odd kernel
    a1 = conv2d_im2col(x, params["conv1_w"], params["conv1_b"], padding=pad)
    r1 = np.maximum(a1, 0)
    p1, win1 = maxpool2x2(r1)
    a2 = conv2d_im2col(p1, params["conv2_w"], params["conv2_b"], padding=pad)
    r2 = np.maximum(a2, 0)
    p2, win2 = maxpool2x2(r2)
    flat = p2.reshape(len(x), -1)
    scores = flat @ params["dense_w"].T + params["dense_b"]
    cache = (x, a1, r1, p1, win1, a2, r2, p2, win2, flat)
    return scores, cache
# [end:forward]


# [start:loss_and_grads]
def loss_and_grads(params, x, y):
    """Mean softmax cross-entropy over the batch and its gradient for every parameter."""
    classes = params["dense_b"].shape[0]
    x, y = _check_batch(x, y, classes)
    scores, (x, a1, r1, p1, win1, a2, r2, p2, win2, flat) = forward(params, x)
    n = len(x)

    # Softmax cross-entropy; shifting by the row maximum keeps exp() from overflowing.
    shifted = scores - scores.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    loss = -log_probs[np.arange(n), y].mean()
    dscores = np.exp(log_probs)
    dscores[np.arange(n), y] -= 1
    dscores /= n                                      # the MEAN over the batch

    grads = {"dense_w": dscores.T @ flat, "dense_b": dscores.sum(axis=0)}
    dp2 = (dscores @ params["dense_w"]).reshape(p2.shape)
    da2 = maxpool2x2_backward(dp2, win2, r2.shape) * (a2 > 0)          # through max-pool, ReLU
    pad = params["conv1_w"].shape[-1] // 2
    dp1, grads["conv2_w"], grads["conv2_b"] = conv2d_backward(da2, p1, params["conv2_w"], padding=pad)
    da1 = maxpool2x2_backward(dp1, win1, r1.shape) * (a1 > 0)
    _, grads["conv1_w"], grads["conv1_b"] = conv2d_backward(da1, x, params["conv1_w"], padding=pad)
    return float(loss), {k: grads[k].astype(params[k].dtype, copy=False) for k in PARAM_NAMES}
# [end:loss_and_grads]


# [start:sgd_momentum_step]
def sgd_momentum_step(params, grads, velocity, lr=0.01, momentum=0.9):
    """One SGD step with momentum, in place: v <- momentum*v + g;  p <- p - lr*v.

    ``velocity`` is a dict like ``params`` (start with zeros); it carries the running
    direction from one step to the next.
    """
    if not lr > 0 or not np.isfinite(lr):
        raise ValueError(f"lr must be a positive finite number, got {lr!r}")
    for name in PARAM_NAMES:
        velocity[name] *= momentum
        velocity[name] += grads[name]
        params[name] -= lr * velocity[name]
# [end:sgd_momentum_step]


def accuracy(params, x, y, batch_size=500):
    """Fraction of images whose highest score is their label (evaluated in batches)."""
    correct = 0
    for start in range(0, len(x), batch_size):
        scores, _ = forward(params, x[start:start + batch_size])
        correct += int((scores.argmax(axis=1) == y[start:start + batch_size]).sum())
    return correct / len(x)
