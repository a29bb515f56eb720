import type { Params } from "./benchmark.ts";
import type { ResultV1 } from "./results.ts";

/** What a test says about one measurement; the rest of the result follows from one sample. */
export interface TestResultFields {
  bench: string;
  case: string;
  variant: string;
  median: number;
  threads?: number;
  params?: Params;
  gbps?: number;
  ok?: boolean;
  tolerance?: number;
}

/**
 * A result of a single sample (so median = min = both ends of the CI, no spread): the fixture
 * the unit and e2e tests build results documents from, so each states only what it varies.
 */
export function testResult({ median, threads = 1, params = {}, gbps, ok = true, tolerance = 1, ...names }: TestResultFields): ResultV1 {
  return {
    ...names,
    params,
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
    correctness: { ok, maxError: 0, tolerance },
  };
}
