import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import { TARGET_ACCURACY } from "../../lab/training/training-options.ts";
import type { FinishedRun } from "./training-table.ts";

/** The variant of every training run: data-parallel SGD on K workers (its threads); K = 1 is the baseline. */
const VARIANT = "cnn-train-data-parallel";

/**
 * The finished training runs as a results document: each run's training time (ms, one sample)
 * with its settings as the case, so K workers and 1 worker of the same settings compare as a
 * speedup. Its correctness is the test accuracy: maxError is the share of held-out digits it got
 * wrong, tolerance what the site's target allows.
 */
export function trainingDocument(runs: readonly FinishedRun[]): Promise<ResultsV1> {
  return measuredDocument(
    "training-run",
    VARIANT,
    runs.map(({ options: o, summary: s }) => ({
      case: `batch ${o.batch}, lr ${o.learningRate}, ${o.epochs} epoch${o.epochs === 1 ? "" : "s"}`,
      params: { batch: o.batch, learningRate: o.learningRate, epochs: o.epochs, steps: s.steps },
      variant: VARIANT,
      threads: o.workers,
      samples: [1000 * s.seconds],
      correctness: { ok: s.accuracy >= TARGET_ACCURACY, maxError: 1 - s.accuracy, tolerance: 1 - TARGET_ACCURACY },
    })),
    { kernelIsa: "none", quick: false },
  );
}
