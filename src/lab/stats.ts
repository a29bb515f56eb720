import { mulberry32 } from "../kernels/random.ts";

/** Summary statistics of a benchmark's samples (milliseconds per call). */
export interface SampleStats {
  n: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  min: number;
  mean: number;
  /** Coefficient of variation: standard deviation / mean. */
  cv: number;
  /** 95% bootstrap confidence interval of the median. */
  ci95: [number, number];
}

/** Linear-interpolated quantile of an ascending array (the same rule as numpy's default). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) throw new RangeError("invalid samples: empty");
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

function median(sorted: readonly number[]): number {
  return quantile(sorted, 0.5);
}

/**
 * Bootstrap CI of the median: resample with replacement, take each resample's median, read the
 * 2.5% and 97.5% quantiles. Seeded, so the same samples always give the same interval.
 */
export function bootstrapMedianCI(samples: readonly number[], resamples = 1000, seed = 1): [number, number] {
  const next = mulberry32(seed);
  const medians: number[] = [];
  const draw = new Array<number>(samples.length);
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < samples.length; i++) draw[i] = samples[Math.floor(next() * samples.length)]!;
    medians.push(median(draw.sort((a, b) => a - b)));
  }
  medians.sort((a, b) => a - b);
  return [quantile(medians, 0.025), quantile(medians, 0.975)];
}

export function summarize(samples: readonly number[]): SampleStats {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? sorted.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  const q1 = quantile(sorted, 0.25);
  const q3 = quantile(sorted, 0.75);
  return {
    n,
    median: median(sorted),
    q1,
    q3,
    iqr: q3 - q1,
    min: sorted[0]!,
    mean,
    cv: mean > 0 ? Math.sqrt(variance) / mean : 0,
    ci95: bootstrapMedianCI(sorted),
  };
}

/** A run is flagged noisy when its spread is large relative to its median. */
export const NOISY_CV = 0.1;

export function isNoisy(s: SampleStats): boolean {
  return s.cv > NOISY_CV;
}
