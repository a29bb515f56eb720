import { expect, test } from "@playwright/test";
import { collectErrors } from "./console-errors.ts";

/**
 * The reader's speed of light: "Measure peak" in the machine panel fills in the peaks and the
 * bandwidth, and the roofline draws its roofs; a kernel run on the page then appears as a point.
 */
test("Measure peak fills the panel and draws the roofline, and a kernel run lands on it", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/speed-of-light/");
  const panel = page.locator("ec-machine");
  await expect(panel).toHaveAttribute("data-ready", "true");
  await panel.getByRole("button", { name: "Measure peak" }).click();
  // Both benchmarks run before the figures are complete (the panel shows each as it arrives).
  await expect(panel.getByRole("status")).toContainText("Done.", { timeout: 180_000 });
  const peak = panel.locator('[data-part="peak"]');
  await expect(peak).toBeVisible();
  for (const key of ["one", "all", "bandwidthOne", "bandwidthAll"]) {
    await expect(peak.locator(`[data-peak="${key}"]`)).toHaveText(/\d/);
  }
  await expect(peak.locator('[data-peak="one"]')).toContainText("GFLOP/s");
  await expect(peak.locator('[data-peak="bandwidthOne"]')).toContainText("GB/s");

  const roofline = page.locator("ec-roofline");
  await expect(roofline.locator('[data-part="chart"] svg').first()).toBeVisible();
  await expect(roofline.locator('[data-part="details"]')).toBeVisible();
  const tablesBefore = await roofline.locator('[data-part="tables"] tbody tr').count();
  expect(tablesBefore).toBeGreaterThan(0);

  // A convolution run on the same page adds its kernels to the roofline's table of points.
  const island = page.locator('ec-bench[data-bench="conv2d-im2col"]');
  await island.getByLabel("Quick run").check();
  await island.getByRole("button", { name: "Run" }).click();
  await expect(island.getByRole("button", { name: "Download JSON" })).toBeVisible({ timeout: 180_000 });
  await expect.poll(() => roofline.locator('[data-part="tables"] tbody tr').count()).toBeGreaterThan(tablesBefore);
  await expect(roofline.locator('[data-part="tables"]')).toContainText("im2col");
  expect(errors).toEqual([]);
});
