import { wrap, releaseProxy, type Remote } from "comlink";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { PoolCoordinator } from "./pool-coordinator.ts";
import type { ArgsOf, JobRunner, JobTable } from "./pool-job.ts";
import { whenEnded } from "./life-lock.ts";
import { WATCHING, type WatchdogInit } from "./pool-watchdog-init.ts";
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

const WATCHDOG_NAME = "every-core-pool-watchdog";

/**
 * Longest `terminate` waits for the pool's workers to end: a bound against a browser that never
 * ends one, so the run's results still come back; on a busy machine ending 64 of them takes a while.
 */
export const WORKERS_END_BOUND_MS = 30_000;

/** Resolves when `promise` does; rejects as soon as `worker` reports an error (a worker that fails to load never answers). */
function unlessWorkerFails<T>(worker: Worker, what: string, promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    worker.addEventListener("error", (e) => reject(new Error(`${what} failed to start: ${e.message || "could not load"}`)));
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
  /** The life locks of every worker of the pool (helpers and watchdog), where the browser has Web Locks. */
  readonly #lifeLocks: readonly string[];

  private constructor(coordinator: PoolCoordinator<J>, workers: Worker[], watchdog: Worker | undefined, lifeLocks: readonly string[]) {
    this.#coordinator = coordinator;
    this.#workers = workers;
    this.#watchdog = watchdog;
    this.#lifeLocks = lifeLocks;
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
    const prefix = crypto.randomUUID();
    const lifeLocks = "locks" in navigator ? [...helperNames, WATCHDOG_NAME].map((name) => `${prefix}/${name}`) : undefined;
    const workers = helperNames.map((name) => startWorker(name));
    const watchdog = lifeLocks && new Worker(new URL("./pool-watchdog.ts", import.meta.url), { type: "module", name: WATCHDOG_NAME });
    const pool = new WorkerPool(coordinator, workers, watchdog, lifeLocks ?? []);
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
          await unlessWorkerFails(worker, `pool helper ${helperNames[i]}`, init);
          api[releaseProxy]();
        }),
      );
      if (watchdog && lifeLocks) {
        const watching = new Promise<void>((resolve) =>
          watchdog.addEventListener("message", ({ data }) => data === WATCHING && resolve(), { once: true }),
        );
        const init: WatchdogInit = {
          control: coordinator.control,
          lifeLocks: lifeLocks.slice(0, helpers),
          ownLifeLock: lifeLocks[helpers]!,
        };
        watchdog.postMessage(init);
        await unlessWorkerFails(watchdog, `the pool's watchdog`, watching);
      }
    } catch (error) {
      await pool.terminate();
      throw error;
    }
    workers.forEach((worker, i) => {
      // Seen between jobs (the coordinator's event loop is blocked during one): the next run fails.
      const failed = (what: string) => () => coordinator.fail(`pool helper ${helperNames[i]} ${what}`);
      worker.addEventListener("error", failed("reported an error"));
      worker.addEventListener("messageerror", failed("received a message it could not read"));
    });
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

  /**
   * Ends the pool's workers, and resolves once they have ended (their life locks are free), so
   * the worker that owns the pool may be ended right after: Chromium never finishes ending a
   * worker that is terminated while nested workers it has just terminated are still ending, and
   * it stays listed for ever (a page terminating a worker right after that worker terminated 64
   * nested ones: still there after 10 s 7 of 12 times, after 90 s 4 of 4; with 1 nested one: 1
   * of 20; waiting for the locks first: 0 of 12, and 0 of 20 under a load of 50 on 2 cores).
   */
  terminate(): Promise<void> {
    // The watchdog first: the helpers' ends below are no news.
    this.#watchdog?.terminate();
    this.#coordinator.stop();
    for (const w of this.#workers) w.terminate();
    return whenEnded(this.#lifeLocks, WORKERS_END_BOUND_MS);
  }
}
