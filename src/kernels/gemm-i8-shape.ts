import { checkGemm, type GemmShape } from "./gemm-shape.ts";

/**
 * The int8 GEMM contract (gemm-i8-4x8-wasmrelaxedsimd in WebAssembly, gemmI8Ref in TypeScript): C (int32) = A (int8)
 * · B (int8), with B in -64..63 — the relaxed-SIMD dot instruction multiplies a signed byte by a
 * 7-bit one (see src/kernels/wasm/assembly/gemm-i8-4x8-wasmrelaxedsimd.ts) — and k small enough that no sum of
 * k products of |a| ≤ 128 and |b| ≤ 64 can leave int32: 8192·k < 2³¹.
 */
export const GEMM_I8_K_MAX = (1 << 18) - 1;
export const GEMM_I8_B_MIN = -64;
export const GEMM_I8_B_MAX = 63;

/** Validates an int8 GEMM's sizes and operand lengths; throws a RangeError naming the bad argument. */
export function checkGemmI8(s: GemmShape, a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>): void {
  checkGemm(s, a, b, c);
  checkDepthI8(s.k);
  checkBRangeI8(b, s.n);
}

/** k within GEMM_I8_K_MAX. */
export function checkDepthI8(k: number): void {
  if (k > GEMM_I8_K_MAX) throw new RangeError(`invalid k: ${k} (at most ${GEMM_I8_K_MAX}, or int32 sums could overflow)`);
}

/**
 * Every value of B (rows of n, the first being row `firstRow`) in GEMM_I8_B_MIN..GEMM_I8_B_MAX; the
 * message names the first one that is not.
 */
export function checkBRangeI8(b: ArrayLike<number>, n: number, firstRow = 0): void {
  for (let i = 0; i < b.length; i++) {
    const v = b[i]!;
    if (v < GEMM_I8_B_MIN || v > GEMM_I8_B_MAX) {
      throw new RangeError(
        `invalid b: ${v} at row ${firstRow + Math.floor(i / n)}, column ${i % n} (expected ${GEMM_I8_B_MIN}..${GEMM_I8_B_MAX}: ` +
          "the 8-bit dot instruction takes a 7-bit second operand; quantize B with qmax 63)",
      );
    }
  }
}
