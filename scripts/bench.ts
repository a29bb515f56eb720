/**
 * npm run bench -- [--filter ID] [--threads N] [--quick] [--out FILE]
 * Runs the registered benchmarks in headless Chromium on this machine, through the same island
 * code a reader uses, and writes the results JSON (every-core/results/v1) and, beside it, the same
 * results as Markdown, CSV and LaTeX.
 */
import { writeFile } from "node:fs/promises";
import { cpus } from "node:os";
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { chromium, type Locator } from "@playwright/test";
import { preview } from "astro";
import { benchmarks, selectBenchmarks } from "../src/lab/registry.ts";
import { toCsv, toLatex, toMarkdown } from "../src/lab/results-formats.ts";
import type { ResultsV1 } from "../src/lab/results.ts";
import { MAX_RUN_THREADS, threadsNote } from "../src/lab/run-threads.ts";
import { threadsReducedNote } from "../src/lab/wasm-memory-fit.ts";
import { chromiumLaunchOptions } from "./chromium.ts";
import { staleBuildCause } from "./stale-build.ts";

const { values } = parseArgs({
  options: {
    filter: { type: "string" },
    threads: { type: "string" },
    quick: { type: "boolean", default: false },
    out: { type: "string", default: "results.json" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  console.log("npm run bench -- [--filter ID] [--threads N] [--quick] [--out FILE]");
  process.exit(0);
}

const selected = selectBenchmarks(values.filter);
if (selected.length === 0) {
  console.error(`No benchmark matches --filter ${values.filter}. Known: ${benchmarks.map((b) => b.id).join(", ")}`);
  process.exit(2);
}
const threadsArg = values.threads === undefined ? undefined : Number(values.threads);
// Past the cores the browser reports is allowed (an oversubscribed run is still correct), up to the pool's bound.
if (threadsArg !== undefined && !(Number.isInteger(threadsArg) && threadsArg >= 1 && threadsArg <= MAX_RUN_THREADS)) {
  console.error(`invalid --threads: ${values.threads} (expected an integer from 1 to ${MAX_RUN_THREADS})`);
  process.exit(2);
}

// The benchmarks run from the built site: rebuild it when a source changed since, so a run never
// measures yesterday's kernels.
const stale = staleBuildCause(process.cwd());
if (stale) {
  console.log(`Building the site first (npm run build): ${stale} is newer than the build…`);
  if (spawnSync("npm", ["run", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}

/** Prints the island's status line whenever it changes, so a long run shows its progress. */
function echoStatus(status: Locator): () => void {
  let last = "";
  const timer = setInterval(async () => {
    const text = (await status.textContent().catch(() => "")) ?? "";
    if (text && text !== last) console.log(`  ${(last = text)}`);
  }, 1000);
  return () => clearInterval(timer);
}

const server = await preview({ root: process.cwd(), logLevel: "error", server: { port: 4329 } });
const launch = chromiumLaunchOptions();
const browser = await chromium.launch(launch);
let exitCode = 0;
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e.message}`));
  await page.goto(`http://localhost:${server.port}/lab/`);
  const reported = await page.evaluate(() => navigator.hardwareConcurrency);
  const threads = threadsArg ?? reported;
  const note = threadsNote(threads, reported);
  if (note) console.log(`--threads ${threads}: ${note}`);
  const docs: ResultsV1[] = [];
  for (const bench of selected) {
    console.log(`Running ${bench.id} (${values.quick ? "quick" : "full"}, up to ${threads} threads)…`);
    const stopEcho = echoStatus(page.locator(`ec-bench[data-bench="${bench.id}"] [data-part="status"]`));
    const doc = await page
      .evaluate(
        ({ id, options }) =>
          (document.querySelector(`ec-bench[data-bench="${id}"]`) as unknown as { run(o: typeof options): Promise<ResultsV1> }).run(
            options,
          ),
        // The flags go into each results file's env, so a reader of the file knows how Chromium ran.
        { id: bench.id, options: { quick: values.quick, threads, browserFlags: launch.args ?? [] } },
      )
      .finally(stopEcho);
    // A case whose threads did not all fit in the WebAssembly memory ran on fewer: say so here too.
    for (const r of doc.threadsReduced ?? []) console.log(`  ${bench.id}: ${threadsReducedNote(r)}`);
    docs.push(doc);
  }
  // A page cannot know the CPU; the CLI runs on the same machine as its browser, so it can.
  const cpuModel = cpus()[0]?.model.trim();
  const merged: ResultsV1 = {
    ...docs[0]!,
    env: { ...docs[0]!.env, ...(cpuModel ? { cpuModel } : {}) },
    results: docs.flatMap((d) => d.results),
    claims: docs.flatMap((d) => d.claims),
    skipped: docs.flatMap((d) => d.skipped),
    ...(docs.some((d) => d.threadsReduced) ? { threadsReduced: docs.flatMap((d) => d.threadsReduced ?? []) } : {}),
    baselines: Object.fromEntries(selected.map((b) => [b.id, b.baseline])),
  };
  const markdown = toMarkdown(merged);
  const stem = values.out.replace(/\.json$/, "");
  await writeFile(values.out, JSON.stringify(merged, null, 2) + "\n");
  await writeFile(`${stem}.md`, markdown + "\n");
  await writeFile(`${stem}.csv`, toCsv(merged));
  await writeFile(`${stem}.tex`, toLatex(merged));
  console.log(`\n${markdown}\nWrote ${values.out} and, beside it, the same results as .md, .csv and .tex.`);
  if (merged.results.some((r) => !r.correctness.ok)) {
    console.error("Some results were NOT correct.");
    exitCode = 1;
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exit(exitCode);
