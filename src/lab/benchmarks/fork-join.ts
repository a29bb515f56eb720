import { randomF32 } from "../../kernels/random.ts";
import { triadF32Ref, triadF32Tolerance } from "../../kernels/triad-f32-ref.ts";
import { triadArenaBytes } from "../triad-sweep.ts";
import { defineBenchmark } from "../benchmark.ts";

type TinyJobParams = { elements: number };

interface TriadInput {
  b: Float32Array;
  c: Float32Array;
}

const SCALAR = 3;
/** The tiny job: a triad over three arrays of 16 Ki floats (64 KiB each, in every core's L2), a few microseconds. */
const TINY = "triad over 3 × 64 KiB";
/** A job worth splitting: the same triad over 256 Ki floats per array (1 MiB each), tens of microseconds. */
const SMALL = "triad over 3 × 1 MiB";

/**
 * What one pool job costs before any work is done: an empty job (fork and join, nothing else), and
 * the STREAM triad in cache, tiny (a few microseconds on one core) and small (tens), at 1, 2, 4 …
 * threads. Splitting a job pays only when its work is many times the empty job's time.
 */
export const forkJoin = defineBenchmark<TinyJobParams, TriadInput>({
  id: "fork-join",
  title: "Fork and join: what waking the pool costs",
  chapter: "/multiprocessing/",
  cases: [
    { label: TINY, params: { elements: 16 * 1024 } },
    { label: SMALL, params: { elements: 256 * 1024 } },
  ],
  caseAxis: "job",
  seed: 20261206,
  input: (p, seed) => ({ b: randomF32(p.elements, seed), c: randomF32(p.elements, seed + 1) }),
  reference(p, { b, c }) {
    const a = new Float32Array(p.elements);
    triadF32Ref(a, b, c, SCALAR);
    return a;
  },
  // Overhead, not arithmetic: compare times (the empty job has no FLOPs to count).
  flops: () => 0,
  tolerance: () => triadF32Tolerance(SCALAR),
  baseline: "triad-f32-wasmrelaxedsimd-threads",
  variants: [
    {
      id: "fork-join-empty-ts-threads",
      label: "Empty job: fork and join only",
      needsIsolation: true,
      parallel: true,
      prepare(_p, _input, ctx) {
        const nothing = new Float32Array(0);
        // The job computes nothing, so there is nothing to check but that run() returns: it
        // returns only once every helper has reported its part done.
        return { run: () => ctx.pool.run("fork_join_empty", {}, ctx.threads), output: () => nothing, expected: nothing };
      },
    },
    {
      id: "triad-f32-wasmrelaxedsimd-threads",
      label: "Tiny job: triad in cache, split over the threads (WebAssembly)",
      needsIsolation: true,
      parallel: true,
      prepare(p, { b, c }, ctx) {
        const { arena, memory } = ctx.wasm;
        arena.reset();
        const a = arena.allocF32(p.elements);
        const bBlock = arena.allocF32(p.elements);
        const cBlock = arena.allocF32(p.elements);
        bBlock.view().set(b);
        cBlock.view().set(c);
        const args = { a: a.ptr, b: bBlock.ptr, c: cBlock.ptr, scalar: SCALAR, n: p.elements };
        // On one thread the pool runs the only part itself: no fork, no join.
        return {
          run: () => ctx.pool.run("triad_f32_wasmrelaxedsimd", args, ctx.threads),
          output: () => new Float32Array(memory.buffer, a.ptr, p.elements).slice(),
        };
      },
      arenaBytes: (p) => triadArenaBytes(p.elements),
    },
  ],
  claims: [
    {
      id: "fork-join/empty-vs-work",
      case: SMALL,
      faster: { variant: "fork-join-empty-ts-threads", threads: 2 },
      slower: { variant: "triad-f32-wasmrelaxedsimd-threads", threads: 1 },
      atLeast: 2,
      because:
        "the pool rings one helper's own doorbell in shared memory and waits for one counter to move: a few cache-line transfers when both threads are spinning, one operating-system wake-up each way when they sleep, against tens of microseconds of streaming 3 MiB on one core",
    },
  ],
});
