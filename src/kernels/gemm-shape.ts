/** C (M×N) = A (M×K) · B (K×N), all row-major and dense: the one GEMM contract of the site. */
export interface GemmShape {
  m: number;
  n: number;
  k: number;
}

/** Validates a GEMM's sizes and operand lengths; throws a RangeError naming the bad argument. */
export function checkGemm(s: GemmShape, a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>): void {
  for (const name of ["m", "n", "k"] as const) {
    if (!Number.isInteger(s[name]) || s[name] < 1) {
      throw new RangeError(`invalid ${name}: ${s[name]} (expected an integer ≥ 1)`);
    }
  }
  if (a.length !== s.m * s.k) throw new RangeError(`invalid a: length ${a.length}, expected m·k = ${s.m * s.k}`);
  if (b.length !== s.k * s.n) throw new RangeError(`invalid b: length ${b.length}, expected k·n = ${s.k * s.n}`);
  if (c.length !== s.m * s.n) throw new RangeError(`invalid c: length ${c.length}, expected m·n = ${s.m * s.n}`);
}

/** 2·M·N·K. */
export function gemmFlops(s: GemmShape): number {
  return 2 * s.m * s.n * s.k;
}
