import { maxAbsDiff } from "../kernels/random.ts";
import { threadCounts, type Benchmark } from "./benchmark.ts";
import type { ClaimResult, ClaimSide } from "./claims.ts";
import { evaluateClaim, judgeWithCapacity, spansThreadCounts } from "./evaluate-claim.ts";
import type { LabPool } from "./pool/lab-pool-jobs.ts";
import { captureEnv } from "./env.ts";
import { parallelCapacity } from "./parallel-capacity.ts";
import { RESULTS_SCHEMA, type ResultV1, type ResultsV1 } from "./results.ts";
import { MAX_RUN_THREADS } from "./run-threads.ts";
import { isNoisy, summarize } from "./stats.ts";
import type { StopRequest } from "./stop-request.ts";
import {
  FULL_PLAN,
  QUICK_PLAN,
  ROUND_PLAN,
  SIDE_BY_SIDE_ROUNDS,
  measure as measureSamples,
  measureSteady,
  type TimedCall,
} from "./timing.ts";
import type { WasmContext } from "./wasm-context.ts";
import { fitThreads, type ThreadsReduced } from "./wasm-memory-fit.ts";
import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { ARENA_CAPACITY_BYTES } from "../kernels/wasm/wasm-arena.ts";

export interface RunOptions {
  /** Fewer, shorter samples: for tests and a first look. */
  quick: boolean;
  /** Most threads a parallel variant may use: up to MAX_RUN_THREADS, even past the cores the browser reports. */
  threads: number;
  /** The flags the browser was started with, when a script started it (scripts/bench.ts). */
  browserFlags?: string[];
  /** Indices of the cases to run (all when absent): e2e runs the smallest alone. */
  cases?: readonly number[];
  /** Ids of the variants to run (all when absent). */
  variants?: readonly string[];
  /**
   * Thread counts to time parallel variants at, each capped at what the run and the variant allow
   * (1, 2, 4 … up to `threads` when absent): e2e times 64 threads alone.
   */
  threadCounts?: readonly number[];
  /**
   * Most bytes of WebAssembly memory the run's data may take (at most, and by default,
   * ARENA_CAPACITY_BYTES: the 1 GiB memory less the kernels' own). A variant whose thread count
   * needs more runs on the most threads that fit (results' threadsReduced says so); e2e sets less
   * to see that happen on a machine where every case fits.
   */
  memoryBytes?: number;
}

export interface RunProgress {
  done: number;
  total: number;
  /** What is being measured now, for the status line (English, for the CLI). */
  current: string;
  /** The same as data, for a page that words it in its own language: the task being timed, or the claim measured again. */
  task?: { variant: string; case: string; threads: number };
  remeasuring?: string;
  results: ResultV1[];
}

/** What the runner worker provides: WebAssembly and the pool exist only on isolated pages. */
export interface RunResources {
  wasm?: WasmContext;
  pool?: LabPool;
}

/**
 * Checks options a reader typed; the message names the bad field. More threads than the browser
 * reports are allowed (browsers under-report cores; see threadsNote), up to MAX_RUN_THREADS.
 */
export function checkRunOptions(o: RunOptions, hardwareConcurrency: number): void {
  if (!Number.isInteger(o.threads) || o.threads < 1 || o.threads > MAX_RUN_THREADS) {
    throw new RangeError(
      `invalid threads: ${o.threads} (expected 1 to ${MAX_RUN_THREADS}; this browser reports ${hardwareConcurrency} cores)`,
    );
  }
  if (o.memoryBytes !== undefined && !(Number.isInteger(o.memoryBytes) && o.memoryBytes > 0 && o.memoryBytes <= ARENA_CAPACITY_BYTES)) {
    throw new RangeError(`invalid memoryBytes: ${o.memoryBytes} (expected an integer from 1 to ${ARENA_CAPACITY_BYTES})`);
  }
}

interface Task {
  caseIndex: number;
  variant: string;
  threads: number;
}

/**
 * Times every variant of `bench` on every case, checks each against the reference, checks the claims.
 * A `stop` requested ends the run with an AbortError before its next sample.
 */
