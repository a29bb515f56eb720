/**
 * What ends the worker threads a peer library started in this worker (tfjs's pthreads), so the
 * worker's owner can end them before it ends the worker: Chromium never finishes ending a worker
 * whose nested workers are still ending, and an idle pthread sleeps in Atomics.wait, where only a
 * forced end (2 s later) stops it. A peer module registers its ender when it loads; the runner calls
 * them all once a run is over.
 */
const enders = new Set<() => void>();

export function onEndPeerThreads(end: () => void): void {
  enders.add(end);
}

/** Ends every peer library's threads; false when no peer library is loaded, so there was nothing to end. */
export function endPeerThreads(): boolean {
  for (const end of enders) end();
  return enders.size > 0;
}
