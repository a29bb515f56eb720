import { expect, test } from "@playwright/test";
import { benchmarks } from "../src/lab/registry.ts";
import { MAX_RUN_THREADS } from "../src/lab/run-threads.ts";
import { collectErrors } from "./console-errors.ts";
import { expectBenchmarkHolds } from "./run-bench.ts";

/**
 * Each registered benchmark, run as a reader would on its chapter page (quick mode, all threads):
 * it finishes, every variant is correct, and every claim the prose makes holds on this machine.
 */
for (const bench of benchmarks) {
  test(`benchmark ${bench.id} runs, is correct and meets its claims`, async ({ page }) => {
    const errors = collectErrors(page);
    await expectBenchmarkHolds(page, bench, bench.chapter);
    expect(errors).toEqual([]);
  });
}

test("a run can be cancelled and started again", async ({ page }) => {
  const bench = benchmarks[0]!;
  const errors = collectErrors(page);
  await page.goto(bench.chapter);
  const island = page.locator(`ec-bench[data-bench="${bench.id}"]`);
  const run = island.getByRole("button", { name: "Run" });
  await run.click();
  await expect(island.getByRole("status")).toContainText("Measuring");
  await island.getByRole("button", { name: "Cancel" }).click();
  await expect(island.getByRole("status")).toHaveText("Cancelled.");
  await expect(run).toBeEnabled();
  await expect(island.getByRole("progressbar")).toBeHidden();
  // The page still works: a new run starts.
  await run.click();
  await expect(island.getByRole("status")).toContainText("Measuring");
  await island.getByRole("button", { name: "Cancel" }).click();
  await expect(island.getByRole("status")).toHaveText("Cancelled.");
  expect(errors).toEqual([]);
});

test("a thread count past the bound (257) is refused with a message naming it, and nothing runs", async ({ page }) => {
  const bench = benchmarks[0]!;
  await page.goto(bench.chapter);
  const island = page.locator(`ec-bench[data-bench="${bench.id}"]`);
  const threads = island.getByLabel("Threads");
  await expect(threads).toHaveAttribute("max", String(MAX_RUN_THREADS));
  await threads.fill(String(MAX_RUN_THREADS + 1));
  await island.getByRole("button", { name: "Run" }).click();
  expect(await threads.evaluate((el) => (el as HTMLInputElement).validationMessage)).not.toBe("");
  await expect(island.getByRole("progressbar")).toBeHidden();
  // Through the element's API the runner itself refuses, naming the field and its bound.
  const message = await island.evaluate(
    (el, threads) =>
      (el as unknown as { run(o: { quick: boolean; threads: number }): Promise<unknown> }).run({ quick: true, threads }).then(
        () => "ran",
        (e: Error) => e.message,
      ),
    MAX_RUN_THREADS + 1,
  );
  expect(message).toMatch(/invalid threads: 257 \(expected 1 to 256; this browser reports \d+ cores?\)/);
  await expect(island.getByRole("alert")).toContainText("invalid threads: 257 (expected 1 to 256");
});

test("more threads than the browser reports are allowed, with a note on under-reporting and oversubscription", async ({ page }) => {
  const bench = benchmarks[0]!;
  await page.goto(bench.chapter);
  const island = page.locator(`ec-bench[data-bench="${bench.id}"]`);
  const threads = island.getByLabel("Threads");
  const reported = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(threads).toHaveValue(String(reported)); // the default
  const note = island.locator('[data-part="threads-note"]');
  await expect(note).toBeHidden();
  await threads.fill(String(reported + 1));
  await expect(note).toBeVisible();
  await expect(note).toContainText(`This browser reports ${reported} core`);
  await expect(note).toContainText("take turns");
  await expect(threads).toHaveAccessibleDescription(/Browsers may report fewer than the machine has/);
  expect(await threads.evaluate((el) => (el as HTMLInputElement).validity.valid)).toBe(true);
  await threads.fill(String(reported));
  await expect(note).toBeHidden();
});
