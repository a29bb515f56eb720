import { parentPort, workerData } from "node:worker_threads";
import type { WasmKernels } from "../../wasm/kernels-wasm.ts";
import { serveHelper } from "../pool-helper.ts";
import { poolTestJobs, type TestKernels } from "./pool-test-jobs.ts";

/** What pool-threads.test.ts gives each of its helper threads. */
export interface NodeHelperData {
  buffer: SharedArrayBuffer;
  control: Int32Array;
  busy: Float64Array;
  part: number;
}

// A helper of the Node pool test: the browser pool's helper loop (pool-helper.ts) on a worker
// thread, serving the test jobs. It says it is ready, then serves until STOP.
const { buffer, control, busy, part } = workerData as NodeHelperData;
const kernels: TestKernels = { memory: { buffer }, control };
parentPort!.postMessage("ready");
serveHelper(poolTestJobs, kernels as unknown as WasmKernels, control, busy, part);
