import { HISTOGRAM_U8_BINS } from "./histogram-u8.ts";

/**
 * The obviously correct histogram: for each value, one pass counting the pixels equal to it
 * (256 passes; no indexing by pixel value, so none of the kernels' increments to trust).
 */
export function histogramU8Ref(pixels: Uint8Array): Int32Array {
  const bins = new Int32Array(HISTOGRAM_U8_BINS);
  for (let v = 0; v < HISTOGRAM_U8_BINS; v++) {
    let n = 0;
    for (let i = 0; i < pixels.length; i++) if (pixels[i] === v) n++;
    bins[v] = n;
  }
  return bins;
}
