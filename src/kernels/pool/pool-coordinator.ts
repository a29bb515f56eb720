import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { createBusySlots } from "./busy-time.ts";
import { PoolAborted } from "./pool-aborted.ts";
import { arriveAndWait } from "./pool-barrier.ts";
import {
  ARGS,
  BARRIER_COUNT,
  DEAD,
  DONE,
  FAILED,
  JOB,
  MAX_ARGS,
  MAX_THREADS,
  SPIN,
  STOP,
  THREADS,
  createControl,
  doorbell,
  finished,
} from "./pool-control.ts";
import type { ArgTypes, ArgValues } from "./job-args.ts";
import { runPartSteps, type ArgsOf, type JobRunner, type JobTable, type PoolJob } from "./pool-job.ts";
import { SpinBudget, awaitChange } from "./pool-wait.ts";

/** How long the coordinator waits for a job's parts before it gives up on the pool by default. */
export const JOB_TIMEOUT_MS = 60_000;

/** The coordinator gave up on the pool (a helper is gone or never finished): the pool cannot run again. */
export class PoolFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PoolFailure";
  }
}

export interface CoordinatorOptions {
  /** The helpers' names, helper p at [p − 1]: errors name the one that failed. */
  helperNames: readonly string[];
  /** Cores the machine reports: a job for more threads than that does not spin (a spinning thread would hold a core another needs). */
  cores: number;
  /** How long a job may run before the coordinator gives up on its helpers. */
  timeoutMs?: number;
}

/**
 * The coordinator's side of a pool: it runs part 0 of every job itself, so `threads` = 1 + helpers
 * used. It writes the job into the control block, rings the doorbells of helpers 1 … threads − 1,
 * runs its part, and waits for DONE, spinning a little (pool-wait.ts), then sleeping in slices; after each slice
 * it looks whether a helper is gone (reportHelperGone) or the job has outlived its timeout, and
 * then fails naming the helper. It blocks in Atomics.wait, so it must run in a worker (or Node).
 */
