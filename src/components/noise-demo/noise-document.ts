import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import { NOISE_NUMBERS, type PhaseSummary } from "./noise-summary.ts";

/**
 * The noise demo as a results document: the same call timed quiet and under load, every sample
 * kept, so the two distributions export, share and compare like a benchmark's (quiet is the baseline).
 */
export function noiseDocument(phases: readonly PhaseSummary[]): Promise<ResultsV1> {
  return measuredDocument(
    "noise-demo",
    "quiet",
    phases.map((p) => ({
      case: `collatz below ${NOISE_NUMBERS}`,
      variant: p.phase === "quiet" ? "quiet" : "with-load",
      threads: 1,
      samples: p.samples,
      params: { numbers: NOISE_NUMBERS, competingWorkers: p.load },
    })),
    { kernelIsa: "none", quick: false },
  );
}
