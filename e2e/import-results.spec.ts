import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { unzipSync } from "fflate";
import { findBenchmark } from "../src/lab/registry.ts";
import { collectErrors } from "./console-errors.ts";

/**
 * Importing results files into a benchmark island: a native (Python) run shows up beside the live
 * results with its own source, baseline and environment; bad files are refused with the parser's
 * message and never injected as HTML; and the companion download the pages link to is a zip.
 */
const bench = findBenchmark("conv2d-im2col");
const nativePath = fileURLToPath(new URL("./fixtures/results-native.json", import.meta.url));
const nativeText = readFileSync(nativePath, "utf8");
const nativeLabel = "Imported: CPython 3.12.3 / numpy 2.1.3 / openblas, 32 threads";
const json = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

async function openIsland(page: Page) {
  await page.goto(bench.chapter);
  const island = page.locator(`ec-bench[data-bench="${bench.id}"]`).first();
  await expect(island.getByRole("button", { name: "Run" })).toBeEnabled();
  return island;
}

/**
 * The speedup cell of each row, by case, variant and thread count. A case header spans its rows:
 * it is carried down so each row reads [case, variant, threads, …].
 */
async function speedups(rows: Locator): Promise<(caseLabel: string, variant: string, threads: number) => string | null | undefined> {
  const cells = await rows.evaluateAll((trs) => {
    let current = "";
    return trs.map((tr) => {
      const own = [...(tr as HTMLTableRowElement).cells].filter((c) => c.getAttribute("scope") !== "rowgroup");
      if (own[0]?.classList.contains("ec-case")) current = own.shift()!.textContent ?? "";
      return [current, ...own.map((c) => c.textContent)];
    });
  });
  return (caseLabel, variant, threads) => cells.find(([c, v, t]) => c === caseLabel && v === variant && t === String(threads))?.[4];
}

test("a native run imports beside the live results, with its source, baseline and environment", async ({ page }) => {
  const errors = collectErrors(page);
  const island = await openIsland(page);
  await island.getByLabel("Import JSON").setInputFiles(nativePath);
  await expect(island.getByRole("status")).toHaveText("Imported 11 results from results-native.json.");

  const table = island.locator("table.ec-results");
  await expect(table.locator("thead th").first()).toHaveText("Source");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(11);
  const sourceCells = table.locator('tbody th[scope="rowgroup"]');
  await expect(sourceCells).toHaveText([nativeLabel]);
  await expect(sourceCells).toHaveAttribute("rowspan", "11");
  // Speedups against the native baseline (the Python loops), which the deep layer did not run.
  const speedup = await speedups(rows);
  expect(speedup("(1,3,32,32)→16", "conv2d-f32-direct-python", 1)).toBe("1.0×");
  expect(speedup("(1,3,32,32)→16", "conv2d-f32-im2col-numpy", 32)).toMatch(/^\d+(\.\d)?×$/);
  expect(speedup("(1,64,56,56)→64", "conv2d-f32-im2col-numpy", 32)).toBe("—");

  const details = island.locator('[data-part="sources"] details');
  await expect(details).toHaveCount(1);
  await details.locator("summary").click();
  await expect(details.locator("dd")).toContainText([
    "AMD Ryzen 9 7950X 16-Core Processor",
    "32 logical, 16 physical",
    "CPython 3.12.3",
    "openblas 0.3.27, 32 threads",
  ]);

  // A second file, dropped on the island, is a second source.
  const dataTransfer = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, nativeText);
  await island.dispatchEvent("dragover", { dataTransfer });
  await island.dispatchEvent("drop", { dataTransfer });
  await expect(rows).toHaveCount(22);
  await expect(sourceCells).toHaveText([nativeLabel, `${nativeLabel} (2)`]);
  await expect(details).toHaveCount(2);

  await island.getByRole("button", { name: "Clear imported" }).click();
  await expect(table).toHaveCount(0);
  await expect(details).toHaveCount(0);
  await expect(island.getByRole("button", { name: "Clear imported" })).toBeHidden();
  expect(errors).toEqual([]);
});

test("a native file's speedups use the baseline it names, where the site's baseline has no native twin", async ({ page }) => {
  // gemm-threads' site baseline is the WebAssembly GEMM; the companion names numpy's `@` on one thread.
  const errors = collectErrors(page);
  const threads = findBenchmark("gemm-threads");
  await page.goto(threads.chapter);
  const island = page.locator(`ec-bench[data-bench="${threads.id}"]`);
  await expect(island.getByRole("button", { name: "Run" })).toBeEnabled();
  await expect(island.locator(".ec-bench-hint")).toContainText("python -m everycore bench --filter gemm-threads --out native.json");
  await island
    .getByLabel("Import JSON")
    .setInputFiles(fileURLToPath(new URL("./fixtures/results-native-gemm-threads.json", import.meta.url)));
  await expect(island.getByRole("status")).toHaveText("Imported 4 results from results-native-gemm-threads.json.");
  const speedup = await speedups(island.locator("table.ec-results tbody tr"));
  expect(speedup("512³", "gemm-f32-matmul-numpy", 1)).toBe("1.0×");
  expect(speedup("1024³", "gemm-f32-matmul-numpy", 1)).toBe("1.0×");
  expect(speedup("1024³", "gemm-f32-matmul-numpy", 2)).toMatch(/^1\.\d×$/);
  expect(errors).toEqual([]);
});

