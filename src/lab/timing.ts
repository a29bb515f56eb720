import { summarize } from "./stats.ts";

/**
 * How a variant is timed: warm up until the JIT and caches are steady, calibrate how many calls
 * make one sample last well above the timer's resolution, then take samples until both a minimum
 * count and a time budget are reached.
 */
export interface TimingPlan {
  /** Samples always taken, however long they last. */
  minSamples: number;
  /** Samples never exceeded. */
  maxSamples: number;
  /** Stop adding samples once this much time was spent sampling (after minSamples). */
  budgetMs: number;
  /** Warm-up ends when steady or after this long. */
  warmupMs: number;
  /** A sample is at least this long (many calls for fast kernels). */
  minSampleMs: number;
}

export const FULL_PLAN: TimingPlan = { minSamples: 10, maxSamples: 200, budgetMs: 1500, warmupMs: 500, minSampleMs: 20 };
export const QUICK_PLAN: TimingPlan = { minSamples: 5, maxSamples: 50, budgetMs: 250, warmupMs: 150, minSampleMs: 10 };

/**
 * Rounds of a side-by-side measurement, which times two or more calls in turn, and the plan of one
 * turn: together about as many samples and as much time per call as FULL_PLAN, cut into turns
 * shorter than the slow periods seen on a shared host (seconds). A slow period then falls on every
 * call alike instead of on whichever was being timed, and each call has its quiet turns too.
 */
export const SIDE_BY_SIDE_ROUNDS = 6;
export const ROUND_PLAN: TimingPlan = { minSamples: 4, maxSamples: 40, budgetMs: 250, warmupMs: 150, minSampleMs: 20 };

export type Clock = () => number;

/** Called before every call of the kernel; it throws to stop a measurement (a cancelled run). */
export type Checkpoint = () => void;

const noCheckpoint: Checkpoint = () => {};

/**
 * One timed call. Our kernels return nothing; a library whose only API is asynchronous
 * (onnxruntime-web's session.run) returns its promise, and the time includes awaiting it. A
 * synchronous call is never awaited, so it pays no microtask turn.
 */
export type TimedCall = () => void | Promise<void>;

/** Two successive warm-up calls within this fraction of each other count as steady. */
const STEADY = 0.05;

async function warmUp(run: TimedCall, plan: TimingPlan, now: Clock, checkpoint: Checkpoint): Promise<number> {
  const start = now();
  let previous = Number.NaN; // the first call is never "steady"
  for (;;) {
    checkpoint();
    const t0 = now();
    const pending = run();
    if (pending) await pending;
    const elapsed = now() - t0;
    const steady = Math.abs(elapsed - previous) <= STEADY * previous;
    if (steady || now() - start >= plan.warmupMs) return elapsed;
    previous = elapsed;
  }
}

/** Times `run` and returns milliseconds per call, one entry per sample. */
export async function measure(
  run: TimedCall,
  plan: TimingPlan,
  now: Clock = () => performance.now(),
  checkpoint = noCheckpoint,
): Promise<number[]> {
  const perCall = await warmUp(run, plan, now, checkpoint);
  const reps = Math.max(1, Math.ceil(plan.minSampleMs / Math.max(perCall, 1e-3)));
  const samples: number[] = [];
  const start = now();
  while (samples.length < plan.minSamples || (samples.length < plan.maxSamples && now() - start < plan.budgetMs)) {
    checkpoint(); // once per sample: a sample lasts about minSampleMs, so a stop waits no longer
    const t0 = now();
    for (let r = 0; r < reps; r++) {
      const pending = run();
      if (pending) await pending;
    }
    samples.push((now() - t0) / reps);
  }
  return samples;
}

/**
 * A measurement whose middle half of samples spreads wider than this fraction of its median did
 * not see one steady machine: something else (another process, the hypervisor taking the core)
 * ran during part of it. A steady kernel stays within a few percent.
 */
export const UNSTEADY_SPREAD = 0.1;
/** Measurements taken at most, the first included, before keeping the steadiest one. */
export const MAX_ATTEMPTS = 3;

const spread = (samples: readonly number[]) => {
  const s = summarize(samples);
  return s.iqr / s.median;
};

/**
 * `measure`, repeated while the machine was visibly unsteady (see UNSTEADY_SPREAD), as a careful
 * person would time again after a hiccup; returns the steadiest attempt's samples. A kernel that
 * is itself erratic still ends after MAX_ATTEMPTS, and its spread shows in the results.
 */
export async function measureSteady(
  run: TimedCall,
  plan: TimingPlan,
  now: Clock = () => performance.now(),
  checkpoint = noCheckpoint,
): Promise<number[]> {
  let best = await measure(run, plan, now, checkpoint);
  for (let attempt = 1; attempt < MAX_ATTEMPTS && spread(best) > UNSTEADY_SPREAD; attempt++) {
    const again = await measure(run, plan, now, checkpoint);
    if (spread(again) < spread(best)) best = again;
  }
  return best;
}
