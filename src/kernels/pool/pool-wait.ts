/** Milliseconds a waiting thread sleeps at a time before it looks at the pool's state again. */
export const WAIT_SLICE_MS = 20;

/**
 * Waits until slots[index] is no longer `value` and returns what it became. First it loads the slot
 * up to `spins` times: a thread that spins sees the change within a cache-line transfer, where one
 * that sleeps in Atomics.wait needs the OS to wake it (tens of microseconds). Then it sleeps, in
 * slices of `sliceMs`, calling `check` after each (it throws to give up: a dead helper, a timeout).
 */
export function awaitChange(slots: Int32Array, index: number, value: number, spins: number, sliceMs = WAIT_SLICE_MS, check?: () => void): number {
  for (let i = 0; i < spins; i++) {
    const now = Atomics.load(slots, index);
    if (now !== value) return now;
  }
  for (;;) {
    Atomics.wait(slots, index, value, sliceMs);
    const now = Atomics.load(slots, index);
    if (now !== value) return now;
    check?.();
  }
}
