import { expect, test, type Locator, type Page } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findBenchmark } from "../src/lab/registry.ts";
import type { ResultsV1 } from "../src/lab/results.ts";
import { collectErrors } from "./console-errors.ts";
import { clipboard, csvCells, saved } from "./exports.ts";

/**
 * Deliverable 6 and the rest of 1 of "results that travel": the gallery at /results/ renders the
 * committed reference runs as tables and thread-scaling charts; a chapter's table shows the
 * reference rows beside a live run; and every island that measures exports its numbers.
 */
const dir = fileURLToPath(new URL("../src/content/results/", import.meta.url));
const references = readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => ({ file, doc: JSON.parse(readFileSync(dir + file, "utf8")) as ResultsV1 }));

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

test("the gallery shows every reference run, a table per benchmark with a column per run, and the scaling charts", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/results/");
  const runs = page.getByRole("table", { name: "The reference runs" });
  await expect(runs.locator("tbody tr")).toHaveCount(references.length);
  for (const [i, { file, doc }] of references.entries()) {
    await expect(runs.locator("tbody tr").nth(i).locator("th")).toHaveText(file);
    await expect(runs.locator("tbody tr").nth(i).locator("td").nth(3)).toHaveText(String(doc.results.length));
    await expect(page.getByLabel(`Citation of ${file}`)).toHaveValue(
      new RegExp(`^@misc\\{everycore-${file.replace(/\.json$/, "")}-\\d{4},`),
    );
  }

  // GEMM: one row per case, variant and threads any run measured; a median column per run that measured it.
  const gemm = page.getByRole("table", {
    name: `Median time per call (ms) of ${findBenchmark("gemm").title}, one column per reference run`,
  });
  const measuring = references.filter(({ doc }) => doc.results.some((r) => r.bench === "gemm"));
  await expect(gemm.locator("thead th")).toHaveCount(3 + measuring.length);
  const configs = new Set(
    measuring.flatMap(({ doc }) => doc.results.filter((r) => r.bench === "gemm").map((r) => `${r.case}|${r.variant}|${r.threads}`)),
  );
  await expect(gemm.locator("tbody tr")).toHaveCount(configs.size);
  const first = measuring[0]!.doc.results.find((r) => r.bench === "gemm")!;
  const row = gemm.locator("tbody tr").first();
  // A declared variant by its label, as the chapter's island names it.
  await expect(row.locator("th")).toHaveText(findBenchmark("gemm").variants.find((v) => v.id === first.variant)!.label);
  await expect(row.locator("td").first()).toHaveText(first.case);

  // Each scaling chart is drawn (an SVG with a line per variant), named, and described by its table.
  const charts = page.locator("ec-scaling-chart");
  expect(await charts.count()).toBeGreaterThan(0);
  for (const chart of await charts.all()) {
    // Drawn: perfect scaling dashed, then a line per variant.
    await expect(chart.locator('svg [stroke-dasharray="4 4"] path')).toHaveCount(1);
    expect(await chart.locator("svg path").count()).toBeGreaterThanOrEqual(2);
    await expect(chart).toHaveAttribute("role", "img");
    await expect(chart).toHaveAttribute("aria-label", /^Speedup against threads, /);
    await expect(page.locator(`#${await chart.getAttribute("aria-describedby")}`)).toHaveCount(1);
  }
  await expect(page.getByRole("heading", { name: /^Contribute your machine.s results$/ })).toBeVisible();
  await expect(page.locator("pre", { hasText: "npm run results:check /tmp/every-core/" })).toHaveCount(1);
  expect(errors).toEqual([]);
});

