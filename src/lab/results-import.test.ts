import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { randomF32 } from "../kernels/random.ts";
import { defineBenchmark, type Params } from "./benchmark.ts";
import type { ResultsV1 } from "./results.ts";
import { IMPORT_LIMITS, parseResults } from "./results-import.ts";
import { runBenchmark } from "./run-benchmark.ts";

/** A real browser-side document: the harness runs a tiny benchmark (one copy, one skipped variant). */
async function harnessDoc(): Promise<ResultsV1> {
  const copy = defineBenchmark<Params & { n: number }, Float32Array>({
    id: "copy",
    title: "Copy",
    chapter: "/test/",
    caseAxis: "n",
    cases: [{ label: "n=64", params: { n: 64 } }],
    seed: 7,
    input: ({ n }, seed) => randomF32(n, seed),
    reference: (_, x) => x.slice(),
    baseline: "copy-f32-slice",
    flops: ({ n }) => n,
    bytes: ({ n }) => 8 * n, // read and write n floats: the results carry GB/s and intensity too
    tolerance: () => 0,
    variants: [
      {
        id: "copy-f32-slice",
        label: "slice",
        prepare(_, x) {
          let out = x.slice();
          return { run: () => void (out = x.slice()), output: () => out };
        },
      },
      { id: "copy-f32-wasm", label: "wasm", needsIsolation: true, prepare: () => ({ run() {}, output: () => new Float32Array() }) },
    ],
    claims: [
      {
        id: "copy/wasm",
        case: "n=64",
        faster: { variant: "copy-f32-wasm" },
        slower: { variant: "copy-f32-slice" },
        atLeast: 1,
        because: "test",
      },
    ],
  });
  return runBenchmark(copy, { quick: true, threads: 1 }, {}, () => {});
}

const nativeText = readFileSync(new URL("../../e2e/fixtures/results-native.json", import.meta.url), "utf8");

/** The native fixture with one change applied to its parsed JSON, as text again (`any`: a test breaks arbitrary JSON). */
function nativeWith(change: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(nativeText) as Record<string, any>;
  change(doc);
  return JSON.stringify(doc);
}

describe("parseResults accepts real documents", () => {
  it("round-trips a document the harness wrote, field for field", async () => {
    const doc = await harnessDoc();
    expect(doc.results).toHaveLength(1);
    expect(doc.skipped).toHaveLength(1);
    expect(doc.claims).toHaveLength(1);
    expect(doc.results[0]).toHaveProperty("gbps");
    expect(doc.results[0]).toHaveProperty("intensity");
    expect(parseResults(JSON.stringify(doc, null, 2))).toEqual(doc);
  });

  it("keeps a re-measured claim's first ratio and the statistic its last one compares", () => {
    const claim = { id: "c", status: "pass", ratio: 1.9, firstRatio: 1.2, by: "fastest", required: 1.85 };
    expect(parseResults(nativeWith((d) => (d.claims = [claim]))).claims).toEqual([claim]);
  });

  it("keeps the native environment of a Python run and drops fields it does not know", () => {
    const doc = parseResults(nativeText);
    expect(doc.env.native).toEqual({
      cpuModel: "AMD Ryzen 9 7950X 16-Core Processor",
      logicalCores: 32,
      physicalCores: 16,
      python: "CPython 3.12.3",
      numpy: "2.1.3",
      blas: { name: "openblas", version: "0.3.27", threads: 32 },
      threadEnv: {
        OMP_NUM_THREADS: null,
        OPENBLAS_NUM_THREADS: null,
        MKL_NUM_THREADS: null,
        VECLIB_MAXIMUM_THREADS: null,
        NUMEXPR_NUM_THREADS: null,
      },
    });
    expect(doc.results).toHaveLength(11);
    expect(doc.skipped).toEqual([{ variant: "conv2d-f32-direct-python", reason: "pure-Python loops take minutes on this case" }]);
    expect(Object.keys(doc)).toEqual(["schema", "env", "results", "claims", "skipped"]); // "note" dropped
  });

  it("keeps the runs that fell back to fewer threads for memory", () => {
    const reduced = {
      variant: "conv2d-f32-im2col-numpy",
      case: "c",
      requested: 256,
      threads: 92,
      bytesNeeded: 2e9,
      bytesAvailable: 1073740800,
    };
    expect(parseResults(nativeWith((d) => (d.threadsReduced = [reduced]))).threadsReduced).toEqual([reduced]);
  });

  it("keeps the baseline a file names for each benchmark", () => {
    const doc = parseResults(nativeWith((d) => (d.baselines = { "conv2d-im2col": "conv2d-f32-im2col-numpy" })));
    expect(doc.baselines).toEqual({ "conv2d-im2col": "conv2d-f32-im2col-numpy" });
  });

  it("reads null as absent for optional numbers, and a null maxError of a wrong result as infinite", () => {
    const doc = parseResults(
      nativeWith((d) => {
        d.results[0].gflops = null;
        d.results[1].correctness = { ok: false, maxError: null, tolerance: 1e-5 };
        d.results[2].extra = "<b>dropped</b>";
      }),
    );
    expect(doc.results[0]).not.toHaveProperty("gflops");
    expect(doc.results[1]!.correctness.maxError).toBe(Infinity);
    expect(doc.results[2]).not.toHaveProperty("extra");
  });

  it("keeps markup in strings as plain text (showing it as text is the page's job)", () => {
    const img = '<img src=x onerror="alert(1)">';
    const doc = parseResults(nativeWith((d) => ((d.env.userAgent = img), (d.results[0].variant = img))));
    expect(doc.env.userAgent).toBe(img);
    expect(doc.results[0]!.variant).toBe(img);
  });

  it("keeps the reproducibility fields of the environment, each optional", () => {
    const repro = {
      commit: "66866b164d9e6d6fa728f2f2f8adc2bf01a7dd0a",
      wasmSha256: { wasmrelaxedsimd: "a".repeat(64) },
      browserVersion: "Chromium 142.0.7444.59",
      os: "Linux 6.8.0",
      arch: "x86 64-bit",
      deviceMemory: 8,
      browserFlags: ["--disable-gpu", "--no-sandbox"],
      cpuModel: "AMD Ryzen 9 7950X",
    };
    expect(parseResults(nativeWith((d) => Object.assign(d.env, repro))).env).toMatchObject(repro);
    expect(Object.keys(parseResults(nativeWith((d) => (d.env.os = null))).env)).not.toContain("os");
  });
});

