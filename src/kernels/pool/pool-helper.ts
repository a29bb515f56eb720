import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { PoolAborted } from "./pool-aborted.ts";
import { arriveAndWait } from "./pool-barrier.ts";
import { ARGS, DONE, FAILED, JOB, SPIN, STOP, THREADS, doorbell, finished } from "./pool-control.ts";
import { runPartSteps, type JobTable } from "./pool-job.ts";
import { SpinBudget, awaitChangeWithin } from "./pool-wait.ts";

/**
 * How long a helper sleeps with no job before it returns to its event loop once. A worker whose
 * thread is blocked in Atomics.wait cannot run the browser's request to end it, which then waits
 * for its forcible termination (2 s in Chromium): with this, a cancelled run's helpers end within
 * about this long, and a busy pool never yields.
 */
export const IDLE_YIELD_MS = 100;

/**
 * A helper's life: sleep on its own doorbell (after a short spin, so back-to-back jobs skip the
 * OS wake-up; pool-wait.ts), run its part of the job, record its busy time and that it finished,
 * bump DONE; until STOP. It runs part `part` of every job rung for it, so only the helpers a job
 * uses wake. A part that throws marks FAILED (so parts waiting at a barrier abandon the job) and is
 * still counted done: the coordinator reports it instead of waiting for ever. Plain Atomics on the
 * shared control block, no message per job: the same loop runs in a browser worker and a Node
 * thread. It returns to the event loop after IDLE_YIELD_MS without a job, and carries on from a
 * message it posts itself (not setTimeout, which browsers delay by 4 ms when it nests).
 */
export function serveHelper(jobs: JobTable, kernels: WasmKernels, control: Int32Array, busy: Float64Array, part: number): void {
  const table = Object.values(jobs);
  const decoded = table.map((job) => job.args.blank());
  const bell = doorbell(part);
  const abortIfFailed = () => {
    if (Atomics.load(control, FAILED)) throw new PoolAborted();
  };
  // Doorbells start at 0 and only the coordinator rings them, once per job: a job rung before this
  // loop began (right after the pool's start) is still seen, as the bell is then already past 0.
  let rung = 0;
  const budget = new SpinBudget();
  const resume = new MessageChannel();
  /** Serves jobs until STOP, or until none came for IDLE_YIELD_MS (then it has returned to the event loop, and resumes from there). */
  const serve = () => {
    for (;;) {
      // Whether to spin for the next job is the last job's setting: back-to-back jobs are alike.
      const next = awaitChangeWithin(control, bell, rung, Atomics.load(control, SPIN) === 1, budget, IDLE_YIELD_MS);
      if (next === undefined) {
        resume.port2.postMessage(null);
        return;
      }
      rung = next;
      if (Atomics.load(control, STOP)) {
        resume.port1.close();
        return;
      }
      runPart();
    }
  };
  const runPart = () => {
    const threads = Atomics.load(control, THREADS);
    const spin = Atomics.load(control, SPIN) === 1;
    const start = performance.now();
    try {
      const index = Atomics.load(control, JOB);
      const job = table[index]!;
      runPartSteps(job, kernels, job.args.decode(control, ARGS, decoded[index]!), part, threads, () =>
        arriveAndWait(control, threads, spin, budget, abortIfFailed),
      );
    } catch (error) {
      if (!(error instanceof PoolAborted)) {
        console.error(`pool worker ${part}:`, error);
        Atomics.compareExchange(control, FAILED, 0, part + 1);
      }
    }
    busy[part]! += performance.now() - start; // stored before DONE is bumped, so the coordinator sees it
    Atomics.store(control, finished(part), rung);
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  };
  resume.port1.onmessage = serve;
  resume.port2.postMessage(null);
}
