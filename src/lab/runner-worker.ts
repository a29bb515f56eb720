/// <reference lib="webworker" />
import { expose } from "comlink";
import type { EnvV1 } from "./results.ts";
import { endPeerThreads } from "../kernels/peer/peer-threads.ts";
import { captureEnv } from "./env.ts";
import { loadBenchmark } from "./benchmark-loaders.ts";
import { createLabPool } from "./pool/create-lab-pool.ts";
import { checkRunOptions, runBenchmark, type RunOptions, type RunProgress } from "./run-benchmark.ts";
import { loadWasmContext } from "./wasm-context.ts";

/**
 * The runner: a worker that owns the WebAssembly memory and the pool and times benchmarks, so the
 * page's main thread never runs a kernel. Cancelling a run is terminating this worker.
 */
async function resources(threads: number) {
  if (!globalThis.crossOriginIsolated) return {};
  const wasm = await loadWasmContext();
  const pool = await createLabPool(threads - 1, wasm.module, wasm.memory, wasm.kernels);
  return { wasm, pool };
}

const api = {
  /** The environment, for the "Your machine" panel. */
  probe(): Promise<EnvV1> {
    return captureEnv({ kernelIsa: "not loaded", quick: false });
  },

  async run(benchId: string, options: RunOptions, onProgress: (p: RunProgress) => void | Promise<void>) {
    checkRunOptions(options, navigator.hardwareConcurrency);
    const bench = await loadBenchmark(benchId);
    const res = await resources(options.threads);
    try {
      return await runBenchmark(bench, options, res, onProgress);
    } finally {
      await res.pool?.terminate(); // its workers ended before this one may be (WorkerPool.terminate)
      endPeerThreads(); // tfjs's pthreads: the page waits RUNNER_END_DELAY_MS for them (runner-client.ts)
    }
  },
};

export type RunnerApi = typeof api;
expose(api);
