import { benchmarks } from "../../lab/registry.ts";
import { gflops, threadsLabel } from "../bench/format.ts";
import { boundBy, shareOfRoof, type KernelPoint } from "./roofline-data.ts";

/** FLOPs per byte, to two significant digits below 10. */
export const intensityText = (x: number) => (x >= 10 ? x.toFixed(0) : x.toPrecision(2));

/** A variant's label as its benchmark declares it (its id when unknown). */
export function variantLabel(bench: string, variant: string): string {
  return benchmarks.find((b) => b.id === bench)?.variants.find((v) => v.id === variant)?.label ?? variant;
}

/** One sentence describing a point, for its tip, its aria-label and the table. */
export function describePoint(p: KernelPoint): string {
  const head = `${variantLabel(p.bench, p.variant)}, ${p.case}, ${threadsLabel(p.threads)}: ${gflops(p.gflops)} GFLOP/s at ${intensityText(p.intensity)} FLOP/byte`;
  if (!p.roof) return `${head}.`;
  return `${head}, ${boundBy(p.roof, p.intensity)}-bound, ${Math.round(100 * shareOfRoof(p, p.roof))}% of its roof.`;
}
