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

/**
 * A claim's verdict from the medians of its two sides, or, `by` "fastest", from their fastest
 * samples: what each side ran at when nothing else got in the way. A re-measurement uses the
 * fastest (see runBenchmark): a host that slows a program only ever adds time, so the fastest
 * samples see past a slow period that covers most of them, while slower code is slower in its
 * fastest sample too.
 */
export function evaluateClaim(claim: Claim, results: readonly ResultV1[], by: "median" | "fastest" = "median"): ClaimResult {
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
  const ratio = by === "fastest" ? slow.min / fast.min : slow.median / fast.median;
  return { ...base, ratio, status: ratio >= claim.atLeast ? "pass" : "fail", ...(by === "fastest" ? { by } : {}) };
}

/** Whether a claim compares more threads with fewer: then the cores it ran on can decide it. */
export function spansThreadCounts(claim: Claim): boolean {
  return (claim.faster.threads ?? 1) > (claim.slower.threads ?? 1);
}

/**
 * A failed claim across thread counts, judged with what the cores could give while it was measured.
 * `capacity` is how much pure arithmetic sped up at the claim's two thread counts (parallelCapacity);
 * `codeFactor`, for a claim between two variants, how much faster the faster variant ran than the
 * slower one at the slower one's thread count (the code's own share of the ratio). Their product
 * bounds the ratio the claim could measure (ratioTheCoresAllowed): when it is below what the claim
 * needs, no kernel could have met it on those cores, so the claim was not judged rather than failed.
 * A claim that failed while the cores could give enough stays failed; nothing else changes.
 */
export function judgeWithCapacity(result: ClaimResult, capacity: number, codeFactor?: number): ClaimResult {
  const measured = { ...result, capacity, ...(codeFactor === undefined ? {} : { codeFactor }) };
  const bound = ratioTheCoresAllowed(measured)!;
  if (result.status !== "fail" || result.ratio === undefined || bound >= result.required) return measured;
  const code =
    codeFactor === undefined
      ? ","
      : ` and, at the slower side's thread count, the faster variant ran ${codeFactor.toFixed(2)}× as fast: at most ${bound.toFixed(2)}× was possible,`;
  return {
    ...measured,
    status: "unavailable",
    reason: `while it was measured, the cores sped up pure arithmetic only ${capacity.toFixed(2)}× at these thread counts${code} less than the ${result.required}× the claim needs`,
  };
}

/**
 * The most a claim across thread counts could have measured on its cores (judgeWithCapacity), when
 * that was measured. A code factor below 1 never lowers it: faster-side code that is slower per
 * thread is the code's shortfall, not the cores'.
 */
export function ratioTheCoresAllowed(result: ClaimResult): number | undefined {
  return result.capacity === undefined ? undefined : result.capacity * Math.max(1, result.codeFactor ?? 1);
}
