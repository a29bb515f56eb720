"""The native "broadcast-temporaries" benchmark: the site's declaration, every variant's output."""

import sys

import numpy as np
import pytest

from everycore.lab.broadcast_temporaries import BROADCAST_TEMPORARIES as bench
from everycore.lab.optional_numba import NEEDS_NUMBA
from lab_checks import check_every_variant


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/broadcast-temporaries.ts: temporaries in cache, then far larger.
    assert bench.id == "broadcast-temporaries" and bench.seed == 20261125
    assert [(c.label, c.params) for c in bench.cases] == [
        ("N=64, M=64, D=16", {"n": 64, "m": 64, "d": 16}),
        ("N=256, M=256, D=64", {"n": 256, "m": 256, "d": 64})]
    large = bench.cases[1].params
    assert bench.flops(large) == 3 * 256 * 256 * 64
    assert bench.tolerance(large) == 16 * 64 * 2.0 ** -24


def test_input_and_reference_are_the_sites():
    p = bench.cases[0].params
    a, b = bench.input(p, bench.seed)
    assert (a.shape, b.shape, a.dtype) == ((64, 16), (64, 16), np.float32)
    # randomF32 from seed and seed + 1, and the site's reference, under Node.
    assert a.ravel()[:2].tolist() == [-0.4522567093372345, -0.3196156919002533]
    assert b.ravel()[:2].tolist() == [0.7938839197158813, 0.3714926540851593]
    reference = bench.reference(p, (a, b))
    assert reference.dtype == np.float64
    site = [8.874465942382812, 15.20583438873291, 7.9798407554626465]
    np.testing.assert_allclose(reference[0, :3], site, rtol=2.0 ** -24)


@pytest.mark.parametrize("n, m, d", [(5, 7, 3), (1, 9, 1)])
def test_every_variant_equals_the_reference(n, m, d):
    check_every_variant(bench, {"n": n, "m": m, "d": d}, shape=(n, m))


def test_the_fused_loop_is_skipped_with_the_reason_without_numba(monkeypatch):
    monkeypatch.setitem(sys.modules, "numba", None)
    small = bench.cases[0].params
    skips = {v.id: v.skip(small, False) for v in bench.variants}
    assert skips.pop("pairwise-sqdist-f32-fused-numba") == NEEDS_NUMBA
    assert set(skips.values()) == {None}
