"""The native "memory-bandwidth" benchmark: the site's declaration, every triad, Numba's threads."""

import sys

import numpy as np
import pytest

from everycore.lab.benchmark import Threading
from everycore.lab.memory_bandwidth import MEMORY_BANDWIDTH as bench
from everycore.lab.optional_numba import NEEDS_NUMBA
from everycore.lab.run import max_abs_diff

IN_CACHE, MAIN_MEMORY = bench.cases[0].params, bench.cases[-1].params


def test_declaration_matches_the_sites():
    # src/lab/benchmarks/memory-bandwidth.ts: three arrays of 32 KiB, ×4 up to 128 MiB.
    assert bench.id == "memory-bandwidth" and bench.seed == 20261201
    assert [c.label for c in bench.cases] == [
        "3 × 32 KiB", "3 × 128 KiB", "3 × 512 KiB", "3 × 2 MiB", "3 × 8 MiB", "3 × 32 MiB", "3 × 128 MiB"]
    assert [c.params["elements"] for c in bench.cases] == [8192 * 4 ** i for i in range(7)]
    assert bench.flops(IN_CACHE) == 2 * 8192
    assert bench.tolerance(IN_CACHE) == 16 * 2.0 ** -24   # triadF32Tolerance(3)


def test_input_and_reference_are_the_sites():
    b, c = bench.input(IN_CACHE, bench.seed)
    # randomF32 from seed and seed + 1, and the site's reference (float32), under Node.
    assert b[:2].tolist() == [-0.4346000552177429, -0.5308423042297363]
    assert c[:2].tolist() == [0.7486963272094727, 0.7417510747909546]
    site = [1.8114888668060303, 1.6944109201431274, -1.9382596015930176]
    np.testing.assert_allclose(bench.reference(IN_CACHE, (b, c))[:3], site, rtol=2.0 ** -24)


@pytest.mark.parametrize("threads", [1, 2])
def test_every_variant_equals_the_reference(threads):
    small = {"elements": 1001}
    arrays = bench.input(small, bench.seed)
    reference = bench.reference(small, arrays)
    for variant in bench.variants:
        with variant.prepare(small, arrays, threads) as call:
            out = call()
        assert out.shape == (1001,) and out.dtype == np.float32, variant.id
        assert max_abs_diff(out, reference) <= bench.tolerance(small), variant.id


def test_numba_runs_the_threaded_loop_on_the_threads_asked_for_and_restores_the_count():
    import numba

    threaded = next(v for v in bench.variants if v.id == "triad-f32-numba-threads")
    assert threaded.threading is Threading.THREADS
    before = numba.get_num_threads()
    with threaded.prepare({"elements": 64}, bench.input({"elements": 64}, 1), 1):
        assert numba.get_num_threads() == 1
    assert numba.get_num_threads() == before


def test_skips_the_threads_in_cache_and_numba_where_it_is_missing(monkeypatch):
    skips = {v.id: (v.skip(IN_CACHE, True), v.skip(MAIN_MEMORY, True)) for v in bench.variants}
    assert "in cache" in skips["triad-f32-numba-threads"][0]
    assert skips["triad-f32-numba-threads"][1] is None
    monkeypatch.setitem(sys.modules, "numba", None)
    for variant in bench.variants:
        reason = variant.skip(MAIN_MEMORY, False)
        assert reason == (NEEDS_NUMBA if "-numba" in variant.id else None), variant.id
