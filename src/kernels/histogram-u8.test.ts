import { describe, expect, it } from "vitest";
import { HISTOGRAM_U8_BINS, histogramU8Add, histogramU8AtomicAdd, mergeHistogramsU8 } from "./histogram-u8.ts";
import { histogramU8Ref } from "./histogram-u8-ref.ts";
import { smoothImageU8 } from "./smooth-image-u8.ts";

const image = smoothImageU8(37, 23, 5);

describe("histogram kernels", () => {
  it("the reference counts every pixel once", () => {
    const bins = histogramU8Ref(Uint8Array.of(0, 255, 3, 3, 3));
    expect(bins[0]).toBe(1);
    expect(bins[3]).toBe(3);
    expect(bins[255]).toBe(1);
    expect(bins.reduce((s, n) => s + n, 0)).toBe(5);
  });

  it.each([
    ["plain", histogramU8Add],
    ["atomic", histogramU8AtomicAdd],
  ] as const)("%s increments over uneven ranges add up to the reference", (_name, add) => {
    const bins = new Int32Array(new SharedArrayBuffer(HISTOGRAM_U8_BINS * 4));
    for (const [s, e] of [
      [0, 1],
      [1, 400],
      [400, 400],
      [400, image.length],
    ] as const)
      add(image, s, e, bins);
    expect(bins).toEqual(histogramU8Ref(image));
  });

  it("private histograms of 3 parts merge into the reference", () => {
    const parts = 3;
    const partBins = new Int32Array(parts * HISTOGRAM_U8_BINS);
    const bounds = [0, 100, 101, image.length];
    for (let p = 0; p < parts; p++)
      histogramU8Add(image, bounds[p]!, bounds[p + 1]!, partBins.subarray(p * HISTOGRAM_U8_BINS, (p + 1) * HISTOGRAM_U8_BINS));
    const merged = new Int32Array(HISTOGRAM_U8_BINS).fill(9); // stale counts must be cleared
    mergeHistogramsU8(partBins, parts, merged);
    expect(merged).toEqual(histogramU8Ref(image));
  });

  it("names bad arguments", () => {
    expect(() => histogramU8Add(image, 0, image.length + 1, new Int32Array(256))).toThrow(/invalid range/);
    expect(() => histogramU8AtomicAdd(image, 0, 1, new Int32Array(255))).toThrow(/invalid bins: length 255/);
    expect(() => mergeHistogramsU8(new Int32Array(256), 2, new Int32Array(256))).toThrow(/invalid parts: 2/);
  });
});

describe("smoothImageU8", () => {
  it("is reproducible from its seed and crowds into part of 0…255, as a photo does", () => {
    expect(smoothImageU8(64, 64, 1)).toEqual(smoothImageU8(64, 64, 1));
    expect(smoothImageU8(64, 64, 1)).not.toEqual(smoothImageU8(64, 64, 2));
    const used = histogramU8Ref(smoothImageU8(256, 256, 1)).filter((n) => n > 0).length;
    expect(used).toBeLessThan(200);
    expect(() => smoothImageU8(0, 4, 1)).toThrow(/invalid width: 0/);
  });
});
