import { describe, expect, it } from "vitest";
import { SerialPool } from "../kernels/pool/serial-pool.ts";
import { maxAbsDiff } from "../kernels/random.ts";
import type { Benchmark, Params } from "./benchmark.ts";
import { labPoolJobs } from "./pool/lab-pool-jobs.ts";
import { benchmarks } from "./registry.ts";
import { testWasmContext } from "./test-wasm-context.ts";

/** The case with the fewest elements, by the product of its parameters. */
function smallestCase(bench: Benchmark): number {
  const size = (p: Params) => Object.values(p).reduce((a, v) => a * Math.max(1, v), 1);
  let best = 0;
  bench.cases.forEach((c, i) => (size(c.params) < size(bench.cases[best]!.params) ? (best = i) : 0));
  return best;
}

/** Variants that only a browser can run, and why. */
function needsBrowser(variant: string): boolean {
  return BROWSER_ONLY_VARIANTS.some(([pattern]) => pattern.test(variant));
}
const BROWSER_ONLY_VARIANTS: readonly [RegExp, string][] = [
  [/tfjs/, "TensorFlow.js's WebAssembly backend fetches its .wasm files by URL from the page"],
];

/** Benchmarks whose input or every variant needs a browser, and why (e2e runs them). */
const BROWSER_INPUT = new Map([
  ["blur-algorithms", "the input is a photo decoded by the runner worker (fetch + createImageBitmap)"],
  ["roi-blur", "the input is a photo decoded by the runner worker (fetch + createImageBitmap)"],
  ["passing-data", "every variant posts its buffer to a Web Worker and back"],
]);

it("names only benchmarks that exist among those left to the browser", () => {
  for (const id of BROWSER_INPUT.keys())
    expect(
      benchmarks.some((b) => b.id === id),
      id,
    ).toBe(true);
});

const THREADS = 3;

/**
 * Every declaration, prepared at its smallest case in Node, as the runner prepares it: each variant
 * that needs no browser is run twice (the timer calls it many times) and checked against the
 * reference, parallel ones on a SerialPool of 3 parts. The browser runs the rest (e2e).
 */
describe.each(benchmarks.filter((b) => !BROWSER_INPUT.has(b.id)).map((b) => [b.id, b] as const))("declaration %s", (_, bench) => {
  it("prepares its smallest case and every variant that needs no browser equals the reference", async () => {
    const wasm = testWasmContext(2048);
    const pool = new SerialPool(labPoolJobs, wasm.kernels, THREADS);
    const instance = await bench.instantiate(smallestCase(bench));
    const reference = instance.reference();
    let checked = 0;
    for (const variant of bench.variants.filter((v) => !needsBrowser(v.id))) {
      if (variant.cases && !variant.cases.includes(bench.cases[smallestCase(bench)]!.label)) continue;
      const threads = variant.parallel ? THREADS : 1;
      const prepared = await instance.prepare(variant.id, { wasm, pool, threads });
      prepared.run();
      prepared.run();
      const error = maxAbsDiff(prepared.output(), prepared.expected ?? reference);
      expect(error, `${variant.id} at ${threads} thread(s)`).toBeLessThanOrEqual(prepared.expected ? 0 : instance.tolerance);
      prepared.dispose?.();
      checked++;
    }
    expect(checked, "variants checked in Node").toBeGreaterThan(0);
  }, 120_000);
});
