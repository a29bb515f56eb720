import { describe, expect, it } from "vitest";
import { pairwiseBroadcastScratch, pairwiseSqDistF32Broadcast } from "./pairwise-sqdist-f32-broadcast.ts";
import { pairwiseSqDistF32Fused } from "./pairwise-sqdist-f32-fused.ts";
import type { PairwiseShape } from "./pairwise-shape.ts";
import { randomF32 } from "./random.ts";

const shapes: PairwiseShape[] = [
  { n: 1, m: 1, d: 1 },
  { n: 7, m: 3, d: 5 },
  { n: 2, m: 13, d: 17 },
  { n: 9, m: 9, d: 1 },
];

describe("pairwiseSqDistF32Fused", () => {
  it("is the squared distance, by hand", () => {
    const out = new Float32Array(2);
    pairwiseSqDistF32Fused({ n: 1, m: 2, d: 2 }, Float32Array.of(0, 0), Float32Array.of(3, 4, -1, 1), out);
    expect(Array.from(out)).toEqual([25, 2]);
  });
});

describe("pairwiseSqDistF32Broadcast", () => {
  it.each(shapes)("matches the fused loop: %o", (s) => {
    const a = randomF32(s.n * s.d, s.n + 1);
    const b = randomF32(s.m * s.d, s.m + 2);
    const fused = new Float32Array(s.n * s.m);
    const broadcast = new Float32Array(s.n * s.m).fill(Number.NaN);
    pairwiseSqDistF32Fused(s, a, b, fused);
    pairwiseSqDistF32Broadcast(s, a, b, broadcast, pairwiseBroadcastScratch(s));
    // The temporaries round each difference and square to float32 (relative error ≤ u each, so ≤ 3u
    // per term); both sums are float64, then rounded once more: ≤ 4u relative to the distance.
    fused.forEach((f, i) => expect(Math.abs(broadcast[i]! - f)).toBeLessThanOrEqual(4 * 2 ** -24 * f));
  });

  it("names the bad argument", () => {
    const s = { n: 2, m: 2, d: 2 };
    const ok = new Float32Array(4);
    expect(() => pairwiseSqDistF32Fused({ ...s, d: 0 }, ok, ok, ok)).toThrow(/invalid d: 0/);
    expect(() => pairwiseSqDistF32Fused(s, new Float32Array(3), ok, ok)).toThrow(/invalid a/);
    expect(() => pairwiseSqDistF32Broadcast(s, ok, ok, ok, { diff: new Float32Array(8), squared: new Float32Array(7) })).toThrow(
      /invalid squared/,
    );
  });
});
