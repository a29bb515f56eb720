import { wrap, releaseProxy, type Remote } from "comlink";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { createBusySlots } from "./busy-time.ts";
import { ARGS, DONE, FAILED, GENERATION, JOB, MAX_ARGS, STOP, THREADS, createControl } from "./pool-control.ts";
import type { ArgTypes, ArgValues } from "./job-args.ts";
import type { ArgsOf, JobRunner, JobTable, PoolJob } from "./pool-job.ts";
import type { PoolWorkerInit } from "./pool-worker.ts";

type PoolWorkerApi = { init(options: PoolWorkerInit): void };

/**
 * Starts one pool worker named `name`: a module worker whose entry calls servePoolJobs with the
 * pool's job table. The owner of the table writes `new Worker(new URL("./entry.ts",
 * import.meta.url), …)` itself, as the bundler only bundles a worker it sees spelled so.
 */
export type PoolWorkerFactory = (name: string) => Worker;

/**
 * N persistent module workers over one shared WebAssembly.Memory, running the jobs of the table
 * they are given. The coordinator (the runner worker that owns the pool) runs part 0 of every job
 * itself, so `threads` = 1 + helpers used. It must itself be a worker: `run` blocks in
 * Atomics.wait, which the main thread may not do.
 */
export class WorkerPool<J extends JobTable> implements JobRunner<J> {
  readonly #control = createControl();
  readonly #workers: Worker[];
  readonly #kernels: WasmKernels;
  readonly #names: readonly (keyof J & string)[];
  /** Each job's record that part 0's arguments are decoded into, so a run allocates nothing. */
  readonly #decoded: Map<string, ArgValues<ArgTypes>>;
  /** Milliseconds each part (0 = this coordinator) spent in jobs: see busy-time.ts. */
  readonly #busy: Float64Array;
  readonly #jobs: J;

  private constructor(jobs: J, workers: Worker[], kernels: WasmKernels) {
    this.#jobs = jobs;
    this.#workers = workers;
    this.#kernels = kernels;
    this.#names = Object.keys(jobs) as (keyof J & string)[];
    this.#decoded = new Map(this.#names.map((name) => [name, jobs[name]!.args.blank()]));
    this.#busy = createBusySlots(workers.length + 1);
  }

  /**
   * Starts `helpers` workers from `startWorker`, which serve `jobs`; `kernels` is the
   * coordinator's own instance on the same memory.
   */
  static async create<J extends JobTable>(
    jobs: J,
    startWorker: PoolWorkerFactory,
    helpers: number,
    module: WebAssembly.Module,
    memory: WebAssembly.Memory,
    kernels: WasmKernels,
  ): Promise<WorkerPool<J>> {
    if (!Number.isInteger(helpers) || helpers < 0) throw new RangeError(`invalid helpers: ${helpers}`);
    for (const [name, job] of Object.entries(jobs)) {
      if (job.args.length > MAX_ARGS) throw new RangeError(`invalid job ${name}: ${job.args.length} arguments > ${MAX_ARGS}`);
    }
    const workers = Array.from({ length: helpers }, (_, i) => startWorker(`every-core-pool-${i + 1}`));
    const pool = new WorkerPool(jobs, workers, kernels);
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
  run<N extends keyof J & string>(job: N, args: ArgsOf<J, N>, threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > this.maxThreads) {
      throw new RangeError(`invalid threads: ${threads} (this pool runs 1 to ${this.maxThreads})`);
    }
    const c = this.#control;
    const spec: PoolJob = this.#jobs[job]!;
    spec.args.encode(args, c, ARGS);
    Atomics.store(c, JOB, this.#names.indexOf(job));
    Atomics.store(c, THREADS, threads);
    Atomics.store(c, DONE, 0);
    Atomics.store(c, FAILED, 0);
    if (threads > 1) {
      Atomics.add(c, GENERATION, 1);
      Atomics.notify(c, GENERATION);
    }
    const start = performance.now();
    // Part 0 reads what the workers read: the arguments as the control block carries them.
    spec.part(this.#kernels, spec.args.decode(c, ARGS, this.#decoded.get(job)!), 0, threads);
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
