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

/**
 * Guided scheduling over items [begin, end) of a counter that already stands at `begin` (OpenMP's
 * `schedule(guided)`): each claim takes a share of what is left — 1/(2·parts) of it, at least one
 * item — so the first claims are large (few trips of the counter's cache line) and the last are
 * single items, which leaves the threads at most one small item apart at the end. A thread the
 * system stops for a while holds one claim; the others go on claiming the rest. The counter ends
 * at exactly `end` (a claim is a compare-and-swap that never passes it), so one counter serves a
 * job's successive steps, each over the next range, with no reset between them.
 */
export function forEachGuidedChunk(
  counter: Int32Array,
  begin: number,
  end: number,
  parts: number,
  body: (start: number, end: number) => void,
): void {
  if (!Number.isInteger(begin) || !Number.isInteger(end) || begin < 0 || end < begin)
    throw new RangeError(`invalid range: [${begin}, ${end}) (expected integers 0 ≤ begin ≤ end)`);
  for (let start = Atomics.load(counter, 0); start >= begin && start < end; ) {
    const size = Math.max(1, Math.floor((end - start) / (2 * parts)));
    const seen = Atomics.compareExchange(counter, 0, start, start + size);
    if (seen === start) body(start - begin, start - begin + size);
    start = seen === start ? start + size : seen;
  }
}
