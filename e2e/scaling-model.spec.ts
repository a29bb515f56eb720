import { expect, test, type Page } from "@playwright/test";
import { collectErrors } from "./console-errors.ts";
import { testResult } from "../src/lab/test-result.ts";

// The bandwidth sweep and the scaling prediction, fed the event a finished run fires (bench/events.ts).

/** A correct result with a GB/s figure consistent with its median. */
function result(bench: string, kase: string, variant: string, threads: number, median: number, bytes?: number) {
  return testResult({ bench, case: kase, variant, threads, median, ...(bytes === undefined ? {} : { gbps: bytes / (median * 1e6) }) });
}

/** A triad sweep on one thread: 100 GB/s in cache, 50 in L3, then 15 and 13 in memory (plateau 14 GB/s). */
const SWEEP = [100, 100, 50, 15, 13].map((gbps, i) => {
  const bytes = 3 * 32 * 1024 * 4 ** i;
  return result("memory-bandwidth", `case ${i}`, "triad-f32-wasmrelaxedsimd", 1, bytes / (gbps * 1e6), bytes);
});

async function announce(page: Page, results: unknown[]): Promise<void> {
  await page.evaluate((detail) => document.dispatchEvent(new CustomEvent("every-core:results", { detail })), {
    results,
    claims: [],
    skipped: [],
  });
}

test("the sweep chart finds the cache steps and states the main-memory plateau", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/basics/speed-of-light/");
  const island = page.locator("ec-bandwidth-sweep");
  await announce(page, SWEEP);
  await expect(island.getByRole("status")).toHaveText("Main memory on this machine: 14.0 GB/s (1 thread).");
  await expect(island.locator('[data-part="chart"] svg').first()).toBeVisible();
  await expect(island.locator('[data-part="plateaus"]')).toContainText("past 2 cache step(s)");
  expect(errors).toEqual([]);
});

test("the GEMM page predicts 4 to 32 threads from 1 and 2, bounded by the bandwidth of a sweep on the same page", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/benchmarks/gemm/");
  const island = page.locator("ec-expect");
  await expect(island.locator('[data-part="bandwidth"]')).toHaveText("");
  await page.evaluate(() => localStorage.removeItem("every-core:bandwidth-plateau"));
  // 40 ms → 22 ms on two threads (s = 0.1), 112 MB per call: at 14 GB/s an 8 ms floor, reached past 8 threads
  const gemm = [1, 2, 4].map((t) =>
    result("gemm", "512³", "gemm-f32-6x8-packed-wasmrelaxedsimd-threads", t, { 1: 40, 2: 22, 4: 13 }[t]!, 112e6),
  );
  await announce(page, gemm);
  await expect(island.locator('[data-part="bandwidth"]')).toContainText("No main-memory bandwidth is available in this browser");
  await announce(page, SWEEP);
  await expect(island.locator('[data-part="bandwidth"]')).toHaveText("Main-memory bandwidth: 14.0 GB/s, measured on this page (1 thread).");
  const cells = await island.locator("tbody tr").first().locator("td").allTextContents();
  expect(cells[0]).toBe("10.0%");
  expect(cells[1]).toBe("8.00 ms");
  expect(cells.slice(2)).toEqual(["3.1×; measured 3.1×", "4.7×", "5.0× (bandwidth)", "5.0× (bandwidth)"]);
  await expect(island.locator('[data-part="chart"] svg').first()).toBeVisible();
  expect(errors).toEqual([]);
});
