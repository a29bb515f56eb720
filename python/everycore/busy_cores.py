"""Is every core busy? Two checks that need nothing beyond the standard library.

``per_core_usage`` reads Linux's per-core counters (``/proc/stat``, what ``top`` shows after you
press 1) before and after a call, and returns each core's busy share of that time. It sees every
process on the machine, yours and everyone else's. ``worker_busy_times`` asks the other question:
how much CPU did each worker process of *my* pool get, measured by the worker itself with
``time.process_time``? A worker whose CPU time is near the wall time kept a core busy; a worker
near zero sat idle. (``psutil.cpu_percent(percpu=True)`` gives the first on every OS, if you
install psutil.)

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

__all__ = ["CoreTimes", "parse_proc_stat", "core_busy_shares", "per_core_usage", "burn_cpu",
           "worker_busy_times"]

PROC_STAT = "/proc/stat"


@dataclass(frozen=True)
class CoreTimes:
    """Cumulative clock ticks of one core since boot: ``busy`` (user, nice, system, irq,
    softirq, steal) and ``idle`` (idle, iowait)."""
    core: int
    busy: int
    idle: int


def parse_proc_stat(text):
    """The per-core lines (``cpu0``, ``cpu1``…) of a /proc/stat text, as CoreTimes."""
    cores = []
    for line in text.splitlines():
        name, *fields = line.split()
        if not (name.startswith("cpu") and name[3:].isdigit()):
            continue  # the "cpu" total line and the rest of the file
        user, nice, system, idle, iowait, irq, softirq, steal = (int(f) for f in fields[:8])
        # guest and guest_nice (fields 9 and 10) are already counted in user and nice.
        cores.append(CoreTimes(int(name[3:]), user + nice + system + irq + softirq + steal,
                               idle + iowait))
    if not cores:
        raise ValueError("no per-core 'cpuN' lines: this is not a /proc/stat text")
    return cores


def core_busy_shares(before, after):
    """Each core's busy share (0…1) between two readings of parse_proc_stat."""
    if [c.core for c in before] != [c.core for c in after]:
        raise ValueError("the two readings list different cores (a core went on- or offline)")
    shares = []
    for b, a in zip(before, after):
        busy, total = a.busy - b.busy, (a.busy + a.idle) - (b.busy + b.idle)
        shares.append(busy / total if total > 0 else 0.0)
    return shares


# [start:per_core_usage]
def per_core_usage(func, *args):
    """Run ``func(*args)`` and return (its result, each core's busy share meanwhile).
    Linux only: the counters come from /proc/stat. Counts every process on the machine."""
    if not os.path.exists(PROC_STAT):
        raise OSError(f"per-core counters need Linux's {PROC_STAT}; use psutil elsewhere")
    with open(PROC_STAT) as f:
        before = parse_proc_stat(f.read())
    result = func(*args)
    with open(PROC_STAT) as f:
        after = parse_proc_stat(f.read())
    return result, core_busy_shares(before, after)
# [end:per_core_usage]


def burn_cpu(seconds):
    """Pure-Python busy work until this process has used ``seconds`` of CPU time; returns the
    number of loop turns (so nothing is optimised away)."""
    end = time.process_time() + seconds
    turns = 0
    while time.process_time() < end:
        turns += 1
    return turns


def _timed_task(func, item):
    # Top level, so the pool can pickle it. process_time counts this process's CPU only.
    cpu = time.process_time()
    result = func(item)
    return os.getpid(), time.process_time() - cpu, result


# [start:worker_busy_times]
def worker_busy_times(func, items, processes):
    """Map ``func`` over ``items`` in a pool of ``processes`` workers. Returns (results,
    {worker pid: CPU seconds it spent in tasks}, wall seconds). Each worker's CPU seconds
    divided by the wall time is its busy share: near 1 for a worker that kept a core busy."""
    begin = time.perf_counter()
    with ProcessPoolExecutor(max_workers=processes) as pool:
        timed = list(pool.map(_timed_task, [func] * len(items), items))
    wall = time.perf_counter() - begin
    busy = defaultdict(float)
    for pid, cpu_seconds, _ in timed:
        busy[pid] += cpu_seconds
    return [result for _, _, result in timed], dict(busy), wall
# [end:worker_busy_times]
