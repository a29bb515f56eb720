import { expect, test, type Page } from "@playwright/test";
import type { Benchmark } from "../src/lab/benchmark.ts";
import { benchmarks } from "../src/lab/registry.ts";
import type { RunOptions } from "../src/lab/run-benchmark.ts";
import type { ResultsV1 } from "../src/lab/results.ts";

/**
 * Proof by oversubscription: every threaded variant of every benchmark, on its smallest case, at 8,
 * 32 and 64 threads on whatever cores this machine has (2 on CI), in quick mode. Each run must
 * finish and be correct, and leave no worker behind. Speed is not asserted: 64 threads on 2 cores
 * take turns. About 3–4 minutes on the 2-core CI machine.
 */
const THREADS = [8, 32, 64] as const;

/** The smallest case each threaded variant runs on: the first it allows (cases are declared smallest first). */
function smallestCases(bench: Benchmark): number[] {
  const parallel = bench.variants.filter((v) => v.parallel);
  return [...new Set(parallel.map((v) => (v.cases ? bench.cases.findIndex((c) => c.label === v.cases![0]) : 0)))];
}

/** Runs `options` through the benchmark's island (the CLI's way in), and returns its results. */
function runIsland(page: Page, id: string, options: RunOptions): Promise<ResultsV1> {
  return page.evaluate(
    ({ id, options }) => (document.querySelector(`ec-bench[data-bench="${id}"]`) as unknown as { run(o: RunOptions): Promise<ResultsV1> }).run(options),
    { id, options },
  );
}

for (const bench of benchmarks.filter((b) => b.variants.some((v) => v.parallel))) {
  test(`${bench.id}: every threaded variant is correct at ${THREADS.join(", ")} threads and leaves no worker behind`, async ({ page }) => {
    test.setTimeout(5 * 60_000);
    await page.goto(bench.chapter);
    const parallel = bench.variants.filter((v) => v.parallel);
    const cases = smallestCases(bench);
    for (const threads of THREADS) {
      const options: RunOptions = { quick: true, threads, cases, variants: parallel.map((v) => v.id), threadCounts: [threads] };
      const run = runIsland(page, bench.id, options);
      // While it runs the page has the runner, its watchdog and one worker per helper the run may use.
      const most = Math.max(...parallel.map((v) => Math.min(threads, v.maxThreads ?? threads)));
      await expect.poll(() => page.workers().length, { timeout: 60_000 }).toBeGreaterThanOrEqual(most);
      const doc = await run;
      for (const v of parallel) {
        const at = Math.min(threads, v.maxThreads ?? threads);
        const rows = doc.results.filter((r) => r.variant === v.id && r.threads === at);
        expect(rows.length, `${v.id} at ${at} threads was measured`).toBeGreaterThan(0);
        for (const r of rows) expect(r.correctness.ok, `${v.id} on ${r.case} at ${at} threads: max error ${r.correctness.maxError}`).toBe(true);
      }
      // The runner ends with the run, and every worker it started (pool helpers, watchdog) with it.
      await expect.poll(() => page.workers().length, { timeout: 10_000 }).toBe(0);
    }
  });
}
