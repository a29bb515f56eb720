import { describe, expect, it } from "vitest";
import { chainConstants, fusedNormalizeGammaU8Ts, normalizeGammaU8 } from "./fused-normalize-gamma-u8-ts.ts";
import { normalizeGammaU8PassesTs, unfusedScratch } from "./normalize-gamma-u8-passes-ts.ts";
import { CHAIN_TEST_CASES, linearImageF32 } from "./fused-normalize-gamma-u8-input.ts";

// The chain's bytes are exact: every variant must give the same u8 for every pixel (tolerance 0),
// the same ones python/tests/test_fusion.py checks numpy and Cython against.

describe("the normalize → gamma → clamp → u8 chain", () => {
  it("is the chain fusion.py defines", () => {
    const k = chainConstants(0, 1);
    // The same values as test_the_chain_is_normalize_gamma_clamp_round in the Python tests.
    expect([-1, 0, 0.25, 1, 4].map((x) => normalizeGammaU8(x, k))).toEqual([0, 0, 128, 255, 255]);
    // 0.5 → sqrt 0.70710677 → 180.31223 + 0.5 → 180
    expect(normalizeGammaU8(0.5, k)).toBe(180);
    expect(normalizeGammaU8(Number.NaN, k)).toBe(0);
  });

  it.each(CHAIN_TEST_CASES)(
    "unfused passes and the fused loop give the same bytes on %i pixels (black %f, white %f)",
    (pixels, black, white) => {
      const src = linearImageF32(pixels, black, white, pixels);
      const k = chainConstants(black, white);
      const fused = new Uint8Array(pixels);
      fusedNormalizeGammaU8Ts(src, fused, k);
      const unfused = new Uint8Array(pixels);
      normalizeGammaU8PassesTs(src, unfused, k, unfusedScratch(pixels));
      expect(unfused).toEqual(fused);
      if (pixels >= 1000) expect([Math.min(...fused), Math.max(...fused)]).toEqual([0, 255]);
    },
  );

  it("names bad arguments", () => {
    expect(() => chainConstants(Number.NaN, 1)).toThrow(/invalid black: NaN/);
    expect(() => chainConstants(1, 1)).toThrow(/invalid white: 1 \(expected a finite number greater than black = 1\)/);
    expect(() => chainConstants(0, Infinity)).toThrow(/invalid white: Infinity/);
    const k = chainConstants(0, 1);
    expect(() => fusedNormalizeGammaU8Ts(new Float32Array(4), new Uint8Array(3), k)).toThrow(/invalid dst: 3 bytes/);
    expect(() => normalizeGammaU8PassesTs(new Float32Array(4), new Uint8Array(4), k, unfusedScratch(3))).toThrow(/invalid scratch/);
  });
});
