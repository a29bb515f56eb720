import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import type { Benchmark } from "../src/lab/benchmark.ts";
import { ratioTheCoresAllowed } from "../src/lab/evaluate-claim.ts";
import type { ResultsV1 } from "../src/lab/results.ts";
import { en, type Messages } from "../src/components/i18n/messages.en.ts";

/**
 * Runs a benchmark island as a reader would (quick mode, its default threads) and returns its
 * downloaded results; `t` is the page's message table, whose names the controls carry.
 */
export async function runQuick(island: Locator, t: Messages = en): Promise<ResultsV1> {
  await island.getByLabel(t.quickRun).check();
  await island.getByRole("button", { name: t.run, exact: true }).click();
  const progress = island.getByRole("progressbar");
  await expect(progress).toBeVisible();
  // The run is over when its progress bar goes (a previous run's Download JSON may still be showing).
  await expect(progress).toBeHidden({ timeout: 8 * 60_000 });
  const downloadButton = island.getByRole("button", { name: t.downloadJson });
  await expect(downloadButton).toBeVisible();
  const download = island.page().waitForEvent("download");
  await downloadButton.click();
  return JSON.parse(await readFile(await (await download).path(), "utf8")) as ResultsV1;
}

/**
 * Runs `bench` in quick mode on its island at `path` (its chapter, in some locale): it finishes,
 * every variant runs and is correct, every claim holds on this machine and shows "pass" on the
 * page (or, for a claim across thread counts, the cores measurably could not give what it needs), and the
 * reader sees a table row per measurement and a chart.
 */
export async function expectBenchmarkHolds(page: Page, bench: Benchmark, path: string, t: Messages = en): Promise<ResultsV1> {
  await page.goto(path);
  const island = page.locator(`ec-bench[data-bench="${bench.id}"]`);
  await expect(island, `the island of ${bench.id} is on ${path}`).toHaveCount(1);
  const doc = await runQuick(island, t);
  expect(doc.schema).toBe("every-core/results/v1");
  expect(doc.env.crossOriginIsolated).toBe(true);
  expect(doc.skipped).toEqual([]);
  const variantsRun = new Set(doc.results.map((r) => r.variant));
  expect([...variantsRun].sort()).toEqual(bench.variants.map((v) => v.id).sort());
  for (const r of doc.results) {
    expect(r.correctness.ok, `${r.variant} on ${r.case} at ${r.threads} threads: max error ${r.correctness.maxError}`).toBe(true);
    expect(r.median).toBeGreaterThan(0);
  }
  for (const claim of doc.claims) {
    const measured = `${claim.id}: measured ${claim.firstRatio ?? ""} ${claim.ratio}, needs ${claim.required}`;
    // A claim across thread counts is excused only by a measurement: on these cores at that moment,
    // even pure arithmetic could not have given what it needs (judgeWithCapacity). It is reported.
    const allowed = ratioTheCoresAllowed(claim);
    const excused = claim.status === "unavailable" && allowed !== undefined && allowed < claim.required;
    if (excused) {
      const code = claim.codeFactor === undefined ? "" : `, the faster variant ${claim.codeFactor}× as fast on fewer threads`;
      const note = `${measured}; the cores gave pure arithmetic only ${claim.capacity}×${code}: not judged`;
      test.info().annotations.push({ type: "claim not judged", description: note });
      console.log(`claim not judged: ${note}`);
    } else {
      expect(claim.status, measured).toBe("pass");
    }
    await expect(page.locator(`ec-claim[data-claim="${claim.id}"]`).first()).toHaveAttribute("data-status", claim.status);
  }
  expect(doc.claims.map((c) => c.id)).toEqual(bench.claims.map((c) => c.id));

  // What the reader sees: a table row per measurement and a chart.
  await expect(island.locator("table.ec-results tbody tr")).toHaveCount(doc.results.length);
  await expect(island.locator('[data-part="chart"] svg').first()).toBeVisible();
  return doc;
}
