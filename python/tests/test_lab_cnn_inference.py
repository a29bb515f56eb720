"""The native "cnn-inference" benchmark: the site's declaration, images, weights and outputs."""

import numpy as np
import pytest

from everycore.lab.cnn_inference import CNN_INFERENCE as bench
from everycore.lab.run import max_abs_diff

CNN, DENSE = (c.params for c in bench.cases)


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/cnn-inference.ts
    assert bench.id == "cnn-inference" and bench.seed == 20261206
    assert [(c.label, c.params) for c in bench.cases] == [
        ("MNIST CNN (this site's), 256 images", {"model": 0, "images": 256}),
        ("dense 9216→128 (Keras MNIST example), 256 images", {"model": 1, "images": 256})]
    assert bench.flops(CNN) == 256 * 1_583_680     # cnnForwardFlops
    assert bench.flops(DENSE) == 256 * 2 * 9216 * 128


@pytest.mark.parametrize("p, weights, outputs", [
    # Under Node: the case's images and weights, and the site's reference (the TypeScript CNN,
    # and the blocked GEMM): first three and last two outputs.
    (CNN, [-0.35400041937828064, 0.33052152395248413],
     [0.6081784963607788, 1.720129370689392, -0.9516564011573792, -1.7704360485076904,
      0.0014041330432519317]),
    (DENSE, [0.004619035869836807, 0.0005878562806174159],
     [1.1896151304244995, 0.050262801349163055, 0.2710619866847992, -0.2056843638420105,
      1.762924075126648]),
])
def test_input_and_reference_are_the_sites(p, weights, outputs):
    inp = bench.input(p, bench.seed)
    assert inp.x.dtype == np.float32 and len(inp.x) == 256
    assert inp.x.reshape(-1)[:2].tolist() == [0.7309699058532715, 0.01818949542939663]
    first_weights = inp.weights["conv1_w"] if p["model"] == 0 else inp.weights
    assert first_weights.reshape(-1)[:2].tolist() == weights
    reference = bench.reference(p, inp).reshape(-1)
    np.testing.assert_allclose(np.concatenate([reference[:3], reference[-2:]]), outputs,
                               atol=bench.tolerance(p))


@pytest.mark.parametrize("model", [0, 1])
def test_every_variant_equals_the_reference_with_a_short_last_batch(model):
    p = {"model": model, "images": 11}
    inp = bench.input(p, bench.seed)
    reference = bench.reference(p, inp)
    for variant in bench.variants:
        with variant.prepare(p, inp, 1) as call:
            out = call()
        assert out.shape == reference.shape and out.dtype == np.float32, variant.id
        assert max_abs_diff(out, reference) <= bench.tolerance(p), variant.id
