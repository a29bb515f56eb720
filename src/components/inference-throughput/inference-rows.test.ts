import { describe, expect, it } from "vitest";
import type { ResultV1 } from "../../lab/results.ts";
import { inferenceRows } from "./inference-rows.ts";
import { testResult } from "../../lab/test-result.ts";

function result(variant: string, median: number, threads = 1, ok = true, bench = "cnn-inference"): ResultV1 {
  return testResult({ bench, case: "net, 256 images", variant, params: { model: 0, images: 256 }, threads, median, ok });
}

describe("inferenceRows", () => {
  it("derives images per second from the whole run and latency from one call", () => {
    const rows = inferenceRows(
      [
        result("infer-f32-batch1-wasmrelaxedsimd", 512),
        result("infer-f32-batch64-wasmrelaxedsimd", 128),
        result("infer-f32-split-wasmrelaxedsimd-threads", 64, 2),
      ],
      "cnn-inference",
      256,
    );
    expect(rows.map((r) => [r.network, r.calling, r.batch, r.imagesPerSecond, r.latencyMs, r.threads])).toEqual([
      ["net", "one per call", 1, 500, 2, 1], // 256 calls of 2 ms
      ["net", "64 per call", 64, 2000, 32, 1], // 4 calls of 32 ms
      ["net", "256 per call, split across 2 threads", 256, 4000, 64, 2], // one call for all 256 images
    ]);
  });

  it("ignores other benchmarks, unknown variants, the int8 network and incorrect results", () => {
    const rows = inferenceRows(
      [
        result("infer-i8-batch64-wasmrelaxedsimd", 1),
        result("infer-f32-batch8-wasmrelaxedsimd", 1, 1, false),
        result("infer-f32-batch8-wasmrelaxedsimd", 1, 1, true, "gemm"),
        result("gemm-f32-ikj-ts", 1),
      ],
      "cnn-inference",
      256,
    );
    expect(rows).toEqual([]);
  });
});
