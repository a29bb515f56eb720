/** C (M×N) = A (M×K) · B (K×N), all row-major and dense: the one GEMM contract of the site. */
export interface GemmShape {
  m: number;
  n: number;
  k: number;
}

/** Validates a GEMM's sizes and operand lengths; throws a RangeError naming the bad argument. */
export function checkGemm(s: GemmShape, a: ArrayLike<number>, b: ArrayLike<number>, c: ArrayLike<number>): void {
  // Three plain calls, not a loop over ["m", "n", "k"]: this runs on every call of a kernel, and a
  // 4³ product lasts a quarter of a microsecond, so an array and an iterator per call (when the JIT
  // does not inline this) would be a measurable part of it.
  checkSize("m", s.m);
  checkSize("n", s.n);
  checkSize("k", s.k);
  if (a.length !== s.m * s.k) throw new RangeError(`invalid a: length ${a.length}, expected m·k = ${s.m * s.k}`);
  if (b.length !== s.k * s.n) throw new RangeError(`invalid b: length ${b.length}, expected k·n = ${s.k * s.n}`);
  if (c.length !== s.m * s.n) throw new RangeError(`invalid c: length ${c.length}, expected m·n = ${s.m * s.n}`);
}

function checkSize(name: "m" | "n" | "k", value: number): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
}

/** 2·M·N·K. */
export function gemmFlops(s: GemmShape): number {
  return 2 * s.m * s.n * s.k;
}
