/// <reference lib="webworker" />
import { expose } from "comlink";
import { instantiateKernels } from "../wasm/kernels-wasm.ts";
import { holdForLife } from "./life-lock.ts";
import type { JobTable } from "./pool-job.ts";
import { serveHelper } from "./pool-helper.ts";

export interface PoolWorkerInit {
  module: WebAssembly.Module;
  memory: WebAssembly.Memory;
  control: Int32Array;
  /** Busy-time slots (busy-time.ts): this worker adds the time of each of its parts to busy[part]. */
  busy: Float64Array;
  /** This worker runs part `part` of every job that uses more than `part` threads. */
  part: number;
  /** A Web Lock this worker holds for as long as it lives, so the pool's watchdog sees it end; absent where there are no Web Locks. */
  lifeLock?: string;
}

/**
 * Makes this worker a pool worker for `jobs`: the worker entry module of the layer that owns the
 * jobs calls it with the same table it gives WorkerPool.create, so job numbers agree. The worker
 * instantiates the kernels once on the shared memory, then serves (pool-helper.ts): its event loop
 * stays blocked on purpose, as jobs arrive through shared memory, not messages.
 */
export function servePoolJobs(jobs: JobTable): void {
  expose({
    /** Returns once the worker is ready; the serving loop starts right after the reply is sent. */
    async init({ module, memory, control, busy, part, lifeLock }: PoolWorkerInit): Promise<void> {
      const kernels = instantiateKernels(module, memory);
      if (lifeLock !== undefined) await holdForLife(lifeLock);
      setTimeout(() => serveHelper(jobs, kernels, control, busy, part));
    },
  });
}
