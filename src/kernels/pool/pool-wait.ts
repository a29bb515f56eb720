/** Milliseconds a waiting thread sleeps at a time before it looks at the pool's state again. */
export const WAIT_SLICE_MS = 20;

/** Most loads a wait spins through before it sleeps (some tens of microseconds), and the fewest it keeps trying. */
export const MAX_SPIN_LOADS = 20_000;
const MIN_SPIN_LOADS = 100;

/**
 * How long one thread spins before it sleeps, adapted to its last spin: twice the loads that spin
 * needed when it saw the change, half its length when it had to sleep anyway. On an idle machine
 * the other side answers within the spin and both skip the OS wake-up (tens of microseconds): an
 * empty 2-thread job then took 1.0 µs in Chromium against 6.3 µs without spinning. On a machine
 * busy with other programs the other side often has no core, and spinning only delays it, as the
 * scheduler then treats both threads as CPU hogs rather than sleepers to wake at once: under a load
 * of 13 on 2 cores a fixed 20,000-load spin made the same job cost 0.5 ms. So the spin shrinks there,
 * to a floor short enough to cost next to nothing.
 */
export class SpinBudget {
  #loads = MAX_SPIN_LOADS;

  get loads(): number {
    return this.#loads;
  }

  /** After a spin that saw the change at load `used`, or (undefined) did not see it. */
  spun(used: number | undefined): void {
    this.#loads = used === undefined ? Math.max(MIN_SPIN_LOADS, this.#loads >> 1) : Math.min(MAX_SPIN_LOADS, Math.max(MIN_SPIN_LOADS, 2 * used));
  }
}

/** Loads slots[index] up to budget.loads times; returns what it became, or undefined if it stayed `value`. */
function spinFor(slots: Int32Array, index: number, value: number, budget: SpinBudget): number | undefined {
  for (let i = 0, loads = budget.loads; i < loads; i++) {
    const now = Atomics.load(slots, index);
    if (now !== value) {
      budget.spun(i);
      return now;
    }
  }
  budget.spun(undefined);
  return undefined;
}

/**
 * Waits until slots[index] is no longer `value` and returns what it became. First it loads the slot
 * up to budget.loads times, if `spin` (a job for more threads than cores does not spin: its
 * threads take turns); then it sleeps in Atomics.wait, in slices of `sliceMs`, calling `check`
 * after each (it throws to give up: a dead helper, a timeout).
 */
export function awaitChange(slots: Int32Array, index: number, value: number, spin: boolean, budget: SpinBudget, sliceMs = WAIT_SLICE_MS, check?: () => void): number {
  const spun = spin ? spinFor(slots, index, value, budget) : undefined;
  if (spun !== undefined) return spun;
  for (;;) {
    Atomics.wait(slots, index, value, sliceMs);
    const now = Atomics.load(slots, index);
    if (now !== value) return now;
    check?.();
  }
}

/** As awaitChange, but sleeps once, for at most `ms`: undefined when the slot is still `value` then. */
export function awaitChangeWithin(slots: Int32Array, index: number, value: number, spin: boolean, budget: SpinBudget, ms: number): number | undefined {
  const spun = spin ? spinFor(slots, index, value, budget) : undefined;
  if (spun !== undefined) return spun;
  Atomics.wait(slots, index, value, ms);
  const now = Atomics.load(slots, index);
  return now !== value ? now : undefined;
}
