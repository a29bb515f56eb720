import { expect, test, type Page } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { collectErrors } from "./console-errors.ts";
import { expectRefusedPastBound, expectThreadsNotePast } from "./thread-count-field.ts";

/** Part 4's islands that are not registered benchmarks; the benchmarks run in benchmarks.spec.ts. */

const TILES = (768 / 64) * (512 / 64);
const PIXELS = 2048 * 2048;

/** Every worker a run started must be gone once it ends: the page's worker count returns to `before`. */
async function expectWorkersBackTo(page: Page, before: number): Promise<void> {
  await expect.poll(() => page.workers().length, { message: "live workers after the run" }).toBe(before);
}

test("shared tiles: workers fill one image, it is drawn, and no worker outlives a run", async ({ page }) => {
  test.setTimeout(3 * 60_000);
  const errors = collectErrors(page);
  await page.goto("/multiprocessing/shared-memory/");
  const tiles = page.locator("ec-shared-tiles");
  const status = tiles.getByRole("status");
  const before = page.workers().length;
  await tiles.getByLabel("Workers", { exact: true }).fill("2");
  for (let run = 0; run < 2; run++) {
    // The count below is meaningful: Playwright does see the island's workers start.
    const started = page.waitForEvent("worker");
    await tiles.getByRole("button", { name: "Draw" }).click();
    await started;
    await expect(status).toContainText(`All ${TILES} tiles drawn`, { timeout: 60_000 });
    const byWorker = (await tiles.getAttribute("data-tiles-by-worker"))!.split(",").map(Number);
    expect(byWorker).toHaveLength(2);
    expect(byWorker.reduce((s, n) => s + n, 0)).toBe(TILES);
    await expectWorkersBackTo(page, before);
  }
  // What the reader sees: a picture, not a blank canvas (opaque pixels in more than one colour).
  const colours = await tiles.locator("canvas").evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext("2d")!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4 * 97) if (d[i + 3] === 255) seen.add((d[i]! << 16) | (d[i + 1]! << 8) | d[i + 2]!);
    return seen.size;
  });
  expect(colours).toBeGreaterThan(10);

  // Cancel stops the workers; a bad worker count is named and the island keeps working.
  // A run takes a fraction of a second: press Cancel in the same task as Draw, as soon as it is enabled.
  await tiles.evaluate((el) => {
    el.querySelector<HTMLButtonElement>('[data-part="run"]')!.click();
    el.querySelector<HTMLButtonElement>('[data-part="cancel"]')!.click();
  });
  await expect(status).toHaveText("Cancelled: the workers were stopped.");
  await expectWorkersBackTo(page, before);
  const workers = tiles.getByLabel("Workers", { exact: true });
  const draw = tiles.getByRole("button", { name: "Draw" });
  await workers.fill("0");
  await draw.click();
  await expect(tiles.getByRole("alert")).toContainText("Workers must be a whole number from 1 to");
  await expectRefusedPastBound(tiles, workers, "Workers", draw);
  // More workers than the browser reports: the note says so, and every one of them draws.
  const reported = await page.evaluate(() => navigator.hardwareConcurrency);
  await expectThreadsNotePast(tiles, workers, reported, 1, reported + 1);
  await draw.click();
  await expect(status).toContainText(`All ${TILES} tiles drawn`, { timeout: 60_000 });
  expect((await tiles.getAttribute("data-tiles-by-worker"))!.split(",")).toHaveLength(reported + 1);
  await expectWorkersBackTo(page, before);
  expect(errors).toEqual([]);
});

