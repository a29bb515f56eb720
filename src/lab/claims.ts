/** One side of a comparison: a variant, at a thread count (1 unless it is a parallel variant). */
export interface ClaimSide {
  variant: string;
  threads?: number;
}

/**
 * A claim is data: "`faster` is at least `atLeast`× as fast as `slower` on case `case`". The prose
 * renders it (never a number of its own), and e2e checks it on the machine it runs on.
 */
export interface Claim {
  id: string;
  bench: string;
  case: string;
  faster: ClaimSide;
  slower: ClaimSide;
  atLeast: number;
  /** Why the claim should hold, in one sentence for the page. */
  because: string;
}

export type ClaimStatus = "pass" | "fail" | "unavailable";

export interface ClaimResult {
  id: string;
  status: ClaimStatus;
  /** Measured median(slower) / median(faster), or fastest(slower) / fastest(faster) when `by` says so; absent when a side was not measured. */
  ratio?: number;
  /** "fastest": `ratio` compares the two sides' fastest samples, as a re-measurement does (evaluateClaim); absent: their medians. */
  by?: "fastest";
  required: number;
  /** Why the claim could not be checked (e.g. fewer than 2 threads available). */
  reason?: string;
  /** The first measured ratio, when that one failed and both sides were measured again. */
  firstRatio?: number;
  /**
   * How much faster pure arithmetic ran at the claim's thread counts, measured right after a claim
   * across thread counts failed twice (parallelCapacity): the speed-up the cores could give then.
   */
  capacity?: number;
  /**
   * For such a claim between two variants: how much faster the faster variant ran than the slower
   * one at the slower one's thread count, measured with `capacity` (judgeWithCapacity).
   */
  codeFactor?: number;
}

/** Renders a thread count for prose: "1 thread", "2 threads". */
export function threadsText(threads = 1): string {
  return threads === 1 ? "1 thread" : `${threads} threads`;
}
