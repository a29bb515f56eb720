import { ARENA_CAPACITY_BYTES } from "../kernels/wasm/wasm-arena.ts";

/**
 * A variant and case that ran on fewer threads than the run asked for, because the WebAssembly
 * memory (1 GiB at most) could not hold what that many threads need: stored in results JSON
 * (`threadsReduced`) so the reason travels with the figures.
 */
export interface ThreadsReduced {
  variant: string;
  case: string;
  /** Threads the run asked for. */
  requested: number;
  /** The most that fit, which it ran with instead. */
  threads: number;
  /** Arena bytes the requested count needs (Variant.arenaBytes). */
  bytesNeeded: number;
  /** Arena bytes the memory can hold at most. */
  bytesAvailable: number;
}

const MiB = 1024 * 1024;
/** "1,536.5 MiB": one decimal, so a need just past the capacity reads as past it. */
export const mibText = (bytes: number, locale = "en") =>
  `${(bytes / MiB).toLocaleString(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })} MiB`;

/**
 * The most threads, from `requested` down, whose run fits in `capacity` bytes of arena;
 * `bytesAt(t)` is what a run on t threads takes (Variant.arenaBytes). When not even one thread
 * fits, a RangeError names `what`, its need and the capacity: nothing can run it here.
 */
export function fitThreads(bytesAt: (threads: number) => number, requested: number, what: string, capacity = ARENA_CAPACITY_BYTES): number {
  if (!Number.isInteger(requested) || requested < 1) throw new RangeError(`invalid requested: ${requested} (expected an integer ≥ 1)`);
  for (let threads = requested; threads >= 1; threads--) if (bytesAt(threads) <= capacity) return threads;
  throw new RangeError(
    `${what} needs ${mibText(bytesAt(1))} of WebAssembly memory even on 1 thread, more than the ${mibText(capacity)} the run can have (a WebAssembly memory holds 1 GiB at most): it cannot run here`,
  );
}

/** The English sentence for a reduced run (the CLI prints it; the page words it in its language). */
export function threadsReducedNote(r: ThreadsReduced, variantLabel = r.variant, caseText = r.case): string {
  return (
    `${variantLabel} on ${caseText} ran on ${r.threads} threads instead of ${r.requested}: ${r.requested} threads need ` +
    `${mibText(r.bytesNeeded)} of WebAssembly memory, more than the ${mibText(r.bytesAvailable)} the run can have.`
  );
}