test("histogram race: plain increments lose counts, Atomics.add loses none, workers are freed", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/multiprocessing/shared-memory/");
  const race = page.locator("ec-histogram-race");
  const before = page.workers().length;
  await race.getByLabel("Workers", { exact: true }).fill("2");
  const lostPlain: number[] = [];
  // The race depends on timing: give it a few runs to show itself (it nearly always does at once).
  for (let run = 0; run < 3 && !lostPlain.some((n) => n > 0); run++) {
    await race.getByRole("button", { name: "Run the race" }).click();
    await expect(race.getByRole("status")).toContainText("Done:", { timeout: 60_000 });
    const rows = race.locator("tbody tr");
    await expect(rows).toHaveCount(2);
    const [plain, atomic] = [rows.nth(0), rows.nth(1)];
    await expect(atomic).toHaveAttribute("data-lost", "0");
    await expect(atomic.locator("td").first()).toHaveText(PIXELS.toLocaleString("en"));
    const lost = Number(await plain.getAttribute("data-lost"));
    const counted = Number((await plain.locator("td").first().textContent())!.replaceAll(",", ""));
    expect(counted + lost).toBe(PIXELS);
    lostPlain.push(lost);
    await expectWorkersBackTo(page, before);
  }
  expect(
    lostPlain.some((n) => n > 0),
    `lost counts in each run: ${lostPlain.join(", ")}`,
  ).toBe(true);

  const workers = race.getByLabel("Workers", { exact: true });
  const run = race.getByRole("button", { name: "Run the race" });
  await workers.fill("1");
  await run.click();
  await expect(race.getByRole("alert")).toContainText("Workers must be a whole number from 2 to");
  await expectRefusedPastBound(race, workers, "Workers", run, 2);
  // More workers than the browser reports: the note says so, and Atomics.add still loses nothing.
  const reported = await page.evaluate(() => navigator.hardwareConcurrency);
  await expectThreadsNotePast(race, workers, reported, 2, reported + 1);
  await run.click();
  await expect(race.getByRole("status")).toContainText("Done:", { timeout: 60_000 });
  await expect(race.getByRole("alert")).toBeHidden();
  await expect(race.locator("tbody tr").nth(1)).toHaveAttribute("data-lost", "0");
  await expectWorkersBackTo(page, before);
  expect(errors).toEqual([]);
});

test("Amdahl's law is fitted to the reader's Pool.map run, and its chunk-size curve is drawn", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/multiprocessing/");
  const amdahl = page.locator("ec-amdahl");
  await expect(amdahl.getByRole("status")).toContainText("Run the benchmark above");
  const island = page.locator('ec-bench[data-bench="pool-map-images"]');
  await island.getByLabel("Quick run").check();
  await island.getByLabel("Threads").fill("2");
  await island.getByRole("button", { name: "Run" }).click();
  await expect(amdahl.getByRole("status")).toContainText("Fitted from your run", { timeout: 4 * 60_000 });
  // One row per parallel variant and batch: 5 chunk sizes × 2 batches.
  const rows = amdahl.locator("tbody tr");
  await expect(rows).toHaveCount(10);
  // The granularity curve: one dot per chunk size, thread count and batch (5 × 2 × 2).
  const curve = page.locator("ec-chunk-curve");
  await expect(curve.getByRole("status")).toContainText("from your run");
  await expect(curve.locator('[data-part="chart"] svg circle')).toHaveCount(20);
  await expect(amdahl.locator('[data-part="chart"] svg').first()).toBeVisible();
  // The one-chunk variant cannot run in parallel: its fitted serial fraction is large.
  const coarse = rows.filter({ hasText: "chunks of 256 images (JavaScript) — 256 images of 64×64" });
  const serial = Number((await coarse.locator("td").nth(2).textContent())!.replace("%", ""));
  expect(serial).toBeGreaterThan(50);
  expect(errors).toEqual([]);
});

test("the companion's native passing-data run imports beside the browser's", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/multiprocessing/passing-data/");
  const island = page.locator('ec-bench[data-bench="passing-data"]');
  await island
    .getByLabel("Import JSON")
    .setInputFiles(fileURLToPath(new URL("./fixtures/results-native-passing-data.json", import.meta.url)));
  await expect(island.getByRole("status")).toHaveText("Imported 10 results from results-native-passing-data.json.");
  const rows = island.locator("table.ec-results tbody tr");
  await expect(rows).toHaveCount(10);
  await expect(rows.filter({ hasText: "round-trip-copy-python" })).toHaveCount(5);
  await expect(rows.filter({ hasText: "round-trip-shared-python" })).toHaveCount(5);
  expect(errors).toEqual([]);
});

test("passing-data run twice: its sender and echo workers end with each run", async ({ page }) => {
  test.setTimeout(4 * 60_000);
  const errors = collectErrors(page);
  await page.goto("/multiprocessing/passing-data/");
  const island = page.locator('ec-bench[data-bench="passing-data"]');
  await island.getByLabel("Quick run").check();
  const before = page.workers().length;
  const names = new Set<string>();
  page.on("worker", (w) =>
    names.add(
      new URL(w.url()).pathname
        .split("/")
        .pop()!
        .replace(/[-.].*$/, ""),
    ),
  );
  for (let run = 0; run < 2; run++) {
    await island.getByRole("button", { name: "Run" }).click();
    await expect(island.getByRole("progressbar")).toBeVisible();
    await expect(island.getByRole("progressbar")).toBeHidden({ timeout: 3 * 60_000 });
    await expect(island.getByRole("status")).toContainText("Done:");
    await expectWorkersBackTo(page, before);
  }
  // The runner's own workers (sender, echo) were seen, so the count above covers them too.
  expect([...names].sort()).toEqual(expect.arrayContaining(["echo", "runner", "sender"]));
  expect(errors).toEqual([]);
});
