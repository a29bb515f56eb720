import { gemmF32IkjTs } from "../../kernels/gemm-f32-ikj-ts.ts";
import { gemmF32ViaI8Ref } from "../../kernels/gemm-i8-ref.ts";
import {
  QMAX_A,
  QMAX_B,
  quantizationError,
  quantizeColumnsI8,
  quantizedGemmErrorBound,
  quantizeRowsI8,
  type QuantizationError,
} from "../../kernels/quantize-i8.ts";
import { randomF32 } from "../../kernels/random.ts";

/** Depths measured, and the rows and columns of C at each (enough elements for stable statistics). */
export const ERROR_DEPTHS = [64, 256, 1024] as const;
export const ERROR_SIDE = 48;

export interface ErrorRow extends QuantizationError {
  k: number;
  /** quantizedGemmErrorBound for these inputs' largest scales: what the benchmark's check allows. */
  bound: number;
  /** Time of the float32 reference product and of the int8 pipeline's reference, ms (one call each). */
  f32Ms: number;
  i8Ms: number;
}

/**
 * The int8 pipeline (per-row A, per-column 7-bit B, int32 sums) against the float32 product, on
 * uniform inputs in [-1, 1) like the benchmark's, at each depth of ERROR_DEPTHS.
 */
export function quantizationErrorRows(seed: number, now: () => number = () => performance.now()): ErrorRow[] {
  return ERROR_DEPTHS.map((k) => {
    const s = { m: ERROR_SIDE, n: ERROR_SIDE, k };
    const a = randomF32(s.m * k, seed);
    const b = randomF32(k * s.n, seed + 1);
    const exact = new Float32Array(s.m * s.n);
    const t0 = now();
    gemmF32IkjTs(s, a, b, exact);
    const t1 = now();
    const quantized = gemmF32ViaI8Ref(s, a, b);
    const t2 = now();
    const sa = Math.max(...quantizeRowsI8(s.m, k, a, QMAX_A).scales);
    const sb = Math.max(...quantizeColumnsI8(k, s.n, b, QMAX_B).scales);
    return {
      k,
      ...quantizationError(exact, quantized),
      bound: quantizedGemmErrorBound(k, sa, sb),
      f32Ms: t1 - t0,
      i8Ms: t2 - t1,
    };
  });
}
