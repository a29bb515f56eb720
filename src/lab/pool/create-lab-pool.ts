import { WorkerPool } from "../../kernels/pool/worker-pool.ts";
import type { WasmKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { labPoolJobs, type LabPoolJobs } from "./lab-pool-jobs.ts";

/** A pool of `helpers` workers running the lab's jobs; `kernels` is the caller's (the coordinator's) instance on `memory`. */
export function createLabPool(
  helpers: number,
  module: WebAssembly.Module,
  memory: WebAssembly.Memory,
  kernels: WasmKernels,
): Promise<WorkerPool<LabPoolJobs>> {
  return WorkerPool.create(
    labPoolJobs,
    (name) => new Worker(new URL("./lab-pool-worker.ts", import.meta.url), { type: "module", name }),
    helpers,
    module,
    memory,
    kernels,
  );
}
