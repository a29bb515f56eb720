/**
 * Per-thread busy time of a worker pool: slot p holds the milliseconds part p has spent inside jobs
 * since the last reset. Each thread adds to its own slot only, with a plain store (no Atomics: no
 * slot has two writers), and the coordinator reads the slots after a job's DONE handshake, whose
 * Atomics order every worker's store before the read. Two clock reads per part, no message.
 */
export function createBusySlots(threads: number): Float64Array {
  if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`invalid threads: ${threads} (expected an integer ≥ 1)`);
  return new Float64Array(new SharedArrayBuffer(threads * Float64Array.BYTES_PER_ELEMENT));
}

/** One thread's busy time against the wall-clock time of the same stretch. */
export interface BusyShare {
  /** 0 is the coordinator, 1… the pool's workers. */
  thread: number;
  busyMs: number;
  /** busyMs / wallMs: 1 is a core busy all along, 0 an idle one. */
  share: number;
}

/** Each thread's share of `wallMs` spent running jobs, checked so a bad reading is named. */
export function busyShares(busyMs: readonly number[], wallMs: number): BusyShare[] {
  if (!(Number.isFinite(wallMs) && wallMs > 0)) throw new RangeError(`invalid wallMs: ${wallMs} (expected a duration > 0)`);
  return busyMs.map((ms, thread) => {
    if (!(Number.isFinite(ms) && ms >= 0)) throw new RangeError(`invalid busyMs[${thread}]: ${ms} (expected a duration ≥ 0)`);
    return { thread, busyMs: ms, share: ms / wallMs };
  });
}

/** How many cores were busy on average: the sum of the shares (N for N threads busy all along). */
export function coresBusy(shares: readonly BusyShare[]): number {
  return shares.reduce((sum, s) => sum + s.share, 0);
}
