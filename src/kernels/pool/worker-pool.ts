import { wrap, releaseProxy, type Remote } from "comlink";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { PoolCoordinator } from "./pool-coordinator.ts";
import type { ArgsOf, JobRunner, JobTable } from "./pool-job.ts";
import type { WatchdogInit } from "./pool-watchdog.ts";
import type { PoolWorkerInit } from "./pool-worker.ts";

type PoolWorkerApi = { init(options: PoolWorkerInit): Promise<void> };

/**
 * Starts one pool worker named `name`: a module worker whose entry calls servePoolJobs with the
 * pool's job table. The owner of the table writes `new Worker(new URL("./entry.ts",
 * import.meta.url), …)` itself, as the bundler only bundles a worker it sees spelled so.
 */
export type PoolWorkerFactory = (name: string) => Worker;

export interface WorkerPoolOptions {
  /** Cores to plan for (navigator.hardwareConcurrency by default): jobs for more threads do not spin. */
  cores?: number;
  /** How long one job may run before the pool gives up on its helpers (pool-coordinator.ts). */
  timeoutMs?: number;
}

/** The name of helper `part` (1-based), as errors and the browser's devtools show it. */
export const helperName = (part: number) => `every-core-pool-${part}`;

/** Resolves when `promise` does; rejects as soon as `worker` reports an error (a worker that fails to load never answers). */
function unlessWorkerFails<T>(worker: Worker, name: string, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.addEventListener("error", (e) => reject(new Error(`pool helper ${name} failed to start: ${e.message || "could not load"}`)));
    promise.then(resolve, reject);
  });
}

/**
 * N persistent module workers over one shared WebAssembly.Memory, running the jobs of the table
 * they are given; the coordinator is the thread that creates the pool (pool-coordinator.ts), and it
 * must itself be a worker: `run` blocks in Atomics.wait, which the main thread may not do.
 * A helper that reports an error, or whose worker ends (seen by a watchdog worker through the
 * helper's Web Lock), fails the run naming it; the pool then refuses to run again.
 */
export class WorkerPool<J extends JobTable> implements JobRunner<J> {
  readonly #coordinator: PoolCoordinator<J>;
  readonly #workers: Worker[];
  readonly #watchdog: Worker | undefined;

  private constructor(coordinator: PoolCoordinator<J>, workers: Worker[], watchdog: Worker | undefined) {
    this.#coordinator = coordinator;
    this.#workers = workers;
    this.#watchdog = watchdog;
  }

  /**
   * Starts `helpers` workers from `startWorker`, which serve `jobs`; `kernels` is the
   * coordinator's own instance on the same memory. Any number of helpers up to 255, whatever the
   * machine reports: oversubscribed threads take turns on the cores.
   */
  static async create<J extends JobTable>(
    jobs: J,
    startWorker: PoolWorkerFactory,
    helpers: number,
    module: WebAssembly.Module,
    memory: WebAssembly.Memory,
    kernels: WasmKernels,
    options: WorkerPoolOptions = {},
  ): Promise<WorkerPool<J>> {
    if (!Number.isInteger(helpers) || helpers < 0) throw new RangeError(`invalid helpers: ${helpers}`);
    const helperNames = Array.from({ length: helpers }, (_, i) => helperName(i + 1));
    const coordinator = new PoolCoordinator(jobs, kernels, {
      helperNames,
      cores: options.cores ?? navigator.hardwareConcurrency,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    });
    // Web Locks are scoped to the origin: the pool's own prefix keeps two pools (two tabs) apart.
    const lifeLocks = "locks" in navigator ? helperNames.map((name) => `${crypto.randomUUID()}/${name}`) : undefined;
    const workers = helperNames.map((name) => startWorker(name));
    const watchdog =
      lifeLocks && new Worker(new URL("./pool-watchdog.ts", import.meta.url), { type: "module", name: "every-core-pool-watchdog" });
    const pool = new WorkerPool(coordinator, workers, watchdog);
    try {
      await Promise.all(
        workers.map(async (worker, i) => {
          const api: Remote<PoolWorkerApi> = wrap(worker);
          const init = api.init({
            module,
            memory,
            control: coordinator.control,
            busy: coordinator.busy,
            part: i + 1,
            ...(lifeLocks ? { lifeLock: lifeLocks[i]! } : {}),
          });
          await unlessWorkerFails(worker, helperNames[i]!, init);
          api[releaseProxy]();
        }),
      );
    } catch (error) {
      pool.terminate();
      throw error;
    }
    workers.forEach((worker, i) => {
      // Seen between jobs (the coordinator's event loop is blocked during one): the next run fails.
      const failed = (what: string) => () => coordinator.fail(`pool helper ${helperNames[i]} ${what}`);
      worker.addEventListener("error", failed("reported an error"));
      worker.addEventListener("messageerror", failed("received a message it could not read"));
    });
    if (watchdog && lifeLocks) watchdog.postMessage({ control: coordinator.control, lifeLocks } satisfies WatchdogInit);
    return pool;
  }

  /** Most threads a job can use: the coordinator plus every helper. */
  get maxThreads(): number {
    return this.#coordinator.maxThreads;
  }

  /** Runs `job` split over `threads` threads and returns when every part is done; throws naming a helper that failed or is gone. */
  run<N extends keyof J & string>(job: N, args: ArgsOf<J, N>, threads: number): void {
    this.#coordinator.run(job, args, threads);
  }

  /**
   * Milliseconds each thread (0 = the coordinator, then the workers) has spent running its parts
   * of jobs since the pool started or `resetBusy`: against the wall time, it shows which cores
   * were busy. Read between jobs (run has returned, so every worker has stored its time).
   */
  busyMs(): number[] {
    return Array.from(this.#coordinator.busy);
  }

  resetBusy(): void {
    this.#coordinator.busy.fill(0);
  }

  terminate(): void {
    // The watchdog first: the helpers' ends below are no news.
    this.#watchdog?.terminate();
    this.#coordinator.stop();
    for (const w of this.#workers) w.terminate();
  }
}
