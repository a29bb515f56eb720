import { summarize, type SampleStats } from "../../lab/stats.ts";

/** Calls of the warm-up run, each on [1, WARMUP_NUMBERS): about 1 ms a call once optimized. */
export const WARMUP_CALLS = 200;
export const WARMUP_NUMBERS = 3000;

/** What the warm-up curve shows: the cold first call against the steady state after warm-up. */
export interface WarmupSummary {
  firstMs: number;
  /** Statistics of the last half of the calls, by then compiled by the optimizing tier. */
  steady: SampleStats;
  /** firstMs / steady median: how much slower a cold call is. */
  coldFactor: number;
}

/** Summarizes per-call times (ms, in call order); needs at least 4 calls so the last half is ≥ 2. */
export function summarizeWarmup(times: readonly number[]): WarmupSummary {
  if (times.length < 4) throw new RangeError(`invalid times: ${times.length} calls (expected at least 4)`);
  const bad = times.find((t) => !(Number.isFinite(t) && t >= 0));
  if (bad !== undefined) throw new RangeError(`invalid times: ${bad} is not a duration`);
  const steady = summarize(times.slice(Math.floor(times.length / 2)));
  const firstMs = times[0]!;
  return { firstMs, steady, coldFactor: steady.median > 0 ? firstMs / steady.median : Infinity };
}
