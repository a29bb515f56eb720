import { expect, test } from "@playwright/test";
import { CNN_CASE, DENSE_CASE } from "../src/lab/benchmarks/cnn-inference.ts";
import { collectErrors } from "./console-errors.ts";
import { testResult } from "../src/lab/test-result.ts";

// The inference page's throughput/latency figure, from a results document like a run's (the
// benchmark itself is run and its claims checked by benchmarks.spec.ts): one table row per
// correct result, images per second and the latency of one call derived from the medians.

function result(kase: string, variant: string, median: number, threads = 1) {
  return testResult({ bench: "cnn-inference", case: kase, variant, median, threads });
}

test("the inference page turns a run's medians into throughput and latency", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/benchmarks/inference/");
  const figure = page.locator('ec-inference-throughput[data-bench="cnn-inference"]');
  await expect(figure.getByRole("status")).toContainText("Run the benchmark above");
  const results = [
    result(CNN_CASE, "infer-f32-batch1-wasmrelaxedsimd", 25.6),
    result(CNN_CASE, "infer-f32-batch64-wasmrelaxedsimd", 25.6),
    result(DENSE_CASE, "infer-f32-batch1-wasmrelaxedsimd", 102.4),
    result(DENSE_CASE, "infer-f32-batch64-wasmrelaxedsimd", 12.8),
    result(DENSE_CASE, "infer-f32-split-wasmrelaxedsimd-threads", 6.4, 2),
  ];
  await page.evaluate((detail) => document.dispatchEvent(new CustomEvent("every-core:results", { detail })), {
    results,
    claims: [],
    skipped: [],
  }); // a results document, as a run dispatches it
  const rows = figure.locator("tbody tr");
  await expect(rows).toHaveCount(5);
  // 256 images in 102.4 ms, one image per call: 2,500 images/s, 0.4 ms per call.
  await expect(rows.nth(2)).toContainText("2,500");
  await expect(rows.nth(2)).toContainText("0.40 ms");
  // Batches of 64 in 12.8 ms: 20,000 images/s, 3.2 ms per call of 64.
  await expect(rows.nth(3)).toContainText("20,000");
  await expect(rows.nth(3)).toContainText("3.20 ms");
  await expect(figure.locator('[data-part="chart"] svg').first()).toBeVisible();
  expect(errors).toEqual([]);
});
