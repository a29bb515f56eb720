import { describe, expect, it } from "vitest";
import { pairwiseBroadcastScratch, pairwiseSqdistF32BroadcastTs } from "./pairwise-sqdist-f32-broadcast-ts.ts";
import { pairwiseSqdistF32FusedTs } from "./pairwise-sqdist-f32-fused-ts.ts";
import type { PairwiseShape } from "./pairwise-shape.ts";
import { randomF32 } from "./random.ts";

const shapes: PairwiseShape[] = [
  { n: 1, m: 1, d: 1 },
  { n: 7, m: 3, d: 5 },
  { n: 2, m: 13, d: 17 },
  { n: 9, m: 9, d: 1 },
];

describe("pairwiseSqdistF32FusedTs", () => {
  it("is the squared distance, by hand", () => {
    const out = new Float32Array(2);
    pairwiseSqdistF32FusedTs({ n: 1, m: 2, d: 2 }, Float32Array.of(0, 0), Float32Array.of(3, 4, -1, 1), out);
    expect(Array.from(out)).toEqual([25, 2]);
  });
});

describe("pairwiseSqdistF32BroadcastTs", () => {
  it.each(shapes)("matches the fused loop: %o", (s) => {
    const a = randomF32(s.n * s.d, s.n + 1);
    const b = randomF32(s.m * s.d, s.m + 2);
    const fused = new Float32Array(s.n * s.m);
    const broadcast = new Float32Array(s.n * s.m).fill(Number.NaN);
    pairwiseSqdistF32FusedTs(s, a, b, fused);
    pairwiseSqdistF32BroadcastTs(s, a, b, broadcast, pairwiseBroadcastScratch(s));
    // The temporaries round each difference and square to float32 (relative error ≤ u each, so ≤ 3u
    // per term); both sums are float64, then rounded once more: ≤ 4u relative to the distance.
    fused.forEach((f, i) => expect(Math.abs(broadcast[i]! - f)).toBeLessThanOrEqual(4 * 2 ** -24 * f));
  });

  it("names the bad argument", () => {
    const s = { n: 2, m: 2, d: 2 };
    const ok = new Float32Array(4);
    expect(() => pairwiseSqdistF32FusedTs({ ...s, d: 0 }, ok, ok, ok)).toThrow(/invalid d: 0/);
    expect(() => pairwiseSqdistF32FusedTs(s, new Float32Array(3), ok, ok)).toThrow(/invalid a/);
    expect(() => pairwiseSqdistF32BroadcastTs(s, ok, ok, ok, { diff: new Float32Array(8), squared: new Float32Array(7) })).toThrow(
      /invalid squared/,
    );
  });
});
