import { expect, test } from "@playwright/test";
import { collectErrors } from "./console-errors.ts";

// The two small islands of Part 5's int8 and dispatch pages, as a reader uses them. Their
// benchmarks (gemm-int8, gemm-dispatch) run in benchmarks.spec.ts.

test("the int8 page measures the quantization error in a worker, again and again", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/compiled/int8/");
  const island = page.locator("ec-quant-error");
  const run = island.getByRole("button", { name: "Measure the error" });
  for (let round = 0; round < 2; round++) {
    await run.click();
    await expect(island.getByRole("status")).toHaveText("Done: the table shows your run.");
    await expect(island.locator("tbody tr")).toHaveCount(3);
  }
  // Each row: depth, max |error|, two relative errors in percent below 2 %, the bound.
  for (const row of await island.locator("tbody tr").all()) {
    const cells = await row.locator("td").allTextContents();
    for (const relative of [cells[1]!, cells[2]!]) {
      expect(relative).toMatch(/%$/);
      expect(Number.parseFloat(relative)).toBeLessThan(2);
    }
    expect(Number.parseFloat(cells[0]!)).toBeLessThan(Number.parseFloat(cells[3]!));
  }
  await expect(run).toBeEnabled();
  expect(errors).toEqual([]);
});

test("the crossover table follows the gemm-dispatch results on the page", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/compiled/dispatch/");
  const island = page.locator("ec-crossovers");
  await expect(island.getByRole("status")).toContainText("Run the benchmark above");
  // The event a finished run fires (bench/events.ts), with medians where SIMD wins from 16³ and threads from 64³.
  await page.evaluate(() => {
    const sizes = [8, 16, 32, 64];
    const ms: Record<string, number[]> = {
      "gemm-f32-ikj-ts": [0.001, 0.01, 0.1, 1],
      "gemm-f32-6x8-packed-wasmrelaxedsimd": [0.002, 0.005, 0.02, 0.1],
      "gemm-f32-6x8-packed-wasmrelaxedsimd-threads": [0.05, 0.06, 0.07, 0.08],
    };
    const results = Object.entries(ms).flatMap(([variant, medians]) =>
      sizes.map((s, i) => ({
        bench: "gemm-dispatch",
        case: `${s}³`,
        variant,
        params: { m: s, n: s, k: s },
        threads: variant.endsWith("threads") ? 2 : 1,
        samples: [medians[i]],
        n: 1,
        median: medians[i],
        iqr: 0,
        min: medians[i],
        ci95: [medians[i], medians[i]],
        cv: 0,
        noisy: false,
        correctness: { ok: true, maxError: 0, tolerance: 1 },
      })),
    );
    document.dispatchEvent(new CustomEvent("every-core:results", { detail: { results, claims: [], skipped: [] } }));
  });
  await expect(island.locator("tbody tr")).toHaveCount(4);
  await expect(island.getByRole("status")).toContainText("SIMD overtakes the TypeScript loops at about 11³");
  await expect(island.getByRole("status")).toContainText("2 threads overtake one at about 45³");
  await expect(island.locator("code")).toHaveText("planGemm(shape, env, { thresholds: { simdFrom: 1448, threadsFrom: 92682 } })");
  expect(errors).toEqual([]);
});
