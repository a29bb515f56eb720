import { expect, test } from "@playwright/test";
import { NOISE_SAMPLES } from "../src/components/noise-demo/noise-summary.ts";
import { MAX_RUN_THREADS } from "../src/lab/run-threads.ts";
import { expectRefusedPastBound, expectThreadsNotePast } from "./thread-count-field.ts";
import { collectErrors } from "./console-errors.ts";

/** Part 1's islands as a reader uses them. The benchmarks themselves run in benchmarks.spec.ts. */

test("memory estimator: a table for good layers, a message naming the field for a bad one", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/profiling/");
  const estimator = page.locator("ec-memory-estimator");
  const table = estimator.getByRole("table", { name: "Memory per layer" });
  // The example layers: one row each, and totals.
  await expect(table.locator("tbody tr")).toHaveCount(4);
  await expect(table.locator("tfoot")).toContainText("largest layer");
  await expect(table.locator("tbody tr").first()).toContainText("3×224×224 → 64×224×224");

  const layers = estimator.getByLabel(/Layers, one per line/);
  await layers.fill("3 64 3 1 1 224 224\n64 0 3 1 1 224 224");
  await expect(estimator.getByRole("alert")).toHaveText("line 2: invalid filters: 0 (expected an integer ≥ 1)");
  await expect(table).toBeHidden();

  // float16 halves float32: 3·224·224 inputs × 2 B × batch 1 = 294 KiB.
  await layers.fill("3 64 3 1 1 224 224");
  await estimator.getByLabel("Batch").fill("1");
  await estimator.getByLabel("dtype").selectOption("float16");
  await expect(estimator.getByRole("alert")).toBeHidden();
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await expect(table.locator("tbody tr td").nth(1)).toHaveText("294.0 KiB");
  expect(errors).toEqual([]);
});

test("warm-up curve: runs in a worker and draws every call", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/measuring/");
  const curve = page.locator("ec-warmup-curve");
  await curve.getByRole("button", { name: "Run warm-up" }).click();
  await expect(curve.getByText(/^Done: 200 calls\.$/)).toBeVisible({ timeout: 60_000 });
  await expect(curve.locator('[data-part="chart"] svg circle')).toHaveCount(200);
  await expect(curve.locator('[data-part="first"]')).toHaveText(/\d ms$/);
  await expect(curve.locator('[data-part="factor"]')).toHaveText(/×$/);
  expect(errors).toEqual([]);
});

test("GIL page: the decision chart has a text alternative, and the captured profile is shown", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/gil/");
  const chart = page.getByRole("img", { name: /Decision chart/ });
  await expect(chart).toBeVisible();
  await expect(page.locator("#ec-decision-text li")).toHaveCount(5);
  await page.goto("/basics/profiling/");
  await expect(page.getByText(/test_profile_capture\.py:\d+\(normalize_pixels\)/).first()).toBeAttached();
  expect(errors).toEqual([]);
});

test("noise demo: times the call quiet and under load, and shows both distributions", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/measuring/");
  const demo = page.locator("ec-noise-demo");
  const threads = await page.evaluate(() => navigator.hardwareConcurrency);
  const load = demo.getByLabel("Competing workers");
  await expect(load).toHaveValue(String(threads));
  const run = demo.getByRole("button", { name: "Run noise demo" });
  await load.fill("0");
  await run.click();
  await expect(demo.getByRole("alert")).toHaveText(
    `Competing workers must be a whole number from 1 to ${MAX_RUN_THREADS} (the most threads a run may use); got "0".`,
  );
  await expectRefusedPastBound(demo, load, "Competing workers", run);

  // More competing workers than the browser reports: the note says so, and the run goes ahead.
  await expectThreadsNotePast(demo, load, threads, 1, threads + 1);
  await run.click();
  await expect(demo.getByRole("alert")).toBeHidden();
  await expect(demo.getByRole("status")).toContainText(/^Done: median .* flagged noisy/, { timeout: 60_000 });
  // One dot per call of each phase, and one row of statistics per phase.
  await expect(demo.locator('[data-part="result"] svg circle')).toHaveCount(2 * NOISE_SAMPLES);
  const rows = demo.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0).locator("th")).toHaveText("quiet");
  await expect(rows.nth(1).locator("th")).toHaveText(`with ${threads + 1} busy workers`);
  for (const row of [rows.nth(0), rows.nth(1)]) {
    await expect(row.locator("td").nth(0)).toHaveText(String(NOISE_SAMPLES));
    await expect(row.locator("td").nth(5)).toHaveText(/^\d+\.\d\d$/); // CV
    await expect(row.locator("td").nth(6)).toHaveText(/^(yes|no)$/);
  }
  console.log(`noise demo on ${threads} threads:\n${await demo.locator("table").innerText()}`);

  // Cancel stops the run and leaves the island usable.
  await demo.getByRole("button", { name: "Run noise demo" }).click();
  await demo.getByRole("button", { name: "Cancel" }).click();
  await expect(demo.getByRole("status")).toHaveText("Cancelled.");
  await expect(demo.getByRole("button", { name: "Run noise demo" })).toBeEnabled();
  expect(errors).toEqual([]);
});

test("busy cores: every thread in use reports busy time, an unused one reports none", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/measuring/");
  const island = page.locator("ec-busy-cores");
  const threads = await page.evaluate(() => navigator.hardwareConcurrency);
  const field = island.getByLabel("Threads");
  await expectRefusedPastBound(island, field, "Threads", island.getByRole("button", { name: "Run" }));

  const shares = async (poolThreads = threads) => {
    await expect(island.getByRole("status")).toContainText("Done:", { timeout: 60_000 });
    await expect(island.getByRole("alert")).toBeHidden();
    const rows = island.locator("tbody tr");
    await expect(rows).toHaveCount(poolThreads);
    return (await rows.locator(".ec-busy-share").allInnerTexts()).map((text) => Number(text.replace("%", "")));
  };
  // One thread more than the browser reports: the note says what that means, and every thread of
  // the larger pool takes part (oversubscribed, so no share is asserted beyond "it ran").
  await expectThreadsNotePast(island, field, threads, threads, threads + 1);
  await island.getByRole("button", { name: "Run" }).click();
  for (const share of await shares(threads + 1)) expect(share).toBeGreaterThan(0);

  await field.fill(String(threads));
  await island.getByRole("button", { name: "Run" }).click();
  // Each thread runs its share of every product; even preempted it stays inside its part, so its
  // busy time is most of the wall time. A quarter leaves room for a loaded 2-core CI machine.
  for (const share of await shares()) expect(share).toBeGreaterThanOrEqual(25);
  console.log(`busy cores, all ${threads} threads:\n${await island.locator("table").innerText()}`);

  await field.fill("1");
  await island.getByRole("button", { name: "Run" }).click();
  const one = await shares();
  expect(one[0]).toBeGreaterThanOrEqual(25);
  expect(one.slice(1)).toEqual(new Array(threads - 1).fill(0));
  await expect(island.getByRole("status")).toContainText(`and ${threads - 1} never ran a part.`);

  await island.getByRole("button", { name: "Run" }).click();
  await island.getByRole("button", { name: "Cancel" }).click();
  await expect(island.getByRole("status")).toHaveText("Cancelled.");
  await expect(island.getByRole("button", { name: "Run" })).toBeEnabled();
  expect(errors).toEqual([]);
});
