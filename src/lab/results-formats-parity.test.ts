import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mulberry32 } from "../kernels/random.ts";
import { toCsv, toLatex, toMarkdown } from "./results-formats.ts";
import type { ResultV1, ResultsV1 } from "./results.ts";

const PYTHON_PACKAGE = new URL("../../python/", import.meta.url).pathname;

/** Figures across every range JavaScript formats differently, and exact rounding ties. */
function awkwardDocument(seed: number): ResultsV1 {
  const random = mulberry32(seed);
  const ties = [10.25, 0.125, 2.675, 1.005, 9.996, 0.0000015, 123456789012345680000, 5e-7, 1e21, 0.1 + 0.2];
  const figure = (i: number) => (i < ties.length ? ties[i]! : 10 ** (random() * 30 - 9) * (random() < 0.2 ? 1 : random()));
  const results: ResultV1[] = Array.from({ length: 40 }, (_, i) => {
    const median = figure(i);
    return {
      bench: i % 3 ? "gemm" : "conv_2d & 50% {x}",
      case: ["512³", "(1,64,56,56)→64", "k = 25 · 1/16", "#3 ~ ^ \\ $"][i % 4]!,
      variant: i % 5 ? `v-${i % 7}` : 'quoted "x", y',
      params: { n: i },
      threads: 1 + (i % 3),
      samples: [median],
      n: 5 + i,
      median,
      iqr: figure(i + 3) / 7,
      min: median * 0.9,
      ci95: [median, median],
      cv: 0.1,
      noisy: i % 4 === 0,
      ...(i % 6 ? { gflops: figure(i + 1) } : {}),
      ...(i % 2 ? { gbps: figure(i + 2) } : {}),
      correctness: { ok: i % 9 !== 0, maxError: i % 9 === 0 && i % 2 ? (null as unknown as number) : figure(i + 4) / 1e6, tolerance: 1e-3 },
    };
  });
  return {
    schema: "every-core/results/v1",
    env: {
      userAgent: "Mozilla/5.0 (X11) Chrome/156 — “quoted”",
      hardwareConcurrency: 32,
      crossOriginIsolated: true,
      timerResolutionMs: 0.005,
      wasm: { simd: true, threads: true, relaxedSimd: false },
      kernelIsa: "wasmsimd",
      siteVersion: "0.1.0",
      date: "2026-12-06T12:00:00.000Z",
      quick: false,
    },
    results,
    claims: [
      { id: "gemm/a", status: "pass", ratio: 1.8499999, required: 1.85 },
      { id: "gemm/b", status: "fail", ratio: 0.84, firstRatio: 0.5, required: 1.6 },
      { id: "gemm/d", status: "pass", ratio: 1.9, firstRatio: 1.2, by: "fastest", required: 1.85 },
      { id: "gemm/c", status: "unavailable", required: 2, reason: "needs 2 threads" },
    ],
    skipped: [],
    baselines: { gemm: "v-1" },
  };
}

function python(file: string, format: string): string {
  const script =
    "import json, sys; from everycore.lab.formats import render; sys.stdout.write(render(json.load(open(sys.argv[1], encoding='utf-8')), sys.argv[2]))";
  return execFileSync("python3", ["-c", script, file, format], {
    cwd: PYTHON_PACKAGE,
    encoding: "utf8",
    env: { ...process.env, PYTHONIOENCODING: "utf-8" },
  });
}

describe("results formats: TypeScript and Python render the same bytes", () => {
  const dir = mkdtempSync(join(tmpdir(), "ec-formats-"));
  for (const seed of [1, 2, 3]) {
    const doc = awkwardDocument(seed);
    const file = join(dir, `doc-${seed}.json`);
    writeFileSync(file, JSON.stringify(doc));
    // Python reads what a file holds: the document after a JSON round trip.
    const read = JSON.parse(JSON.stringify(doc)) as ResultsV1;
    it(`Markdown, CSV and LaTeX of document ${seed}`, () => {
      expect(python(file, "md")).toBe(toMarkdown(read));
      expect(python(file, "csv")).toBe(toCsv(read));
      expect(python(file, "tex")).toBe(toLatex(read));
    }, 60_000); // three Python start-ups: seconds on a busy machine
  }
});
