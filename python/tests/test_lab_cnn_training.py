"""The native "cnn-training" benchmark: the site's digits, batch and step, every way to take it."""

import hashlib

import numpy as np
import pytest

from everycore.cnn_numpy import PARAM_NAMES
from everycore.lab.benchmark import Threading
from everycore.lab.cnn_training import CNN_TRAINING as bench
from everycore.lab.cnn_training import load_batch, row_shifts, seven_segment_digits
from everycore.lab.run import max_abs_diff
from lab_checks import variants_to_check

BATCH16, BATCH64 = (c.params for c in bench.cases)
SIZES = {"conv1_w": 200, "conv1_b": 8, "conv2_w": 3200, "conv2_b": 16, "dense_w": 7840,
         "dense_b": 10}


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/cnn-training.ts
    assert bench.id == "cnn-training" and bench.seed == 20261124
    assert [(c.label, c.params) for c in bench.cases] == [
        ("batch 16", {"batch": 16}), ("batch 64", {"batch": 64})]
    assert bench.flops(BATCH64) == 3 * 64 * 1_583_680


def test_the_digits_and_the_batch_are_the_sites():
    # Under Node: sevenSegmentDigits(32, seed), the batch indices, rowShift and buildDigitRows.
    images, labels = seven_segment_digits(32, bench.seed)
    assert hashlib.sha256(images.tobytes()).hexdigest()[:16] == "898ca4efbdc876e9"
    assert labels[:10].tolist() == [1, 0, 5, 5, 0, 1, 3, 4, 0, 7]
    inp = bench.input(BATCH16, bench.seed)
    assert inp.spec.indices[:10].tolist() == [8, 10, 22, 7, 2, 14, 31, 15, 29, 10]
    assert [row_shifts(inp.spec.seed, 16, 1)[r] for r in (0, 1, 2, 15)] == [
        (-1, 1), (-1, 0), (-1, 0), (1, -1)]
    x, y = load_batch(inp.store, inp.spec)
    assert x.shape == (16, 1, 28, 28) and x.dtype == np.float32
    assert hashlib.sha256(x.tobytes()).hexdigest()[:16] == "1597c76cc2161f9e"
    assert y.tolist() == labels[inp.spec.indices].tolist()


def _site_order(weights: np.ndarray) -> dict[str, np.ndarray]:
    """The flat output by name, the dense matrix input-major as the site stores it."""
    ends = np.cumsum([SIZES[name] for name in PARAM_NAMES])
    named = dict(zip(PARAM_NAMES, np.split(weights, ends[:-1])))
    named["dense_w"] = named["dense_w"].reshape(10, 784).T.reshape(-1)
    return named


# trainingStepRef under Node: weights of each block after one step, by index in the block.
SITE_STEP = {
    16: {"conv1_w": {0: 0.12604229152202606, 1: -0.4855557978153229, 199: -0.4759509861469269},
         "conv1_b": {0: -0.0006972277187742293, 7: -0.0010308451019227505},
         "conv2_w": {0: 0.1253741830587387, 3199: -0.09942231327295303},
         "conv2_b": {0: 0.0006677555502392352, 15: 0.000413818983361125},
         "dense_w": {0: 0.005897988099604845, 1: 0.07126154750585556,
                     10: 0.014245285652577877, 7839: 0.0855393186211586},
         "dense_b": {0: 0.0015779226087033749, 9: 0.0002630642266012728}},
    64: {"conv1_w": {0: 0.12439773976802826, 1: -0.4875944256782532, 199: -0.4751211106777191},
         "conv1_b": {0: -0.00009806484740693122, 7: -0.0005525661981664598},
         "conv2_w": {0: 0.12466017156839371, 3199: -0.09934987127780914},
         "conv2_b": {0: -0.0002955836243927479, 15: -0.0005434544291347265},
         "dense_w": {0: 0.006130869500339031, 1: 0.07131090760231018,
                     10: 0.014622925780713558, 7839: 0.08607172966003418},
         "dense_b": {0: 0.0017007236601784825, 9: 0.0007008383981883526}},
}


@pytest.mark.parametrize("p", [BATCH16, BATCH64])
def test_the_reference_step_lands_on_the_sites_weights(p):
    named = _site_order(bench.reference(p, bench.input(p, bench.seed)))
    for name, values in SITE_STEP[p["batch"]].items():
        np.testing.assert_allclose(named[name][list(values)], list(values.values()), rtol=0,
                                   atol=bench.tolerance(p), err_msg=name)


@pytest.mark.parametrize("processes", [1, 2])
def test_every_variant_takes_the_references_step(processes):
    p = {"batch": 5}
    inp = bench.input(p, bench.seed)
    reference = bench.reference(p, inp)
    for variant in variants_to_check(bench, p):
        # Processes, or PyTorch's threads.
        count = 1 if variant.threading is Threading.SINGLE else processes
        with variant.prepare(p, inp, count) as call:
            first, again = call().copy(), call()
        # Twice: every call starts from the same weights and momentum.
        for out in (first, again):
            assert out.shape == (sum(SIZES.values()),) and out.dtype == np.float32, variant.id
            assert max_abs_diff(out, reference) <= bench.tolerance(p), variant.id
