import { describe, expect, it } from "vitest";
import { forEachClaimedChunk } from "./claim-chunks.ts";

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
