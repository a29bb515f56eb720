import { deflateSync } from "fflate";
import type { MnistSet } from "../../model/mnist-format.ts";

/**
 * Digits as a training pipeline meets them on disk: each image its own deflate stream (the
 * compression inside PNG), so building a batch means decoding every image, as a real loader does.
 * Three byte arrays that can be copied into shared memory for the pool's workers: the streams end
 * to end, where each starts (count + 1 int32 offsets), and one label byte per image.
 */
export interface DigitStore {
  readonly count: number;
  /** Side of the square images (28). */
  readonly side: number;
  readonly blobs: Uint8Array;
  readonly offsets: Int32Array;
  readonly labels: Uint8Array;
}

/** Compresses images [first, first + count) of `set` (default: all of them), one stream each. */
export function encodeDigitStore(set: MnistSet, first = 0, count = set.count - first): DigitStore {
  if (set.rows !== set.cols) throw new RangeError(`invalid set: ${set.rows}×${set.cols} images (expected square)`);
  if (!Number.isInteger(first) || !Number.isInteger(count) || first < 0 || count < 1 || first + count > set.count) {
    throw new RangeError(`invalid range: images ${first}…${first + count - 1} of a set of ${set.count}`);
  }
  const size = set.rows * set.cols;
  const streams: Uint8Array[] = [];
  const offsets = new Int32Array(count + 1);
  for (let i = 0; i < count; i++) {
    const start = (first + i) * size;
    streams.push(deflateSync(set.pixels.subarray(start, start + size), { level: 6 }));
    offsets[i + 1] = offsets[i]! + streams[i]!.length;
  }
  const blobs = new Uint8Array(offsets[count]!);
  streams.forEach((s, i) => blobs.set(s, offsets[i]!));
  return { count, side: set.rows, blobs, offsets, labels: set.labels.slice(first, first + count) };
}
