import type { Params } from "./benchmark.ts";
import { captureEnv, type EnvExtra } from "./env.ts";
import { RESULTS_SCHEMA, type ResultV1, type ResultsV1 } from "./results.ts";
import { isNoisy, summarize } from "./stats.ts";

/** One thing an island timed, as it timed it: the samples in ms, and whether its output was right. */
export interface Measurement {
  case: string;
  variant: string;
  threads: number;
  samples: readonly number[];
  params?: Params;
  /** Defaults to correct with no error, for a measurement whose output has no reference to check. */
  correctness?: ResultV1["correctness"];
}

/**
 * A results document (schema v1) for an island that times its own work instead of running a
 * registered benchmark (the Pyodide race, the warm-up curve…), so its numbers export, share, cite
 * and compare like every benchmark's. `bench` is the island's id; `baseline` the variant speedups
 * are relative to.
 */
export async function measuredDocument(
  bench: string,
  baseline: string,
  measurements: readonly Measurement[],
  extra: EnvExtra,
): Promise<ResultsV1> {
  const results = measurements.map((m): ResultV1 => {
    const s = summarize(m.samples);
    return {
      bench,
      case: m.case,
      variant: m.variant,
      params: m.params ?? {},
      threads: m.threads,
      samples: [...m.samples],
      n: s.n,
      median: s.median,
      iqr: s.iqr,
      min: s.min,
      ci95: s.ci95,
      cv: s.cv,
      noisy: isNoisy(s),
      correctness: m.correctness ?? { ok: true, maxError: 0, tolerance: 0 },
    };
  });
  return { schema: RESULTS_SCHEMA, env: await captureEnv(extra), results, claims: [], skipped: [], baselines: { [bench]: baseline } };
}
