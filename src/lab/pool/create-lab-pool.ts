import { WorkerPool } from "../../kernels/pool/worker-pool.ts";
import type { WasmKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { labPoolJobs, type LabPoolJobs } from "./lab-pool-jobs.ts";

/**
 * The helpers of the pools this thread has created, newest last: a test hook (e2e/pool-failure)
 * that ends one mid-run, as a crash would, to prove the run fails naming it instead of hanging.
 */
export type PoolHelperHook = { everyCorePoolHelpers?: Worker[] };

/** A pool of `helpers` workers running the lab's jobs; `kernels` is the caller's (the coordinator's) instance on `memory`. */
export function createLabPool(
  helpers: number,
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  kernels: WasmKernels,
): Promise<WorkerPool<LabPoolJobs>> {
  const hook = globalThis as PoolHelperHook;
  hook.everyCorePoolHelpers = [];
  return WorkerPool.create(
    labPoolJobs,
    (name) => {
      const worker = new Worker(new URL("./lab-pool-worker.ts", import.meta.url), { type: "module", name });
      hook.everyCorePoolHelpers!.push(worker);
      return worker;
    },
    helpers,
    module,
    memory,
    kernels,
  );
}
