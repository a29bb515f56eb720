import { expect, test } from "@playwright/test";
import { collatzSteps, wholeRange } from "../src/kernels/collatz-steps.ts";
import { RACE_LIMIT } from "../src/lab/pyodide/race-limit.ts";
import { expectRefusedPastBound, expectThreadsNotePast } from "./thread-count-field.ts";
import { collectErrors } from "./console-errors.ts";

/** The GIL chapter, which carries <PyodideRace />. */
const PAGE = "/basics/gil/";

test("the Pyodide race runs 1 and 2 interpreters, JavaScript and WebAssembly, all agreeing", async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.origin !== new URL(baseURL ?? "").origin) foreign.push(request.url());
  });
  await page.goto(PAGE);
  const island = page.locator("ec-pyodide-race");
  await island.getByLabel("Workers").fill("2");
  await island.getByRole("button", { name: "Run" }).click();
  await expect(island.getByRole("progressbar")).toBeVisible();
  // Two Pyodide start-ups side by side on a 2-core machine, then the loop three times.
  await expect(island.getByRole("status")).toContainText("Done", { timeout: 5 * 60_000 });
  await expect(island.getByRole("alert")).toBeHidden();

  const expected = String(collatzSteps(wholeRange(RACE_LIMIT)));
  const rows = island.locator("table").first().locator("tbody tr");
  await expect(rows).toHaveCount(4);
  const runs = [
    ["Python, 1 interpreter", "1"],
    ["Python, split over 2 interpreters", "2"],
    ["JavaScript, 1 worker", "1"],
    ["WebAssembly, 1 worker", "1"],
  ] as const;
  for (const [name, workers] of runs) {
    const cells = rows.filter({ hasText: name }).locator("td");
    await expect(cells.nth(0), `${name}: workers`).toHaveText(workers);
    await expect(cells.nth(1), `${name}: total against the Node reference`).toHaveText(expected);
    await expect(cells.nth(2), `${name}: a loop time`).toHaveText(/^\d/);
  }
  await expect(island.locator("table").nth(1).locator("tbody tr")).toHaveCount(2);
  console.log(
    `pyodide race on ${await page.evaluate(() => navigator.hardwareConcurrency)} threads:\n${await island.locator('[data-part="tables"]').innerText()}`,
  );
  expect(errors).toEqual([]);
  expect(foreign, "Pyodide and everything else load from this site, never a CDN").toEqual([]);
});

test("the Pyodide race refuses a count past the bound, starts more interpreters than the browser reports with a note, and can be cancelled", async ({
  page,
}) => {
  const errors = collectErrors(page);
  await page.goto(PAGE);
  const island = page.locator("ec-pyodide-race");
  const threads = await page.evaluate(() => navigator.hardwareConcurrency);
  const workers = island.getByLabel("Workers");
  const run = island.getByRole("button", { name: "Run" });
  await expectRefusedPastBound(island, workers, "Workers", run);

  // More interpreters than the browser reports: the note says so, and the race starts them.
  await expectThreadsNotePast(island, workers, threads, 1, threads + 1);
  await run.click();
  await expect(island.getByRole("alert")).toBeHidden();
  await expect(island.getByRole("status")).toContainText("Starting");
  await island.getByRole("button", { name: "Cancel" }).click();
  await expect(island.getByRole("status")).toHaveText("Cancelled.");
  await expect(run).toBeEnabled();
  await expect(island.getByRole("progressbar")).toBeHidden();
  expect(errors).toEqual([]);
});
