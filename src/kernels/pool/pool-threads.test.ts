import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { doorbell } from "./pool-control.ts";
import { PoolCoordinator } from "./pool-coordinator.ts";
import type { NodeHelperData } from "./test-support/node-pool-helper.ts";
import { poolTestJobs, type TestKernels } from "./test-support/pool-test-jobs.ts";
import { helperName } from "./worker-pool.ts";

// The pool's synchronisation on real threads: the coordinator (pool-coordinator.ts) on this thread
// and up to 63 helpers running the browser pool's helper loop (pool-helper.ts) on Node
// worker_threads, 64 threads on however few cores the machine has. The browser-only parts —
// module workers, comlink's start-up, the Web Lock watchdog and life locks (Node's Web Locks are per
// thread, not shared) — are left to e2e (pool-failure.spec, oversubscription.spec).

/** Int32 slots of the test buffer: counters from 0, then a slot nobody ever writes (a wait on it never ends). */
const SLOTS = 256;
const NEVER = SLOTS * 4;

interface TestPool {
  coordinator: PoolCoordinator<typeof poolTestJobs>;
  counters: Int32Array;
  workers: Worker[];
}

const started: TestPool[] = [];

async function startPool(helpers: number, timeoutMs?: number): Promise<TestPool> {
  const buffer = new SharedArrayBuffer(NEVER + 4);
  const helperNames = Array.from({ length: helpers }, (_, i) => helperName(i + 1));
  const kernels = { memory: { buffer } } as TestKernels;
  // Two cores, as CI has: jobs on more threads than that do not spin.
  const coordinator = new PoolCoordinator(poolTestJobs, kernels as unknown as WasmKernels, {
    helperNames,
    cores: 2,
    ...(timeoutMs ? { timeoutMs } : {}),
  });
  kernels.control = coordinator.control;
  const workers = helperNames.map((_, i) => {
    const workerData: NodeHelperData = { buffer, control: coordinator.control, busy: coordinator.busy, part: i + 1 };
    return new Worker(new URL("./test-support/node-pool-helper.ts", import.meta.url), { workerData });
  });
  await Promise.all(workers.map((w) => new Promise((ready, failed) => (w.once("message", ready), w.once("error", failed)))));
  const pool = { coordinator, counters: new Int32Array(buffer, 0, SLOTS), workers };
  started.push(pool);
  return pool;
}

async function stopPools(): Promise<void> {
  for (const { coordinator, workers } of started.splice(0)) {
    coordinator.stop();
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

// Starting 63 worker threads takes seconds on a busy 2-core machine: the tests that leave the
// pool usable share one.
let pool64: Promise<TestPool>;
beforeAll(() => {
  pool64 = startPool(63);
});
afterAll(stopPools);

describe("the pool on 64 Node threads", { timeout: 120_000 }, () => {
  it("runs each part of a job exactly once, on exactly the threads asked for, job after job", async () => {
    const { coordinator, counters } = await pool64;
    const rings = new Array<number>(64).fill(0);
    for (const threads of [64, 1, 2, 7, 64, 33, 3, 64, 2, 2, 16]) {
      counters.fill(0);
      coordinator.run("count_parts", { out: 0, slots: SLOTS }, threads);
      expect(Array.from(counters.subarray(0, 64))).toEqual(Array.from({ length: 64 }, (_, p) => (p < threads ? 1 : 0)));
      for (let p = 1; p < threads; p++) rings[p]!++;
    }
    // Only the helpers a job used were woken: each helper's doorbell rang once per job it was in.
    for (let p = 1; p < 64; p++) expect(Atomics.load(coordinator.control, doorbell(p)), `helper ${p}`).toBe(rings[p]);
  });

  it("keeps 64 threads in lockstep through a job of 300 steps, and 2 threads through one of 3,000", async () => {
    const { coordinator } = await pool64;
    coordinator.run("lockstep", { out: 0, steps: 300 }, 64);
    coordinator.run("lockstep", { out: 0, steps: 3000 }, 2);
  });

  it("fails a job whose part throws, naming the helper, and runs the next job", async () => {
    const { coordinator, counters } = await pool64;
    expect(() => coordinator.run("throw_in_part", { part: 5 }, 64)).toThrow(
      /pool job throw_in_part failed in pool helper every-core-pool-5/,
    );
    expect(() => coordinator.run("throw_in_part", { part: 0 }, 8)).toThrow(/part 0 fails on purpose/);
    counters.fill(0);
    coordinator.run("count_parts", { out: 0, slots: SLOTS }, 64);
    expect(counters.subarray(0, 64).every((c) => c === 1)).toBe(true);
  });

  it("fails at once, naming it, when a helper is reported gone mid-job, and refuses to run again", async () => {
    const { coordinator } = await startPool(15);
    expect(() => coordinator.run("die_in_part", { part: 9, never: NEVER }, 16)).toThrow(
      /pool helper every-core-pool-9 stopped \(its worker ended\) while job die_in_part ran on 16 threads/,
    );
    expect(() => coordinator.run("count_parts", { out: 0, slots: SLOTS }, 2)).toThrow(/every-core-pool-9 stopped/);
  });

  it("names a helper that never finishes once the job outlives the timeout", async () => {
    const { coordinator } = await startPool(7, 3000);
    expect(() => coordinator.run("hang_in_part", { part: 3, never: NEVER }, 8)).toThrow(
      /pool job hang_in_part on 8 threads: pool helper every-core-pool-3 did not finish within 3000 ms/,
    );
  });
});