test("a file saved under the kernel names of before the vocabulary imports under today's", async ({ page }) => {
  // A full run of 2026-12-06, trimmed to one result per variant: every gemm row is at 128³, 1 thread.
  const errors = collectErrors(page);
  const gemm = findBenchmark("gemm");
  const oldPath = fileURLToPath(new URL("./fixtures/results-before-vocabulary.json", import.meta.url));
  const saved = (JSON.parse(readFileSync(oldPath, "utf8")) as { results: { bench: string }[] }).results.filter((r) => r.bench === gemm.id);
  await page.goto(gemm.chapter);
  const island = page.locator(`ec-bench[data-bench="${gemm.id}"]`).first();
  await expect(island.getByRole("button", { name: "Run" })).toBeEnabled();
  await island.getByLabel("Import JSON").setInputFiles(oldPath);
  await expect(island.getByRole("status")).toHaveText(`Imported ${saved.length} results from results-before-vocabulary.json.`);
  // A variant the page declares shows its label, with its id as the cell's title; an unknown id would show as itself.
  const variantCells = island.locator("table.ec-results tbody td.ec-text");
  const titles = await variantCells.evaluateAll((cells) => cells.map((c) => c.getAttribute("title")));
  expect(titles.sort()).toEqual(gemm.variants.map((v) => v.id).sort());
  await expect(island.locator("table.ec-results tbody td.ec-id")).toHaveCount(0);
  const speedup = await speedups(island.locator("table.ec-results tbody tr"));
  const label = (id: string) => gemm.variants.find((v) => v.id === id)?.label ?? id;
  expect(speedup("128³", label(gemm.baseline), 1)).toBe("1.0×");
  for (const v of gemm.variants) expect(speedup("128³", v.label, 1), v.id).toMatch(/^[\d.]+×$/);
  expect(errors).toEqual([]);
});

test("a benchmark with no native twin names no companion command", async ({ page }) => {
  const peak = findBenchmark("machine-peak");
  await page.goto(peak.chapter);
  const hint = page.locator(`ec-bench[data-bench="${peak.id}"] .ec-bench-hint`);
  await expect(hint).toContainText("another browser's download");
  await expect(hint).not.toContainText("everycore");
});

test("bad files are refused with the parser's message, markup stays text, and the page still runs", async ({ page }) => {
  const errors = collectErrors(page);
  const island = await openIsland(page);
  const input = island.getByLabel("Import JSON");
  const alert = island.getByRole("alert");
  const img = '<img src=x onerror="window.__injected = true">';

  const badMedian = JSON.parse(nativeText);
  badMedian.env.userAgent = img;
  badMedian.results[3].median = "abc";
  await input.setInputFiles(json("hostile.json", JSON.stringify(badMedian)));
  await expect(alert).toHaveText('hostile.json: results[3].median: expected a finite number ≥ 0, got "abc"');

  await input.setInputFiles(json("truncated.json", nativeText.slice(0, 300)));
  await expect(alert).toContainText("truncated.json: the file is not valid JSON");
  await input.setInputFiles(json("v2.json", JSON.stringify({ ...JSON.parse(nativeText), schema: "every-core/results/v2" })));
  await expect(alert).toHaveText('v2.json: schema: expected "every-core/results/v1", got "every-core/results/v2"');
  await input.setInputFiles(json("huge.json", " ".repeat(5 * 2 ** 20 + 1)));
  await expect(alert).toHaveText("huge.json: the file has 5.0 MB; at most 5 MB is accepted");
  await expect(island.locator("table.ec-results")).toHaveCount(0);

  // A valid file with markup in its strings: shown as text, never parsed as HTML.
  const markup = JSON.parse(nativeText);
  markup.env.userAgent = img;
  markup.env.native.cpuModel = img;
  markup.env.native.python = img;
  for (const r of markup.results) r.variant = img;
  await input.setInputFiles(json("markup.json", JSON.stringify(markup)));
  await expect(alert).toBeHidden();
  await expect(island.locator('tbody th[scope="rowgroup"]')).toHaveText(`Imported: ${img} / numpy 2.1.3 / openblas, 32 threads`);
  await expect(island.locator("tbody tr").first().locator("td").first()).toHaveText(img); // the variant
  await island.locator('[data-part="sources"] summary').click();
  await expect(island.locator('[data-part="sources"] dd').first()).toHaveText(img);
  await expect(page.locator("ec-bench img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

  // The page still works: a run starts and cancels.
  await island.getByRole("button", { name: "Run" }).click();
  await expect(island.getByRole("status")).toContainText("Measuring");
  await island.getByRole("button", { name: "Cancel" }).click();
  await expect(island.getByRole("status")).toHaveText("Cancelled.");
  expect(errors).toEqual([]);
});

for (const path of ["/", "/lab/"]) {
  test(`${path} links to the Python companion, a same-origin zip`, async ({ page }) => {
    await page.goto(path);
    const link = page.getByRole("link", { name: "Download the Python companion" });
    await expect(link).toHaveCount(1);
    const href = await link.getAttribute("href");
    const response = await page.request.get(new URL(href!, page.url()).href);
    expect(response.status()).toBe(200);
    const zip = await response.body();
    expect(zip.subarray(0, 4).toString("latin1")).toBe("PK\x03\x04");
    const names = Object.keys(unzipSync(new Uint8Array(zip)));
    expect(names).toEqual(expect.arrayContaining(["every-core-python/pyproject.toml", "every-core-python/everycore/im2col.py"]));
    expect(names.filter((n) => n.includes("__pycache__"))).toEqual([]);
  });
}
