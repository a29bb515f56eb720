import { describe, expect, it } from "vitest";
import { SerialPool } from "../kernels/pool/serial-pool.ts";
import { ARENA_CAPACITY_BYTES } from "../kernels/wasm/wasm-arena.ts";
import { MAX_RUN_THREADS } from "./run-threads.ts";
import { labPoolJobs } from "./pool/lab-pool-jobs.ts";
import { benchmarks } from "./registry.ts";
import { testWasmContext } from "./test-wasm-context.ts";

/** Variants whose memory is a library's own, not the arena's (their Node builds are tested elsewhere). */
const LIBRARY_VARIANT = /tfjs|-ort-/;
/** Benchmarks whose input only a browser builds (a decoded photo, a worker round trip); none of them uses the arena. */
const BROWSER_INPUT = new Set(["blur-algorithms", "roi-blur", "passing-data"]);
/** Cases whose arena is larger are not prepared here: 64 MiB covers every shape rule at least once per benchmark. */
const PREPARE_UP_TO_BYTES = 64 * 1024 * 1024;
/** Thread counts a parallel variant is prepared at: one, a few, and one that is no power of two. */
const THREADS = [1, 3, 17] as const;

/**
 * What the runner counts on before a run (wasm-memory-fit.ts): each variant's arenaBytes, computed
 * from the case's shapes, is exactly what its prepare then takes from the arena, at every thread count.
 */
describe.each(benchmarks.filter((b) => !BROWSER_INPUT.has(b.id)).map((b) => [b.id, b] as const))("arena bytes of %s", (_, bench) => {
  it("equal what prepare takes, per variant, case and thread count", async () => {
    const wasm = testWasmContext(2048);
    const pool = new SerialPool(labPoolJobs, wasm.kernels, Math.max(...THREADS));
    let checked = 0;
    for (const [caseIndex, c] of bench.cases.entries()) {
      const variants = bench.variants.filter((v) => !LIBRARY_VARIANT.test(v.id) && (!v.cases || v.cases.includes(c.label)));
      const declared = (id: string, threads: number) => bench.arenaBytes(id, caseIndex, threads, wasm.kernels);
      const largest = Math.max(...variants.map((v) => declared(v.id, Math.max(...THREADS))));
      if (caseIndex > 0 && largest > PREPARE_UP_TO_BYTES) continue;
      const instance = await bench.instantiate(caseIndex);
      for (const v of variants) {
        for (const threads of v.parallel ? THREADS : [1]) {
          wasm.arena.reset();
          const prepared = await instance.prepare(v.id, { wasm, pool, threads });
          expect(wasm.arena.top - wasm.arena.base, `${v.id} on ${c.label}, ${threads} thread(s)`).toBe(declared(v.id, threads));
          prepared.dispose?.();
          checked++;
        }
      }
    }
    expect(checked, "variants prepared").toBeGreaterThan(0);
  }, 300_000);
});

it("leaves every case of every benchmark room for MAX_RUN_THREADS threads in the 1 GiB memory (the README says so)", () => {
  const { kernels } = testWasmContext(1);
  let largest = { bytes: 0, what: "" };
  for (const bench of benchmarks)
    for (const [caseIndex, c] of bench.cases.entries())
      for (const v of bench.variants.filter((v) => !v.cases || v.cases.includes(c.label))) {
        const bytes = bench.arenaBytes(
          v.id,
          caseIndex,
          v.parallel ? Math.min(MAX_RUN_THREADS, v.maxThreads ?? MAX_RUN_THREADS) : 1,
          kernels,
        );
        if (bytes > largest.bytes) largest = { bytes, what: `${bench.id}: ${v.id} on ${c.label}` };
      }
  expect(largest.bytes, largest.what).toBeLessThanOrEqual(ARENA_CAPACITY_BYTES);
  expect(largest.what).toBe("cnn-training: cnn-train-f32-data-parallel-wasmrelaxedsimd-threads on batch 64");
  expect(Math.round(largest.bytes / 2 ** 20)).toBe(823);
});
