/** Bins of an 8-bit image's histogram: one per value 0…255. */
export const HISTOGRAM_U8_BINS = 256;

function checkRange(pixels: Uint8Array, start: number, end: number, bins: Int32Array): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > pixels.length || start > end) {
    throw new RangeError(`invalid range: [${start}, ${end}) (expected within [0, ${pixels.length}])`);
  }
  if (bins.length !== HISTOGRAM_U8_BINS) throw new RangeError(`invalid bins: length ${bins.length}, expected ${HISTOGRAM_U8_BINS}`);
}

/**
 * Adds pixels [start, end) to `bins` with plain read-modify-write increments. Correct when one
 * thread owns `bins`; when several threads share them, two increments of one bin can interleave
 * (both read 7, both write 8) and a count is lost — JavaScript defines this race (no undefined
 * behaviour, unlike C), it just loses updates.
 */
export function histogramU8Add(pixels: Uint8Array, start: number, end: number, bins: Int32Array): void {
  checkRange(pixels, start, end, bins);
  for (let i = start; i < end; i++) bins[pixels[i]!]!++;
}

/**
 * The same, each increment one indivisible Atomics.add: correct however many threads share
 * `bins`, at the price of a locked instruction per pixel and, when threads hit the same bins, a
 * cache line that moves between cores on every add.
 */
export function histogramU8AtomicAdd(pixels: Uint8Array, start: number, end: number, bins: Int32Array): void {
  checkRange(pixels, start, end, bins);
  for (let i = start; i < end; i++) Atomics.add(bins, pixels[i]!, 1);
}

/** Sums `parts` private histograms laid out one after another in `partBins` into `out`. */
export function mergeHistogramsU8(partBins: Int32Array, parts: number, out: Int32Array): void {
  if (!Number.isInteger(parts) || parts < 1 || partBins.length < parts * HISTOGRAM_U8_BINS) {
    throw new RangeError(`invalid parts: ${parts} (partBins holds ${Math.floor(partBins.length / HISTOGRAM_U8_BINS)} histograms)`);
  }
  if (out.length !== HISTOGRAM_U8_BINS) throw new RangeError(`invalid out: length ${out.length}, expected ${HISTOGRAM_U8_BINS}`);
  out.fill(0);
  for (let p = 0; p < parts; p++) {
    for (let v = 0; v < HISTOGRAM_U8_BINS; v++) out[v]! += partBins[p * HISTOGRAM_U8_BINS + v]!;
  }
}
