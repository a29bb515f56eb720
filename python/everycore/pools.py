"""A process pool that cannot hang: one pipe per worker, a dead worker is an error, sizes that fit.

Both standard pools share ONE result pipe among all their workers, guarded by one lock. A worker
that dies while it writes a result into it (killed by the out-of-memory killer, by a signal, or by
``Pool.terminate()``, which ``with multiprocessing.Pool(...)`` calls on leaving the block) leaves
the lock taken and half a message in the pipe. The parent then reads that message's length and
waits forever for the rest, and every other worker waits forever for the lock:

* ``multiprocessing.Pool``: ``terminate()`` hangs in its result or task thread; a worker that dies
  mid-task is replaced, and its task's result is waited for forever;
* ``concurrent.futures.ProcessPoolExecutor``: a dead worker usually raises ``BrokenProcessPool``,
  but one killed while writing a result leaves it blocked in the same read.

:class:`ProcessPool` gives each worker its own pipe, whose writing end only that worker holds.
When a worker dies, mid-message or not, its pipe reads as closed and its process handle as ended,
so the parent raises :class:`WorkerDied` at once. Nothing is shared between workers, so stopping
them can never leave the others stuck. It has the methods of ``multiprocessing.Pool`` that the
companion uses (``map``, ``starmap``, ``apply``, ``submit``) and is driven by the thread that
waits for results: no hidden threads, which also keeps ``fork`` safe.

The ``# [start:NAME]`` / ``# [end:NAME]`` comment lines mark the regions the website shows.
"""

from __future__ import annotations

import collections
import multiprocessing
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from multiprocessing.connection import wait

__all__ = ["WINDOWS_MAX_PROCESSES", "WorkerDied", "usable_cpus", "pool_size", "ProcessPool",
           "process_pool"]

# WaitForMultipleObjects watches at most 64 handles; a pool needs 3 of its own.
WINDOWS_MAX_PROCESSES = 61


# [start:pool_size]
def usable_cpus() -> int:
    """The CPUs this process may run on: affinity and cpusets count, unlike ``os.cpu_count()``."""
    if hasattr(os, "process_cpu_count"):                   # Python 3.13+, every platform
        return os.process_cpu_count() or 1
    if hasattr(os, "sched_getaffinity"):                   # Linux
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1                             # macOS, Windows before 3.13


def pool_size(requested: int | None = None) -> int:
    """``requested`` processes, or one per usable CPU; at most 61 on Windows, where more fail."""
    if requested is None:
        requested = usable_cpus()
    elif isinstance(requested, bool) or not isinstance(requested, int) or requested < 1:
        raise ValueError(f"processes must be an integer >= 1, got {requested!r}")
    return min(requested, WINDOWS_MAX_PROCESSES) if sys.platform == "win32" else requested
# [end:pool_size]


class WorkerDied(BrokenProcessPool):
    """A worker process ended without answering; the pool cannot be used any more."""


def _run_chunk(fn: Callable, chunk: list[tuple]) -> list:
    return [fn(*args) for args in chunk]


def _serve(conn, initializer, initargs) -> None:
    """A worker's life: set up once, then answer each (fn, args) with (ok, value) until None."""
    if initializer is not None:
        initializer(*initargs)
    while (message := conn.recv()) is not None:
        fn, args = message
        try:
            reply = (True, fn(*args))
        except BaseException as error:          # the parent re-raises it
            reply = (False, error)
        try:
            conn.send(reply)
        except Exception as error:              # an unpicklable result or exception
            conn.send((False, RuntimeError(f"could not send the task's outcome back: {error!r}")))


class Task:
    """The pending outcome of one ``submit``: ``result()`` waits for it (and drives the pool)."""

    def __init__(self, pool: ProcessPool):
        self._pool, self._done, self._ok, self._value = pool, False, False, None

    def done(self) -> bool:
        return self._done

    def result(self):
        while not self._done:
            self._pool._wait_for_one()
        if not self._ok:
            raise self._value
        return self._value

    def _settle(self, ok: bool, value) -> None:
        self._done, self._ok, self._value = True, ok, value


class _Worker:
    def __init__(self, context, initializer, initargs):
        self.conn, child_end = context.Pipe()
        self.process = context.Process(target=_serve, args=(child_end, initializer, initargs),
                                       daemon=True)
        self.process.start()
        child_end.close()   # now only the worker holds its end: its death reads as end of file
        self.task: Task | None = None

    def describe(self) -> str:
        code = self.process.exitcode
        if code is not None and code < 0 and -code in signal.valid_signals():
            how = f"killed by {signal.Signals(-code).name}; SIGKILL is what the out-of-memory killer sends"
        else:
            how = f"exit code {code}; a nonzero code comes with the traceback it printed"
        return f"worker process {self.process.pid} ended ({how})"