export async function runBenchmark(
  bench: Benchmark,
  options: RunOptions,
  resources: RunResources,
  onProgress: (p: RunProgress) => void | Promise<void>,
  stop?: StopRequest,
): Promise<ResultsV1> {
  checkSelection(bench, options);
  const checkpoint = () => stop?.check();
  const plan = options.quick ? QUICK_PLAN : FULL_PLAN;
  const skipped: ResultsV1["skipped"] = [];
  const threadsReduced: ThreadsReduced[] = [];
  const tasks: Task[] = [];
  for (const v of bench.variants) {
    if (options.variants && !options.variants.includes(v.id)) continue;
    if (v.needsIsolation && !resources.wasm) {
      skipped.push({ variant: v.id, reason: "needs shared WebAssembly memory, which needs a cross-origin isolated page" });
      continue;
    }
    const most = Math.min(options.threads, resources.pool?.maxThreads ?? 1, v.maxThreads ?? Infinity);
    const counts = (upTo: number) =>
      !v.parallel ? [1] : options.threadCounts ? [...new Set(options.threadCounts.map((t) => Math.min(t, upTo)))] : threadCounts(upTo);
    for (let caseIndex = 0; caseIndex < bench.cases.length; caseIndex++) {
      const c = bench.cases[caseIndex]!;
      if (options.cases && !options.cases.includes(caseIndex)) continue;
      if ((v.cases && !v.cases.includes(c.label)) || (options.quick && c.fullOnly)) continue;
      // The memory this case needs at the most threads it would use, known before anything runs.
      const requested = Math.max(...counts(most));
      const fitted = resources.wasm ? fitMemory(bench, v.id, caseIndex, requested, resources.wasm.kernels, options.memoryBytes) : undefined;
      if (fitted?.reduced) threadsReduced.push(fitted.reduced);
      for (const threads of counts(fitted?.threads ?? requested)) tasks.push({ caseIndex, variant: v.id, threads });
    }
  }
  tasks.sort((a, b) => a.caseIndex - b.caseIndex);

  const results: ResultV1[] = [];
  let instance: Awaited<ReturnType<Benchmark["instantiate"]>> | undefined;
  let reference: Float32Array | undefined;
  let instanceCase = -1;
  /** Prepares `task`, takes its samples with `sample`, checks its output, frees it. */
  const time = async (task: Task, sample: (run: TimedCall) => Promise<number[]>): Promise<Timed> => {
    checkpoint();
    if (task.caseIndex !== instanceCase) {
      instance = await bench.instantiate(task.caseIndex);
      reference = instance.reference();
      instanceCase = task.caseIndex;
    }
    const prepared = await instance!.prepare(task.variant, { wasm: resources.wasm!, pool: resources.pool!, threads: task.threads });
    const samples = await sample(prepared.run);
    const tolerance = prepared.expected ? 0 : instance!.tolerance;
    const maxError = maxAbsDiff(prepared.output(), prepared.expected ?? reference!);
    prepared.dispose?.();
    return { samples, maxError, tolerance };
  };
  const resultOf = (task: Task, { samples, maxError, tolerance }: Timed): ResultV1 => {
    const c = bench.cases[task.caseIndex]!;
    const stats = summarize(samples);
    return {
      bench: bench.id,
      case: c.label,
      variant: task.variant,
      params: c.params,
      threads: task.threads,
      samples,
      n: stats.n,
      median: stats.median,
      iqr: stats.iqr,
      min: stats.min,
      ci95: stats.ci95,
      cv: stats.cv,
      noisy: isNoisy(stats),
      // A benchmark that counts no floating-point work (flops 0) reports no GFLOP/s.
      ...(instance!.flops > 0 ? { gflops: instance!.flops / (stats.median * 1e6) } : {}),
      ...workModel(instance!.flops, instance!.bytes(task.variant), stats.median),
      correctness: { ok: maxError <= tolerance, maxError, tolerance },
    };
  };
  const measure = async (task: Task) => resultOf(task, await time(task, (run) => measureSteady(run, plan, undefined, checkpoint)));
  // The tasks timed in turn, a short measurement each, for SIDE_BY_SIDE_ROUNDS rounds: a period in
  // which the machine is slower (another program, the host taking a core) then falls on every task
  // alike instead of on whichever was being timed, and each task has its quiet turns too.
  const measureSideBySide = async (sides: readonly Task[]): Promise<ResultV1[]> => {
    const timed = sides.map((): Timed => ({ samples: [], maxError: 0, tolerance: 0 }));
    for (let round = 0; round < SIDE_BY_SIDE_ROUNDS; round++) {
      for (const [i, task] of sides.entries()) {
        const t = await time(task, (run) => measureSamples(run, ROUND_PLAN, undefined, checkpoint));
        timed[i] = {
          samples: [...timed[i]!.samples, ...t.samples],
          maxError: Math.max(timed[i]!.maxError, t.maxError),
          tolerance: t.tolerance,
        };
      }
    }
    return sides.map((task, i) => resultOf(task, timed[i]!));
  };
  const label = (task: Task) =>
    `${bench.variants.find((v) => v.id === task.variant)!.label} on ${bench.cases[task.caseIndex]!.label}, ${task.threads} thread(s)`;

  for (const [i, task] of tasks.entries()) {
    const timed = { variant: task.variant, case: bench.cases[task.caseIndex]!.label, threads: task.threads };
    await onProgress({ done: i, total: tasks.length, current: label(task), task: timed, results });
    results.push(await measure(task));
  }

  // A claim that fails is measured again after a pause, its two sides side by side in rounds
  // (measureSideBySide), with more samples than a quick run takes, up to once per pause in
  // REMEASURE_PAUSES_MS until it holds, and judged by the two sides' fastest samples
  // (evaluateClaim): neither a period in which the host slows the machine nor a quick run's handful
  // of samples (six calls of a 1024³ GEMM) must decide it, as a careful person times again after a
  // hiccup. The first and last figures are kept; the claim is never loosened.
  // A claim across thread counts that still fails is checked against what the cores could give
  // (judgeWithCapacity): on cores the host lent elsewhere, it is reported as not judged.
  const claims: ClaimResult[] = [];
  for (const claim of bench.claims) {
    const first = evaluateClaim(claim, results);
    if (first.status !== "fail" || first.ratio === undefined) {
      claims.push(first);
      continue;
    }
    const caseIndex = bench.cases.findIndex((c) => c.label === claim.case);
    const taskOf = (side: ClaimSide) => ({ caseIndex, variant: side.variant, threads: side.threads ?? 1 });
    let again: ClaimResult = first;
    for (const ms of REMEASURE_PAUSES_MS) {
      await onProgress({
        done: tasks.length,
        total: tasks.length,
        current: `re-measuring ${claim.id} after a pause`,
        remeasuring: claim.id,
        results,
      });
      await pause(ms);
      for (const r of await measureSideBySide([taskOf(claim.slower), taskOf(claim.faster)])) {
        results[results.findIndex((x) => x.case === r.case && x.variant === r.variant && x.threads === r.threads)] = r;
      }
      again = { ...evaluateClaim(claim, results, "fastest"), firstRatio: first.ratio };
      if (again.status !== "fail") break;
    }
    if (again.status !== "fail" || !spansThreadCounts(claim) || !resources.wasm || !resources.pool) {
      claims.push(again);
      continue;
    }
    // Failed twice across thread counts: could these cores have given that speed-up just now?
    const base = claim.slower.threads ?? 1;
    let codeFactor: number | undefined;
    if (claim.faster.variant !== claim.slower.variant) {
      const [slower, alone] = await measureSideBySide([taskOf(claim.slower), taskOf({ variant: claim.faster.variant, threads: base })]);
      codeFactor = slower!.min / alone!.min;
    }
    const capacity = await parallelCapacity(resources.wasm, resources.pool, base, claim.faster.threads!, checkpoint);
    claims.push(judgeWithCapacity(again, capacity, codeFactor));
  }
  await onProgress({ done: tasks.length, total: tasks.length, current: "done", results });
  return {
    schema: RESULTS_SCHEMA,
    env: await captureEnv({
      kernelIsa: resources.wasm?.isa ?? "none",
      quick: options.quick,
      ...(resources.wasm ? { wasmSha256: { [resources.wasm.isa]: resources.wasm.sha256 } } : {}),
      ...(options.browserFlags ? { browserFlags: options.browserFlags } : {}),
    }),
    results,
    claims,
    skipped,
    ...(threadsReduced.length > 0 ? { threadsReduced } : {}),
    baselines: { [bench.id]: bench.baseline },
  };
}

