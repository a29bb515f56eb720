import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type ReferenceWords, readGallery, readReferenceRun, referenceLabel, referenceSource } from "./gallery.ts";
import { crossMachineTable, galleryBenches, scalingPoints } from "./gallery-views.ts";
import type { ResultV1, ResultsV1 } from "./results.ts";

/** The native fixture (a quick run of the companion), made a full run as the gallery wants. */
const native: ResultsV1 = JSON.parse(readFileSync(new URL("../../e2e/fixtures/results-native.json", import.meta.url), "utf8"));
native.env.quick = false;

function result(bench: string, variant: string, threads: number, median: number, testCase = "n=1"): ResultV1 {
  return {
    bench,
    case: testCase,
    variant,
    params: {},
    threads,
    samples: [median, median],
    n: 2,
    median,
    iqr: 0,
    min: median,
    ci95: [median, median],
    cv: 0,
    noisy: false,
    correctness: { ok: true, maxError: 0, tolerance: 0 },
  };
}

/** A browser run as `npm run bench` writes it, with the given results. */
function browserDoc(results: ResultV1[], date = "2026-12-06T15:00:00.000Z"): ResultsV1 {
  return {
    schema: "every-core/results/v1",
    env: {
      userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/156.0.0.0 Safari/537.36",
      hardwareConcurrency: 2,
      crossOriginIsolated: true,
      timerResolutionMs: 0.005,
      wasm: { simd: true, threads: true, relaxedSimd: true },
      kernelIsa: "wasmrelaxedsimd",
      siteVersion: "0.1.0",
      date,
      quick: false,
      cpuModel: "AMD EPYC 9B14",
    },
    results,
    claims: [],
    skipped: [],
  };
}

const text = (doc: unknown) => JSON.stringify(doc);
const browser = browserDoc([result("gemm", "gemm-a", 1, 10), result("gemm", "gemm-a", 2, 5.5), result("copy", "copy-a", 1, 1)]);

describe("readReferenceRun: a gallery file is a valid full run named for its machine and kind", () => {
  it("reads a browser and a native run, each labelled by its CPU and engine", () => {
    const b = readReferenceRun("epyc-browser.json", text(browser));
    expect(b).toMatchObject({ file: "epyc-browser.json", kind: "browser", label: "AMD EPYC 9B14 · Headless Chrome 156, 2 threads" });
    const n = readReferenceRun("ryzen-7950x-native.json", text(native));
    expect(n.kind).toBe("native");
    expect(n.label).toBe("AMD Ryzen 9 7950X 16-Core Processor · CPython 3.12.3 / numpy 2.1.3 / openblas, 32 threads");
    expect(n.doc.results).toHaveLength(native.results.length);
  });

  it("labels a browser run without a CPU model by its engine alone", () => {
    const { cpuModel: _, ...env } = browser.env;
    expect(readReferenceRun("ci-browser.json", text({ ...browser, env })).label).toBe("Headless Chrome 156, 2 threads");
  });

  it.each([
    ["Epyc-browser.json", "the name must be the machine in lowercase words joined by hyphens"],
    ["epyc.json", "then -browser.json or -native.json"],
    ["epyc--browser.json", "lowercase words joined by hyphens"],
    ["../epyc-browser.json", "lowercase words joined by hyphens"],
  ])("refuses the name %s", (name, message) => {
    expect(() => readReferenceRun(name, text(browser))).toThrow(message);
  });

  it("refuses a file whose kind is not the one its name says", () => {
    expect(() => readReferenceRun("ryzen-browser.json", text(native))).toThrow(
      "the name says a browser run, but the file is a native run (env.native is present): name it …-native.json",
    );
    expect(() => readReferenceRun("epyc-native.json", text(browser))).toThrow("the name says a native run, but the file is a browser run");
  });

  it("refuses a quick run, an empty run, and what the importer refuses, with the importer's message", () => {
    expect(() => readReferenceRun("epyc-browser.json", text({ ...browser, env: { ...browser.env, quick: true } }))).toThrow(
      "env.quick is true: a reference run is a full run",
    );
    expect(() => readReferenceRun("epyc-browser.json", text({ ...browser, results: [] }))).toThrow("results is empty");
    expect(() => readReferenceRun("epyc-browser.json", "{")).toThrow("the file is not valid JSON");
    expect(() => readReferenceRun("epyc-browser.json", text({ ...browser, schema: "every-core/results/v2" }))).toThrow(
      'schema: expected "every-core/results/v1", got "every-core/results/v2"',
    );
    const bad = structuredClone(browser) as unknown as { results: { median: unknown }[] };
    bad.results[1]!.median = "<img src=x onerror=alert(1)>";
    expect(() => readReferenceRun("epyc-browser.json", text(bad))).toThrow('results[1].median: expected a finite number ≥ 0, got "<img');
  });
});

