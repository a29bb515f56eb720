/**
 * The pool's control block: a few Int32 slots in a SharedArrayBuffer that the coordinator and the
 * workers read and write with Atomics. A job is announced by bumping GENERATION (a doorbell);
 * each participating worker runs its part and bumps DONE. No message is sent per job.
 */
export const GENERATION = 0;
export const DONE = 1;
export const JOB = 2;
export const THREADS = 3;
export const STOP = 4;
/** Set by a worker whose part threw, so the coordinator fails instead of waiting forever. */
export const FAILED = 5;
export const ARGS = 8;
export const MAX_ARGS = 32;
export const CONTROL_SLOTS = ARGS + MAX_ARGS;

export function createControl(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(CONTROL_SLOTS * Int32Array.BYTES_PER_ELEMENT));
}

/**
 * Rows [start, end) of part `part` out of `parts`: contiguous, as even as possible, with inner
 * boundaries on multiples of `align` so each part keeps whole register tiles.
 */
export function splitRows(rows: number, part: number, parts: number, align = 1): [number, number] {
  const blocks = Math.ceil(rows / align);
  const start = Math.min(rows, Math.floor((blocks * part) / parts) * align);
  const end = Math.min(rows, Math.floor((blocks * (part + 1)) / parts) * align);
  return [start, end];
}
