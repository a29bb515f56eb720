import { expect, test, type Page } from "@playwright/test";
import { gemmPackedArenaBytes } from "../src/kernels/pool/gemm-f32-packed-job.ts";
import { gemm, gemmPackedThreads } from "../src/lab/benchmarks/gemm.ts";
import type { ResultsV1 } from "../src/lab/results.ts";
import type { RunOptions } from "../src/lab/run-benchmark.ts";
import { collectErrors } from "./console-errors.ts";
import { saved } from "./exports.ts";

/**
 * A run whose threads do not all fit in the WebAssembly memory runs on the most that do, and says
 * so on the page and in its results. Every case of the registry fits 256 threads in the 1 GiB
 * memory, so the run is given a smaller budget (RunOptions.memoryBytes): exactly what the packed
 * GEMM on 128³ takes at 3 threads, so asking for 8 must run at 3.
 */
const SIDE = 128;
const ASKED = 8;
const FITS = 3;
const budget = gemmPackedArenaBytes(SIDE, SIDE, SIDE, FITS);

async function runWithBudget(page: Page, path: string): Promise<{ doc: ResultsV1; island: ReturnType<Page["locator"]> }> {
  await page.goto(path);
  const island = page.locator(`ec-bench[data-bench="${gemm.id}"]`);
  const options: RunOptions = {
    quick: true,
    threads: ASKED,
    cases: [gemm.cases.findIndex((c) => c.label === `${SIDE}³`)],
    variants: [gemmPackedThreads.id],
    threadCounts: [ASKED],
    memoryBytes: budget,
  };
  const doc = await island.evaluate((el, options) => (el as unknown as { run(o: RunOptions): Promise<ResultsV1> }).run(options), options);
  return { doc, island };
}

test("threads that do not fit in the WebAssembly memory: the run falls back to the most that fit and says so, on the page and in its JSON", async ({
  page,
}) => {
  const errors = collectErrors(page);
  const { doc, island } = await runWithBudget(page, gemm.chapter);
  expect(doc.results.map((r) => [r.threads, r.correctness.ok])).toEqual([[FITS, true]]);
  const reduced = {
    variant: gemmPackedThreads.id,
    case: `${SIDE}³`,
    requested: ASKED,
    threads: FITS,
    bytesNeeded: gemmPackedArenaBytes(SIDE, SIDE, SIDE, ASKED),
    bytesAvailable: budget,
  };
  expect(doc.threadsReduced).toEqual([reduced]);
  await expect(island.getByRole("status")).toContainText(
    `Packed + 6×8 SIMD tile, threaded (WebAssembly) on ${SIDE}³ ran on ${FITS} threads instead of ${ASKED}: ${ASKED} threads need`,
  );
  await expect(island.getByRole("status")).toContainText("of WebAssembly memory, more than the");
  // The reason travels with the figures: the downloaded file carries it.
  const file = JSON.parse(await saved(page, island.getByRole("button", { name: "Download JSON" }))) as ResultsV1;
  expect(file.threadsReduced).toEqual([reduced]);
  expect(errors).toEqual([]);
});

test("the memory fallback in Traditional Chinese", async ({ page }) => {
  const errors = collectErrors(page);
  const { island } = await runWithBudget(page, `/zh-tw${gemm.chapter}`);
  await expect(island.getByRole("status")).toContainText(`改用 ${FITS} 個執行緒執行，而不是 ${ASKED} 個`);
  expect(errors).toEqual([]);
});
