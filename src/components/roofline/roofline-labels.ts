import type { Benchmark } from "../../lab/benchmark.ts";
import { gflops, threadsLabel } from "../bench/format.ts";
import { boundBy, shareOfRoof, type KernelPoint } from "./roofline-data.ts";

/** FLOPs per byte, to two significant digits below 10. */
export const intensityText = (x: number) => (x >= 10 ? x.toFixed(0) : x.toPrecision(2));

/** Every variant's label by benchmark id and variant id: rendered by the server into the roofline. */
export type VariantLabels = Readonly<Record<string, Readonly<Record<string, string>>>>;

export function variantLabels(benchmarks: readonly Pick<Benchmark, "id" | "variants">[]): VariantLabels {
  return Object.fromEntries(benchmarks.map((b) => [b.id, Object.fromEntries(b.variants.map((v) => [v.id, v.label]))]));
}

/** A variant's label as its benchmark declares it (its id when unknown). */
export function variantLabel(labels: VariantLabels, bench: string, variant: string): string {
  return labels[bench]?.[variant] ?? variant;
}

/** One sentence describing a point, for its tip, its aria-label and the table. */
export function describePoint(labels: VariantLabels, p: KernelPoint): string {
  const head = `${variantLabel(labels, p.bench, p.variant)}, ${p.case}, ${threadsLabel(p.threads)}: ${gflops(p.gflops)} GFLOP/s at ${intensityText(p.intensity)} FLOP/byte`;
  if (!p.roof) return `${head}.`;
  return `${head}, ${boundBy(p.roof, p.intensity)}-bound, ${Math.round(100 * shareOfRoof(p, p.roof))}% of its roof.`;
}