class ProcessPool:
    """``processes`` worker processes, each built once by ``initializer(*initargs)``.

    Use it through :func:`process_pool` (a ``with`` block), from one thread. A task's exception is
    raised where its result is asked for; a worker that dies makes the pool raise
    :class:`WorkerDied` naming it, immediately, and for every call after.
    """

    def __init__(self, processes: int | None = None, initializer: Callable | None = None,
                 initargs: tuple = (), start_method: str | None = None):
        context = multiprocessing.get_context(start_method)
        self._workers: list[_Worker] = []
        self._queue: collections.deque = collections.deque()   # (task, fn, args) not yet sent
        self._next_id = 0
        self._broken: WorkerDied | None = None
        try:
            for _ in range(pool_size(processes)):
                self._workers.append(_Worker(context, initializer, initargs))
        except BaseException:
            self.close()
            raise

    # -- what callers use ------------------------------------------------------------------
    def submit(self, fn: Callable, *args) -> Task:
        """Queue ``fn(*args)`` for the next free worker."""
        self._check()
        task = Task(self)
        self._queue.append((task, fn, args))
        self._dispatch()
        return task

    def apply(self, fn: Callable, args: tuple = ()):
        return self.submit(fn, *args).result()

    def starmap(self, fn: Callable, iterable: Iterable[tuple], chunksize: int | None = None) -> list:
        """``[fn(*args) for args in iterable]``, in order; ``chunksize`` calls per message
        (None: about four messages per worker, as ``multiprocessing.Pool`` picks)."""
        self._check()
        calls = list(iterable)
        if chunksize is None:
            chunksize = max(1, -(-len(calls) // (4 * len(self._workers))))
        elif isinstance(chunksize, bool) or not isinstance(chunksize, int) or chunksize < 1:
            raise ValueError(f"chunksize must be an integer >= 1, got {chunksize!r}")
        tasks = [self.submit(_run_chunk, fn, calls[i:i + chunksize])
                 for i in range(0, len(calls), chunksize)]
        return [value for task in tasks for value in task.result()]

    def map(self, fn: Callable, *iterables: Iterable, chunksize: int | None = None) -> list:
        """``[fn(x) for x in items]`` in order; several iterables give ``fn(a, b, …)``."""
        return self.starmap(fn, zip(*iterables), chunksize)

    def close(self) -> None:
        """Drop queued tasks, stop every worker (a busy one is killed: it shares nothing), wait."""
        self._queue.clear()
        for worker in self._workers:
            if worker.task is None and worker.process.is_alive():
                try:
                    worker.conn.send(None)
                except OSError:
                    pass                          # it died meanwhile
            else:
                worker.process.terminate()
        for worker in self._workers:
            worker.process.join(5)
            if worker.process.is_alive():         # stuck in its own code: no reason to wait
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self._workers = []

    @property
    def pids(self) -> list[int]:
        return [worker.process.pid for worker in self._workers]

    # -- the engine -------------------------------------------------------------------------
    def _check(self) -> None:
        if self._broken is not None:
            raise self._broken
        if not self._workers:
            raise RuntimeError("the pool is closed")

    def _dispatch(self) -> None:
        for worker in self._workers:
            if not self._queue:
                return
            if worker.task is None:
                task, fn, args = self._queue.popleft()
                worker.task = task
                try:
                    worker.conn.send((fn, args))
                except (BrokenPipeError, ConnectionResetError):
                    self._fail(worker)
                except BaseException as error:    # fn or args could not be pickled
                    worker.task = None
                    task._settle(False, error)

    def _wait_for_one(self) -> None:
        """Block until a worker answers or dies; settle its task, send it the next one."""
        self._check()
        busy = [w for w in self._workers if w.task is not None]
        if not busy:
            raise RuntimeError("waiting for a task that was never queued")
        ready = wait([w.conn for w in busy] + [w.process.sentinel for w in self._workers])
        for worker in self._workers:
            if worker.conn in ready or worker.process.sentinel in ready:
                try:
                    if not worker.conn.poll():
                        raise EOFError
                    ok, value = worker.conn.recv()
                except (EOFError, OSError):       # ended: before, or in the middle of, a reply
                    self._fail(worker)
                worker.task, task = None, worker.task
                if task is not None:
                    task._settle(ok, value)
        self._dispatch()

    def _fail(self, worker: _Worker) -> None:
        worker.process.join(1)
        doing = "while running a task" if worker.task is not None else "while idle"
        self._broken = WorkerDied(f"{worker.describe()} {doing}: its work is lost and the pool "
                                  f"is closed")
        self.close()
        raise self._broken


# [start:process_pool]
@contextmanager
def process_pool(processes: int | None = None, initializer: Callable | None = None,
                 initargs: tuple = (), start_method: str | None = None) -> Iterator[ProcessPool]:
    """A :class:`ProcessPool` of ``pool_size(processes)`` workers, closed when the block ends.

    ``start_method`` None is the platform's default: fork on Linux before Python 3.14, forkserver
    from 3.14, spawn on macOS and Windows (where the calling script needs its
    ``if __name__ == "__main__":`` guard).
    """
    pool = ProcessPool(processes, initializer, initargs, start_method)
    try:
        yield pool
    finally:
        pool.close()
# [end:process_pool]
