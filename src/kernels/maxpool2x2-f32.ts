/**
 * 2×2 max-pooling with stride 2 then ReLU, over `planes` planes of h × w floats (NCHW: planes =
 * N·C); the output is ⌊h/2⌋ × ⌊w/2⌋ per plane, an odd last row or column is dropped (as PyTorch's
 * default). ReLU is monotone, so pool-then-ReLU equals ReLU-then-pool, on a quarter of the values.
 * The reference of the WebAssembly kernel maxpool2x2_relu_f32_wasmsimd.
 */
export function maxpool2x2ReluF32(planes: number, h: number, w: number, x: Float32Array, out: Float32Array): void {
  const oh = h >> 1;
  const ow = w >> 1;
  checkPool(planes, h, w, x, out, "out");
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const plane = p * h * w;
    for (let oy = 0; oy < oh; oy++) {
      const r0 = plane + 2 * oy * w;
      const r1 = r0 + w;
      for (let ox = 0; ox < ow; ox++) {
        const c = 2 * ox;
        const m = Math.max(Math.max(x[r0 + c]!, x[r0 + c + 1]!), Math.max(x[r1 + c]!, x[r1 + c + 1]!));
        out[o++] = Math.max(m, 0);
      }
    }
  }
}

/**
 * The gradient of maxpool2x2ReluF32: dx is zeroed, then each window's dout goes to the input that
 * was its maximum (the first one in row-major order on a tie, the same pick in every run) when that
 * maximum is above 0, the ReLU's gradient. The window is searched again in x instead of remembering
 * an index per output: cheaper than a buffer of indices in memory, and it keeps the forward pass
 * free of bookkeeping that inference never uses. The reference of maxpool2x2_relu_backward_f32_wasmsimd.
 */
export function maxpool2x2ReluBackwardF32(
  planes: number,
  h: number,
  w: number,
  x: Float32Array,
  dout: Float32Array,
  dx: Float32Array,
): void {
  const oh = h >> 1;
  const ow = w >> 1;
  checkPool(planes, h, w, x, dout, "dout");
  if (dx.length !== x.length) throw new RangeError(`invalid dx: length ${dx.length}, expected ${x.length}`);
  dx.fill(0);
  let o = 0;
  for (let p = 0; p < planes; p++) {
    const plane = p * h * w;
    for (let oy = 0; oy < oh; oy++) {
      const r0 = plane + 2 * oy * w;
      for (let ox = 0; ox < ow; ox++, o++) {
        const i = r0 + 2 * ox;
        let at = i;
        if (x[i + 1]! > x[at]!) at = i + 1;
        if (x[i + w]! > x[at]!) at = i + w;
        if (x[i + w + 1]! > x[at]!) at = i + w + 1;
        if (x[at]! > 0) dx[at] = dout[o]!;
      }
    }
  }
}

function checkPool(planes: number, h: number, w: number, x: Float32Array, out: Float32Array, outName: string): void {
  for (const [name, v] of [
    ["planes", planes],
    ["h", h],
    ["w", w],
  ] as const) {
    if (!Number.isInteger(v) || v < (name === "planes" ? 1 : 2))
      throw new RangeError(`invalid ${name}: ${v} (expected an integer ≥ ${name === "planes" ? 1 : 2})`);
  }
  if (x.length !== planes * h * w) throw new RangeError(`invalid x: length ${x.length}, expected ${planes * h * w}`);
  const expected = planes * (h >> 1) * (w >> 1);
  if (out.length !== expected) throw new RangeError(`invalid ${outName}: length ${out.length}, expected ${expected}`);
}
