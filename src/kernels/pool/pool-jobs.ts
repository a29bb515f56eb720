import { GEMM_F32_MR, type WasmKernels } from "../wasm/kernels-wasm.ts";
import { splitRows } from "./pool-control.ts";
import { PEAK_F32X4_EXACT_ITERATIONS } from "../peak-f32x4-ref.ts";
import { collatzSteps } from "../collatz-steps.ts";
import { cnnForwardJob, cnnGradientJob } from "../../model/cnn-jobs.ts";
import { cnnDecodeGradientJob, cnnPrefetchGradientJob } from "../../lab/training/training-jobs.ts";
import { gemmI8PipelinePart } from "../gemm-i8-pipeline.ts";
import { mapBox3F32Images } from "./map-images-box3-f32.ts";
import { HISTOGRAM_U8_BINS, histogramU8Add, histogramU8AtomicAdd } from "../histogram-u8.ts";

// Float arguments travel through the Int32 control block as their bit patterns.
const f32Bits = new Float32Array(1);
const i32Bits = new Int32Array(f32Bits.buffer);

/** A float32 as the Int32 job argument that carries it (decoded by the job). */
export function f32Arg(x: number): number {
  f32Bits[0] = x;
  return i32Bits[0]!;
}

function argF32(bits: number): number {
  i32Bits[0] = bits;
  return f32Bits[0]!;
}

/** Elements per triad part boundary: one 64-byte cache line, so no two threads write the same line. */
const TRIAD_SPLIT = 16;

/**
 * Part `part` of a peak probe job: its share of the total iterations, in calls short enough that
 * each returns an exact count, summed in f64 and stored at out (a Float64Array) [part].
 */
function peakPart(probe: (iterations: number) => number, k: WasmKernels, a: Int32Array, part: number, parts: number): void {
  const [start, end] = splitRows(a[0]!, part, parts);
  let sum = 0;
  for (let left = end - start; left > 0; left -= PEAK_F32X4_EXACT_ITERATIONS) sum += probe(Math.min(left, PEAK_F32X4_EXACT_ITERATIONS));
  new Float64Array(k.memory.buffer, a[1]!, parts)[part] = sum;
}

/**
 * Part `part`'s band of a GEMM job's rows (args m, n, k, a, lda, b, ldb, c, ldc…): how many, and
 * where its rows of A and C start; undefined when the part has no rows.
 */
function gemmBand(a: Int32Array, part: number, parts: number): { rows: number; a: number; c: number } | undefined {
  const [start, end] = splitRows(a[0]!, part, parts, GEMM_F32_MR);
  if (start === end) return undefined;
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  return { rows: end - start, a: a[3]! + start * a[4]! * f32, c: a[7]! + start * a[8]! * f32 };
}

/**
 * The jobs the pool can run. Each takes the integer arguments written to the control block and
 * runs part `part` of `parts` — the same code on the coordinator (part 0) and on every worker.
 * Parts split rows on multiples of the GEMM's register tile, so no part runs a partial tile early.
 */
