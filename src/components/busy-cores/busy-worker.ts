/// <reference lib="webworker" />
import { expose } from "comlink";
import { gemmPackedThreads, gemmProblem, type GemmParams } from "../../lab/benchmarks/gemm.ts";
import { createLabPool } from "../../lab/pool/create-lab-pool.ts";
import { loadWasmContext } from "../../lab/wasm-context.ts";

/**
 * The busy-cores island's worker: it owns a pool of one thread per hardware thread, runs the
 * threaded GEMM of the GEMM benchmark on `threads` of them for a while, and reports each thread's
 * busy time from the pool's own accounting. A fresh worker per run: cancelling is terminating it,
 * which ends the pool's workers with it.
 */

/** 384³: a few ms per product on one core, so a run is hundreds of jobs, each split over the threads. */
const PRODUCT: GemmParams = { m: 384, n: 384, k: 384 };

export interface BusyRun {
  threads: number;
  poolThreads: number;
  wallMs: number;
  /** Per pool thread, 0 = the coordinator: ms spent in jobs during wallMs. */
  busyMs: number[];
  products: number;
  /** The WebAssembly build that ran and its SHA-256, for the results' environment. */
  isa: string;
  sha256: string;
}

const api = {
  async run(threads: number, poolThreads: number, durationMs: number): Promise<BusyRun> {
    if (!globalThis.crossOriginIsolated)
      throw new Error("This page is not cross-origin isolated, so it has no shared memory and no worker pool.");
    if (!Number.isInteger(poolThreads) || poolThreads < 1) throw new RangeError(`invalid poolThreads: ${poolThreads}`);
    if (!Number.isInteger(threads) || threads < 1 || threads > poolThreads)
      throw new RangeError(`invalid threads: ${threads} (1 to ${poolThreads})`);
    const wasm = await loadWasmContext();
    const pool = await createLabPool(poolThreads - 1, wasm.module, wasm.memory, wasm.kernels);
    try {
      const prepared = await gemmPackedThreads.prepare(PRODUCT, gemmProblem.input(PRODUCT, gemmProblem.seed), { wasm, pool, threads });
      prepared.run(); // untimed: compiles the kernels' hot paths and touches every page once
      pool.resetBusy();
      const start = performance.now();
      let products = 0;
      do {
        prepared.run();
        products++;
      } while (performance.now() - start < durationMs);
      return {
        threads,
        poolThreads,
        wallMs: performance.now() - start,
        busyMs: pool.busyMs(),
        products,
        isa: wasm.isa,
        sha256: wasm.sha256,
      };
    } finally {
      await pool.terminate();
    }
  },
};

export type BusyWorkerApi = typeof api;
expose(api);
