import { mulberry32 } from "../kernels/random.ts";
import type { ResultV1 } from "./results.ts";
import { quantile } from "./stats.ts";

/** What a comparison concludes about the second source against the first. */
export type Verdict = "faster" | "slower" | "no significant difference";

/**
 * How the interval was found: "bootstrap" resamples both sources' stored samples; "ci" is used
 * when either source has no samples (a link that dropped them, an old file) and bounds the ratio
 * by the two medians' own 95% CIs — wider than the bootstrap's, so it errs towards "no difference".
 */
export type CompareMethod = "bootstrap" | "ci";

export interface Comparison {
  case: string;
  variant: string;
  threads: number;
  /** Median time of the first source over that of the second: above 1, the second is faster. */
  ratio: number;
  ci95: [number, number];
  method: CompareMethod;
  verdict: Verdict;
}

function medianOf(values: number[]): number {
  return quantile(
    values.sort((a, b) => a - b),
    0.5,
  );
}

/** 95% bootstrap CI of median(a) / median(b): both resampled independently, seeded. */
export function bootstrapRatioCI(a: readonly number[], b: readonly number[], resamples = 2000, seed = 1): [number, number] {
  const next = mulberry32(seed);
  const draw = (xs: readonly number[]) => medianOf(Array.from(xs, () => xs[Math.floor(next() * xs.length)]!));
  const ratios = Array.from({ length: resamples }, () => draw(a) / draw(b)).sort((x, y) => x - y);
  return [quantile(ratios, 0.025), quantile(ratios, 0.975)];
}

/** The ratio's interval from the two medians' CIs alone: [low₁ / high₂, high₁ / low₂]. */
function ciOnlyRatio(first: ResultV1, second: ResultV1): [number, number] {
  const [lo1, hi1] = first.ci95;
  const [lo2, hi2] = second.ci95;
  return [hi2 > 0 ? lo1 / hi2 : 0, lo2 > 0 ? hi1 / lo2 : Infinity];
}

export function verdictOf([lo, hi]: [number, number]): Verdict {
  if (lo > 1) return "faster";
  if (hi < 1) return "slower";
  return "no significant difference";
}

/**
 * Every measurement the two sources share (same case, variant and thread count), the second
 * against the first: ratio of medians, its 95% CI, and whether the second is significantly faster
 * or slower (the CI excludes 1) or not.
 */
export function compareResults(first: readonly ResultV1[], second: readonly ResultV1[], seed = 1): Comparison[] {
  return first.flatMap((a) => {
    const b = second.find((x) => x.case === a.case && x.variant === a.variant && x.threads === a.threads);
    if (!b || !(b.median > 0)) return [];
    const sampled = a.samples.length > 1 && b.samples.length > 1;
    const ci95 = sampled ? bootstrapRatioCI(a.samples, b.samples, 2000, seed) : ciOnlyRatio(a, b);
    return [
      {
        case: a.case,
        variant: a.variant,
        threads: a.threads,
        ratio: a.median / b.median,
        ci95,
        method: sampled ? "bootstrap" : "ci",
        verdict: verdictOf(ci95),
      },
    ];
  });
}
