import { wrap, releaseProxy, type Remote } from "comlink";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { createBusySlots } from "./busy-time.ts";
import { ARGS, DONE, FAILED, GENERATION, JOB, MAX_ARGS, STOP, THREADS, createControl } from "./pool-control.ts";
import { POOL_JOBS, poolJobs, type PoolJob } from "./pool-jobs.ts";

type PoolWorkerApi = { init(options: import("./pool-worker.ts").PoolWorkerInit): void };

/**
 * N persistent module workers over one shared WebAssembly.Memory. The coordinator (the runner
 * worker that owns the pool) runs part 0 of every job itself, so `threads` = 1 + helpers used.
 * It must itself be a worker: `run` blocks in Atomics.wait, which the main thread may not do.
 */
export class WorkerPool {
  readonly #control = createControl();
  readonly #workers: Worker[];
  readonly #kernels: WasmKernels;
  /** Milliseconds each part (0 = this coordinator) spent in jobs: see busy-time.ts. */
  readonly #busy: Float64Array;

  private constructor(workers: Worker[], kernels: WasmKernels) {
    this.#workers = workers;
    this.#kernels = kernels;
    this.#busy = createBusySlots(workers.length + 1);
  }

  /** Starts `helpers` workers; `kernels` is the coordinator's own instance on the same memory. */
  static async create(helpers: number, module: WebAssembly.Module, memory: WebAssembly.Memory, kernels: WasmKernels): Promise<WorkerPool> {
    if (!Number.isInteger(helpers) || helpers < 0) throw new RangeError(`invalid helpers: ${helpers}`);
    const workers = Array.from(
      { length: helpers },
      (_, i) => new Worker(new URL("./pool-worker.ts", import.meta.url), { type: "module", name: `every-core-pool-${i + 1}` }),
    );
    const pool = new WorkerPool(workers, kernels);
    await Promise.all(
      workers.map(async (worker, i) => {
        const api: Remote<PoolWorkerApi> = wrap(worker);
        await api.init({ module, memory, control: pool.#control, busy: pool.#busy, part: i + 1 });
        api[releaseProxy]();
      }),
    );
    return pool;
  }

  /** Most threads a job can use: the coordinator plus every helper. */
  get maxThreads(): number {
    return this.#workers.length + 1;
  }

  /** Runs `job` split over `threads` threads and returns when every part is done. */
  run(job: PoolJob, args: readonly number[], threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > this.maxThreads) {
      throw new RangeError(`invalid threads: ${threads} (this pool runs 1 to ${this.maxThreads})`);
    }
    if (args.length > MAX_ARGS) throw new RangeError(`invalid args: ${args.length} > ${MAX_ARGS}`);
    const c = this.#control;
    c.set(args, ARGS);
    Atomics.store(c, JOB, POOL_JOBS.indexOf(job));
    Atomics.store(c, THREADS, threads);
    Atomics.store(c, DONE, 0);
    Atomics.store(c, FAILED, 0);
    if (threads > 1) {
      Atomics.add(c, GENERATION, 1);
      Atomics.notify(c, GENERATION);
    }
    const start = performance.now();
    poolJobs[job](this.#kernels, c.subarray(ARGS), 0, threads);
    this.#busy[0]! += performance.now() - start;
    for (let done = Atomics.load(c, DONE); done < threads - 1; done = Atomics.load(c, DONE)) {
      Atomics.wait(c, DONE, done);
    }
    if (Atomics.load(c, FAILED)) throw new Error(`pool job ${job} failed in a worker (see the console)`);
  }

  /**
   * Milliseconds each thread (0 = the coordinator, then the workers) has spent running its parts
   * of jobs since the pool started or `resetBusy`: against the wall time, it shows which cores
   * were busy. Read between jobs (run has returned, so every worker has stored its time).
   */
  busyMs(): number[] {
    return Array.from(this.#busy);
  }

  resetBusy(): void {
    this.#busy.fill(0);
  }

  terminate(): void {
    Atomics.store(this.#control, STOP, 1);
    Atomics.add(this.#control, GENERATION, 1);
    Atomics.notify(this.#control, GENERATION);
    for (const w of this.#workers) w.terminate();
  }
}
