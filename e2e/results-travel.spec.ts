import { expect, test, type Locator, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { findBenchmark } from "../src/lab/registry.ts";
import type { ResultsV1 } from "../src/lab/results.ts";
import { encodeShareFragment } from "../src/lab/share-link.ts";
import { collectErrors } from "./console-errors.ts";
import { clipboard, csvCells, saved } from "./exports.ts";

/**
 * Results that travel (DESIGN.md): a run exported in every format, shared as a link and opened in
 * another browser, kept in the history across a reload and compared with itself; and every kind
 * of bad input — link or file — refused with a message, shown as text, the page still working.
 */
const bench = findBenchmark("broadcast-temporaries");
const fixture = findBenchmark("conv2d-im2col");
const nativeText = readFileSync(fileURLToPath(new URL("./fixtures/results-native.json", import.meta.url)), "utf8");
const IMG = '<img src=x onerror="window.__injected = true">';

test.use({ permissions: ["clipboard-read", "clipboard-write"] });

async function open(page: Page, id: string, path: string): Promise<Locator> {
  await page.goto(path);
  const island = page.locator(`ec-bench[data-bench="${id}"]`);
  await expect(island.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  return island;
}

/** The Median column of the results table, source by source (its row groups). */
function medians(island: Locator, group: number): Promise<string[]> {
  return island
    .locator("table.ec-results tbody")
    .nth(group)
    .locator("tr")
    .evaluateAll((rows) =>
      rows.map((tr) => {
        const cells = [...(tr as HTMLTableRowElement).cells].filter(
          (c) => c.getAttribute("scope") !== "rowgroup" && !c.classList.contains("ec-case"),
        );
        return cells[2]?.textContent ?? "";
      }),
    );
}

test("a run exports in four formats, travels by link, stays in the history and compares with itself", async ({ page, browser }) => {
  const errors = collectErrors(page);
  const island = await open(page, bench.id, bench.chapter);
  await island.getByLabel("Threads").fill("1");
  await island.getByLabel("Quick run").check();
  await island.getByRole("button", { name: "Run", exact: true }).click();
  const json = island.getByRole("button", { name: "Download JSON" });
  await expect(json).toBeVisible({ timeout: 5 * 60_000 });

  const doc = JSON.parse(await saved(page, json)) as ResultsV1;
  const n = doc.results.length;
  expect(doc.env.commit).toMatch(/^([0-9a-f]{40}|unknown)$/);
  expect(doc.env.browserVersion).toBeTruthy();
  if (doc.env.crossOriginIsolated) expect(Object.values(doc.env.wasmSha256 ?? {})).toEqual([expect.stringMatching(/^[0-9a-f]{64}$/)]);

  const csv = (await saved(page, island.getByRole("button", { name: "Download CSV" }))).trimEnd().split("\n");
  expect(csv[0]).toBe("bench,case,variant,threads,median_ms,iqr_ms,min_ms,n,gflops,correct,max_error");
  expect(csv).toHaveLength(n + 1);
  const rows = csv.slice(1).map(csvCells);
  expect(rows.map((r) => r.length)).toEqual(Array(n).fill(11));
  expect(rows.map((r) => [r[1], r[2], Number(r[4])])).toEqual(doc.results.map((r) => [r.case, r.variant, r.median]));

  await island.getByRole("button", { name: "Copy Markdown" }).click();
  await expect(island.getByRole("status")).toHaveText("Copied the Markdown table to the clipboard.");
  const markdown = (await clipboard(page)).split("\n").filter((l) => l.startsWith("| "));
  expect(markdown).toHaveLength(n + 2); // head, rule, one row per result

  await island.getByRole("button", { name: "Copy LaTeX" }).click();
  await expect(island.getByRole("status")).toHaveText("Copied the LaTeX table to the clipboard.");
  const latex = await clipboard(page);
  expect(latex).toContain("\\toprule");
  expect(latex.split("\n").filter((l) => l.endsWith(" \\\\"))).toHaveLength(n + 1); // head and rows

  await island.getByRole("button", { name: "Cite" }).click();
  await expect(island.getByLabel("Citation")).toHaveValue(/^@misc\{everycore-broadcast-temporaries-\d{4},[\s\S]*Environment of this table/);

  await island.getByRole("button", { name: "Share link" }).click();
  await expect(island.getByLabel("Share link")).toHaveValue(/#bench=broadcast-temporaries&results=[A-Za-z0-9_-]+$/);
  await expect(island.getByRole("status")).toContainText("Copied the share link.");
  const link = await island.getByLabel("Share link").inputValue();
  expect(await clipboard(page)).toBe(link);
  const live = await medians(island, 0);
  expect(live).toHaveLength(n);

  // Another browser (a fresh context: no history, no storage) opens the link.
  const other = await browser.newContext();
  const reader = await other.newPage();
  const readerErrors = collectErrors(reader);
  await reader.goto(link);
  const shared = reader.locator(`ec-bench[data-bench="${bench.id}"]`);
  await expect(shared.locator('tbody th[scope="rowgroup"]')).toHaveText(/^Shared: /);
  expect(await medians(shared, 0)).toEqual(live);
  expect(readerErrors).toEqual([]);
  await other.close();

  // The run survives a reload in the history, and compared with itself shows no difference.
  await page.reload();
  await expect(island.getByRole("button", { name: "Run", exact: true })).toBeEnabled();
  await island.getByText("Your runs: history and comparison").click();
  const entries = island.locator('[data-part="history"] li');
  await expect(entries).toHaveCount(1);
  await expect(entries).toContainText("up to 1 thread");
  await entries.getByRole("button", { name: /^Compare / }).click();
  const verdicts = island.locator(".ec-comparison tbody tr");
  await expect(verdicts).toHaveCount(n);
  await expect(verdicts.locator("td:last-child")).toHaveText(Array(n).fill("no significant difference"));
  expect(errors).toEqual([]);
});

test("bad links and files are refused with a message, markup stays text, and the page still runs", async ({ page }) => {
  const errors = collectErrors(page);
  const visit = async (hash: string) => {
    await page.goto("about:blank");
    return open(page, fixture.id, `${fixture.chapter}#bench=${fixture.id}&${hash}`);
  };

  let island = await visit("results=<script>alert(1)</script>");
  await expect(island.getByRole("alert")).toHaveText(
    "The shared link could not be opened: the link is damaged: its results are not base64url text",
  );

  const { fragment } = await encodeShareFragment(JSON.parse(nativeText) as ResultsV1);
  island = await visit(fragment.slice(0, -40));
  await expect(island.getByRole("alert")).toContainText("The shared link could not be opened: the link is truncated or was altered");

  // Markup in every string a reader sees (the schema, dates and benchmark id must stay valid to import).
  const hostile = JSON.parse(nativeText, (key, value) =>
    typeof value === "string" && !["schema", "date", "bench"].includes(key) ? IMG : value,
  );
  island = await visit((await encodeShareFragment(hostile)).fragment);
  await expect(island.getByRole("alert")).toBeHidden();
  await expect(island.locator('tbody th[scope="rowgroup"]')).toHaveText(`Shared: ${IMG} / numpy ${IMG} / ${IMG}, 32 threads`);
  await expect(island.locator("tbody tr").first().locator("td").first()).toHaveText(IMG);

  const input = island.getByLabel("Import JSON");
  const alert = island.getByRole("alert");
  const file = (name: string, text: string | Buffer) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  await input.setInputFiles(file("huge.json", Buffer.alloc(10 * 2 ** 20, 32)));
  await expect(alert).toHaveText("huge.json: the file has 10.0 MB; at most 5 MB is accepted");
  await input.setInputFiles(file("other.json", JSON.stringify({ ...JSON.parse(nativeText), schema: "someone-else/results/v3" })));
  await expect(alert).toHaveText('other.json: schema: expected "every-core/results/v1", got "someone-else/results/v3"');
  await input.setInputFiles(file("markup.json", JSON.stringify(hostile)));
  await expect(alert).toBeHidden();
  await expect(island.locator('tbody th[scope="rowgroup"]')).toHaveCount(2);
  await island.locator('[data-part="sources"] summary').first().click();
  await expect(island.locator('[data-part="sources"] dd').first()).toHaveText(IMG);
  await expect(page.locator("ec-bench img")).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();

  await island.getByRole("button", { name: "Run", exact: true }).click();
  await expect(island.getByRole("status")).toContainText("Measuring");
  await island.getByRole("button", { name: "Cancel" }).click();
  await expect(island.getByRole("status")).toHaveText("Cancelled.");
  expect(errors).toEqual([]);
});
