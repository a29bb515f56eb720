/**
 * A claim's verdict on a run's results. Kept apart from the claim types (claims.ts) because results.ts
 * stores verdicts and this reads results: together they would import each other.
 */
import type { Claim, ClaimResult, ClaimSide } from "./claims.ts";
import type { ResultV1 } from "./results.ts";

function find(results: readonly ResultV1[], claim: Claim, side: ClaimSide): ResultV1 | undefined {
  const threads = side.threads ?? 1;
  return results.find((r) => r.bench === claim.bench && r.case === claim.case && r.variant === side.variant && r.threads === threads);
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