test("a chapter's table shows the gallery's reference rows before Run and beside the live run", async ({ page }) => {
  const errors = collectErrors(page);
  const bench = findBenchmark("broadcast-temporaries");
  const withBench = references.filter(({ doc }) => doc.results.some((r) => r.bench === bench.id));
  expect(withBench.length).toBeGreaterThan(0);
  await page.goto(bench.chapter);
  const island = page.locator(`ec-bench[data-bench="${bench.id}"]`);
  await island.getByRole("checkbox", { name: /^Show the gallery's reference runs/ }).check();
  const groups = island.locator('tbody th[scope="rowgroup"]');
  await expect(groups).toHaveText(
    withBench.map(({ doc }) => new RegExp(`^Reference, (browser|native) \\(${doc.env.date.slice(0, 10)}\\): `)),
  );
  for (const [i, { doc }] of withBench.entries()) {
    await expect(island.locator("table.ec-results tbody").nth(i).locator("tr")).toHaveCount(
      doc.results.filter((r) => r.bench === bench.id).length,
    );
  }

  await island.getByLabel("Threads").fill("1");
  await island.getByLabel("Quick run").check();
  await island.getByRole("button", { name: "Run", exact: true }).click();
  await expect(island.getByRole("button", { name: "Download JSON" })).toBeVisible({ timeout: 5 * 60_000 });
  await expect(groups).toHaveText(["This browser (live)", ...withBench.map(() => /^Reference, /)]);
  // A reference is one more source to compare with.
  await island.getByText("Your runs: history and comparison").click();
  await expect(island.getByLabel("Second").locator("option", { hasText: /^Reference, / })).toHaveCount(withBench.length);

  await island.getByRole("checkbox", { name: /^Show the gallery's reference runs/ }).uncheck();
  await expect(island.locator('tbody th[scope="rowgroup"]')).toHaveCount(0);
  expect(errors).toEqual([]);
});

/** An island that measures: where it is, how to start it, and how many measurements one run gives. */
interface MeasuringIsland {
  name: string;
  path: string;
  selector: string;
  start: (island: Locator, page: Page) => Promise<void>;
  rows: (threads: number) => number;
}

const click = (name: string) => (island: Locator) => island.getByRole("button", { name, exact: true }).click();

const islands: MeasuringIsland[] = [
  { name: "quant error", path: "/compiled/int8/", selector: "ec-quant-error", start: click("Measure the error"), rows: () => 6 },
  { name: "blur photo", path: "/vectorization/algorithm-first/", selector: "ec-blur-photo", start: click("Blur"), rows: () => 3 },
  { name: "shared tiles", path: "/multiprocessing/shared-memory/", selector: "ec-shared-tiles", start: click("Draw"), rows: () => 1 },
  { name: "noise demo", path: "/basics/measuring/", selector: "ec-noise-demo", start: click("Run noise demo"), rows: () => 2 },
  { name: "busy cores", path: "/basics/measuring/", selector: "ec-busy-cores", start: click("Run"), rows: (threads) => 1 + threads },
  {
    name: "training run",
    path: "/benchmarks/training/",
    selector: "ec-training-run",
    start: async (island) => {
      await island.getByLabel("Epochs").fill("1");
      await island.getByRole("button", { name: "Train", exact: true }).click();
    },
    rows: () => 1,
  },
];

for (const spec of islands) {
  test(`the ${spec.name} exports its run as CSV, Markdown, LaTeX, a link and a citation`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(spec.path);
    const island = page.locator(spec.selector);
    const threads = await page.evaluate(() => navigator.hardwareConcurrency);
    await spec.start(island, page);
    const csvButton = island.getByRole("button", { name: "Download CSV" });
    await expect(csvButton).toBeVisible({ timeout: 3 * 60_000 });
    const n = spec.rows(threads);

    const json = JSON.parse(await saved(page, island.getByRole("button", { name: "Download JSON" }))) as ResultsV1;
    expect(json.schema).toBe("every-core/results/v1");
    expect(json.results).toHaveLength(n);
    const csv = (await saved(page, csvButton)).trimEnd().split("\n");
    expect(csv).toHaveLength(n + 1);
    expect(csv.slice(1).map((line) => Number(csvCells(line)[4]))).toEqual(json.results.map((r) => r.median));

    await island.getByRole("button", { name: "Copy Markdown" }).click();
    await expect.poll(async () => (await clipboard(page)).split("\n").filter((l) => l.startsWith("| ")).length).toBe(n + 2);
    await island.getByRole("button", { name: "Copy LaTeX" }).click();
    await expect.poll(async () => (await clipboard(page)).split("\n").filter((l) => l.endsWith(" \\\\")).length).toBe(n + 1);
    await island.getByRole("button", { name: "Share link" }).click();
    await expect(island.getByLabel("Share link")).toHaveValue(new RegExp(`#bench=${json.results[0]!.bench}&results=[A-Za-z0-9_-]+$`));
    await island.getByRole("button", { name: "Cite" }).click();
    await expect(island.getByLabel("Citation")).toHaveValue(/^@misc\{/);

    // The link opens on another page with that run's table, labelled as shared.
    const other = await page.context().newPage();
    const otherErrors = collectErrors(other);
    await other.goto(await island.getByLabel("Share link").inputValue());
    const shared = other.locator(spec.selector).locator('[data-part="shared"]');
    await expect(shared.locator('tbody th[scope="rowgroup"]')).toHaveText(/^Shared: /);
    await expect(shared.locator("tbody tr")).toHaveCount(n);
    expect(otherErrors).toEqual([]);
    expect(errors).toEqual([]);
  });
}
