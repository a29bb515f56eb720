/// <reference lib="webworker" />
import { expose } from "comlink";
import type { EnvV1 } from "./results.ts";
import { endPeerThreads } from "../kernels/peer/peer-threads.ts";
import { captureEnv } from "./env.ts";
import { loadBenchmark } from "./benchmark-loaders.ts";
import { createLabPool } from "./pool/create-lab-pool.ts";
import { checkRunOptions, runBenchmark, type RunOptions, type RunProgress } from "./run-benchmark.ts";
import { StopRequest } from "./stop-request.ts";
import { loadWasmContext } from "./wasm-context.ts";

/**
 * How long the peers' threads (tfjs's pthreads) take to end once asked: one asleep in Atomics.wait
 * stops only at Chromium's forced end, 2 s later.
 */
const PEER_THREADS_END_MS = 3000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Settles once the threads of the peers the last run ended have ended. */
let peersEnded = Promise.resolve();

async function resources(threads: number) {
  if (!globalThis.crossOriginIsolated) return {};
  const wasm = await loadWasmContext();
  const pool = await createLabPool(threads - 1, wasm.module, wasm.memory, wasm.kernels);
  return { wasm, pool };
}

/**
 * The runner: a worker that owns the WebAssembly memory and the pool and times benchmarks, so the
 * page's main thread never runs a kernel. A run answers once its pool's workers have ended, and
 * `ended` once its peers' threads have too; then the page may end this worker (runner-client.ts). A
 * cancelled run stops at its next sample (StopRequest) and answers the same way.
 */
const api = {
  /** The environment, for the "Your machine" panel. */
  probe(): Promise<EnvV1> {
    return captureEnv({ kernelIsa: "not loaded", quick: false });
  },

  async run(benchId: string, options: RunOptions, onProgress: (p: RunProgress) => void | Promise<void>, stopBuffer?: SharedArrayBuffer) {
    checkRunOptions(options, navigator.hardwareConcurrency);
    const stop = stopBuffer && new StopRequest(stopBuffer);
    stop?.check();
    const bench = await loadBenchmark(benchId);
    const res = await resources(options.threads);
    try {
      return await runBenchmark(bench, options, res, onProgress, stop);
    } finally {
      await res.pool?.terminate(); // resolves once its workers have ended (WorkerPool.terminate)
      if (endPeerThreads()) peersEnded = sleep(PEER_THREADS_END_MS);
    }
  },

  /** Resolves once the threads of the peers the last run used have ended: then this worker may be ended. */
  async ended(): Promise<void> {
    await peersEnded;
  },
};

export type RunnerApi = typeof api;
expose(api);
