import { isNoisy, summarize, type SampleStats } from "../../lab/stats.ts";

/** Samples per phase: about 1 ms each once the JIT is done, so a phase lasts well under a second. */
export const NOISE_SAMPLES = 300;
/** The timed call: the Collatz steps of every n below this (the warm-up curve's kernel). */
export const NOISE_NUMBERS = 8000;

export type NoisePhase = "quiet" | "with load";

/** One phase of the noise demo: its samples, their statistics, and the benchmarks' noisy flag. */
export interface PhaseSummary {
  phase: NoisePhase;
  /** Competing busy workers during this phase (0 when quiet). */
  load: number;
  samples: readonly number[];
  stats: SampleStats;
  /** The flag every benchmark result carries: CV above NOISY_CV (stats.ts). */
  noisy: boolean;
}

/** Summarizes one phase's per-call times (ms); rejects what is not a list of durations, by name. */
export function summarizePhase(phase: NoisePhase, load: number, samples: readonly number[]): PhaseSummary {
  if (samples.length < 2) throw new RangeError(`invalid samples: ${samples.length} (expected at least 2)`);
  const bad = samples.find((t) => !(Number.isFinite(t) && t >= 0));
  if (bad !== undefined) throw new RangeError(`invalid samples: ${bad} is not a duration`);
  const stats = summarize(samples);
  return { phase, load, samples, stats, noisy: isNoisy(stats) };
}
