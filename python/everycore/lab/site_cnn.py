"""The site's MNIST CNN (``src/model/cnn-config.ts``, ``cnn-params.ts``) for ``cnn_numpy``.

The layers are cnn_numpy's default network: 8 then 16 filters of 5×5 with "same" padding, each
followed by ReLU and a 2×2 max-pool, then a 784 → 10 dense layer. The weights are the site's:
He-uniform, drawn from one mulberry32 generator in the order conv1, conv2, dense, biases 0, bit
for bit. The site stores the dense matrix input-major (784 × 10), cnn_numpy class-major
(10 × 784).
"""

from __future__ import annotations

import math

import numpy as np

from everycore.lab.mulberry32_stream import Mulberry32Stream

SIDE, FILTERS1, FILTERS2, KERNEL, CLASSES = 28, 8, 16, 5, 10
DENSE = FILTERS2 * (SIDE // 4) ** 2    # inputs of the dense layer, after two 2×2 pools


def site_cnn_params(seed: int) -> dict[str, np.ndarray]:
    """The site's initParams(seed) as cnn_numpy's parameter dict (float32)."""
    stream = Mulberry32Stream(seed)

    def he_uniform(shape: tuple[int, ...], fan_in: int) -> np.ndarray:
        limit = math.sqrt(6 / fan_in)   # uniform in ±limit keeps ReLU activations' variance
        return ((stream.take(math.prod(shape)) * 2 - 1) * limit).astype(np.float32).reshape(shape)

    conv1_w = he_uniform((FILTERS1, 1, KERNEL, KERNEL), KERNEL * KERNEL)
    conv2_w = he_uniform((FILTERS2, FILTERS1, KERNEL, KERNEL), FILTERS1 * KERNEL * KERNEL)
    dense_w = he_uniform((DENSE, CLASSES), DENSE)
    return {"conv1_w": conv1_w, "conv1_b": np.zeros(FILTERS1, np.float32),
            "conv2_w": conv2_w, "conv2_b": np.zeros(FILTERS2, np.float32),
            "dense_w": np.ascontiguousarray(dense_w.T), "dense_b": np.zeros(CLASSES, np.float32)}


def forward_flops() -> int:
    """Two per multiply-add of one image's forward pass: both convolutions and the dense layer
    (the site's cnnForwardFlops)."""
    conv1 = SIDE * SIDE * FILTERS1 * KERNEL * KERNEL
    conv2 = (SIDE // 2) ** 2 * FILTERS2 * FILTERS1 * KERNEL * KERNEL
    return 2 * (conv1 + conv2 + DENSE * CLASSES)
