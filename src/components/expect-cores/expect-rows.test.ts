import { describe, expect, it } from "vitest";
import type { ResultV1 } from "../../lab/results.ts";
import { expectRows } from "./expect-rows.ts";

function run(kase: string, variant: string, threads: number, median: number, gbps?: number): ResultV1 {
  return {
    bench: "b",
    case: kase,
    variant,
    params: {},
    threads,
    samples: [median],
    n: 1,
    median,
    iqr: 0,
    min: median,
    ci95: [median, median],
    cv: 0,
    noisy: false,
    ...(gbps === undefined ? {} : { gbps }),
    correctness: { ok: true, maxError: 0, tolerance: 1 },
  };
}

const bench = {
  id: "b",
  cases: [{ label: "small" }, { label: "large" }],
  variants: [
    { id: "serial", label: "one" },
    { id: "pool", label: "pool", parallel: true },
  ],
};

describe("expectRows", () => {
  // 400 MB per call (10 GB/s × 40 ms) on the large case; 40 → 22 ms on two threads: s = 0.1
  const results = [
    run("small", "pool", 1, 1),
    run("small", "pool", 2, 0.6),
    run("large", "pool", 1, 40, 10),
    run("large", "pool", 2, 22, 400 / 22),
    run("large", "pool", 4, 13, 400 / 13),
    run("large", "serial", 1, 40, 10),
  ];

  // Amdahl: 40 · (0.1 + 0.9 / n) = 13, 8.5, 6.25, 5.1 ms on 4 … 32 threads; the floor: 400 MB at 50 GB/s = 8 ms
  it("predicts each parallel variant on the largest case run on 1 and 2 threads, with the measured points beside", () => {
    const [row, ...rest] = expectRows(results, bench, 50);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({ variant: "pool", case: "large", model: { serialFraction: expect.closeTo(0.1, 12), floorMs: 8 } });
    expect(row!.predictions.map((p) => [p.threads, p.bound])).toEqual([
      [1, "amdahl"],
      [2, "amdahl"],
      [4, "amdahl"],
      [8, "amdahl"],
      [16, "bandwidth"],
      [32, "bandwidth"],
    ]);
    expect(row!.measured.map((m) => m.threads)).toEqual([1, 2, 4]);
  });

  it("says why there is no ceiling", () => {
    expect(expectRows(results, bench, undefined)[0]!.noCeiling).toBe("no-bandwidth");
    const noBytes = results.map((r) => ({ ...r, gbps: undefined }));
    expect(expectRows(noBytes, bench, 50)[0]!.noCeiling).toBe("no-byte-model");
    expect(expectRows(results.slice(0, 2), bench, 50)[0]).toMatchObject({ case: "small", noCeiling: "no-byte-model" });
    expect(expectRows([run("large", "pool", 1, 40)], bench, 50)).toEqual([]);
  });
});
