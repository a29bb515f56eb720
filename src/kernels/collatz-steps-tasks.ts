/**
 * The Collatz loop of the Pyodide race (collatz-steps.ts) cut into cooperative
 * tasks, and a one-thread event loop that interleaves them: what asyncio does with coroutines, and
 * what the GIL does with threads running pure Python.
 */
import { collatzSteps } from "./collatz-steps.ts";

/** Total Collatz steps of every n in [start, stop): the whole loop in one call. */
export function collatzStepsRange(start: number, stop: number): number {
  return collatzSteps({ start, stop, step: 1 });
}

/**
 * The same loop as a task that yields after every `chunk` numbers, as an async Python function
 * awaits, so an event loop on one thread can interleave several; returns the total.
 */
export function* collatzStepsTask(start: number, stop: number, chunk: number): Generator<void, number> {
  if (!Number.isInteger(chunk) || chunk < 1) throw new RangeError(`invalid chunk: ${chunk} (expected an integer ≥ 1)`);
  let total = 0;
  for (let n = start; n < stop; n = Math.min(stop, n + chunk)) {
    total += collatzStepsRange(n, Math.min(stop, n + chunk));
    yield;
  }
  return total;
}

/**
 * A one-thread event loop: resumes each unfinished task in turn until all are done, and returns
 * their results in order. Interleaving only changes the order of the work, never its amount.
 */
export function runInterleaved(tasks: readonly Generator<void, number>[]): number[] {
  const results = new Array<number>(tasks.length);
  let pending = tasks.map((task, i) => ({ task, i }));
  while (pending.length > 0) {
    pending = pending.filter(({ task, i }) => {
      const step = task.next();
      if (step.done) results[i] = step.value;
      return !step.done;
    });
  }
  return results;
}
