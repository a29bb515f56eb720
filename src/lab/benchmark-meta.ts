import type { Benchmark } from "./benchmark.ts";
import { threadsText, type Claim, type ClaimSide } from "./claims.ts";

/**
 * What a page shows of a benchmark, as plain data: the server renders it into the island (a
 * `data-meta` attribute), so the page's main thread never loads the declaration or its kernels;
 * only the runner worker does, when the reader presses Run.
 */
export interface BenchmarkMeta {
  id: string;
  title: string;
  caseAxis: string;
  cases: readonly { label: string }[];
  baseline: string;
  variants: Benchmark["variants"];
  claims: readonly ClaimMeta[];
}

/** A claim as the page states it; whether it held is the runner's verdict, in the results document. */
export interface ClaimMeta {
  id: string;
  /** "A on 4 threads is at least 2× as fast as B on 1 thread on 512³". */
  sentence: string;
  because: string;
}

/** One side of a claim for prose: "Packed 6×8 (WebAssembly) on 4 threads". */
export function claimSideText(bench: Pick<Benchmark, "variants">, side: ClaimSide): string {
  const label = bench.variants.find((v) => v.id === side.variant)?.label ?? side.variant;
  return `${label} on ${threadsText(side.threads)}`;
}

export function claimSentence(bench: Pick<Benchmark, "variants">, claim: Claim): string {
  return `${claimSideText(bench, claim.faster)} is at least ${claim.atLeast}× as fast as ${claimSideText(bench, claim.slower)} on ${claim.case}`;
}

export function benchmarkMeta(bench: Benchmark): BenchmarkMeta {
  return {
    id: bench.id,
    title: bench.title,
    caseAxis: bench.caseAxis,
    cases: bench.cases.map(({ label }) => ({ label })),
    baseline: bench.baseline,
    variants: bench.variants,
    claims: bench.claims.map((c) => ({ id: c.id, sentence: claimSentence(bench, c), because: c.because })),
  };
}