/**
 * The most threads, up to `requested`, that variant `variant` of case `caseIndex` can have in the
 * WebAssembly memory, and the record of a reduction when that is fewer (fitThreads; it throws,
 * naming the case, when not even one thread fits).
 */
function fitMemory(
  bench: Benchmark,
  variant: string,
  caseIndex: number,
  requested: number,
  kernels: WasmKernels,
  capacity = ARENA_CAPACITY_BYTES,
): { threads: number; reduced?: ThreadsReduced } {
  const bytesAt = (threads: number) => bench.arenaBytes(variant, caseIndex, threads, kernels);
  const kase = bench.cases[caseIndex]!.label;
  const threads = fitThreads(bytesAt, requested, `${bench.id}: ${variant} on ${kase}`, capacity);
  if (threads === requested) return { threads };
  return {
    threads,
    reduced: { variant, case: kase, requested, threads, bytesNeeded: bytesAt(requested), bytesAvailable: capacity },
  };
}

/** Checks that the cases, variants and thread counts a run selects exist, naming the first that does not. */
function checkSelection(bench: Benchmark, o: RunOptions): void {
  const badCase = o.cases?.find((i) => !Number.isInteger(i) || i < 0 || i >= bench.cases.length);
  if (badCase !== undefined) throw new RangeError(`invalid cases: ${badCase} (${bench.id} has cases 0 to ${bench.cases.length - 1})`);
  const badVariant = o.variants?.find((id) => !bench.variants.some((v) => v.id === id));
  if (badVariant !== undefined) throw new RangeError(`invalid variants: ${badVariant} is not a variant of ${bench.id}`);
  const badCount = o.threadCounts?.find((t) => !Number.isInteger(t) || t < 1);
  if (badCount !== undefined) throw new RangeError(`invalid threadCounts: ${badCount} (expected integers ≥ 1)`);
}

/**
 * How long a failed claim waits before each time it is measured again: longer each time, as a
 * slow period of a shared host lasts from a second to tens of seconds.
 */
export const REMEASURE_PAUSES_MS = [500, 1500, 4000] as const;

/** One task's samples and how far its output was from the reference. */
interface Timed {
  samples: number[];
  maxError: number;
  tolerance: number;
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** GB/s and FLOPs per byte of a result whose benchmark has a byte model (none otherwise). */
function workModel(flops: number, bytes: number | undefined, medianMs: number): Pick<ResultV1, "gbps" | "intensity"> {
  if (bytes === undefined || !(bytes > 0)) return {};
  return { gbps: bytes / (medianMs * 1e6), ...(flops > 0 ? { intensity: flops / bytes } : {}) };
}
