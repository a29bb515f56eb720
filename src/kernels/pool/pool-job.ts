import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { JobArgs, type ArgTypes, type ArgValues } from "./job-args.ts";

/**
 * A job the pool can run: its named arguments, and the code of part `part` of `parts` — the same
 * code on the coordinator (part 0) and on every worker. A job may come in `steps` separated by
 * barriers: every part runs step 0, waits until all have, runs step 1, and so on (a threaded GEMM
 * packs a block of B together, then multiplies it). A part must not keep `args` after it returns:
 * the pool decodes every job into the same record.
 */
export interface PoolJob<T extends ArgTypes = ArgTypes> {
  readonly args: JobArgs<T>;
  /** Steps of this job split over `parts` (1 when absent). */
  steps?(args: ArgValues<T>, parts: number): number;
  /** Step `step` of part `part` (a job without steps has only step 0, and may leave it out). */
  part(kernels: WasmKernels, args: ArgValues<T>, part: number, parts: number, step?: number): void;
}

/** A job from its argument types and its part, and its step count if it has barriers. */
export function poolJob<const T extends ArgTypes>(
  types: T,
  part: PoolJob<T>["part"],
  steps?: (args: ArgValues<T>, parts: number) => number,
): PoolJob<T> {
  return { args: new JobArgs(types), part, ...(steps ? { steps } : {}) };
}

/** Part `part` of `job`, every step in turn, calling `barrier` between steps (where the threads meet). */
export function runPartSteps<T extends ArgTypes>(
  job: PoolJob<T>,
  kernels: WasmKernels,
  args: ArgValues<T>,
  part: number,
  parts: number,
  barrier: () => void,
): void {
  const steps = job.steps?.(args, parts) ?? 1;
  for (let step = 0; step < steps; step++) {
    if (step > 0) barrier();
    job.part(kernels, args, part, parts, step);
  }
}

/** All of `job` on the calling thread: its one part of one, no pool. */
export function runOnOneThread<T extends ArgTypes>(job: PoolJob<T>, kernels: WasmKernels, args: ArgValues<T>): void {
  runPartSteps(job, kernels, args, 0, 1, () => {});
}

/** The jobs a pool runs, by name: given to the pool by the layer that owns them. */
export type JobTable = Readonly<Record<string, PoolJob>>;

/** The arguments of job `N` of table `J`. */
export type ArgsOf<J extends JobTable, N extends keyof J> = ArgValues<J[N]["args"]["types"]>;

/** What runs a table's jobs split over threads: WorkerPool, or SerialPool in tests. */
export interface JobRunner<J extends JobTable> {
  /** Most threads a job can use. */
  readonly maxThreads: number;
  /** Runs `job` split over `threads` threads and returns when every part is done. */
  run<N extends keyof J & string>(job: N, args: ArgsOf<J, N>, threads: number): void;
}
