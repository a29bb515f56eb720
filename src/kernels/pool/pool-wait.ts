/** Milliseconds a waiting thread sleeps at a time before it looks at the pool's state again. */
export const WAIT_SLICE_MS = 20;

/** Longest a wait spins before it sleeps, and the shortest spin it keeps trying, in microseconds. */
export const MAX_SPIN_US = 50;
export const MIN_SPIN_US = 0.5;
/** Loads between two looks at the clock while spinning (a clock read costs some tens of loads). */
const LOADS_PER_CLOCK = 64;

/**
 * How long one thread spins before it sleeps, learnt from its last wait: twice that wait when it
 * was short enough for a spin to catch (≤ MAX_SPIN_US), half the last spin when it was not. On an
 * idle machine the other side answers within microseconds, so in back-to-back jobs both threads
 * spin and skip the OS wake-up. On a machine busy with other programs the other side often has no
 * core: waits are long and the spin shrinks, as spinning then only delays it (the scheduler treats
 * a spinning thread as a CPU hog, not a sleeper to wake at once): under a load of 13 on 2 cores a
 * fixed spin of 20,000 loads made an empty 2-thread job in Chromium cost 0.5 ms, against 6 µs with
 * no spin.
 */
export class SpinBudget {
  #us = MAX_SPIN_US;

  /** Microseconds the next wait may spin. */
  get us(): number {
    return this.#us;
  }

  /** After a wait that lasted `waitedUs`, spin and sleep together. */
  waited(waitedUs: number): void {
    this.#us = waitedUs <= MAX_SPIN_US ? Math.min(MAX_SPIN_US, Math.max(MIN_SPIN_US, 2 * waitedUs)) : Math.max(MIN_SPIN_US, this.#us / 2);
  }
}

/** Loads slots[index] for up to budget.us after `start` (ms); what it became, or undefined if it stayed `value`. */
function spinFor(slots: Int32Array, index: number, value: number, budget: SpinBudget, start: number): number | undefined {
  const until = start + budget.us / 1000;
  do {
    for (let i = 0; i < LOADS_PER_CLOCK; i++) {
      const now = Atomics.load(slots, index);
      if (now !== value) return now;
    }
  } while (performance.now() < until);
  return undefined;
}

/** Sleeps in slices of `sliceMs` until slots[index] is no longer `value`, calling `check` after each slice. */
function sleepUntilChange(slots: Int32Array, index: number, value: number, sliceMs: number, check?: () => void): number {
  for (;;) {
    Atomics.wait(slots, index, value, sliceMs);
    const now = Atomics.load(slots, index);
    if (now !== value) return now;
    check?.();
  }
}

/**
 * Waits until slots[index] is no longer `value` and returns what it became. First it spins for
 * budget.us, if `spin` (a job for more threads than cores does not spin: its threads take turns);
 * then it sleeps in Atomics.wait, in slices of `sliceMs`, calling `check` after each (it throws to
 * give up: a dead helper, a timeout).
 */
export function awaitChange(
  slots: Int32Array,
  index: number,
  value: number,
  spin: boolean,
  budget: SpinBudget,
  sliceMs = WAIT_SLICE_MS,
  check?: () => void,
): number {
  if (!spin) return sleepUntilChange(slots, index, value, sliceMs, check);
  const start = performance.now();
  const now = spinFor(slots, index, value, budget, start) ?? sleepUntilChange(slots, index, value, sliceMs, check);
  budget.waited((performance.now() - start) * 1000);
  return now;
}

/** As awaitChange, but sleeps once, for at most `ms`: undefined when the slot is still `value` then. */
export function awaitChangeWithin(
  slots: Int32Array,
  index: number,
  value: number,
  spin: boolean,
  budget: SpinBudget,
  ms: number,
): number | undefined {
  const start = performance.now();
  let now = spin ? spinFor(slots, index, value, budget, start) : undefined;
  if (now === undefined) {
    Atomics.wait(slots, index, value, ms);
    const after = Atomics.load(slots, index);
    if (after === value) return undefined; // idle: no wait to learn from
    now = after;
  }
  if (spin) budget.waited((performance.now() - start) * 1000);
  return now;
}
