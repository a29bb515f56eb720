import { describe, expect, it } from "vitest";
import { mulberry32 } from "../kernels/random.ts";
import { compareResults } from "./compare.ts";
import type { ResultV1 } from "./results.ts";
import { summarize } from "./stats.ts";

/** n timings around `center` ms with a right skew, as real timings have; seeded. */
function timings(center: number, n: number, seed: number): number[] {
  const next = mulberry32(seed);
  return Array.from({ length: n }, () => center * (1 + 0.05 * next() + 0.1 * next() ** 4));
}

function result(samples: number[], variant = "v"): ResultV1 {
  const s = summarize(samples);
  return {
    bench: "b",
    case: "c",
    variant,
    params: {},
    threads: 1,
    samples,
    n: s.n,
    median: s.median,
    iqr: s.iqr,
    min: s.min,
    ci95: s.ci95,
    cv: s.cv,
    noisy: false,
    correctness: { ok: true, maxError: 0, tolerance: 0 },
  };
}

describe("compareResults", () => {
  it("finds no significant difference between two draws of one distribution", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const [c] = compareResults([result(timings(10, 30, seed))], [result(timings(10, 30, seed + 100))]);
      expect(c?.method).toBe("bootstrap");
      expect(c?.ci95[0]).toBeLessThan(1);
      expect(c?.ci95[1]).toBeGreaterThan(1);
      expect(c?.verdict).toBe("no significant difference");
    }
  });

  it("compares a run with itself as no difference, ratio exactly 1", () => {
    const a = result(timings(10, 20, 9));
    const [c] = compareResults([a], [a]);
    expect(c?.ratio).toBe(1);
    expect(c?.verdict).toBe("no significant difference");
  });

  it("gives a CI that excludes 1 for a 2× shift, in both directions", () => {
    const slow = result(timings(20, 30, 1));
    const fast = result(timings(10, 30, 2));
    const [faster] = compareResults([slow], [fast]);
    expect(faster?.ratio).toBeCloseTo(2, 0);
    expect(faster?.ci95[0]).toBeGreaterThan(1);
    expect(faster?.verdict).toBe("faster");
    const [slower] = compareResults([fast], [slow]);
    expect(slower?.ci95[1]).toBeLessThan(1);
    expect(slower?.verdict).toBe("slower");
  });

  it("falls back to the medians' CIs when samples are absent, and is more cautious for it", () => {
    const a = result(timings(10, 30, 1));
    const b = result(timings(10.4, 30, 2));
    const [withSamples] = compareResults([a], [b]);
    const [ciOnly] = compareResults([{ ...a, samples: [] }], [b]);
    expect(ciOnly?.method).toBe("ci");
    expect(ciOnly?.ratio).toBe(withSamples?.ratio);
    expect(ciOnly!.ci95[0]).toBeLessThanOrEqual(withSamples!.ci95[0]);
    expect(ciOnly!.ci95[1]).toBeGreaterThanOrEqual(withSamples!.ci95[1]);
    const [shifted] = compareResults([{ ...result(timings(20, 30, 1)), samples: [] }], [{ ...result(timings(10, 30, 2)), samples: [] }]);
    expect(shifted?.verdict).toBe("faster");
  });

  it("pairs measurements by case, variant and threads, and skips what only one source has", () => {
    const first = [result(timings(10, 10, 1), "x"), result(timings(10, 10, 2), "only-first")];
    const second = [result(timings(10, 10, 3), "x"), result(timings(10, 10, 4), "only-second")];
    expect(compareResults(first, second).map((c) => c.variant)).toEqual(["x"]);
  });

  it("is deterministic: the same samples give the same interval", () => {
    const a = [result(timings(10, 30, 1))];
    const b = [result(timings(11, 30, 2))];
    expect(compareResults(a, b)).toEqual(compareResults(a, b));
  });
});
