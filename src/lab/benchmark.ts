import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import type { WasmContext } from "./wasm-context.ts";
import type { Claim } from "./claims.ts";
import type { LabPool } from "./pool/lab-pool-jobs.ts";

/** Numeric parameters of one benchmark case (sizes, strides…), stored verbatim in results. */
export type Params = Readonly<Record<string, number>>;

/** Everything a variant may use when it prepares a run inside the runner worker. */
export interface RunContext {
  wasm: WasmContext;
  pool: LabPool;
  /** Threads this run may use (1 for single-threaded variants). */
  threads: number;
}

/**
 * A variant ready to be timed: `run` is the timed call (a promise only when the library it runs
 * has no synchronous API: the time then includes awaiting it), `output` is read once afterwards.
 */
export interface PreparedRun {
  run(): void | Promise<void>;
  output(): Float32Array;
  /**
   * Set by a variant whose output is not the benchmark's result — a probe: the compute peak in the
   * GEMM benchmark does the case's FLOPs on no data; or another computation: the int8 network of
   * the inference benchmark, whose logits differ from the float ones by its quantization error — to
   * what its output must be instead, exactly (tolerance 0). Absent: the output is checked against
   * the benchmark's reference and tolerance.
   */
  expected?: Float32Array;
  /** Frees what prepare allocated outside the JavaScript heap (a library's tensors); called last. */
  dispose?(): void;
}

export interface Variant<P extends Params, I> {
  /** Kernel name, XNNPACK-style: op, type, method, ISA (`conv2d-f32-im2col-gemm-wasmrelaxedsimd`). */
  id: string;
  /** What a reader calls it. */
  label: string;
  /** Runs on the worker pool; the runner times it at several thread counts. */
  parallel?: boolean;
  /** Needs shared WebAssembly memory, which only a cross-origin isolated page has. */
  needsIsolation?: boolean;
  /** Most threads a parallel variant can use whatever the machine offers (a library's own cap). */
  maxThreads?: number;
  /** Labels of the cases this variant runs on (all when absent): e.g. the naive loops only where they take < ~1 s. */
  cases?: readonly string[];
  /** Allocates and fills everything the run needs, outside the timed region (may load a library). */
  prepare(params: P, input: I, ctx: RunContext): PreparedRun | Promise<PreparedRun>;
  /**
   * Bytes `prepare` takes from the WebAssembly arena on `threads` threads, from the shapes alone
   * (arenaBytes of the lengths it allocates; `kernels` answers a kernel's own workspace size), so
   * the runner knows before a run whether it fits. Absent: it takes none. arena-bytes.test.ts
   * holds it to what prepare really takes.
   */
  arenaBytes?(params: P, threads: number, kernels: WasmKernels): number;
}

export interface BenchmarkCase<P extends Params> {
  label: string;
  params: P;
  /** Only in full runs: a quick run (tests, "Measure peak", a first look) leaves it out. */
  fullOnly?: boolean;
}

/** One benchmark, declared once: the page island, the e2e tests and the CLI all run this. */
export interface BenchmarkDeclaration<P extends Params, I> {
  id: string;
  title: string;
  /** The docs page that teaches it (site path). */
  chapter: string;
  cases: readonly BenchmarkCase<P>[];
  /** What the case labels are, for the chart's axis (e.g. "matrix side M = N = K"). */
  caseAxis: string;
  /** Seed of the input generator, so every run everywhere sees the same data. */
  seed: number;
  /** The case's input; async when it loads data, such as a photo decoded in the runner worker. */
  input(params: P, seed: number): I | Promise<I>;
  /** The obviously correct result every variant is checked against. */
  reference(params: P, input: I): Float32Array;
  /** Variant id that speedups are relative to. */
  baseline: string;
  variants: readonly Variant<P, I>[];
  /** Floating-point operations of one call, for GFLOP/s. */
  flops(params: P): number;
  /**
   * Bytes one call of `variant` moves to or from memory, for GB/s and the arithmetic intensity
   * (FLOPs per byte) that places it on the roofline; absent when the work is not memory traffic.
   */
  bytes?(params: P, variant: string): number;
  /** Largest absolute error accepted against the reference. */
  tolerance(params: P, input: I): number;
  /** Its claims; each one's `bench` is this benchmark's id (filled in by defineBenchmark). */
  claims: readonly Omit<Claim, "bench">[];
}

