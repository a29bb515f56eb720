import { GEMM_F32_MR, type WasmKernels } from "../wasm/kernels-wasm.ts";
import { splitRows } from "./pool-control.ts";

/**
 * The jobs the pool can run. Each takes the integer arguments written to the control block and
 * runs part `part` of `parts` — the same code on the coordinator (part 0) and on every worker.
 * Parts split rows on multiples of the GEMM's register tile, so no part runs a partial tile early.
 */
export const poolJobs = {
  /** args: x, wT, bias, out, col, gemmOut, n, c, h, w, f, kh, kw, stride, pad, rows (= n·H'·W'). */
  conv2d_f32_im2col_gemm(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[15]!, part, parts, GEMM_F32_MR);
    if (start === end) return;
    k.conv2d_f32_im2col_gemm(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, a[6]!, a[7]!, a[8]!, a[9]!, a[10]!, a[11]!, a[12]!, a[13]!, a[14]!, start, end);
  },
  /** args: m, n, k, a, lda, b, ldb, c, ldc — rows of A and C split across parts. */
  gemm_f32(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[0]!, part, parts, GEMM_F32_MR);
    if (start === end) return;
    const f32 = Float32Array.BYTES_PER_ELEMENT;
    k.gemm_f32(end - start, a[1]!, a[2]!, a[3]! + start * a[4]! * f32, a[4]!, a[5]!, a[6]!, a[7]! + start * a[8]! * f32, a[8]!);
  },
} as const;

export type PoolJob = keyof typeof poolJobs;
export const POOL_JOBS = Object.keys(poolJobs) as PoolJob[];
