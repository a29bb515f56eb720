import { GEMM_F32_MR, type WasmKernels } from "../wasm/kernels-wasm.ts";
import { splitRows } from "./pool-control.ts";
import { forEachClaimedChunk } from "./claim-chunks.ts";
import { claimCounterAt } from "./claim-counter.ts";
import { PEAK_F32X4_EXACT_ITERATIONS } from "../peak-f32x4-ref.ts";
import { collatzSteps } from "../collatz-steps.ts";
import { GEMM_I8_PIPELINE_ARGS, gemmI8PipelinePart } from "../gemm-i8-pipeline.ts";
import { gemmF32PackedJob } from "./gemm-f32-packed-job.ts";
import { MAP_IMAGES_ARGS, mapBox3F32Images } from "./map-images-box3-f32.ts";
import { HISTOGRAM_U8_BINS, histogramU8Add, histogramU8AtomicAdd } from "../histogram-u8.ts";
import type { ArgValues } from "./job-args.ts";
import { poolJob, type JobTable } from "./pool-job.ts";

/** Elements per triad part boundary: one 64-byte cache line, so no two threads write the same line. */
const TRIAD_SPLIT = 16;

/**
 * Rows of the convolution's output a thread claims at once: two of the kernel's 96-row blocks
 * (a whole number of GEMM tiles), so the 3,136 rows of a 56×56 layer make 17 claims — enough for the
 * threads to even out — at one atomic add per ~0.3 ms of work (measured: 5.5 ms on one thread).
 */
const CONV_CLAIM_ROWS = 32 * GEMM_F32_MR;

/** Pixels a histogram thread claims at once: 64 KiB, so a 2-megapixel image makes 32 claims of ~0.06 ms each (1.85 ms on one thread). */
const HISTOGRAM_CLAIM_PIXELS = 1 << 16;

/** A GEMM job's arguments: C (m × n) = A (m × k) · B (k × n), byte offsets and row strides in elements. */
const GEMM_ARGS = { m: "i32", n: "i32", k: "i32", a: "i32", lda: "i32", b: "i32", ldb: "i32", c: "i32", ldc: "i32" } as const;

/** A peak probe's arguments: the total iterations, and where the parts' counts go (float64 each). */
const PEAK_ARGS = { iterations: "i32", out: "i32" } as const;

/** Iterations a claimed peak probe's part takes at a time: about half a millisecond, and exact (≤ PEAK_F32X4_EXACT_ITERATIONS). */
const PEAK_CLAIM_ITERATIONS = 2 ** 18;

/** A shared histogram job's arguments: `n` pixels (u8) and the histogram(s) (int32). */
const HISTOGRAM_ARGS = { pixels: "i32", n: "i32", bins: "i32" } as const;

/**
 * Part `part` of a peak probe job: its share of the total iterations, in calls short enough that
 * each returns an exact count, summed in f64 and stored at out (a Float64Array) [part].
 */
function peakPart(
  probe: (iterations: number) => number,
  kernels: WasmKernels,
  args: ArgValues<typeof PEAK_ARGS>,
  part: number,
  parts: number,
): void {
  const [start, end] = splitRows(args.iterations, part, parts);
  let sum = 0;
  for (let left = end - start; left > 0; left -= PEAK_F32X4_EXACT_ITERATIONS) sum += probe(Math.min(left, PEAK_F32X4_EXACT_ITERATIONS));
  new Float64Array(kernels.memory.buffer, args.out, parts)[part] = sum;
}

/** Part `part`'s band of a GEMM job's rows: how many, and where its rows of A and C start; undefined when the part has no rows. */
function gemmBand(args: ArgValues<typeof GEMM_ARGS>, part: number, parts: number): { rows: number; a: number; c: number } | undefined {
  const [start, end] = splitRows(args.m, part, parts, GEMM_F32_MR);
  if (start === end) return undefined;
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  return { rows: end - start, a: args.a + start * args.lda * f32, c: args.c + start * args.ldc * f32 };
}

/**
 * The kernels' pool jobs. Parts split rows on multiples of the GEMM's register tile, so no part
 * runs a partial tile early. The layer that owns the pool adds its own jobs to these.
 */
