"""The native "fusion-chain" benchmark: the site's declaration and image, every chain exact."""

import sys

import numpy as np
import pytest

from everycore.lab.fusion_chain import FUSION_CHAIN as bench
from everycore.lab.optional_numba import NEEDS_NUMBA

IN_CACHE, PHOTO = (c.params for c in bench.cases)


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/fusion-chain.ts
    assert bench.id == "fusion-chain" and bench.seed == 20261206
    assert [(c.label, c.params) for c in bench.cases] == [
        ("256 × 256 (fits in cache)", {"height": 256, "width": 256}),
        ("4000 × 3000 (12 MP)", {"height": 3000, "width": 4000})]
    assert bench.tolerance(PHOTO) == 0


def test_input_and_reference_are_the_sites():
    # linearImageF32(65536, 0.05, 0.9, seed) and fusedNormalizeGammaU8 of it, under Node.
    image = bench.input(IN_CACHE, bench.seed)
    assert image.shape == (256, 256) and image.dtype == np.float32
    assert image.reshape(-1)[:4].tolist() == [0.7694866061210632, -0.1393083930015564,
                                              0.7326024174690247, 0.20697057247161865]
    out = bench.reference(IN_CACHE, image)
    assert out.dtype == np.uint8
    assert out.reshape(-1)[:12].tolist() == [235, 0, 229, 110, 111, 174, 164, 219, 0, 249, 237, 255]
    assert int(out.sum(dtype=np.int64)) == 10264856


@pytest.mark.parametrize("shape", [(1, 1), (37, 53)])
def test_every_variant_gives_the_references_bytes(shape):
    p = {"height": shape[0], "width": shape[1]}
    image = bench.input(p, bench.seed)
    reference = bench.reference(p, image)
    for variant in bench.variants:
        with variant.prepare(p, image, 1) as call:
            out = call()
        assert out.shape == shape and out.dtype == np.uint8, variant.id
        np.testing.assert_array_equal(out, reference, err_msg=variant.id)
    if image.size > 1:   # below black, inside, above white: every branch was taken
        assert reference.min() == 0 and reference.max() == 255 and 0 < np.median(reference) < 255


def test_the_fused_loop_is_skipped_where_numba_is_missing(monkeypatch):
    monkeypatch.setitem(sys.modules, "numba", None)
    assert {v.id: v.skip(PHOTO, False) for v in bench.variants} == {
        "normalize-gamma-u8-passes-numpy": None,
        "normalize-gamma-u8-passes-out-numpy": None,
        "fused-normalize-gamma-u8-numba": NEEDS_NUMBA,
    }
