"""Tests for everycore.busy_cores: the /proc/stat arithmetic on a fixed text, and both checks on
real work whose CPU time is known (burn_cpu stops after a given CPU time, whatever the load)."""

import os
import sys

import pytest

from everycore.busy_cores import (CoreTimes, burn_cpu, core_busy_shares, parse_proc_stat,
                                  per_core_usage, worker_busy_times)

STAT_BEFORE = """cpu  300 0 100 1000 0 0 0 0 0 0
cpu0 100 0 50 500 0 0 0 0 0 0
cpu1 200 0 50 500 0 0 0 0 0 0
intr 12345
"""
# cpu0: 90 busy ticks (60 user, 10 nice, 20 system) and 10 idle; cpu1: idle and iowait only.
STAT_AFTER = """cpu  400 10 120 1110 0 0 0 0 0 0
cpu0 160 10 70 510 0 0 0 0 0 0
cpu1 200 0 50 590 10 0 0 0 0 0
"""


def test_parse_proc_stat_reads_each_core_and_skips_the_total():
    assert parse_proc_stat(STAT_BEFORE) == [CoreTimes(0, 150, 500), CoreTimes(1, 250, 500)]


def test_core_busy_shares_of_two_readings():
    shares = core_busy_shares(parse_proc_stat(STAT_BEFORE), parse_proc_stat(STAT_AFTER))
    assert shares == [pytest.approx(0.9), 0.0]


def test_bad_texts_are_named():
    with pytest.raises(ValueError, match="not a /proc/stat text"):
        parse_proc_stat("hello\n")
    with pytest.raises(ValueError, match="different cores"):
        core_busy_shares(parse_proc_stat(STAT_BEFORE), parse_proc_stat(STAT_BEFORE)[:1])


def _burn_two(seconds):
    # Two processes burning at once: at least one core's worth of busy time on any machine.
    return worker_busy_times(burn_cpu, [seconds, seconds], processes=2)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc/stat is Linux's")
def test_per_core_usage_sees_the_cores_a_pool_keeps_busy():
    _, shares = per_core_usage(_burn_two, 0.6)
    assert len(shares) == os.cpu_count()
    assert all(0.0 <= s <= 1.0 for s in shares)
    # Our two burners alone make 1.2 s of CPU in a wall time they mostly fill: on 2 cores (or
    # more idle ones) the summed shares are about 2. 1.0 leaves room for the pool's start-up.
    assert sum(shares) >= 1.0


def test_worker_busy_times_counts_each_workers_cpu():
    results, busy, wall = worker_busy_times(burn_cpu, [0.2] * 4, processes=2)
    assert len(results) == 4 and all(turns > 0 for turns in results)
    assert 1 <= len(busy) <= 2                      # the pool's own worker pids
    assert os.getpid() not in busy                  # the work ran in the workers, not here
    # Each task stops at its first check past 0.2 s of its process's CPU clock: 0.8 s in total,
    # however busy the machine, plus any jump of that clock between two checks. On a virtual
    # machine the time the host takes a vCPU away can be charged to the task that was running
    # (CI saw 0.876 s once: ~76 ms in one jump), so the bound above allows a few such jumps.
    assert 0.8 <= sum(busy.values()) < 1.2
    assert wall > 0
