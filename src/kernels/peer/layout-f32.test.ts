import { describe, expect, it } from "vitest";
import { nchwToNhwc, nhwcToNchw, oihwToHwio, permute4F32, type Dims4 } from "./layout-f32.ts";
import { randomF32 } from "../random.ts";

/** Element [i0, i1, i2, i3] of a dense row-major tensor of shape `dims`. */
const at = (t: Float32Array, dims: Dims4, i: Dims4) => t[((i[0] * dims[1] + i[1]) * dims[2] + i[2]) * dims[3] + i[3]];

describe("permute4F32", () => {
  it("moves every element to the permuted index, for every permutation, on odd sizes", () => {
    const dims: Dims4 = [2, 3, 5, 7];
    const src = randomF32(2 * 3 * 5 * 7, 3);
    const perms: Dims4[] = [];
    for (const a of [0, 1, 2, 3])
      for (const b of [0, 1, 2, 3])
        for (const c of [0, 1, 2, 3])
          for (const d of [0, 1, 2, 3]) {
            if (new Set([a, b, c, d]).size === 4) perms.push([a, b, c, d]);
          }
    expect(perms).toHaveLength(24);
    for (const perm of perms) {
      const out = permute4F32(src, dims, perm);
      const outDims = perm.map((p) => dims[p]!) as unknown as Dims4;
      for (let i = 0; i < 2; i++)
        for (let j = 0; j < 3; j++)
          for (let k = 0; k < 5; k++)
            for (let l = 0; l < 7; l++) {
              const index: Dims4 = [i, j, k, l];
              const outIndex = perm.map((p) => index[p]!) as unknown as Dims4;
              if (at(out, outDims, outIndex) !== at(src, dims, index)) expect.fail(`perm ${perm}: element ${index} misplaced`);
            }
    }
  });

  it("NCHW → NHWC → NCHW is the identity; OIHW → HWIO puts the filter axis last", () => {
    const x = randomF32(2 * 3 * 4 * 5, 5);
    const nhwc = nchwToNhwc(x, [2, 3, 4, 5]);
    expect(at(nhwc, [2, 4, 5, 3], [1, 3, 4, 2])).toBe(at(x, [2, 3, 4, 5], [1, 2, 3, 4]));
    expect(nhwcToNchw(nhwc, [2, 4, 5, 3])).toEqual(x);
    const w = randomF32(6 * 2 * 3 * 1, 6);
    const hwio = oihwToHwio(w, [6, 2, 3, 1]);
    expect(at(hwio, [3, 1, 2, 6], [2, 0, 1, 5])).toBe(at(w, [6, 2, 3, 1], [5, 1, 2, 0]));
  });

  it("rejects bad dims, a bad permutation and a wrong length, naming the argument", () => {
    const src = new Float32Array(6);
    expect(() => permute4F32(src, [1, 2, 3, 0], [0, 1, 2, 3])).toThrow(/invalid dims\[3\]: 0/);
    expect(() => permute4F32(src, [1, 2, 3, 1], [0, 1, 1, 3])).toThrow(/invalid perm: 0,1,1,3/);
    expect(() => permute4F32(src, [1, 2, 2, 2], [0, 1, 2, 3])).toThrow(/invalid src: length 6, expected 1·2·2·2 = 8/);
  });
});
