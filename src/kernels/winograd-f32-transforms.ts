import { checkLength, type ConvShape } from "./conv-shape.ts";

/**
 * Winograd's minimal filtering F(m×m, 3×3) (Lavin & Gray, 2016): an m×m tile of a 3×3 convolution
 * from an α×α input tile, α = m + 2, as Y = Aᵀ [(G g Gᵀ) ⊙ (Bᵀ d B)] A. Summed over the input
 * channels, the elementwise product becomes α² independent GEMMs over channels, each doing the
 * work of m² outputs: (m·3)² / α² fewer multiplies than direct (2.25× for m = 2, 4× for m = 4).
 * Each transform is one congruence L X Lᵀ by a constant matrix, so one helper serves all three.
 */
export interface WinogradTransforms {
  /** Output tile side m. */
  readonly m: number;
  /** Input tile side α = m + 2. */
  readonly alpha: number;
  /** Aᵀ: m × α, the output transform. */
  readonly AT: readonly (readonly number[])[];
  /** G: α × 3, the filter transform. */
  readonly G: readonly (readonly number[])[];
  /** Bᵀ: α × α, the input transform. */
  readonly BT: readonly (readonly number[])[];
}

/** F(2×2, 3×3): interpolation points 0, ±1, ∞; every coefficient is 0, ±1 or ±½, so the transforms are exact adds. */
export const WINOGRAD_F2X2_3X3: WinogradTransforms = {
  m: 2,
  alpha: 4,
  AT: [
    [1, 1, 1, 0],
    [0, 1, -1, -1],
  ],
  G: [
    [1, 0, 0],
    [1 / 2, 1 / 2, 1 / 2],
    [1 / 2, -1 / 2, 1 / 2],
    [0, 0, 1],
  ],
  BT: [
    [1, 0, -1, 0],
    [0, 1, 1, 0],
    [0, -1, 1, 0],
    [0, 1, 0, -1],
  ],
};

/** F(4×4, 3×3): points 0, ±1, ±2, ∞; coefficients up to 8 in Aᵀ and 5 in Bᵀ, and G's 1/6 is not a float. */
export const WINOGRAD_F4X4_3X3: WinogradTransforms = {
  m: 4,
  alpha: 6,
  AT: [
    [1, 1, 1, 1, 1, 0],
    [0, 1, -1, 2, -2, 0],
    [0, 1, 1, 4, 4, 0],
    [0, 1, -1, 8, -8, 1],
  ],
  G: [
    [1 / 4, 0, 0],
    [-1 / 6, -1 / 6, -1 / 6],
    [-1 / 6, 1 / 6, -1 / 6],
    [1 / 24, 1 / 12, 1 / 6],
    [1 / 24, -1 / 12, 1 / 6],
    [0, 0, 1],
  ],
  BT: [
    [4, 0, -5, 0, 1, 0],
    [0, -4, -4, 1, 1, 0],
    [0, 4, -4, -1, 1, 0],
    [0, -2, -1, 2, 1, 0],
    [0, 2, -1, -2, 1, 0],
    [0, 4, 0, -5, 0, 1],
  ],
};

/**
 * The same algorithm with every matrix entry replaced by its absolute value: run on |x|, |w|, |b|,
 * it yields the magnitudes a componentwise rounding-error bound multiplies (see
 * winograd-error-bound.ts), as |A|·|B| bounds the rounding of a product A·B.
 */
export function absoluteTransforms(t: WinogradTransforms): WinogradTransforms {
  const abs = (M: readonly (readonly number[])[]) => M.map((row) => row.map(Math.abs));
  return { m: t.m, alpha: t.alpha, AT: abs(t.AT), G: abs(t.G), BT: abs(t.BT) };
}

/**
 * out (r × r, row-major, at outOffset) = L X Lᵀ for L (r × k) and X (k × k, row-major, at xOffset),
 * in float64 arithmetic; the caller's array type decides the rounding of the result.
 */
export function congruence(
  L: readonly (readonly number[])[],
  X: ArrayLike<number>,
  xOffset: number,
  out: Float32Array | Float64Array,
  outOffset: number,
): void {
  const r = L.length;
  const k = L[0]!.length;
  for (let i = 0; i < r; i++) {
    const Li = L[i]!;
    for (let j = 0; j < r; j++) {
      const Lj = L[j]!;
      let sum = 0;
      for (let a = 0; a < k; a++) {
        if (Li[a] === 0) continue;
        let row = 0;
        for (let b = 0; b < k; b++) row += X[xOffset + a * k + b]! * Lj[b]!;
        sum += Li[a]! * row;
      }
      out[outOffset + i * r + j] = sum;
    }
  }
}

/** Floats of the transformed filters: α² matrices of F × C. */
export function winogradFilterFloats(t: WinogradTransforms, s: ConvShape): number {
  return t.alpha * t.alpha * s.filters * s.channels;
}

/**
 * The transformed filters U = G g Gᵀ of every (filter f, channel c), laid out as α² matrices of
 * F rows × C columns (u[(ξ·F + f)·C + c], ξ = the α×α position): matrix ξ is the A operand of GEMM
 * ξ (transformed tiles × channels), rows contiguous over channels as the WebAssembly kernel reads them.
 * w is (F, C, 3, 3). Done once per set of weights, outside any timed call.
 */
export function winogradTransformFilters(t: WinogradTransforms, s: ConvShape, w: ArrayLike<number>, u: Float32Array | Float64Array): void {
  checkLength("w", w, s.filters * s.channels * 9);
  checkLength("u", u, winogradFilterFloats(t, s));
  const a2 = t.alpha * t.alpha;
  const tile = new Float64Array(a2);
  const plane = s.filters * s.channels;
  for (let f = 0; f < s.filters; f++) {
    for (let c = 0; c < s.channels; c++) {
      const fc = f * s.channels + c;
      congruence(t.G, w, fc * 9, tile, 0);
      for (let xi = 0; xi < a2; xi++) u[xi * plane + fc] = tile[xi]!;
    }
  }
}

/** Throws unless the convolution is what F(m×m, 3×3) computes: a 3×3 kernel at stride 1 (any padding). */
export function checkWinogradShape(s: ConvShape): void {
  if (s.kernelH !== 3) throw new RangeError(`invalid kernelH: ${s.kernelH} (Winograd F(m×m, 3×3) needs 3)`);
  if (s.kernelW !== 3) throw new RangeError(`invalid kernelW: ${s.kernelW} (Winograd F(m×m, 3×3) needs 3)`);
  if (s.stride !== 1) throw new RangeError(`invalid stride: ${s.stride} (Winograd F(m×m, 3×3) needs 1)`);
}
