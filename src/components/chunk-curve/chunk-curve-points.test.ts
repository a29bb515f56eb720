import { describe, expect, it } from "vitest";
import type { ResultV1 } from "../../lab/results.ts";
import { chunkOfVariant, LOOP_VARIANT, poolMapImages } from "../../lab/benchmarks/pool-map-images.ts";
import { chunkCurve, chunkVariants } from "./chunk-curve-points.ts";
import { testResult } from "../../lab/test-result.ts";

/** As ChunkCurve.astro renders it into the island. */
const variants = chunkVariants(poolMapImages, LOOP_VARIANT, chunkOfVariant);

function result(variant: string, median: number, threads = 1, ok = true, bench = "pool-map-images"): ResultV1 {
  const params = { count: 256, height: 64, width: 64 };
  return testResult({ bench, case: "256 images of 64×64", variant, params, threads, median, ok, tolerance: 0 });
}

describe("chunkVariants", () => {
  it("maps every pool variant to its chunk size and names the loop", () => {
    expect(variants.bench).toBe("pool-map-images");
    expect(variants.loop).toBe("map-box3-f32-loop-ts");
    expect(variants.chunks).toEqual({
      "map-box3-f32-chunk1-ts-threads": 1,
      "map-box3-f32-chunk4-ts-threads": 4,
      "map-box3-f32-chunk16-ts-threads": 16,
      "map-box3-f32-chunk64-ts-threads": 64,
      "map-box3-f32-chunk256-ts-threads": 256,
    });
  });
});

describe("chunkCurve", () => {
  it("turns each pool variant into a point at its chunk size, one series per thread count, sorted by chunk", () => {
    const { points, loops } = chunkCurve(
      [
        result("map-box3-f32-chunk256-ts-threads", 9, 2),
        result("map-box3-f32-chunk1-ts-threads", 7, 2),
        result("map-box3-f32-chunk16-ts-threads", 4, 2),
        result("map-box3-f32-chunk16-ts-threads", 8, 1),
        result("map-box3-f32-loop-ts", 8),
      ],
      variants,
    );
    expect(points.map((p) => [p.chunk, p.series, p.ms])).toEqual([
      [1, "2 threads", 7],
      [16, "2 threads", 4],
      [16, "1 thread", 8],
      [256, "2 threads", 9],
    ]);
    expect(loops).toEqual([{ batch: "256 images of 64×64", ms: 8 }]);
  });

  it("leaves out incorrect results, other benchmarks and unknown variants", () => {
    const { points, loops } = chunkCurve(
      [
        result("map-box3-f32-chunk4-ts-threads", 1, 2, false),
        result("map-box3-f32-chunk4-ts-threads", 1, 2, true, "gemm"),
        result("map-box3-f32-chunk3-ts-threads", 1, 2),
      ],
      variants,
    );
    expect(points).toEqual([]);
    expect(loops).toEqual([]);
  });
});
