/// <reference lib="webworker" />
import { expose } from "comlink";
import { instantiateKernels } from "../wasm/kernels-wasm.ts";
import { ARGS, DONE, FAILED, GENERATION, JOB, STOP, THREADS } from "./pool-control.ts";
import type { JobTable } from "./pool-job.ts";

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
function serve(jobs: JobTable, { module, memory, control, busy, part }: PoolWorkerInit): void {
  const kernels = instantiateKernels(module, memory);
  const table = Object.values(jobs);
  const decoded = table.map((job) => job.args.blank());
  let seen = Atomics.load(control, GENERATION);
  for (;;) {
    Atomics.wait(control, GENERATION, seen);
    seen = Atomics.load(control, GENERATION);
    if (Atomics.load(control, STOP)) return;
    const threads = Atomics.load(control, THREADS);
    if (part >= threads) continue;
    const start = performance.now();
    try {
      const index = Atomics.load(control, JOB);
      const job = table[index]!;
      job.part(kernels, job.args.decode(control, ARGS, decoded[index]!), part, threads);
    } catch (error) {
      console.error(`pool worker ${part}:`, error);
      Atomics.store(control, FAILED, 1);
    }
    busy[part]! += performance.now() - start; // stored before DONE is bumped, so the coordinator sees it
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

/**
 * Makes this worker a pool worker for `jobs`: the worker entry module of the layer that owns the
 * jobs calls it with the same table it gives WorkerPool.create, so job numbers agree.
 */
export function servePoolJobs(jobs: JobTable): void {
  expose({
    /** Returns once the worker is ready; the serving loop starts right after the reply is sent. */
    init(options: PoolWorkerInit): void {
      setTimeout(() => serve(jobs, options));
    },
  });
}
