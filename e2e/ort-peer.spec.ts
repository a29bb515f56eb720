import { expect, test } from "@playwright/test";
import { collectErrors, reportCspViolations } from "./console-errors.ts";
import { runQuick } from "./run-bench.ts";

/**
 * onnxruntime-web in the browser, apart from the claims (benchmarks.spec.ts checks those): on the
 * inference page, the cheapest that races it, a quick run loads a copy of ORT per thread count
 * from this site, under its CSP and isolation, and each computes the CNN's logits correctly, with
 * no console error, failed request or CSP violation.
 */
test("onnxruntime-web runs the CNN at every thread count, correct and without a console error", async ({ page }) => {
  await reportCspViolations(page);
  const errors = collectErrors(page);
  const requests: string[] = [];
  page.context().on("request", (r) => requests.push(r.url()));
  await page.goto("/benchmarks/inference/");
  expect(
    requests.some((url) => /ort\.wasm/.test(url)),
    "ORT is not loaded before a run",
  ).toBe(false);
  const doc = await runQuick(page.locator('ec-bench[data-bench="cnn-inference"]'));
  const ort = doc.results.filter((r) => r.variant === "infer-f32-ort-wasmsimd-threads");
  // Timed at the same thread counts as our own parallel variant, each on its own copy of ORT.
  const ours = doc.results.filter((r) => r.variant === "infer-f32-split-wasmrelaxedsimd-threads" && r.case === ort[0]?.case);
  expect(ort.map((r) => r.threads)).toEqual(ours.map((r) => r.threads));
  expect(ort.length).toBeGreaterThan(1);
  for (const r of ort) expect(r.correctness.ok, `ORT at ${r.threads} thread(s): max error ${r.correctness.maxError}`).toBe(true);
  const origin = new URL(page.url()).origin;
  const ortFiles = requests.filter((url) => /ort[.-]wasm/.test(url));
  expect(ortFiles.length, "ORT's module and .wasm were fetched").toBeGreaterThan(0);
  for (const url of ortFiles) expect(new URL(url).origin, url).toBe(origin);
  expect(errors).toEqual([]);
});
