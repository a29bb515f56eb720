import type { WasmKernels } from "../../wasm/kernels-wasm.ts";
import { reportHelperGone } from "../pool-control.ts";
import { poolJob } from "../pool-job.ts";

/**
 * What the test jobs get instead of kernels: the shared buffer they write into, and the pool's
 * control block (so a part can play the watchdog). Node runs them in worker_threads, with no
 * WebAssembly at all.
 */
export interface TestKernels {
  memory: { buffer: SharedArrayBuffer };
  control: Int32Array;
}

/** The test jobs' view of the kernels argument, which the pool types as WasmKernels. */
const fake = (kernels: WasmKernels) => kernels as unknown as TestKernels;
const view = (kernels: WasmKernels, at: number, length: number) => new Int32Array(fake(kernels).memory.buffer, at, length);

/**
 * Jobs that test the pool's synchronisation, not kernels: they touch only Int32 slots of a
 * SharedArrayBuffer, so the same table runs in Node's worker_threads. Their parts check, from
 * inside, what the pool promises.
 */
export const poolTestJobs = {
  /** Each part adds 1 to its own counter: a run of t threads must bump counters 0 … t − 1 once, and no other. */
  count_parts: poolJob({ out: "i32", slots: "i32" }, (kernels, a, part) => {
    Atomics.add(view(kernels, a.out, a.slots), part, 1);
  }),
  /**
   * In step s every part checks that every part has finished step s − 1 (its slot holds s − 1 or,
   * if it is already past the barrier, s), then writes s; a barrier that let a part through early
   * makes some part see a slot still at s − 2 and throw.
   */
  lockstep: poolJob(
    { out: "i32", steps: "i32" },
    (kernels, a, part, parts, step = 0) => {
      const slots = view(kernels, a.out, parts);
      for (let q = 0; q < parts && step > 0; q++) {
        const seen = Atomics.load(slots, q);
        if (seen !== step - 1 && seen !== step) throw new Error(`part ${part} at step ${step} saw part ${q} at step ${seen}`);
      }
      Atomics.store(slots, part, step);
    },
    (a) => a.steps,
  ),
  /** Part `part` throws; the others run a step, meet at the barrier, and run another. */
  throw_in_part: poolJob(
    { part: "i32" },
    (_kernels, a, part) => {
      if (part === a.part) throw new Error(`part ${part} fails on purpose`);
    },
    () => 2,
  ),
  /** Part `part` reports itself gone, as the watchdog would when its worker ends, and then never returns. */
  die_in_part: poolJob({ part: "i32", never: "i32" }, (kernels, a, part) => {
    if (part !== a.part) return;
    reportHelperGone(fake(kernels).control, part);
    Atomics.wait(view(kernels, a.never, 1), 0, 0);
  }),
  /** Part `part` never returns and reports nothing: only the coordinator's timeout ends the run. */
  hang_in_part: poolJob({ part: "i32", never: "i32" }, (kernels, a, part) => {
    if (part === a.part) Atomics.wait(view(kernels, a.never, 1), 0, 0);
  }),
};
