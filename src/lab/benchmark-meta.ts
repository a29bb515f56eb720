import type { Benchmark } from "./benchmark.ts";
import { BenchmarkText } from "./i18n/benchmark-text.ts";
import type { Locale } from "./i18n/locale.ts";

/**
 * What a page shows of a benchmark, as plain data: the server renders it into the island (a
 * `data-meta` attribute), so the page's main thread never loads the declaration or its kernels;
 * only the runner worker does, when the reader presses Run. Its text is in the page's locale.
 */
export interface BenchmarkMeta {
  id: string;
  title: string;
  caseAxis: string;
  /** `label` is the case's id in results; `text` what the reader sees. */
  cases: readonly { label: string; text: string }[];
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

export function benchmarkMeta(bench: Benchmark, locale: Locale = "en"): BenchmarkMeta {
  const text = new BenchmarkText(bench, locale);
  return {
    id: bench.id,
    title: text.title,
    caseAxis: text.caseAxis,
    cases: bench.cases.map(({ label }) => ({ label, text: text.caseText(label) })),
    baseline: bench.baseline,
    variants: bench.variants.map((v) => ({ ...v, label: text.variant(v.id) })),
    claims: bench.claims.map((c) => ({ id: c.id, sentence: text.claimSentence(c.id), because: text.because(c.id) })),
  };
}
