"""Pinning: choosing which CPUs a process may run on (Linux: ``os.sched_setaffinity``).

The scheduler moves threads between cores as it likes; pinning fixes the set. Use it to keep a
benchmark's threads on one socket or NUMA node (near their memory), to keep two jobs from
competing for the same cores, or to time on one core type of a hybrid CPU. Child processes
inherit the set. ``os.process_cpu_count()`` (3.13+) and ``everycore.pools.usable_cpus()`` count
it; ``os.cpu_count()`` does not.

macOS has no affinity call (the scheduler decides; its "affinity tags" are hints), and Windows
sets it through the process handle (``psutil.Process().cpu_affinity``): there this module raises
a clear error instead.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import os

__all__ = ["allowed_cpus", "pin_to", "NEEDS_LINUX"]

NEEDS_LINUX = "CPU affinity from Python's standard library needs Linux (os.sched_setaffinity)"


def _require_affinity() -> None:
    if not hasattr(os, "sched_setaffinity"):
        raise NotImplementedError(NEEDS_LINUX)


# [start:pin_to]
def allowed_cpus() -> set[int]:
    """The CPUs this process may run on now."""
    _require_affinity()
    return os.sched_getaffinity(0)


def pin_to(cpus) -> set[int]:
    """Restrict this process (and the children it starts afterwards) to ``cpus``; returns the
    previous set, so ``pin_to(previous)`` undoes it."""
    _require_affinity()
    wanted = set(cpus)
    if not wanted or not all(isinstance(c, int) and not isinstance(c, bool) for c in wanted):
        raise ValueError(f"cpus must be a non-empty set of CPU numbers, got {cpus!r}")
    previous = allowed_cpus()
    if not wanted <= previous:
        raise ValueError(f"CPUs {sorted(wanted - previous)} are not available to this process "
                         f"(it may use {sorted(previous)})")
    os.sched_setaffinity(0, wanted)
    return previous
# [end:pin_to]
