import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { JobArgs, type ArgTypes, type ArgValues } from "./job-args.ts";

/**
 * A job the pool can run: its named arguments, and the code of part `part` of `parts` — the same
 * code on the coordinator (part 0) and on every worker. A part must not keep `args` after it
 * returns: the pool decodes every job into the same record.
 */
export interface PoolJob<T extends ArgTypes = ArgTypes> {
  readonly args: JobArgs<T>;
  part(kernels: WasmKernels, args: ArgValues<T>, part: number, parts: number): void;
}

/** A job from its argument types and its part. */
export function poolJob<const T extends ArgTypes>(types: T, part: PoolJob<T>["part"]): PoolJob<T> {
  return { args: new JobArgs(types), part };
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
