import { checkLength } from "./conv-shape.ts";

/** A batch of `count` grayscale images of height × width, stored one after another. */
export type ImageBatch = {
  count: number;
  height: number;
  width: number;
};

export function checkImageBatch({ count, height, width }: ImageBatch): void {
  for (const [name, value] of [
    ["count", count],
    ["height", height],
    ["width", width],
  ] as const) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
  }
}

/**
 * One task of the Pool.map chapter: a 3×3 box blur of images [start, end) of the batch, each on
 * its own with zero padding, as `pool.map(blur, images)` calls one function per image. Images are
 * independent, so any split of [0, count) gives the same output. Walks the images in place (no
 * view per image, nothing allocated), summing each window in the same order as boxBlurF32Ref, so
 * the two agree bit for bit.
 */
export function box3F32Images(batch: ImageBatch, x: Float32Array, out: Float32Array, start: number, end: number): void {
  checkImageBatch(batch);
  const { count, height: H, width: W } = batch;
  checkLength("x", x, count * H * W);
  checkLength("out", out, count * H * W);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > count || start > end) {
    throw new RangeError(`invalid range: [${start}, ${end}) (expected within [0, ${count}])`);
  }
  for (let i = start; i < end; i++) {
    const base = i * H * W;
    for (let y = 0; y < H; y++) {
      for (let xx = 0; xx < W; xx++) {
        let sum = 0;
        for (let yy = Math.max(0, y - 1); yy <= Math.min(H - 1, y + 1); yy++) {
          for (let xi = Math.max(0, xx - 1); xi <= Math.min(W - 1, xx + 1); xi++) sum += x[base + yy * W + xi]!;
        }
        out[base + y * W + xx] = sum / 9;
      }
    }
  }
}
