/**
 * The pool's control block: Int32 slots in a SharedArrayBuffer that the coordinator and the
 * workers read and write with Atomics. A job for t threads rings the doorbells of helpers 1 … t − 1
 * only (each helper sleeps on its own); each of them runs its part and bumps DONE. No message is
 * sent per job.
 */
export const DONE = 0;
export const JOB = 1;
export const THREADS = 2;
export const STOP = 3;
/** 1 + the first part whose code threw, or that the coordinator gave up on: every wait aborts when it is set. */
export const FAILED = 4;
/** 1 + a helper's part number once that helper is known to be gone (its worker ended). */
export const DEAD = 5;
/** 1 when this job's waits may spin before they sleep (0 when its threads outnumber the cores). */
export const SPIN = 6;
/** The barrier between a job's steps (pool-barrier.ts): parts arrived, and the generation they wait on. */
export const BARRIER_COUNT = 7;
export const BARRIER_GENERATION = 8;
export const ARGS = 16;
export const MAX_ARGS = 32;
/** Most threads a pool runs: the coordinator and 255 helpers. */
export const MAX_THREADS = 256;

/**
 * Each helper's own slots, one 64-byte cache line apart, so a helper spinning on its doorbell
 * does not share a line that the coordinator writes for another helper.
 */
const HELPER_SLOTS = ARGS + MAX_ARGS;
const HELPER_STRIDE = 16;
/** Bumped by the coordinator to hand helper `part` a job. */
export const doorbell = (part: number) => HELPER_SLOTS + part * HELPER_STRIDE;
/** The doorbell value of the last job helper `part` finished: who has not finished, when a wait times out. */
export const finished = (part: number) => doorbell(part) + 1;

export const CONTROL_SLOTS = doorbell(MAX_THREADS);

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

/**
 * Records that helper `part`'s worker has ended (the pool's watchdog saw its lock released) and
 * wakes every wait, so the coordinator fails the job naming it and the other helpers abandon it.
 */
export function reportHelperGone(control: Int32Array, part: number): void {
  Atomics.compareExchange(control, DEAD, 0, part + 1);
  Atomics.compareExchange(control, FAILED, 0, part + 1);
  Atomics.notify(control, DONE);
  Atomics.notify(control, BARRIER_GENERATION);
}
