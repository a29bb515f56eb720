import { checkChainArrays, type ChainConstants } from "./fused-normalize-gamma-u8-ts.ts";

/** The two image-sized float32 temporaries the unfused chain alternates between. */
export interface UnfusedScratch {
  a: Float32Array;
  b: Float32Array;
}

export function unfusedScratch(pixels: number): UnfusedScratch {
  return { a: new Float32Array(pixels), b: new Float32Array(pixels) };
}

/**
 * The chain the way numpy runs `((img - black) * scale)`, `np.maximum`, `np.sqrt`, `np.minimum`,
 * `* 255`, `+ 0.5`, `.astype(np.uint8)` (normalize-gamma-u8-passes-ts): eight passes, each
 * reading a whole float32 image and writing another. Same float32 steps as the fused loop, so the
 * same bytes. numpy allocates a new temporary per step; two reused ones move the same bytes
 * without timing the allocator.
 */
export function normalizeGammaU8PassesTs(
  src: Float32Array,
  dst: Uint8Array,
  { black, scale }: ChainConstants,
  { a, b }: UnfusedScratch,
): void {
  checkChainArrays(src, dst);
  if (a.length !== src.length || b.length !== src.length) {
    throw new RangeError(`invalid scratch: ${a.length} and ${b.length} floats (expected ${src.length} each, see unfusedScratch)`);
  }
  // One loop per numpy call, written out: a shared loop taking the operation as a callback would
  // make V8 call it per pixel, and time the calls instead of the memory traffic. Each store into a
  // Float32Array rounds to float32, as numpy's float32 temporaries do.
  const n = src.length;
  for (let i = 0; i < n; i++) a[i] = src[i]! - black;
  for (let i = 0; i < n; i++) b[i] = a[i]! * scale;
  for (let i = 0; i < n; i++) a[i] = b[i]! > 0 ? b[i]! : 0;
  for (let i = 0; i < n; i++) b[i] = Math.sqrt(a[i]!);
  for (let i = 0; i < n; i++) a[i] = b[i]! < 1 ? b[i]! : 1;
  for (let i = 0; i < n; i++) b[i] = a[i]! * 255;
  for (let i = 0; i < n; i++) a[i] = b[i]! + 0.5;
  for (let i = 0; i < n; i++) dst[i] = a[i]!; // a Uint8Array store truncates, as astype does
}
