import { describe, expect, it } from "vitest";
import { boxBlurF32Ref } from "./blur-f32-box-ref.ts";
import { box3F32Images } from "./images-box3-f32.ts";
import { mapBox3F32Images } from "./pool/map-images-box3-f32.ts";
import { randomF32 } from "./random.ts";

const cases = [
  { count: 5, height: 1, width: 1 },
  { count: 3, height: 4, width: 7 },
  { count: 9, height: 5, width: 3 },
];

/** Each image blurred on its own by the reference, one after another. */
function expected({ count, height, width }: (typeof cases)[number], x: Float32Array): Float32Array {
  const size = height * width;
  const out = new Float32Array(x.length);
  for (let i = 0; i < count; i++)
    boxBlurF32Ref({ height, width, k: 3 }, x.subarray(i * size, (i + 1) * size), out.subarray(i * size, (i + 1) * size));
  return out;
}

describe("box3F32Images", () => {
  it.each(cases)("blurs each of $count images of $height×$width by itself, in any split", (batch) => {
    const x = randomF32(batch.count * batch.height * batch.width, 7);
    const out = new Float32Array(x.length);
    const mid = Math.floor(batch.count / 2);
    box3F32Images(batch, x, out, mid, batch.count);
    box3F32Images(batch, x, out, 0, mid);
    // Same function per image as the reference: bit-identical.
    expect(out).toEqual(expected(batch, x));
  });

  it("names bad arguments", () => {
    const x = new Float32Array(8);
    expect(() => box3F32Images({ count: 2, height: 2, width: 2 }, x, new Float32Array(7), 0, 2)).toThrow(/invalid out/);
    expect(() => box3F32Images({ count: 2, height: 2, width: 2 }, x, new Float32Array(8), 1, 3)).toThrow(/invalid range/);
    expect(() => box3F32Images({ count: 0, height: 2, width: 2 }, x, x, 0, 0)).toThrow(/invalid count: 0/);
  });
});

describe("mapBox3F32Images (the pool job's body)", () => {
  it.each([1, 2, 4, 100])("blurs every image once with chunks of %i, whichever part claims them", (chunk) => {
    const batch = cases[2]!;
    const n = batch.count * batch.height * batch.width;
    const buffer = new SharedArrayBuffer(16 + 8 * n);
    const x = new Float32Array(buffer, 16, n);
    x.set(randomF32(n, 3));
    const args = { x: 16, out: 16 + 4 * n, count: batch.count, height: batch.height, width: batch.width, chunk, counter: 0 };
    // Two parts run one after the other on one counter at byte 0: the first takes everything.
    mapBox3F32Images(buffer, args);
    mapBox3F32Images(buffer, args);
    expect(new Float32Array(buffer, 16 + 4 * n, n)).toEqual(expected(batch, x));
  });
});
