import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { LEGACY_VARIANT_IDS, LEGACY_VARIANT_IDS_BY_BENCH } from "./legacy-variant-ids.ts";
import { findBenchmark } from "./registry.ts";
import { parseResults } from "./results-import.ts";
import { toMarkdown } from "./results-formats.ts";

// A results file saved before kernels had one name each: the full `npm run bench` of 2026-12-06
// (relaxed-SIMD build), trimmed to one result per benchmark and variant, three samples each.
const oldText = readFileSync(new URL("../../e2e/fixtures/results-before-vocabulary.json", import.meta.url), "utf8");
const oldIds = new Set([...Object.keys(LEGACY_VARIANT_IDS), ...Object.values(LEGACY_VARIANT_IDS_BY_BENCH).flatMap(Object.keys)]);
const variantIds = (bench: string) => new Set(findBenchmark(bench).variants.map((v) => v.id));

describe("a results file with the variant ids of before the kernel-name vocabulary", () => {
  const doc = parseResults(oldText);
  const saved = new Set(doc.results.map((r) => r.bench));

  it("is the kind of file the table is for: most of its variants carry their old names", () => {
    const savedIds = (JSON.parse(oldText) as { results: { variant: string }[] }).results.map((r) => r.variant);
    expect(savedIds.filter((id) => oldIds.has(id)).length).toBeGreaterThan(savedIds.length / 2);
  });

  it("imports under today's names: every result is a variant its benchmark declares", () => {
    for (const r of doc.results) expect(variantIds(r.bench), `${r.bench}: ${r.variant}`).toContain(r.variant);
    expect(saved.size).toBeGreaterThanOrEqual(20); // every benchmark of the day
  });

  it("names each benchmark's baseline as the declaration does, and the build by today's ISA token", () => {
    for (const bench of saved) expect(doc.baselines?.[bench], bench).toBe(findBenchmark(bench).baseline);
    expect(doc.env.kernelIsa).toBe("wasmrelaxedsimd");
  });

  it("renames by benchmark where one old id became two names", () => {
    const peak = (bench: string) =>
      doc.results.filter((r) => r.bench === bench && r.variant.startsWith("peak-f32x4-fma-")).map((r) => r.variant);
    expect(peak("machine-peak")).toEqual(["peak-f32x4-fma-wasmrelaxedsimd-threads"]);
    expect(peak("gemm")).toEqual(["peak-f32x4-fma-wasmrelaxedsimd"]);
  });

  it("renders with the new names only", () => {
    const table = toMarkdown(doc);
    expect(table).toContain("| gemm-f32-6x8-packed-wasmrelaxedsimd-threads |");
    const words = new Set(table.split(/[\s|]+/));
    expect([...oldIds].filter((id) => words.has(id))).toEqual([]);
  });

  it("maps the keys of the build hashes too, and leaves ids and builds that were never renamed alone", () => {
    const file = JSON.parse(oldText) as { env: Record<string, unknown>; skipped: unknown[] };
    file.env.wasmSha256 = { "wasm-relaxed": "a".repeat(64), wasmsimd: "b".repeat(64) };
    file.skipped = [
      { variant: "triad-f32-wasm-threads", reason: "not isolated" },
      { variant: "constructor", reason: "odd" },
    ];
    const again = parseResults(JSON.stringify(file));
    expect(again.env.wasmSha256).toEqual({ wasmrelaxedsimd: "a".repeat(64), wasmsimd: "b".repeat(64) });
    expect(again.skipped.map((s) => s.variant)).toEqual(["triad-f32-wasmrelaxedsimd-threads", "constructor"]);
  });
});
