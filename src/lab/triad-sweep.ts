import { MEMORY_MAXIMUM_PAGES, WASM_PAGE_BYTES } from "../kernels/wasm/kernels-wasm.ts";
import { arenaBytes } from "../kernels/wasm/wasm-arena.ts";

/** The triad's three arrays: a (written), b and c (read). */
export const TRIAD_ARRAYS = 3;
const KiB = 1024;
const MiB = 1024 * KiB;

/** Arena bytes of a triad's three arrays of `elements` floats each. */
export const triadArenaBytes = (elements: number) => TRIAD_ARRAYS * arenaBytes(elements);

/** The smallest size of each array: 3 × 32 KiB fit in any core's L2, not in its L1. */
export const SWEEP_FROM_BYTES = 32 * KiB;
/** Each size is this many times the last: few enough cases to run in minutes, close enough to see each cache level. */
export const SWEEP_FACTOR = 4;
/**
 * What the three arrays may take of the WebAssembly memory (1 GiB maximum): seven eighths, the rest
 * left to the module's own data and the arena's alignment.
 */
export const SWEEP_BUDGET_BYTES = ((MEMORY_MAXIMUM_PAGES * WASM_PAGE_BYTES) / 8) * 7;

/** Array sizes in bytes, from `from` by ×`factor` while all three arrays fit in `budget`. */
export function sweepArrayBytes(from: number, factor: number, budget: number): number[] {
  if (!(from > 0)) throw new RangeError(`invalid from: ${from} (expected bytes > 0)`);
  if (!(factor > 1)) throw new RangeError(`invalid factor: ${factor} (expected > 1)`);
  const sizes: number[] = [];
  for (let size = from; TRIAD_ARRAYS * size <= budget; size *= factor) sizes.push(size);
  return sizes;
}

/** "32 KiB", "128 MiB". */
export function bytesText(bytes: number): string {
  return bytes >= MiB ? `${bytes / MiB} MiB` : `${bytes / KiB} KiB`;
}

/** A sweep case's label: the three arrays, e.g. "3 × 128 MiB". */
export const sweepLabel = (arrayBytes: number) => `${TRIAD_ARRAYS} × ${bytesText(arrayBytes)}`;
