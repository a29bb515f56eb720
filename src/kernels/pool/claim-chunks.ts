/**
 * Dynamic scheduling, the browser's counterpart of Pool.map's `chunksize`: every thread claims the
 * next `chunk` items from one shared counter (a single Atomics.add) until none are left. A thread
 * that finishes early simply claims more, so uneven items balance themselves. Each claim is an
 * atomic read-modify-write of a cache line every thread shares, which is what makes tiny chunks
 * expensive: the line travels between cores once per claim.
 */
export function forEachClaimedChunk(counter: Int32Array, total: number, chunk: number, body: (start: number, end: number) => void): void {
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`invalid chunk: ${chunk} (expected an integer ≥ 1)`);
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`invalid total: ${total} (expected an integer ≥ 0)`);
  // start ≥ 0: a counter never reset wraps past 2³¹ to negative starts, which claim nothing.
  for (let start = Atomics.add(counter, 0, chunk); start >= 0 && start < total; start = Atomics.add(counter, 0, chunk)) {
    body(start, Math.min(total, start + chunk));
  }
}
