import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  browserName,
  describeEnv,
  ENGLISH_ENV_TERMS,
  envFacts,
  importedSource,
  LIVE_SOURCE_LABEL,
  liveSource,
  sourceBaseline,
} from "./result-source.ts";
import type { EnvV1, ResultV1 } from "./results.ts";
import { parseResults } from "./results-import.ts";

const native = parseResults(readFileSync(new URL("../../e2e/fixtures/results-native.json", import.meta.url), "utf8"));
const bench = { id: "conv2d-im2col", baseline: "conv2d-f32-direct-ref" };

const chrome: EnvV1 = {
  userAgent: "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36",
  hardwareConcurrency: 16,
  crossOriginIsolated: true,
  timerResolutionMs: 0.005,
  wasm: { simd: true, threads: true, relaxedSimd: true },
  kernelIsa: "wasmrelaxedsimd",
  siteVersion: "0.1.0",
  date: "2026-11-23T10:00:00.000Z",
  quick: false,
};

const result = (variant: string, threads = 1): ResultV1 => ({
  ...native.results[0]!,
  variant,
  threads,
});

describe("browserName", () => {
  it.each([
    [chrome.userAgent, "Chrome 142"],
    [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/142.0.7444.0 Safari/537.36",
      "Headless Chrome 142",
    ],
    [
      "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/141.0.0.0 Safari/537.36 Edg/141.0.0.0",
      "Edge 141",
    ],
    ["Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0", "Firefox 133"],
    ["Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15", "Safari 18"],
    ["SomeBrowser/1", "SomeBrowser/1"],
    ["", "unknown browser"],
  ])("names %s", (ua, name) => expect(browserName(ua)).toBe(name));
});

describe("describeEnv and envFacts", () => {
  it("name a browser by its engine and a native run by its numeric stack, with the machine's threads", () => {
    expect(describeEnv(chrome)).toBe("Chrome 142, 16 threads");
    expect(describeEnv(native.env)).toBe("CPython 3.12.3 / numpy 2.1.3 / openblas, 32 threads");
    expect(describeEnv({ ...native.env, native: { ...native.env.native!, python: "3.11.9" } })).toMatch(/^Python 3\.11\.9 \//);
  });

  it("list the CPU, cores, BLAS and thread variables of a native run", () => {
    const facts = Object.fromEntries(envFacts(native.env));
    expect(facts).toMatchObject({
      CPU: "AMD Ryzen 9 7950X 16-Core Processor",
      Cores: "32 logical, 16 physical",
      BLAS: "openblas 0.3.27, 32 threads",
      Date: "2026-11-20T09:30:00+00:00",
    });
    expect(facts["Thread variables"]).toContain("OMP_NUM_THREADS=unset");
    const unknown = {
      ...native.env.native!,
      cpuModel: null,
      physicalCores: null,
      blas: { name: "accelerate", version: null, threads: null },
    };
    expect(Object.fromEntries(envFacts({ ...native.env, native: unknown }))).toMatchObject({
      CPU: "unknown",
      Cores: "32 logical, unknown physical",
      BLAS: "accelerate, thread count unknown",
    });
  });

  it("list the browser, isolation and kernels of a browser run", () => {
    expect(Object.fromEntries(envFacts(chrome))).toMatchObject({
      Browser: chrome.userAgent,
      "Hardware threads": "16",
      "Cross-origin isolated": "yes",
      "WebAssembly kernels": "wasmrelaxedsimd",
    });
  });

  it("speak the words they are given: every term, fixed value and thread count", () => {
    const words = {
      ...ENGLISH_ENV_TERMS,
      envCores: "Kerne",
      envCoresValue: (logical: string, physical: string) => `${logical} logisch / ${physical} physisch`,
      envUnknown: "?",
      envIsolated: "isoliert",
      envYes: "ja",
      threadCount: (n: number) => `${n} Threads`,
    };
    const unknown = { ...native.env.native!, physicalCores: null };
    expect(Object.fromEntries(envFacts({ ...native.env, native: unknown }, words))).toMatchObject({
      Kerne: "32 logisch / ? physisch",
      BLAS: "openblas 0.3.27, 32 Threads",
    });
    expect(Object.fromEntries(envFacts(chrome, words))).toMatchObject({ isoliert: "ja" });
  });
});

describe("sourceBaseline", () => {
  it("is the benchmark's baseline when the source measured it", () => {
    expect(sourceBaseline("conv2d-f32-direct-ref", [result("conv2d-f32-im2col-gemm-ts"), result("conv2d-f32-direct-ref")])).toBe(
      "conv2d-f32-direct-ref",
    );
  });

  it("is the same method on another engine otherwise, never a variant with more to its name", () => {
    expect(sourceBaseline("conv2d-f32-direct-ref", [result("conv2d-f32-direct-python-threads"), result("conv2d-f32-direct-python")])).toBe(
      "conv2d-f32-direct-python",
    );
    expect(sourceBaseline("conv2d-f32-direct-ref", [result("conv2d-f32-im2col-numpy")])).toBeUndefined();
    expect(sourceBaseline("ref", [result("ref-python")])).toBeUndefined();
  });
});

describe("importedSource", () => {
  it("keeps this benchmark's results, labels the file by its environment and finds its baseline", () => {
    const other = { ...native, results: [...native.results, { ...native.results[0]!, bench: "gemm" }] };
    const source = importedSource(other, bench, []);
    expect(source).toMatchObject({
      label: "Imported: CPython 3.12.3 / numpy 2.1.3 / openblas, 32 threads",
      imported: true,
      baseline: "conv2d-f32-direct-python",
    });
    expect(source.results).toHaveLength(11);
  });

  it("uses the baseline the file names for this benchmark over a guess by name", () => {
    const named = { ...native, baselines: { "conv2d-im2col": "conv2d-f32-im2col-numpy", gemm: "gemm-f32-matmul-numpy" } };
    expect(importedSource(named, bench, []).baseline).toBe("conv2d-f32-im2col-numpy");
    expect(importedSource({ ...native, baselines: { gemm: "gemm-f32-matmul-numpy" } }, bench, []).baseline).toBe(
      "conv2d-f32-direct-python",
    );
  });

  it("numbers a label already shown", () => {
    const first = importedSource(native, bench, [LIVE_SOURCE_LABEL]);
    const second = importedSource(native, bench, [LIVE_SOURCE_LABEL, first.label]);
    expect(importedSource(native, bench, [first.label, second.label]).label).toBe(`${first.label} (3)`);
    expect(second.label).toBe(`${first.label} (2)`);
  });

  it("refuses a file without results for this benchmark, naming what it holds", () => {
    expect(() => importedSource(native, { id: "gemm", baseline: "gemm-f32-ref" }, [])).toThrow(
      "this file has no results for benchmark gemm (it has results for conv2d-im2col)",
    );
    expect(() => importedSource({ ...native, results: [] }, bench, [])).toThrow("(it has no results at all)");
  });
});

describe("liveSource", () => {
  it("uses the benchmark's baseline", () => {
    expect(liveSource(bench, [])).toEqual({
      label: LIVE_SOURCE_LABEL,
      imported: false,
      env: undefined,
      results: [],
      baseline: bench.baseline,
    });
  });
});
