import { describe, expect, it } from "vitest";
import { forEachClaimedChunk, forEachGuidedChunk } from "./claim-chunks.ts";

describe("forEachClaimedChunk", () => {
  it.each([
    [10, 1],
    [10, 3],
    [10, 10],
    [7, 16],
    [0, 4],
  ])("hands out each of %i items exactly once in chunks of %i, over several claimants", (total, chunk) => {
    const counter = new Int32Array(new SharedArrayBuffer(4));
    const seen = new Uint8Array(total);
    const chunks: number[][] = [];
    // Three claimants taking turns on one counter: whoever asks next gets the next chunk.
    for (let part = 0; part < 3; part++) {
      forEachClaimedChunk(counter, total, chunk, (start, end) => {
        chunks.push([start, end]);
        for (let i = start; i < end; i++) seen[i]!++;
      });
    }
    expect(seen.every((n) => n === 1)).toBe(true);
    expect(chunks.every(([s, e]) => e! - s! <= chunk && e! > s!)).toBe(true);
    expect(chunks.length).toBe(Math.ceil(total / chunk));
  });

  it("claims nothing from a counter that was never reset, even once it has wrapped past 2³¹", () => {
    const counter = Int32Array.of(2 ** 31 - 2);
    const claimed: number[] = [];
    forEachClaimedChunk(counter, 100, 4, (start) => claimed.push(start));
    expect(counter[0]).toBeLessThan(0); // wrapped
    forEachClaimedChunk(counter, 100, 4, (start) => claimed.push(start));
    expect(claimed).toEqual([]);
  });

  it("names a bad chunk or total", () => {
    const counter = new Int32Array(1);
    expect(() => forEachClaimedChunk(counter, 5, 0, () => {})).toThrow(/invalid chunk: 0/);
    expect(() => forEachClaimedChunk(counter, -1, 1, () => {})).toThrow(/invalid total: -1/);
  });
});

describe("forEachGuidedChunk", () => {
  it.each([
    [0, 171, 2],
    [171, 342, 2],
    [0, 66, 32],
    [5, 6, 4],
    [3, 3, 2],
  ])(
    "hands out items [%i, %i) exactly once over %i interleaved claimants, shrinking chunks, and stops the counter at the end",
    (begin, end, parts) => {
      const counter = Int32Array.of(begin);
      const seen = new Uint8Array(end - begin);
      const sizes: number[] = [];
      // Claimant p's first chunk runs claimant p + 1 inside it, as if it claimed while p computed.
      const claim = (p: number) => {
        let first = true;
        forEachGuidedChunk(counter, begin, end, parts, (start, stop) => {
          sizes.push(stop - start);
          for (let i = start; i < stop; i++) seen[i]!++;
          if (first && p + 1 < parts) claim(p + 1);
          first = false;
        });
      };
      claim(0);
      expect(seen.every((n) => n === 1)).toBe(true);
      expect(counter[0]).toBe(end);
      expect(sizes.every((s, i) => s >= 1 && (i === 0 || s <= sizes[i - 1]!))).toBe(true);
      if (end - begin >= 4 * parts) expect(sizes[0]).toBe(Math.floor((end - begin) / (2 * parts)));
    },
  );

  it("claims nothing from a counter outside its range (a step that was not reached, or one already done)", () => {
    const claimed: number[] = [];
    forEachGuidedChunk(Int32Array.of(3), 10, 20, 2, (start) => claimed.push(start));
    forEachGuidedChunk(Int32Array.of(20), 10, 20, 2, (start) => claimed.push(start));
    expect(claimed).toEqual([]);
  });

  it("names a bad range", () => {
    expect(() => forEachGuidedChunk(new Int32Array(1), 5, 4, 2, () => {})).toThrow(/invalid range: \[5, 4\)/);
    expect(() => forEachGuidedChunk(new Int32Array(1), -1, 4, 2, () => {})).toThrow(/invalid range/);
  });
});
