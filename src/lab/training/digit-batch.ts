import { inflateSync } from "fflate";
import { mulberry32 } from "../../kernels/random.ts";

/** Mean and spread of MNIST's training pixels scaled to [0, 1] (the usual normalisation). */
export const MNIST_MEAN = 0.1307;
export const MNIST_STD = 0.3081;

/** Views of one batch's sources and destinations (plain arrays, or views of the shared memory). */
export interface DigitBatchViews {
  /** A DigitStore's streams, offsets and labels (digit-store.ts). */
  blobs: Uint8Array;
  offsets: Int32Array;
  labels: Uint8Array;
  /** Which stored image goes in each row of the batch. */
  indices: Int32Array;
  /** Out: rows × side² normalised pixels, and each row's label as a float (the engine's input). */
  x: Float32Array;
  y: Float32Array;
}

/** A pixel byte as the network's input: (p/255 − mean)/std. */
function pixelInput(p: number): number {
  return (p / 255 - MNIST_MEAN) / MNIST_STD;
}

/** Normalises `count` images without augmentation (held-out digits): out[i] = pixelInput(pixels[i]). */
export function normalizeDigits(pixels: Uint8Array, out: Float32Array): void {
  if (out.length !== pixels.length) throw new RangeError(`invalid out: length ${out.length}, expected ${pixels.length}`);
  for (let i = 0; i < pixels.length; i++) out[i] = pixelInput(pixels[i]!);
}

/** The random shift of row `row` of the batch seeded `seed`: the same whichever thread builds it. */
export function rowShift(seed: number, row: number, maxShift: number): [number, number] {
  const next = mulberry32((seed ^ Math.imul(row + 1, 0x9e3779b1)) >>> 0);
  const span = 2 * maxShift + 1;
  return [Math.floor(next() * span) - maxShift, Math.floor(next() * span) - maxShift];
}

/** Each thread's decode buffer: one image, reused for every image it decodes. */
let scratch = new Uint8Array(0);

/** Inflates stored image `image` into `scratch`, or names what is wrong with its stream. */
function inflateIntoScratch(v: DigitBatchViews, image: number, size: number): void {
  let decoded: Uint8Array;
  try {
    decoded = inflateSync(v.blobs.subarray(v.offsets[image]!, v.offsets[image + 1]!), { out: scratch });
  } catch (error) {
    throw new RangeError(`invalid image ${image}: its stream does not inflate (${String(error)})`);
  }
  if (decoded.length !== size) throw new RangeError(`invalid image ${image}: decodes to ${decoded.length} bytes, expected ${size}`);
}

/**
 * Builds rows [start, end) of a batch: decode each image (inflate), shift it by its row's random
 * (dy, dx) ∈ [−maxShift, maxShift]² with background filling the vacated border (augmentation),
 * and normalise the bytes to (p/255 − mean)/std. The work a data loader does before a step.
 */
export function buildDigitRows(v: DigitBatchViews, side: number, seed: number, maxShift: number, start: number, end: number): void {
  const size = side * side;
  if (scratch.length !== size) scratch = new Uint8Array(size);
  const background = pixelInput(0);
  for (let r = start; r < end; r++) {
    const image = v.indices[r]!;
    if (!(image >= 0 && image < v.labels.length))
      throw new RangeError(`invalid indices[${r}]: ${image} (the store holds ${v.labels.length} images)`);
    inflateIntoScratch(v, image, size);
    const [dy, dx] = rowShift(seed, r, maxShift);
    const out = v.x.subarray(r * size, (r + 1) * size);
    for (let y = 0; y < side; y++) {
      const sy = y - dy;
      for (let x = 0; x < side; x++) {
        const sx = x - dx;
        const inside = sy >= 0 && sy < side && sx >= 0 && sx < side;
        out[y * side + x] = inside ? pixelInput(scratch[sy * side + sx]!) : background;
      }
    }
    v.y[r] = v.labels[image]!;
  }
}
