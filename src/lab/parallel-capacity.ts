import { PEAK_F32X4_LANES } from "../kernels/peak-f32x4-ref.ts";
import { ClaimCounter } from "../kernels/pool/claim-counter.ts";
import type { LabPool } from "./pool/lab-pool-jobs.ts";
import { ROUND_PLAN, SIDE_BY_SIDE_ROUNDS, measure, type Checkpoint } from "./timing.ts";
import type { WasmContext } from "./wasm-context.ts";

/** Iterations per call: ≈ 1.9 GFLOP, tens of milliseconds on one core. */
const ITERATIONS = 2 ** 24;

/**
 * How much faster `threads` threads did pure arithmetic than `base` threads, timed side by side
 * (SIDE_BY_SIDE_ROUNDS) right now: the multiply-add probe (registers only, no memory), its
 * iterations claimed from a counter so every core gives what it can. On idle cores it is threads / base; when the host gives
 * the machine's cores to other work (another guest, two virtual cores on one core's hyperthreads),
 * it says how much less the cores could give. The arena is reset: call it between measurements.
 */
export async function parallelCapacity(
  wasm: WasmContext,
  pool: LabPool,
  base: number,
  threads: number,
  checkpoint?: Checkpoint,
): Promise<number> {
  wasm.arena.reset();
  const out = wasm.arena.allocF32(2 * threads); // one float64 per part
  const counter = new ClaimCounter(wasm.arena);
  const counts = new Float64Array(wasm.memory.buffer, out.ptr, threads);
  const samplesAt = async (parts: number) => {
    const run = () => {
      counter.reset();
      pool.run("peak_f32x4_muladd_claimed_wasmsimd", { iterations: ITERATIONS, out: out.ptr, counter: counter.ptr }, parts);
    };
    const samples = await measure(run, ROUND_PLAN, undefined, checkpoint);
    // A probe that skipped work would look fast: it must have counted every multiply-add.
    const counted = counts.subarray(0, parts).reduce((s, x) => s + x, 0);
    if (counted !== PEAK_F32X4_LANES * ITERATIONS)
      throw new Error(`the capacity probe counted ${counted} multiply-adds, not ${PEAK_F32X4_LANES * ITERATIONS}`);
    return samples;
  };
  const baseSamples: number[] = [];
  const threadsSamples: number[] = [];
  for (let round = 0; round < SIDE_BY_SIDE_ROUNDS; round++) {
    baseSamples.push(...(await samplesAt(base)));
    threadsSamples.push(...(await samplesAt(threads)));
  }
  // The fastest samples, as the re-measured claim it is compared with (evaluateClaim's "fastest").
  return Math.min(...baseSamples) / Math.min(...threadsSamples);
}
