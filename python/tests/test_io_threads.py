"""Tests for everycore.io_threads: threads overlap waits, results stay in order."""

import functools

import pytest

from everycore.io_threads import InFlight, fetch_all, slow_fetch, time_fetch_all


def test_results_come_back_in_order():
    names = [f"image-{i}.jpg" for i in range(20)]
    assert fetch_all(names, functools.partial(slow_fetch, latency_s=0.001), threads=8) == [
        f"pixels of {n}".encode() for n in names]


def test_the_waits_overlap_with_threads_and_not_without():
    names = [f"image-{i}.jpg" for i in range(8)]
    for threads, expected in ((1, 1), (8, 8)):
        in_flight = InFlight()
        # Long enough that every thread is waiting before the first wait ends, even on a busy machine.
        fetch_all(names, functools.partial(slow_fetch, latency_s=0.5, in_flight=in_flight), threads=threads)
        assert in_flight.most == expected and in_flight.now == 0


def test_time_fetch_all_reports_both_ways():
    times = time_fetch_all(count=4, latency_s=0.001, threads=4)
    assert set(times) == {"one thread", "4 threads"} and all(t > 0 for t in times.values())


@pytest.mark.parametrize("threads", [0, -1, 1.5, True])
def test_bad_thread_counts_are_named(threads):
    with pytest.raises(ValueError, match="threads must be an integer >= 1"):
        fetch_all(["a"], threads=threads)


@pytest.mark.parametrize("latency", [-1, float("nan")])
def test_bad_latency_is_named(latency):
    with pytest.raises(ValueError, match="latency_s must be a number >= 0"):
        slow_fetch("a", latency)
