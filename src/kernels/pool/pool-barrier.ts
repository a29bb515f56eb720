import { BARRIER_COUNT, BARRIER_GENERATION } from "./pool-control.ts";
import { awaitChange, type SpinBudget } from "./pool-wait.ts";

/**
 * The barrier between the steps of a job (PoolJob.steps): no part starts step s + 1 before every
 * part has finished step s. The last part to arrive resets the count, then moves the generation
 * on, which releases the others; a part reads the generation before it arrives, so a release can
 * never be missed. The coordinator zeroes BARRIER_COUNT before each job.
 */
export function arriveAndWait(control: Int32Array, parts: number, spin: boolean, budget: SpinBudget, check: () => void): void {
  const generation = Atomics.load(control, BARRIER_GENERATION);
  if (Atomics.add(control, BARRIER_COUNT, 1) === parts - 1) {
    Atomics.store(control, BARRIER_COUNT, 0);
    Atomics.add(control, BARRIER_GENERATION, 1);
    Atomics.notify(control, BARRIER_GENERATION);
    return;
  }
  awaitChange(control, BARRIER_GENERATION, generation, spin, budget, undefined, check);
}