export const poolJobs = {
  /** args: x, wT, bias, out, col, gemmOut, n, c, h, w, f, kh, kw, stride, pad, rows (= n·H'·W'). */
  conv2d_f32_im2col_gemm(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[15]!, part, parts, GEMM_F32_MR);
    if (start === end) return;
    k.conv2d_f32_im2col_gemm(a[0]!, a[1]!, a[2]!, a[3]!, a[4]!, a[5]!, a[6]!, a[7]!, a[8]!, a[9]!, a[10]!, a[11]!, a[12]!, a[13]!, a[14]!, start, end);
  },
  /** args: m, n, k, a, lda, b, ldb, c, ldc — rows of A and C split across parts. */
  gemm_f32(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const band = gemmBand(a, part, parts);
    if (band) k.gemm_f32(band.rows, a[1]!, a[2]!, band.a, a[4]!, a[5]!, a[6]!, band.c, a[8]!);
  },
  /**
   * args: m, n, k, a, lda, b, ldb, c, ldc, workspace, workspaceStride — rows split as for gemm_f32;
   * part p packs into its own workspace at workspace + p·workspaceStride (bytes). Each part packs
   * all of B for itself, so the parts never wait for each other. A shared B packed once would need
   * a pool round trip between packing and multiplying each block: 16 at 1024³ (8 blocks), 50–70 µs
   * each in Chromium on 2 cores, against ~0.15 ms of packing a second thread duplicates (packing
   * all of B at 1024³ takes ~0.3 ms). With many threads on a small product the duplicate packing
   * grows (31/32 of it at 32 threads); splitting columns too, as BLIS does, would be the next step.
   */
  gemm_f32_packed(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const band = gemmBand(a, part, parts);
    if (band) k.gemm_f32_packed(band.rows, a[1]!, a[2]!, band.a, a[4]!, a[5]!, a[6]!, band.c, a[8]!, a[9]! + part * a[10]!);
  },
  /**
   * args: iterations, out — the total iterations are split across parts (so a run's FLOPs do not
   * depend on the thread count and time ratios are speedups); part p writes its sum at out[p] (f64).
   */
  peak_f32x4_fma(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    peakPart(k.raw.peak_f32x4_fma, k, a, part, parts);
  },
  /** args: as peak_f32x4_fma, with a separate multiply and add. */
  peak_f32x4_muladd(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    peakPart(k.raw.peak_f32x4_muladd, k, a, part, parts);
  },
  /** args: a, b, c, scalar (f32Arg), n — elements split across parts on cache-line boundaries. */
  triad_f32(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[4]!, part, parts, TRIAD_SPLIT);
    if (start === end) return;
    k.triad_f32(a[0]!, a[1]!, a[2]!, argF32(a[3]!), start, end);
  },
  /** args: src, dst, height, width — image rows split across parts (each reads the rows around its own). */
  median3x3_u8_simd(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[2]!, part, parts);
    if (start < end) k.median3x3_u8_simd(a[0]!, a[1]!, a[2]!, a[3]!, start, end);
  },
  /**
   * args: start, stop, out — plain JavaScript, no WebAssembly: part p sums the Collatz steps of
   * every parts-th n of [start, stop), from start + p (round-robin, so big and small n land in
   * every part and the parts cost the same), and stores them at out[p] (f64). The shared memory
   * only carries the arguments and the per-part totals, as a process pool's pipe would.
   */
  collatz_steps_js(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    new Float64Array(k.memory.buffer, a[2]!, parts)[part] = collatzSteps({ start: a[0]! + part, stop: a[1]!, step: parts });
  },
  /**
   * args: x, out, count, height, width, chunk, counter — Pool.map over images: each part claims
   * `chunk` images at a time from the shared counter (reset to 0 before the run) and blurs them.
   */
  map_box3_f32_js(k: WasmKernels, a: Int32Array): void {
    mapBox3F32Images(k.memory.buffer, a);
  },
  /**
   * args: gemmI8PipelineJobArgs — C ≈ A·B in int8: each part quantizes, multiplies and dequantizes
   * its own band of rows (multiples of the 4-row int8 tile).
   */
  gemm_i8_f32(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    gemmI8PipelinePart(k, a, part, parts);
  },
  /** args: see src/model/cnn-jobs.ts — the CNN's forward pass on each part's band of images. */
  cnn_forward: cnnForwardJob,
  /** args: see src/model/cnn-jobs.ts — each part's gradient sum over its band of the batch, into its own slot. */
  cnn_gradient: cnnGradientJob,
  /** args: see src/lab/training/training-jobs.ts — each part decodes its band of the batch, then cnn_gradient on it. */
  cnn_decode_gradient: cnnDecodeGradientJob,
  /** args: see src/lab/training/training-jobs.ts — part 0 computes the batch's gradient while part 1 decodes the next batch. */
  cnn_prefetch_gradient: cnnPrefetchGradientJob,
  /** args: pixels, n, bins — pixels split across parts, every part adds into the one shared histogram with Atomics.add. */
  histogram_u8_atomic_js(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[1]!, part, parts);
    histogramU8AtomicAdd(new Uint8Array(k.memory.buffer, a[0]!, a[1]!), start, end, new Int32Array(k.memory.buffer, a[2]!, HISTOGRAM_U8_BINS));
  },
  /**
   * args: pixels, n, bins — part p clears and fills its own histogram at bins + p·1 KiB with plain
   * increments (no other thread touches those cache lines); the caller merges them afterwards.
   */
  histogram_u8_private_js(k: WasmKernels, a: Int32Array, part: number, parts: number): void {
    const [start, end] = splitRows(a[1]!, part, parts);
    const own = new Int32Array(k.memory.buffer, a[2]! + part * HISTOGRAM_U8_BINS * Int32Array.BYTES_PER_ELEMENT, HISTOGRAM_U8_BINS);
    own.fill(0);
    histogramU8Add(new Uint8Array(k.memory.buffer, a[0]!, a[1]!), start, end, own);
  },
} as const;

export type PoolJob = keyof typeof poolJobs;
export const POOL_JOBS = Object.keys(poolJobs) as PoolJob[];
