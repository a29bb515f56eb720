/** Milliseconds a waiting thread sleeps at a time before it looks at the pool's state again. */
export const WAIT_SLICE_MS = 20;

/** Most loads a wait spins through before it sleeps (some tens of microseconds), and the fewest it keeps trying. */
export const MAX_SPIN_LOADS = 20_000;
const MIN_SPIN_LOADS = 100;

/**
 * How long one thread spins before it sleeps, adapted to how its last spins went: doubled after a
 * spin that saw the change, halved after one that had to sleep anyway. On an idle machine the
 * other side answers within the spin and both skip the OS wake-up (tens of microseconds). On a
 * machine busy with other programs it does not (it has no core), and spinning only delays it
 * further, since the scheduler then treats both threads as CPU hogs, not sleepers to wake at once:
 * measured with the fork-join benchmark under a load of 13 on 2 cores, an empty 2-thread job took
 * 0.5 ms with a fixed 20,000-load spin against 6 µs with none. So the spin shrinks there.
 */
export class SpinBudget {
  #loads = MAX_SPIN_LOADS;

  get loads(): number {
    return this.#loads;
  }

  spun(sawChange: boolean): void {
    this.#loads = sawChange ? Math.min(MAX_SPIN_LOADS, this.#loads * 2) : Math.max(MIN_SPIN_LOADS, this.#loads >> 1);
  }
}

/**
 * Waits until slots[index] is no longer `value` and returns what it became. First it loads the slot
 * up to budget.loads times, if `spin` (a job for more threads than cores does not spin: its
 * threads take turns); then it sleeps in Atomics.wait, in slices of `sliceMs`, calling `check`
 * after each (it throws to give up: a dead helper, a timeout).
 */
export function awaitChange(slots: Int32Array, index: number, value: number, spin: boolean, budget: SpinBudget, sliceMs = WAIT_SLICE_MS, check?: () => void): number {
  if (spin) {
    for (let i = budget.loads; i > 0; i--) {
      const now = Atomics.load(slots, index);
      if (now !== value) {
        budget.spun(true);
        return now;
      }
    }
    budget.spun(false);
  }
  for (;;) {
    Atomics.wait(slots, index, value, sliceMs);
    const now = Atomics.load(slots, index);
    if (now !== value) return now;
    check?.();
  }
}
