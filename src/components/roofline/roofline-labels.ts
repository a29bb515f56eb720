import type { Benchmark } from "../../lab/benchmark.ts";
import { BenchmarkText } from "../../lab/i18n/benchmark-text.ts";
import type { Locale } from "../../lab/i18n/locale.ts";
import { pageMessages } from "../i18n/messages.ts";
import { gflops, threadsLabel } from "../bench/format.ts";
import { boundBy, shareOfRoof, type KernelPoint } from "./roofline-data.ts";

/** FLOPs per byte, to two significant digits below 10. */
export const intensityText = (x: number) => (x >= 10 ? x.toFixed(0) : x.toPrecision(2));

/** Every variant's label by benchmark id and variant id: rendered by the server into the roofline. */
export type VariantLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

export function variantLabels(benchmarks: readonly Benchmark[], locale: Locale = "en"): VariantLabels {
  return Object.fromEntries(
    benchmarks.map((b) => {
      const text = new BenchmarkText(b, locale);
      return [b.id, Object.fromEntries(b.variants.map((v) => [v.id, text.variant(v.id)]))];
    }),
  );
}

/** "memory" or "compute", as the bound reads in the page's language. */
export function boundText(bound: "memory" | "compute"): string {
  return bound === "memory" ? pageMessages().boundMemory : pageMessages().boundCompute;
}

/** A variant's label as its benchmark declares it (its id when unknown). */
export function variantLabel(labels: VariantLabels, bench: string, variant: string): string {
  return labels[bench]?.[variant] ?? variant;
}

/** One sentence describing a point, for its tip, its aria-label and the table. */
export function describePoint(labels: VariantLabels, p: KernelPoint): string {
  const t = pageMessages();
  const head = t.pointHead(
    variantLabel(labels, p.bench, p.variant),
    p.case,
    threadsLabel(p.threads),
    gflops(p.gflops),
    intensityText(p.intensity),
  );
  if (!p.roof) return t.pointEnd(head);
  return t.pointBound(head, boundText(boundBy(p.roof, p.intensity)), Math.round(100 * shareOfRoof(p, p.roof)));
}
