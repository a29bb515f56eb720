import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import type { ResultV1 } from "../../lab/results.ts";
import { fitScalingModel, predictScaling, type NoCeiling, type Prediction, type ScalingModel } from "../amdahl/scaling-model.ts";

/** The thread counts the island predicts for: a laptop's to a workstation's. */
export const PREDICT_THREADS = [4, 8, 16, 32] as const;

/** One parallel variant's prediction, on the largest case measured on 1 and 2 threads. */
export interface ExpectRow {
  variant: string;
  case: string;
  model: ScalingModel;
  noCeiling?: NoCeiling;
  predictions: Prediction[];
  /** Measured speedups over 1 thread at every thread count run, to draw beside the prediction. */
  measured: { threads: number; speedup: number }[];
}

const bytesOf = (r: ResultV1) => (r.gbps === undefined ? undefined : r.gbps * r.median * 1e6);

/** A row per parallel variant of `bench` that ran on 1 and 2 threads (correctly) in the same case. */
export function expectRows(
  results: readonly ResultV1[],
  bench: Pick<BenchmarkMeta, "id" | "cases" | "variants">,
  bandwidthGbps: number | undefined,
): ExpectRow[] {
  const ok = results.filter((r) => r.bench === bench.id && r.correctness.ok);
  return bench.variants
    .filter((v) => v.parallel)
    .flatMap((v) => {
      const kase = [...bench.cases]
        .reverse()
        .find((c) => [1, 2].every((t) => ok.some((r) => r.variant === v.id && r.case === c.label && r.threads === t)));
      if (!kase) return [];
      const runs = ok.filter((r) => r.variant === v.id && r.case === kase.label).sort((a, b) => a.threads - b.threads);
      const one = runs.find((r) => r.threads === 1)!;
      const two = runs.find((r) => r.threads === 2)!;
      const { model, noCeiling } = fitScalingModel(one.median, two.median, bytesOf(one), bandwidthGbps);
      return [
        {
          variant: v.id,
          case: kase.label,
          model,
          ...(noCeiling ? { noCeiling } : {}),
          predictions: predictScaling(model, [1, 2, ...PREDICT_THREADS]),
          measured: runs.map((r) => ({ threads: r.threads, speedup: one.median / r.median })),
        },
      ];
    });
}
