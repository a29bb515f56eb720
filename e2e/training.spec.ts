import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_RUN_BUDGET_SECONDS, TARGET_ACCURACY } from "../src/lab/training/training-options.ts";
import { collectErrors } from "./console-errors.ts";
import { expectThreadsNotePast } from "./thread-count-field.ts";

/**
 * The live training run on /benchmarks/training/: the default run reaches the target accuracy on
 * held-out digits within the wall time the page states; bad settings get a message and the page
 * keeps working; Cancel stops the run and its workers.
 */
const PAGE = "/benchmarks/training/";

function island(page: Page) {
  return page.locator("ec-training-run");
}

async function setField(page: Page, label: string, value: string) {
  await island(page).getByLabel(label, { exact: true }).fill(value);
}

test("the default run reaches the target test accuracy within the stated wall time", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  const run = island(page);
  // The page states the target and the wall time it is checked against.
  await expect(page.getByText(`at least ${Math.round(100 * TARGET_ACCURACY)} % of the held-out digits`)).toBeVisible();
  await expect(page.getByText(`within ${DEFAULT_RUN_BUDGET_SECONDS} seconds on a two-core machine`)).toBeVisible();
  await run.getByRole("button", { name: "Train" }).click();
  await expect(run.getByRole("progressbar")).toBeVisible();
  await expect(run.getByRole("button", { name: "Cancel" })).toBeEnabled();
  await expect(run).toHaveAttribute("data-state", "done", { timeout: 4 * DEFAULT_RUN_BUDGET_SECONDS * 1000 });
  const result = run.locator('[data-part="accuracy"]');
  const accuracy = Number(await result.getAttribute("data-value"));
  const seconds = Number(await result.getAttribute("data-seconds"));
  expect(accuracy, `test accuracy after the default run (${seconds.toFixed(1)} s)`).toBeGreaterThanOrEqual(TARGET_ACCURACY);
  expect(seconds).toBeLessThanOrEqual(DEFAULT_RUN_BUDGET_SECONDS);
  test
    .info()
    .annotations.push({ type: "measured", description: `${(100 * accuracy).toFixed(1)} % test accuracy in ${seconds.toFixed(1)} s` });
  await expect(result).toContainText("of the held-out digits right");
  // Two live charts (loss, test accuracy) and one row per finished run.
  await expect(run.locator('[data-part="charts"] > *')).toHaveCount(2);
  await expect(run.locator('[data-part="table"] tbody tr')).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("bad settings get a clear message, and the page keeps working", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  const run = island(page);
  const alert = run.getByRole("alert");
  const cases: [string, string, RegExp][] = [
    ["Batch size", "0", /invalid batch size: 0 \(expected a whole number from 1 to/],
    ["Workers (K)", "257", /invalid workers: 257 \(expected a whole number from 1 to 256, the most threads a run may use\)/],
    ["Learning rate", "abc", /invalid learning rate: NaN \(expected a positive number/],
    ["Learning rate", "-0.5", /invalid learning rate: -0.5/],
  ];
  for (const [label, value, message] of cases) {
    await page.reload();
    await setField(page, label, value);
    await run.getByRole("button", { name: "Train" }).click();
    await expect(alert).toHaveText(message);
    await expect(run).toHaveAttribute("data-state", "error");
    await expect(run.getByRole("button", { name: "Train" })).toBeEnabled();
  }
  // Larger than the training set: known once the digits are loaded, reported by the worker.
  await page.reload();
  await setField(page, "Batch size", "1000000");
  await run.getByRole("button", { name: "Train" }).click();
  await expect(alert).toHaveText(/invalid batch size: 1000000 \(expected a whole number from 1 to \d+, the training images\)/, {
    timeout: 30_000,
  });
  await expect(run).toHaveAttribute("data-state", "error");
  // More workers than the WebAssembly memory holds workspaces for: refused, naming the most that fit.
  await page.reload();
  await setField(page, "Workers (K)", "64");
  await run.getByRole("button", { name: "Train" }).click();
  await expect(alert).toHaveText(
    /invalid workers: 64 \(64 workers need [\d,.]+ MiB of WebAssembly memory with batch 64; at most \d+ fit\)/,
    {
      timeout: 30_000,
    },
  );
  await expect(run).toHaveAttribute("data-state", "error");
  expect(errors).toEqual([]);
});

test("Cancel stops a run and its workers, and a new run starts cleanly", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  const run = island(page);
  const before = page.workers().length;
  // One worker more than the browser reports: the note says so, and both runs train.
  const reported = await page.evaluate(() => navigator.hardwareConcurrency);
  await expectThreadsNotePast(run, run.getByLabel("Workers (K)", { exact: true }), reported, 1, reported + 1);
  for (let attempt = 0; attempt < 2; attempt++) {
    await run.getByRole("button", { name: "Train" }).click();
    await expect(run.getByRole("status")).toContainText(/step \d+ of \d+/, { timeout: 60_000 });
    expect(page.workers().length).toBeGreaterThan(before);
    await run.getByRole("button", { name: "Cancel" }).click();
    await expect(run).toHaveAttribute("data-state", "cancelled");
    await expect(run.getByRole("status")).toContainText("Cancelled");
    await expect.poll(() => page.workers().length, { message: "workers left after Cancel" }).toBe(before);
  }
  await expect(run.getByRole("button", { name: "Train" })).toBeEnabled();
  expect(errors).toEqual([]);
});

test("a comparison run on 1 worker joins the charts and the table", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  const run = island(page);
  // On a one-thread machine there is nothing to compare with: the run is then a single row.
  const workers = Math.min(2, await page.evaluate(() => navigator.hardwareConcurrency));
  await setField(page, "Workers (K)", String(workers));
  await setField(page, "Epochs", "1");
  await run.getByLabel("then the same run on 1 worker, to compare").check();
  await run.getByRole("button", { name: "Train" }).click();
  const rows = run.locator('[data-part="table"] tbody tr');
  await expect(rows).toHaveCount(workers, { timeout: 3 * 60_000 });
  await expect(run).toHaveAttribute("data-state", "done");
  await expect(rows.nth(0)).toContainText(`K = ${workers}, batch 64`);
  await expect(rows.last()).toContainText("K = 1, batch 64");
  // One legend entry per run, shared by both charts.
  await expect(run.locator('[data-part="charts"]')).toContainText("K = 1, batch 64");
  expect(errors).toEqual([]);
});
