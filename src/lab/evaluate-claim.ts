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

/** Whether a claim compares one variant with itself at two thread counts: only threads can make the difference. */
export function isThreadScaling(claim: Claim): boolean {
  return claim.faster.variant === claim.slower.variant && (claim.faster.threads ?? 1) > (claim.slower.threads ?? 1);
}

/**
 * A failed thread-scaling claim, judged with what the cores could give while it was measured
 * (`capacity`, parallelCapacity): when even pure arithmetic sped up less than the claim requires,
 * no kernel could have met it on those cores, so the claim was not checked rather than failed. A
 * claim that failed while the cores could give enough stays failed; nothing else changes.
 */
export function judgeWithCapacity(result: ClaimResult, capacity: number): ClaimResult {
  if (result.status !== "fail" || result.ratio === undefined || capacity >= result.required) return { ...result, capacity };
  return {
    ...result,
    capacity,
    status: "unavailable",
    reason: `while it was measured, the cores sped up pure arithmetic only ${capacity.toFixed(2)}× at these thread counts, less than the ${result.required}× the claim needs`,
  };
}
