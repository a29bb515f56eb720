import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { MAX_ARGS } from "./pool-control.ts";
import type { ArgsOf, JobRunner, JobTable, PoolJob } from "./pool-job.ts";

/** Which part runs first: last-first catches a part that writes where a later part already has. */
export type PartOrder = "first-to-last" | "last-to-first";

/**
 * WorkerPool without workers, for tests: runs every part of a job in the calling thread, one
 * after another, split as the pool splits it (`parts` = threads) and with the arguments as the
 * control block carries them (encoded into Int32 slots, decoded back), so a job's own code is
 * tested exactly as the workers run it. A job with steps runs step by step, as the pool's barrier orders it.
 */
export class SerialPool<J extends JobTable> implements JobRunner<J> {
  readonly #slots = new Int32Array(MAX_ARGS);
  readonly #jobs: J;
  readonly #kernels: WasmKernels;
  readonly #order: PartOrder;
  readonly maxThreads: number;

  constructor(jobs: J, kernels: WasmKernels, maxThreads: number, order: PartOrder = "first-to-last") {
    this.maxThreads = maxThreads;
    this.#jobs = jobs;
    this.#kernels = kernels;
    this.#order = order;
  }

  run<N extends keyof J & string>(job: N, args: ArgsOf<J, N>, threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > this.maxThreads) {
      throw new RangeError(`invalid threads: ${threads} (this pool runs 1 to ${this.maxThreads})`);
    }
    const spec: PoolJob = this.#jobs[job]!;
    spec.args.encode(args, this.#slots);
    const decoded = spec.args.decode(this.#slots, 0, spec.args.blank());
    // Step by step, every part of a step before any of the next: what the pool's barrier guarantees.
    const steps = spec.steps?.(decoded, threads) ?? 1;
    for (let step = 0; step < steps; step++) {
      for (let i = 0; i < threads; i++)
        spec.part(this.#kernels, decoded, this.#order === "first-to-last" ? i : threads - 1 - i, threads, step);
    }
  }
}
