import { expect, test, type Page, type Worker } from "@playwright/test";
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

/** A pool's workers alive now: its helpers and its watchdog. */
function poolWorkers(page: Page): number {
  return page.workers().filter((w) => /lab-pool-worker|pool-watchdog/.test(w.url())).length;
}

/** Runs `options` through the benchmark's island (the CLI's way in), and returns its results. */
function runIsland(page: Page, id: string, options: RunOptions): Promise<ResultsV1> {
  return page.evaluate(
    ({ id, options }) =>
      (document.querySelector(`ec-bench[data-bench="${id}"]`) as unknown as { run(o: RunOptions): Promise<ResultsV1> }).run(options),
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
      // Every worker that starts during the run (the runner, the pool's helpers and watchdog; the
      // machine panel's probe too) must have ended soon after it.
      const alive = new Set<Worker>();
      const track = (worker: Worker) => {
        alive.add(worker);
        worker.once("close", () => alive.delete(worker));
      };
      page.on("worker", track);
      let most = 0;
      const watch = setInterval(() => (most = Math.max(most, poolWorkers(page))), 20);
      const doc = await runIsland(page, bench.id, options).finally(() => {
        clearInterval(watch);
        page.off("worker", track);
      });
      // The pool had a worker per helper, and a watchdog, at once.
      const widest = Math.max(...parallel.map((v) => Math.min(threads, v.maxThreads ?? threads)));
      expect(most, "the pool's workers seen at once").toBeGreaterThanOrEqual(widest);
      for (const v of parallel) {
        const at = Math.min(threads, v.maxThreads ?? threads);
        const rows = doc.results.filter((r) => r.variant === v.id && r.threads === at);
        expect(rows.length, `${v.id} at ${at} threads was measured`).toBeGreaterThan(0);
        for (const r of rows)
          expect(r.correctness.ok, `${v.id} on ${r.case} at ${at} threads: max error ${r.correctness.maxError}`).toBe(true);
      }
      await expect.poll(() => [...alive].map((w) => w.url()), { message: "workers of the run still alive", timeout: 10_000 }).toEqual([]);
      expect(poolWorkers(page)).toBe(0);
    }
  });
}
