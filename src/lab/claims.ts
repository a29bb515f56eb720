import type { ResultV1 } from "./results.ts";

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
  /** Measured median(slower) / median(faster); absent when a side was not measured. */
  ratio?: number;
  required: number;
  /** Why the claim could not be checked (e.g. fewer than 2 threads available). */
  reason?: string;
  /** The first measured ratio, when that one failed and both sides were measured again. */
  firstRatio?: number;
}

function find(results: readonly ResultV1[], claim: Claim, side: ClaimSide): ResultV1 | undefined {
  const threads = side.threads ?? 1;
  return results.find(
    (r) => r.bench === claim.bench && r.case === claim.case && r.variant === side.variant && r.threads === threads,
  );
}

export function evaluateClaim(claim: Claim, results: readonly ResultV1[]): ClaimResult {
  const base = { id: claim.id, required: claim.atLeast };
  const fast = find(results, claim, claim.faster);
  const slow = find(results, claim, claim.slower);
  if (!fast || !slow) {
    const missing = !fast ? claim.faster : claim.slower;
    return { ...base, status: "unavailable", reason: `${missing.variant} at ${missing.threads ?? 1} thread(s) was not measured` };
  }
  if (!fast.correctness.ok || !slow.correctness.ok) {
    return { ...base, status: "fail", reason: "a result was not correct" };
  }
  const ratio = slow.median / fast.median;
  return { ...base, ratio, status: ratio >= claim.atLeast ? "pass" : "fail" };
}

/** Renders a thread count for prose: "1 thread", "2 threads". */
export function threadsText(threads = 1): string {
  return threads === 1 ? "1 thread" : `${threads} threads`;
}