export const kernelPoolJobs = {
  /**
   * Rows of the im2col matrix (= n·H'·W') claimed CONV_CLAIM_ROWS at a time from the counter (reset
   * to 0 before the run) until none are left: a thread on a slower or busier core simply claims
   * fewer, where fixed halves would make the run wait for it. Any split gives the same bits
   * (every row's arithmetic is its own). The rest is the convolution's shape.
   */
  conv2d_f32_im2col_gemm_wasmrelaxedsimd: poolJob(
    {
      x: "i32",
      wT: "i32",
      bias: "i32",
      out: "i32",
      col: "i32",
      gemmOut: "i32",
      n: "i32",
      c: "i32",
      h: "i32",
      w: "i32",
      f: "i32",
      kh: "i32",
      kw: "i32",
      stride: "i32",
      pad: "i32",
      rows: "i32",
      counter: "i32",
    },
    (kernels, a) =>
      forEachClaimedChunk(claimCounterAt(kernels.memory.buffer, a.counter), a.rows, CONV_CLAIM_ROWS, (start, end) =>
        kernels.conv2d_f32_im2col_gemm_wasmrelaxedsimd(
          a.x,
          a.wT,
          a.bias,
          a.out,
          a.col,
          a.gemmOut,
          a.n,
          a.c,
          a.h,
          a.w,
          a.f,
          a.kh,
          a.kw,
          a.stride,
          a.pad,
          start,
          end,
        ),
      ),
  ),
  /**
   * Winograd F(2×2, 3×3): the n·⌈H'/2⌉ tile rows split across parts, each part in its own
   * workspace at workspace + p·workspaceStride (bytes), so the parts share only the read-only
   * input and transformed filters and write disjoint output rows.
   */
  conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd: poolJob(
    {
      x: "i32",
      u: "i32",
      bias: "i32",
      out: "i32",
      workspace: "i32",
      workspaceStride: "i32",
      n: "i32",
      c: "i32",
      h: "i32",
      w: "i32",
      f: "i32",
      pad: "i32",
      tileRows: "i32",
    },
    (kernels, a, part, parts) => {
      const [start, end] = splitRows(a.tileRows, part, parts);
      if (start === end) return;
      kernels.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd(
        a.x,
        a.u,
        a.bias,
        a.out,
        a.workspace + part * a.workspaceStride,
        a.n,
        a.c,
        a.h,
        a.w,
        a.f,
        a.pad,
        start,
        end,
      );
    },
  ),
  /**
   * Nothing at all in every part: timing it times the pool's fork and join alone (waking the
   * helpers, and hearing back from each).
   */
  fork_join_empty: poolJob({}, () => {}),
  /** Rows of A and C split across parts. */
  gemm_f32_6x8_wasmrelaxedsimd: poolJob(GEMM_ARGS, (kernels, a, part, parts) => {
    const band = gemmBand(a, part, parts);
    if (band) kernels.gemm_f32_6x8_wasmrelaxedsimd(band.rows, a.n, a.k, band.a, a.lda, a.b, a.ldb, band.c, a.ldc);
  }),
  /** B packed once per block by all parts together, then each part's tile of C: see gemm-f32-packed-job.ts. */
  gemm_f32_6x8_packed_wasmrelaxedsimd: gemmF32PackedJob,
  /**
   * The total iterations are split across parts (so a run's FLOPs do not depend on the thread
   * count and time ratios are speedups); part p writes its sum at out[p] (f64).
   */
  peak_f32x4_fma_wasmrelaxedsimd: poolJob(PEAK_ARGS, (kernels, a, part, parts) =>
    peakPart(kernels.raw.peak_f32x4_fma_wasmrelaxedsimd, kernels, a, part, parts),
  ),
  /** As peak_f32x4_fma_wasmrelaxedsimd, with a separate multiply and add. */
  peak_f32x4_muladd_wasmsimd: poolJob(PEAK_ARGS, (kernels, a, part, parts) =>
    peakPart(kernels.raw.peak_f32x4_muladd_wasmsimd, kernels, a, part, parts),
  ),
  /**
   * As peak_f32x4_muladd_wasmsimd, the iterations claimed PEAK_CLAIM_ITERATIONS at a time from the
   * counter (reset before the run) instead of split evenly: a core that runs slower (the host gave
   * it to another guest for a while) takes fewer, so a run's time shows the arithmetic all the
   * cores together gave, which is what kernels that claim their work can use.
   */
  peak_f32x4_muladd_claimed_wasmsimd: poolJob({ ...PEAK_ARGS, counter: "i32" }, (kernels, a, part) => {
    let sum = 0;
    forEachClaimedChunk(claimCounterAt(kernels.memory.buffer, a.counter), a.iterations, PEAK_CLAIM_ITERATIONS, (start, end) => {
      sum += kernels.raw.peak_f32x4_muladd_wasmsimd(end - start);
    });
    new Float64Array(kernels.memory.buffer, a.out, part + 1)[part] = sum;
  }),
  /** a = b + scalar·c over n elements, split across parts on cache-line boundaries. */
  triad_f32_wasmrelaxedsimd: poolJob({ a: "i32", b: "i32", c: "i32", scalar: "f32", n: "i32" }, (kernels, a, part, parts) => {
    const [start, end] = splitRows(a.n, part, parts, TRIAD_SPLIT);
    if (start === end) return;
    kernels.triad_f32_wasmrelaxedsimd(a.a, a.b, a.c, a.scalar, start, end);
  }),
  /** Image rows split across parts (each reads the rows around its own). */
  median3x3_u8_x16_wasmsimd: poolJob({ src: "i32", dst: "i32", height: "i32", width: "i32" }, (kernels, a, part, parts) => {
    const [start, end] = splitRows(a.height, part, parts);
    if (start < end) kernels.median3x3_u8_x16_wasmsimd(a.src, a.dst, a.height, a.width, start, end);
  }),
  /**
   * Plain JavaScript, no WebAssembly: part p sums the Collatz steps of every parts-th n of
   * [start, stop), from start + p (round-robin, so big and small n land in every part and the
   * parts cost the same), and stores them at out[p] (f64). The shared memory only carries the
   * arguments and the per-part totals, as a process pool's pipe would.
   */
  collatz_steps_ts: poolJob({ start: "i32", stop: "i32", out: "i32" }, (kernels, a, part, parts) => {
    new Float64Array(kernels.memory.buffer, a.out, parts)[part] = collatzSteps({ start: a.start + part, stop: a.stop, step: parts });
  }),
  /** Pool.map over images: each part claims `chunk` images at a time from the shared counter (reset to 0 before the run) and blurs them. */
  map_box3_f32_ts: poolJob(MAP_IMAGES_ARGS, (kernels, a) => mapBox3F32Images(kernels.memory.buffer, a)),
  /** C ≈ A·B in int8: each part claims blocks of rows from the counter (reset before the run) and quantizes, multiplies and dequantizes them. */
  gemm_i8_f32: poolJob(GEMM_I8_PIPELINE_ARGS, (kernels, a) => gemmI8PipelinePart(kernels, a)),
  /** Pixels split across parts, every part adds into the one shared histogram with Atomics.add. */
  histogram_u8_atomic_ts: poolJob(HISTOGRAM_ARGS, (kernels, a, part, parts) => {
    const [start, end] = splitRows(a.n, part, parts);
    histogramU8AtomicAdd(
      new Uint8Array(kernels.memory.buffer, a.pixels, a.n),
      start,
      end,
      new Int32Array(kernels.memory.buffer, a.bins, HISTOGRAM_U8_BINS),
    );
  }),
  /**
   * Part p clears its own histogram at bins + p·1 KiB, then counts into it with plain increments
   * (no other thread touches those cache lines) every HISTOGRAM_CLAIM_PIXELS-pixel block it claims
   * from the counter (reset to 0 before the run); the caller merges the histograms afterwards.
   */
  histogram_u8_private_merge_ts: poolJob({ ...HISTOGRAM_ARGS, counter: "i32" }, (kernels, a, part) => {
    const own = new Int32Array(kernels.memory.buffer, a.bins + part * HISTOGRAM_U8_BINS * Int32Array.BYTES_PER_ELEMENT, HISTOGRAM_U8_BINS);
    own.fill(0);
    const pixels = new Uint8Array(kernels.memory.buffer, a.pixels, a.n);
    forEachClaimedChunk(claimCounterAt(kernels.memory.buffer, a.counter), a.n, HISTOGRAM_CLAIM_PIXELS, (start, end) =>
      histogramU8Add(pixels, start, end, own),
    );
  }),
} as const satisfies JobTable;

export type KernelPoolJobs = typeof kernelPoolJobs;
