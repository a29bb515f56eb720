import { collatzStepsRange, collatzStepsTask, runInterleaved } from "../../kernels/collatz-steps-tasks.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark } from "../benchmark.ts";
import { countAsF32 } from "./machine-peak.ts";

/** The Collatz steps of every n in [1, stop). */
type CollatzParams = { stop: number };

/** How many numbers each cooperative task does before it yields to the event loop. */
const TASK_CHUNK = 1000;
const CASE = "300,000";

/**
 * Syllabus 1.1 in the browser: the Python GIL experiment's CPU-bound loop, in plain JavaScript, on
 * one thread, as two tasks taking turns on one thread (asyncio's model, and the GIL's), and split
 * over the workers of the pool (separate interpreters, like a process pool).
 */
export const gilWorkers = defineBenchmark<CollatzParams, null>({
  id: "gil-workers",
  title: "A CPU-bound loop: one thread, tasks taking turns, workers in parallel",
  chapter: "/basics/gil/",
  cases: [{ label: CASE, params: { stop: 300_000 } }],
  caseAxis: "numbers n (Collatz steps of 1 … n − 1)",
  seed: 0, // no random input: the range itself is the input
  input: () => null,
  // The Pyodide race's loop, checked by its unit test against known counts.
  reference: ({ stop }) => countAsF32(collatzStepsRange(1, stop)),
  // A count of integer steps: every way must get it exactly.
  tolerance: () => 0,
  // Not floating-point work: the chart's GFLOP/s column does not apply.
  flops: () => 0,
  baseline: "collatz-steps-ts",
  variants: [
    {
      id: "collatz-steps-ts",
      label: "One thread, one loop (JavaScript)",
      prepare: ({ stop }) => {
        let total = 0;
        return { run: () => void (total = collatzStepsRange(1, stop)), output: () => countAsF32(total) };
      },
    },
    {
      id: "collatz-steps-interleaved-ts",
      label: "Two tasks taking turns on one thread (JavaScript)",
      prepare: ({ stop }) => {
        let total = 0;
        const half = Math.floor(stop / 2);
        // Two tasks, as the Python experiment's two threads; created per call, as generators run once.
        const run = () => {
          const tasks = [collatzStepsTask(1, half, TASK_CHUNK), collatzStepsTask(half, stop, TASK_CHUNK)];
          total = runInterleaved(tasks).reduce((s, x) => s + x, 0);
        };
        return { run, output: () => countAsF32(total) };
      },
    },
    {
      id: "collatz-steps-ts-threads",
      label: "Split over workers (JavaScript)",
      parallel: true,
      // The pool and its shared control block exist only on a cross-origin isolated page.
      needsIsolation: true,
      prepare({ stop }, _input, ctx) {
        const { arena } = ctx.wasm;
        arena.reset();
        const out = arena.allocF32(2 * ctx.threads); // one float64 per part
        const args = { start: 1, stop, out: out.ptr };
        return {
          run: () => ctx.pool.run("collatz_steps_ts", args, ctx.threads),
          output: () => countAsF32(new Float64Array(ctx.wasm.memory.buffer, out.ptr, ctx.threads).reduce((s, x) => s + x, 0)),
        };
      },
      arenaBytes: (_p, threads) => arenaBytes(2 * threads),
    },
  ],
  claims: [
    {
      id: "gil-workers/workers-2",
      case: CASE,
      faster: { variant: "collatz-steps-ts-threads", threads: 2 },
      slower: { variant: "collatz-steps-ts-threads", threads: 1 },
      atLeast: 1.6,
      because:
        "each worker is a separate JavaScript engine with its own event loop and its own half of the numbers, so two cores run at once, exactly as two Python processes each hold their own GIL",
    },
    {
      id: "gil-workers/interleaved-not-faster",
      case: CASE,
      faster: { variant: "collatz-steps-ts" },
      slower: { variant: "collatz-steps-interleaved-ts" },
      atLeast: 0.8,
      because:
        "tasks that take turns on one thread still run one at a time: interleaving changes the order of the work, not the number of cores doing it, so it cannot be much faster than the plain loop",
    },
  ],
});