export class PoolCoordinator<J extends JobTable> implements JobRunner<J> {
  readonly control = createControl();
  /** Milliseconds each part (0 = this coordinator) spent in jobs: see busy-time.ts. */
  readonly busy: Float64Array;
  readonly #jobs: J;
  readonly #kernels: WasmKernels;
  readonly #jobNames: readonly (keyof J & string)[];
  /** Each job's record that part 0's arguments are decoded into, so a run allocates nothing. */
  readonly #decoded: Map<string, ArgValues<ArgTypes>>;
  readonly #helperNames: readonly string[];
  readonly #cores: number;
  readonly #timeoutMs: number;
  /** Why this pool cannot run any more, once it cannot. */
  #failure: PoolFailure | undefined;
  // The job running now, for the waits' checks (made once, so a run allocates no closure).
  #job = "";
  #threads = 1;
  #spin = false;
  readonly #budget = new SpinBudget();
  #started = 0;
  readonly #watch = () => this.#checkHelpers();
  readonly #abortOrWatch = () => {
    this.#checkHelpers();
    if (Atomics.load(this.control, FAILED)) throw new PoolAborted();
  };
  readonly #barrier = () => arriveAndWait(this.control, this.#threads, this.#spin, this.#budget, this.#abortOrWatch);

  constructor(jobs: J, kernels: WasmKernels, options: CoordinatorOptions) {
    const helpers = options.helperNames.length;
    if (helpers > MAX_THREADS - 1) throw new RangeError(`invalid helpers: ${helpers} (a pool runs at most ${MAX_THREADS} threads)`);
    for (const [name, job] of Object.entries(jobs)) {
      if (job.args.length > MAX_ARGS) throw new RangeError(`invalid job ${name}: ${job.args.length} arguments > ${MAX_ARGS}`);
    }
    this.#jobs = jobs;
    this.#kernels = kernels;
    this.#jobNames = Object.keys(jobs) as (keyof J & string)[];
    this.#decoded = new Map(this.#jobNames.map((name) => [name, jobs[name]!.args.blank()]));
    this.#helperNames = options.helperNames;
    this.#cores = options.cores;
    this.#timeoutMs = options.timeoutMs ?? JOB_TIMEOUT_MS;
    this.busy = createBusySlots(helpers + 1);
  }

  /** Most threads a job can use: the coordinator plus every helper. */
  get maxThreads(): number {
    return this.#helperNames.length + 1;
  }

  /** Why the pool cannot run any more, or undefined while it can. */
  get failure(): PoolFailure | undefined {
    return this.#failure;
  }

  run<N extends keyof J & string>(job: N, args: ArgsOf<J, N>, threads: number): void {
    if (!Number.isInteger(threads) || threads < 1 || threads > this.maxThreads) {
      throw new RangeError(`invalid threads: ${threads} (this pool runs 1 to ${this.maxThreads})`);
    }
    const c = this.control;
    this.#job = job;
    this.#threads = threads;
    this.#spin = threads <= this.#cores;
    this.#started = performance.now();
    this.#checkHelpers(); // a helper that ended between jobs fails this one before it starts
    const spec: PoolJob = this.#jobs[job]!;
    spec.args.encode(args, c, ARGS);
    Atomics.store(c, JOB, this.#jobNames.indexOf(job));
    Atomics.store(c, THREADS, threads);
    Atomics.store(c, SPIN, this.#spin ? 1 : 0);
    Atomics.store(c, DONE, 0);
    Atomics.store(c, FAILED, 0);
    Atomics.store(c, BARRIER_COUNT, 0);
    for (let part = 1; part < threads; part++) {
      Atomics.add(c, doorbell(part), 1);
      Atomics.notify(c, doorbell(part), 1);
    }
    // Part 0 reads what the workers read: the arguments as the control block carries them.
    let partError: unknown;
    try {
      runPartSteps(spec, this.#kernels, spec.args.decode(c, ARGS, this.#decoded.get(job)!), 0, threads, this.#barrier);
    } catch (error) {
      if (error instanceof PoolFailure) throw error;
      if (!(error instanceof PoolAborted)) {
        partError = error;
        Atomics.compareExchange(c, FAILED, 0, 1); // the helpers waiting at a barrier abandon the job
      }
    }
    this.busy[0]! += performance.now() - this.#started;
    for (let done = Atomics.load(c, DONE); done < threads - 1; )
      done = awaitChange(c, DONE, done, this.#spin, this.#budget, undefined, this.#watch);
    if (partError !== undefined) throw partError;
    const failed = Atomics.load(c, FAILED);
    if (failed) throw new Error(`pool job ${job} failed in ${this.#partName(failed - 1)} (see the console)`);
  }

  /** Gives up on the pool for a reason found outside a run (a helper's error event): the next run throws it. */
  fail(message: string): void {
    this.#failure ??= new PoolFailure(message);
    Atomics.compareExchange(this.control, FAILED, 0, 1);
  }

  /** Ends the helpers' loops (their workers are terminated by their owner). */
  stop(): void {
    Atomics.store(this.control, STOP, 1);
    for (let part = 1; part < this.maxThreads; part++) {
      Atomics.add(this.control, doorbell(part), 1);
      Atomics.notify(this.control, doorbell(part));
    }
  }

  #partName(part: number): string {
    return part === 0 ? "the coordinator" : `pool helper ${this.#helperNames[part - 1]}`;
  }

  /** Throws (and keeps) a PoolFailure when a helper is gone or the job has run past the timeout. */
  #checkHelpers(): void {
    if (this.#failure) throw this.#failure;
    const dead = Atomics.load(this.control, DEAD);
    if (dead) {
      this.fail(`${this.#partName(dead - 1)} stopped (its worker ended) while job ${this.#job} ran on ${this.#threads} threads`);
    } else if (performance.now() - this.#started > this.#timeoutMs) {
      const late = [];
      for (let part = 1; part < this.#threads; part++) {
        if (Atomics.load(this.control, finished(part)) !== Atomics.load(this.control, doorbell(part)))
          late.push(this.#helperNames[part - 1]);
      }
      this.fail(
        `pool job ${this.#job} on ${this.#threads} threads: ${late.length ? `pool helper ${late.join(", ")}` : "a part"} did not finish within ${this.#timeoutMs} ms`,
      );
    }
    if (this.#failure) throw this.#failure;
  }
}
