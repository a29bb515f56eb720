/// <reference lib="webworker" />
import { expose } from "comlink";
import { instantiateKernels } from "../wasm/kernels-wasm.ts";
import { ARGS, DONE, FAILED, GENERATION, JOB, STOP, THREADS } from "./pool-control.ts";
import { POOL_JOBS, poolJobs } from "./pool-jobs.ts";

export interface PoolWorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: Int32Array;
  /** Busy-time slots (busy-time.ts): this worker adds the time of each of its parts to busy[part]. */
  busy: Float64Array;
  /** This worker runs part `part` of every job that uses more than `part` threads. */
  part: number;
}

/**
 * A pool worker instantiates the kernels once on the shared memory, then sleeps on the doorbell
 * (Atomics.wait) and runs its part of each job. Its event loop stays blocked on purpose: jobs
 * arrive through shared memory, not messages.
 */
function serve({ module, memory, control, busy, part }: PoolWorkerInit): void {
  const kernels = instantiateKernels(module, memory);
  const args = control.subarray(ARGS);
  let seen = Atomics.load(control, GENERATION);
  for (;;) {
    Atomics.wait(control, GENERATION, seen);
    seen = Atomics.load(control, GENERATION);
    if (Atomics.load(control, STOP)) return;
    const threads = Atomics.load(control, THREADS);
    if (part >= threads) continue;
    const start = performance.now();
    try {
      poolJobs[POOL_JOBS[Atomics.load(control, JOB)]!](kernels, args, part, threads);
    } catch (error) {
      console.error(`pool worker ${part}:`, error);
      Atomics.store(control, FAILED, 1);
    }
    busy[part]! += performance.now() - start; // stored before DONE is bumped, so the coordinator sees it
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

expose({
  /** Returns once the worker is ready; the serving loop starts right after the reply is sent. */
  init(options: PoolWorkerInit): void {
    setTimeout(() => serve(options));
  },
});