/** What the runner and the page need of a benchmark, with its generic types erased. */
export interface Benchmark {
  id: string;
  title: string;
  chapter: string;
  cases: readonly BenchmarkCase<Params>[];
  caseAxis: string;
  seed: number;
  baseline: string;
  variants: readonly Pick<Variant<Params, unknown>, "id" | "label" | "parallel" | "needsIsolation" | "maxThreads" | "cases">[];
  claims: readonly Claim[];
  /** Bytes variant `variantId` takes from the WebAssembly arena on case `caseIndex` at `threads` threads (Variant.arenaBytes; 0 when it takes none). */
  arenaBytes(variantId: string, caseIndex: number, threads: number, kernels: WasmKernels): number;
  /**
   * Builds one case's input and reference, and prepares variants on it. A bad case index throws
   * at once; the promise waits for the input.
   */
  instantiate(caseIndex: number): Promise<BenchmarkInstance>;
}

export interface BenchmarkInstance {
  params: Params;
  flops: number;
  /** The declaration's byte model for one variant, or undefined when it has none. */
  bytes(variantId: string): number | undefined;
  tolerance: number;
  reference(): Float32Array;
  prepare(variantId: string, ctx: RunContext): PreparedRun | Promise<PreparedRun>;
}

export function defineBenchmark<P extends Params, I>(d: BenchmarkDeclaration<P, I>): Benchmark {
  const variantIds = new Set(d.variants.map((v) => v.id));
  if (!variantIds.has(d.baseline)) throw new RangeError(`invalid baseline: ${d.baseline} is not a variant of ${d.id}`);
  for (const claim of d.claims) {
    for (const side of [claim.faster, claim.slower]) {
      if (!variantIds.has(side.variant)) throw new RangeError(`invalid claim ${claim.id}: unknown variant ${side.variant}`);
    }
    const kase = d.cases.find((c) => c.label === claim.case);
    if (!kase) throw new RangeError(`invalid claim ${claim.id}: unknown case ${claim.case}`);
    // e2e checks every claim in quick runs, which leave full-only cases out.
    if (kase.fullOnly) throw new RangeError(`invalid claim ${claim.id}: case ${claim.case} runs in full runs only`);
  }
  for (const v of d.variants) {
    const unknown = v.cases?.find((label) => !d.cases.some((c) => c.label === label));
    if (unknown !== undefined) throw new RangeError(`invalid variant ${v.id}: unknown case ${unknown}`);
  }
  const caseAt = (caseIndex: number) => {
    const c = d.cases[caseIndex];
    if (!c) throw new RangeError(`invalid case: ${caseIndex} (benchmark ${d.id} has ${d.cases.length})`);
    return c;
  };
  return {
    id: d.id,
    title: d.title,
    chapter: d.chapter,
    caseAxis: d.caseAxis,
    cases: d.cases,
    seed: d.seed,
    baseline: d.baseline,
    variants: d.variants.map(({ id, label, parallel, needsIsolation, maxThreads, cases }) => ({
      id,
      label,
      parallel,
      needsIsolation,
      maxThreads,
      cases,
    })),
    claims: d.claims.map((claim) => ({ ...claim, bench: d.id })),
    arenaBytes(variantId, caseIndex, threads, kernels) {
      const v = d.variants.find((x) => x.id === variantId);
      if (!v) throw new RangeError(`invalid variant: ${variantId} is not a variant of ${d.id}`);
      return v.arenaBytes?.(caseAt(caseIndex).params, threads, kernels) ?? 0;
    },
    instantiate(caseIndex) {
      const c = caseAt(caseIndex);
      return Promise.resolve(d.input(c.params, d.seed)).then((input) => ({
        params: c.params,
        flops: d.flops(c.params),
        bytes: (variantId) => d.bytes?.(c.params, variantId),
        tolerance: d.tolerance(c.params, input),
        reference: () => d.reference(c.params, input),
        prepare(variantId, ctx) {
          const v = d.variants.find((x) => x.id === variantId);
          if (!v) throw new RangeError(`invalid variant: ${variantId} is not a variant of ${d.id}`);
          return v.prepare(c.params, input, ctx);
        },
      }));
    },
  };
}

/** Thread counts a parallel variant is timed at: 1, the powers of two below the maximum, the maximum. */
export function threadCounts(maxThreads: number): number[] {
  const counts = new Set<number>();
  for (let t = 1; t < maxThreads; t *= 2) counts.add(t);
  counts.add(maxThreads);
  return [...counts].sort((a, b) => a - b);
}
