import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import { ERROR_SIDE, type ErrorRow } from "./quant-error-rows.ts";

/**
 * The error table as a results document: per depth, the float32 reference and the int8 pipeline's
 * reference, each timed once. The int8 row's correctness carries what the island measures: its
 * largest error against float32 (maxError) and the worst-case bound (tolerance).
 */
export function quantErrorDocument(rows: readonly ErrorRow[]): Promise<ResultsV1> {
  return measuredDocument(
    "quant-error",
    "gemm-f32-ikj-ts",
    rows.flatMap((r) => {
      const at = { case: `${ERROR_SIDE}×${ERROR_SIDE}, k=${r.k}`, params: { m: ERROR_SIDE, n: ERROR_SIDE, k: r.k }, threads: 1 };
      return [
        { ...at, variant: "gemm-f32-ikj-ts", samples: [r.f32Ms] },
        {
          ...at,
          variant: "gemm-i8-ref",
          samples: [r.i8Ms],
          correctness: { ok: r.maxAbs <= r.bound, maxError: r.maxAbs, tolerance: r.bound },
        },
      ];
    }),
    { kernelIsa: "none", quick: false },
  );
}
