/** The four dimensions of a dense row-major tensor, outermost first. */
export type Dims4 = readonly [number, number, number, number];

/**
 * Reorders a dense 4-D tensor: output axis i is input axis perm[i]. Used once per benchmark case,
 * outside the timed region, to hand our NCHW / OIHW tensors to a library that wants NHWC / HWIO.
 */
export function permute4F32(src: Float32Array, dims: Dims4, perm: Dims4): Float32Array {
  for (const [i, d] of dims.entries()) {
    if (!Number.isInteger(d) || d < 1) throw new RangeError(`invalid dims[${i}]: ${d} (expected an integer ≥ 1)`);
  }
  if ([...perm].sort().join() !== "0,1,2,3") throw new RangeError(`invalid perm: ${perm.join(",")} (expected a permutation of 0,1,2,3)`);
  const size = dims[0] * dims[1] * dims[2] * dims[3];
  if (src.length !== size) throw new RangeError(`invalid src: length ${src.length}, expected ${dims.join("·")} = ${size}`);
  const strides = [dims[1] * dims[2] * dims[3], dims[2] * dims[3], dims[3], 1];
  // Walk the output in order; the input moves by the stride of the axis each output axis came from.
  const [d0, d1, d2, d3] = perm.map((p) => dims[p]!) as [number, number, number, number];
  const [s0, s1, s2, s3] = perm.map((p) => strides[p]!) as [number, number, number, number];
  const out = new Float32Array(size);
  let o = 0;
  for (let i = 0; i < d0; i++) {
    for (let j = 0; j < d1; j++) {
      for (let k = 0; k < d2; k++) {
        const base = i * s0 + j * s1 + k * s2;
        for (let l = 0; l < d3; l++) out[o++] = src[base + l * s3]!;
      }
    }
  }
  return out;
}

/** (N, C, H, W) → (N, H, W, C): images as TensorFlow stores them. */
export const nchwToNhwc = (x: Float32Array, [n, c, h, w]: Dims4) => permute4F32(x, [n, c, h, w], [0, 2, 3, 1]);

/** (N, H, W, C) → (N, C, H, W): a TensorFlow result back to our layout. */
export const nhwcToNchw = (x: Float32Array, [n, h, w, c]: Dims4) => permute4F32(x, [n, h, w, c], [0, 3, 1, 2]);

/** (F, C, kH, kW) → (kH, kW, C, F): filters as TensorFlow stores them ("HWIO"). */
export const oihwToHwio = (w: Float32Array, [f, c, kh, kw]: Dims4) => permute4F32(w, [f, c, kh, kw], [2, 3, 1, 0]);
