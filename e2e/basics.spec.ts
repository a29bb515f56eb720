import { expect, test } from "@playwright/test";
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