describe("parseResults refuses bad files, naming the offending path", () => {
  const refused: [string, string, string | RegExp][] = [
    ["truncated JSON", nativeText.slice(0, 200), /^the file is not valid JSON \(/],
    ["NaN, which JSON does not have", nativeText.replace('"median": ', '"median": NaN, "x": '), /^the file is not valid JSON/],
    ["an array", "[]", "the file: expected an object, got an array"],
    ["a string", '"results"', 'the file: expected an object, got "results"'],
    ["null", "null", "the file: expected an object, got null"],
    [
      "another schema",
      nativeWith((d) => (d.schema = "every-core/results/v2")),
      'schema: expected "every-core/results/v1", got "every-core/results/v2"',
    ],
    ["no schema", nativeWith((d) => delete d.schema), 'schema: expected "every-core/results/v1", got nothing (the field is missing)'],
    [
      "a median that is text",
      nativeWith((d) => (d.results[3].median = "abc")),
      'results[3].median: expected a finite number ≥ 0, got "abc"',
    ],
    [
      "an infinite median (1e999)",
      nativeText.replace(/"median": [\d.]+/, '"median": 1e999'),
      "results[0].median: expected a finite number ≥ 0, got Infinity",
    ],
    [
      "a negative sample",
      nativeWith((d) => (d.results[0].samples[2] = -0.5)),
      "results[0].samples[2]: expected a finite number ≥ 0, got -0.5",
    ],
    ["a fractional thread count", nativeWith((d) => (d.results[1].threads = 1.5)), "results[1].threads: expected an integer ≥ 1, got 1.5"],
    [
      "a string where a boolean belongs",
      nativeWith((d) => (d.results[0].noisy = "no")),
      'results[0].noisy: expected true or false, got "no"',
    ],
    [
      "a one-sided interval",
      nativeWith((d) => (d.results[0].ci95 = [1])),
      "results[0].ci95: expected two numbers [low, high], got an array",
    ],
    [
      "a null error on a correct result",
      nativeWith((d) => (d.results[0].correctness.maxError = null)),
      "results[0].correctness.maxError: expected a finite number ≥ 0, got null",
    ],
    [
      "an unknown claim status",
      nativeWith((d) => (d.claims = [{ id: "c", status: "maybe", required: 2 }])),
      'claims[0].status: expected "pass" or "fail" or "unavailable", got "maybe"',
    ],
    [
      "a claim compared by an unknown statistic",
      nativeWith((d) => (d.claims = [{ id: "c", status: "pass", ratio: 2, firstRatio: 1, by: "mean", required: 2 }])),
      'claims[0].by: expected "fastest", got "mean"',
    ],
    ["a date that is not one", nativeWith((d) => (d.env.date = "yesterday")), 'env.date: expected an ISO 8601 date, got "yesterday"'],
    [
      "an unknown BLAS thread type",
      nativeWith((d) => (d.env.native.blas.threads = "many")),
      'env.native.blas.threads: expected an integer ≥ 1, got "many"',
    ],
    [
      "a WebAssembly hash that is not hex SHA-256",
      nativeWith((d) => (d.env.wasmSha256 = { wasmsimd: "abc" })),
      'env.wasmSha256.wasmsimd: expected a SHA-256 in hex (64 characters 0-9a-f), got "abc"',
    ],
    [
      "browser flags that are not text",
      nativeWith((d) => (d.env.browserFlags = ["--a", 3])),
      "env.browserFlags[1]: expected a string, got 3",
    ],
    ["a negative device memory", nativeWith((d) => (d.env.deviceMemory = -1)), "env.deviceMemory: expected a finite number ≥ 0, got -1"],
    ["a long CPU model", nativeWith((d) => (d.env.cpuModel = "A".repeat(501))), "env.cpuModel: expected at most 500 characters, got 501"],
    ["a long string", nativeWith((d) => (d.env.userAgent = "A".repeat(501))), "env.userAgent: expected at most 500 characters, got 501"],
    [
      "a __proto__ parameter",
      nativeText.replace('"params": {', '"params": {"__proto__": 1, '),
      "results[0].params.__proto__: this key name is not allowed",
    ],
    [
      "a constructor variable",
      nativeWith((d) => (d.env.native.threadEnv = { constructor: "1" })),
      "env.native.threadEnv.constructor: this key name is not allowed",
    ],
    [
      "deep nesting where an object belongs",
      nativeWith((d) => (d.env.wasm = "DEEP")).replace('"DEEP"', "[".repeat(100_000) + "]".repeat(100_000)),
      "env.wasm: expected an object, got an array",
    ],
    [
      "too many samples",
      nativeWith((d) => (d.results[0].samples = new Array(10_001).fill(1))),
      "results[0].samples: expected at most 10000 entries, got 10001",
    ],
    ["too many results", nativeWith((d) => (d.results = new Array(10_001).fill(0))), "results: expected at most 10000 entries, got 10001"],
    [
      "a baseline the file did not measure",
      nativeWith((d) => (d.baselines = { "conv2d-im2col": "conv2d-f32-fastest" })),
      'baselines.conv2d-im2col: the file has no result of variant "conv2d-f32-fastest" for benchmark "conv2d-im2col"',
    ],
    [
      "a baseline of a benchmark not in the file",
      nativeWith((d) => (d.baselines = { gemm: "conv2d-f32-im2col-numpy" })),
      'baselines.gemm: the file has no result of variant "conv2d-f32-im2col-numpy" for benchmark "gemm"',
    ],
    [
      "a memory fallback to no thread",
      nativeWith((d) => (d.threadsReduced = [{ variant: "v", case: "c", requested: 4, threads: 0, bytesNeeded: 1, bytesAvailable: 1 }])),
      "threadsReduced[0].threads: expected an integer ≥ 1, got 0",
    ],
    [
      "a baseline that is not text",
      nativeWith((d) => (d.baselines = { "conv2d-im2col": 3 })),
      "baselines.conv2d-im2col: expected a string, got 3",
    ],
    [
      "a __proto__ baseline",
      nativeText.replace('"schema": ', '"baselines": {"__proto__": "x"}, "schema": '),
      "baselines.__proto__: this key name is not allowed",
    ],
  ];
  for (const [what, text, message] of refused) {
    it(`refuses ${what}`, () => {
      expect(() => parseResults(text)).toThrow(message);
    });
  }

  it("refuses text over the size limit before parsing it", () => {
    expect(() => parseResults(nativeText, { ...IMPORT_LIMITS, maxChars: 1000 })).toThrow(
      `the file holds ${nativeText.length} characters; at most 1000 are accepted`,
    );
    expect(IMPORT_LIMITS.maxChars).toBe(5 * 2 ** 20);
  });

  it("ignores deep nesting and prototype keys in fields it does not read, and pollutes nothing", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    const text = nativeText
      .replace("{", `{"__proto__": {"polluted": true}, "deep": ${deep}, `)
      .replace('"env": {', '"env": {"__proto__": {"polluted": true}, ');
    const doc = parseResults(text);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.hasOwn(doc, "__proto__")).toBe(false);
    expect(Object.hasOwn(doc.env, "__proto__")).toBe(false);
    expect((doc.env as unknown as Record<string, unknown>)["polluted"]).toBeUndefined();
  });
});