describe("readGallery", () => {
  it("reads every file in name order", () => {
    const runs = readGallery([
      { file: "b-native.json", text: text(native) },
      { file: "a-browser.json", text: text(browser) },
    ]);
    expect(runs.map((r) => r.file)).toEqual(["a-browser.json", "b-native.json"]);
  });

  it("fails on the first bad file, naming its path and its problem", () => {
    expect(() =>
      readGallery([
        { file: "a-browser.json", text: text(browser) },
        { file: "b-browser.json", text: text({ ...browser, results: "none" }) },
      ]),
    ).toThrow('src/content/results/b-browser.json: results: expected an array, got "none"');
  });
});

describe("the gallery's views", () => {
  const other = browserDoc([result("gemm", "gemm-a", 1, 20), result("gemm", "gemm-b", 1, 30), result("gemm", "gemm-a", 2, 10)]);
  other.env.cpuModel = "Intel Core i5";
  const runs = readGallery([
    { file: "a-browser.json", text: text(browser) },
    { file: "b-browser.json", text: text(other) },
  ]);

  it("lists the benchmarks in the order first met", () => {
    expect(galleryBenches(runs)).toEqual(["gemm", "copy"]);
  });

  it("puts each configuration in one row with a median per machine, blank where a run did not measure it", () => {
    const t = crossMachineTable(runs, "gemm");
    expect(t.runs.map((r) => r.file)).toEqual(["a-browser.json", "b-browser.json"]);
    expect(t.rows).toEqual([
      { case: "n=1", variant: "gemm-a", threads: 1, medians: [10, 20] },
      { case: "n=1", variant: "gemm-a", threads: 2, medians: [5.5, 10] },
      { case: "n=1", variant: "gemm-b", threads: 1, medians: [undefined, 30] },
    ]);
    // Only the runs that measured a benchmark get a column.
    expect(crossMachineTable(runs, "copy").runs.map((r) => r.file)).toEqual(["a-browser.json"]);
  });

  it("draws a scaling line per variant measured at 1 thread and more, on its case with the most thread counts", () => {
    const scaled = readGallery([
      {
        file: "a-browser.json",
        text: text(
          browserDoc([
            result("gemm", "gemm-a", 1, 8, "small"),
            result("gemm", "gemm-a", 2, 4, "small"),
            result("gemm", "gemm-a", 1, 80, "large"),
            result("gemm", "gemm-a", 2, 50, "large"),
            result("gemm", "gemm-a", 4, 25, "large"),
            result("gemm", "gemm-b", 2, 1, "large"), // no one-thread time: no line
          ]),
        ),
      },
    ]);
    expect(scalingPoints(scaled, "gemm")).toEqual([
      { run: "AMD EPYC 9B14 · Headless Chrome 156, 2 threads", variant: "gemm-a", case: "large", threads: 1, speedup: 1 },
      { run: "AMD EPYC 9B14 · Headless Chrome 156, 2 threads", variant: "gemm-a", case: "large", threads: 2, speedup: 1.6 },
      { run: "AMD EPYC 9B14 · Headless Chrome 156, 2 threads", variant: "gemm-a", case: "large", threads: 4, speedup: 3.2 },
    ]);
    expect(scalingPoints(runs, "copy")).toEqual([]);
  });
});

describe("referenceSource", () => {
  const run = readReferenceRun("epyc-browser.json", text(browser));
  const words: ReferenceWords = {
    live: "live",
    threads: (n) => `${n} hilos`,
    reference: (kind, date, machine) => `ref ${kind} ${date} [${machine}]`,
  };

  it("labels a run's rows of one benchmark in the page's words, without their samples", () => {
    const source = referenceSource(run, { id: "gemm", baseline: "gemm-a" }, words)!;
    expect(source.label).toBe("ref browser 2026-12-06 [AMD EPYC 9B14 · Headless Chrome 156, 2 hilos]");
    expect(referenceLabel(browser, words)).toBe("AMD EPYC 9B14 · Headless Chrome 156, 2 hilos");
    expect(source.results.map((r) => [r.variant, r.threads, r.samples])).toEqual([
      ["gemm-a", 1, []],
      ["gemm-a", 2, []],
    ]);
  });

  it("is undefined for a benchmark the run did not measure", () => {
    expect(referenceSource(run, { id: "median-filter", baseline: "x" }, words)).toBeUndefined();
  });
});
