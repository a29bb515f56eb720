"""I/O-bound work, where plain threads do help: while a thread waits for a disk, a network or a
camera, it holds no GIL, so other threads run. Downloading images, reading files from a network
share, querying a service: a thread pool overlaps the waits, and the time approaches the slowest
request instead of the sum of all of them.

Here the "I/O" is a simulated latency (``time.sleep``, which releases the GIL as a real read or
socket wait does), so the effect shows on any machine without a network.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor

__all__ = ["slow_fetch", "fetch_all", "time_fetch_all", "InFlight"]


class InFlight:
    """Counts the calls running at once and remembers the most there ever were."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.now = 0
        self.most = 0

    def __enter__(self) -> InFlight:
        with self._lock:
            self.now += 1
            self.most = max(self.most, self.now)
        return self

    def __exit__(self, *_) -> None:
        with self._lock:
            self.now -= 1


# [start:slow_fetch]
def slow_fetch(name: str, latency_s: float = 0.05, in_flight: InFlight | None = None) -> bytes:
    """Stands in for a download: waits ``latency_s`` (the GIL is free meanwhile), then returns
    the "file"."""
    if not latency_s >= 0:
        raise ValueError(f"latency_s must be a number >= 0, got {latency_s!r}")
    with in_flight or InFlight():
        time.sleep(latency_s)
    return f"pixels of {name}".encode()
# [end:slow_fetch]


# [start:fetch_all]
def fetch_all(names: Iterable[str], fetch: Callable[[str], bytes] = slow_fetch,
              threads: int = 16) -> list[bytes]:
    """``[fetch(name) for name in names]``, with up to ``threads`` fetches waiting at once.
    For waiting, threads may outnumber cores: a waiting thread uses none."""
    if isinstance(threads, bool) or not isinstance(threads, int) or threads < 1:
        raise ValueError(f"threads must be an integer >= 1, got {threads!r}")
    with ThreadPoolExecutor(max_workers=threads) as pool:
        return list(pool.map(fetch, names))
# [end:fetch_all]


def time_fetch_all(count: int = 32, latency_s: float = 0.05, threads: int = 16) -> dict[str, float]:
    """Seconds to fetch ``count`` files one after another and with ``threads`` threads."""
    names = [f"image-{i}.jpg" for i in range(count)]
    fetch = functools.partial(slow_fetch, latency_s=latency_s)
    start = time.perf_counter()
    fetch_all(names, fetch, threads=1)
    serial = time.perf_counter() - start
    start = time.perf_counter()
    fetch_all(names, fetch, threads=threads)
    return {"one thread": serial, f"{threads} threads": time.perf_counter() - start}
