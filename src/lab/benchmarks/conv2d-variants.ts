import { ClaimCounter } from "../../kernels/pool/claim-counter.ts";
import { convBytes, convFlops, convShape, convSizes, type ConvParams, type ConvShape } from "../../kernels/conv-shape.ts";
import { conv2dF32DirectRef } from "../../kernels/conv2d-f32-direct-ref.ts";
import { conv2dF32Im2col, conv2dIm2colScratch, transposeWeights } from "../../kernels/conv2d-f32-im2col.ts";
import { conv2dF32SeparableTs, conv2dSeparableScratch, type SeparableFilters } from "../../kernels/conv2d-f32-separable-ts.ts";
import { conv2dF32ShiftedTs } from "../../kernels/conv2d-f32-shifted-ts.ts";
import { WINOGRAD_F2X2_3X3, winogradFilterFloats, winogradTransformFilters } from "../../kernels/winograd-f32-transforms.ts";
import { ortConv2dVariant } from "../peer/ort-variants.ts";
import { tfjsConv2dVariant } from "../peer/tfjs-variants.ts";
import type { ArgsOf } from "../../kernels/pool/pool-job.ts";
import { kernelPoolJobs, type KernelPoolJobs } from "../../kernels/pool/kernel-jobs.ts";
import { randomF32 } from "../../kernels/random.ts";
import type { WasmKernels } from "../../kernels/wasm/kernels-wasm.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import type { BenchmarkDeclaration, RunContext, Variant } from "../benchmark.ts";

/**
 * What every convolution benchmark shares: the input, the reference, the work and tolerance
 * models, and the variants, so that two benchmarks racing the same kernel run the same code.
 */

export interface ConvInput {
  x: Float32Array;
  w: Float32Array;
  b: Float32Array;
}

/** A 3×3, stride 1, padding 1 layer (the output keeps the input's size). */
export const conv3x3 = (batch: number, channels: number, size: number, filters: number): ConvParams => ({
  batch,
  channels,
  height: size,
  width: size,
  filters,
  kernelH: 3,
  kernelW: 3,
  stride: 1,
  padding: 1,
});

/** "(N,C,H,W)→F": the case label the tables, charts and claims use. */
export const convLabel = (p: ConvParams) => `(${p.batch},${p.channels},${p.height},${p.width})→${p.filters}`;

/** Input generator, reference, work models and tolerance of a convolution benchmark. */
export const convModel: Pick<
  BenchmarkDeclaration<ConvParams, ConvInput>,
  "caseAxis" | "input" | "reference" | "flops" | "bytes" | "tolerance"
> = {
  caseAxis: "input (N,C,H,W)→filters",
  input(p, seed) {
    const n = convSizes(convShape(p));
    return { x: randomF32(n.input, seed), w: randomF32(n.weights, seed + 1), b: randomF32(n.bias, seed + 2) };
  },
  reference(p, { x, w, b }) {
    const out = new Float32Array(convSizes(convShape(p)).output);
    conv2dF32DirectRef(p, x, w, b, out);
    return out;
  },
  flops: (p) => convFlops(convShape(p)),
  // The im2col variants write the im2col matrix and read it back; the direct loops do not.
  bytes: (p, variant) => convBytes(convShape(p), variant.includes("-im2col-")),
  // Inputs lie in [-1, 1], so each output sums K = C·kH·kW products of magnitude ≤ 1; a float32
  // sum of K such terms is off by at most about K·u·K (u = 2⁻²⁴, Higham's γ_K bound), plus the bias.
  tolerance: (p) => {
    const k = convShape(p).patch;
    return k * (k + 1) * 2 ** -24;
  },
};

/** Copies the convolution into the shared memory; returns the pool job's arguments. */
type ConvJobArgs = ArgsOf<KernelPoolJobs, "conv2d_f32_im2col_gemm_wasmrelaxedsimd">;

/** Arena bytes of placeInWasm's blocks. */
function im2colBytes(p: ConvParams): number {
  const s = convShape(p);
  const n = convSizes(s);
  return arenaBytes(n.input, n.weights, n.bias, n.output, n.im2col, s.cols * s.filters) + ClaimCounter.arenaBytes;
}

/** The convolution in the shared memory: the pool job's arguments, and the counter its threads claim rows from. */
function placeInWasm(p: ConvParams, input: ConvInput, ctx: RunContext): { args: ConvJobArgs; counter: ClaimCounter } {
  const s = convShape(p);
  const n = convSizes(s);
  const { arena } = ctx.wasm;
  arena.reset();
  const x = arena.allocF32(n.input);
  const wT = arena.allocF32(n.weights);
  const bias = arena.allocF32(n.bias);
  const out = arena.allocF32(n.output);
  const col = arena.allocF32(n.im2col);
  const gemmOut = arena.allocF32(s.cols * s.filters);
  const counter = new ClaimCounter(arena);
  x.view().set(input.x);
  transposeWeights(s, input.w, wT.view());
  bias.view().set(input.b);
  const args = {
    x: x.ptr,
    wT: wT.ptr,
    bias: bias.ptr,
    out: out.ptr,
    col: col.ptr,
    gemmOut: gemmOut.ptr,
    n: s.batch,
    c: s.channels,
    h: s.height,
    w: s.width,
    f: s.filters,
    kh: s.kernelH,
    kw: s.kernelW,
    stride: s.stride,
    pad: s.padding,
    rows: s.cols,
    counter: counter.ptr,
  };
  return { args, counter };
}

function outputOf(p: ConvParams, ctx: RunContext, args: { out: number }): () => Float32Array {
  const length = convSizes(convShape(p)).output;
  return () => new Float32Array(ctx.wasm.memory.buffer, args.out, length).slice();
}

type ConvVariant = Variant<ConvParams, ConvInput>;

export const conv2dDirectRef: ConvVariant = {
  id: "conv2d-f32-direct-ref",
  label: "Direct loops (TypeScript)",
  prepare(p, { x, w, b }) {
    const out = new Float32Array(convSizes(convShape(p)).output);
    return { run: () => conv2dF32DirectRef(p, x, w, b, out), output: () => out };
  },
};

export const conv2dShifted: ConvVariant = {
  id: "conv2d-f32-shifted-ts",
  label: "Shifted planes, vectorized (TypeScript)",
  prepare(p, { x, w, b }) {
    const out = new Float32Array(convSizes(convShape(p)).output);
    return { run: () => conv2dF32ShiftedTs(p, x, w, b, out), output: () => out };
  },
};

/** A rank-1 filter's input: the image and bias, with the filter both as factors u, v and whole (w = u·vᵀ). */
export type SeparableInput = ConvInput & SeparableFilters;

/** A rank-1 (separable) filter applied as a row pass then a column pass, from its factors u, v. */
export const conv2dSeparablePasses: Variant<ConvParams, SeparableInput> = {
  id: "conv2d-f32-separable-ts",
  label: "Separable: a row pass, then a column pass (TypeScript)",
  prepare(p, { x, u, v, b }) {
    const out = new Float32Array(convSizes(convShape(p)).output);
    const scratch = conv2dSeparableScratch(p);
    return { run: () => conv2dF32SeparableTs(p, x, { u, v }, b, out, scratch), output: () => out };
  },
};

export const conv2dIm2colGemmTs: ConvVariant = {
  id: "conv2d-f32-im2col-gemm-ts",
  label: "im2col + blocked GEMM (TypeScript)",
  prepare(p, { x, w, b }) {
    const s = convShape(p);
    const out = new Float32Array(convSizes(s).output);
    const scratch = conv2dIm2colScratch(s);
    return { run: () => conv2dF32Im2col(p, x, w, b, out, scratch), output: () => out };
  },
};

export const conv2dIm2colGemmWasm: ConvVariant = {
  id: "conv2d-f32-im2col-gemm-wasmrelaxedsimd",
  label: "im2col + SIMD GEMM (WebAssembly)",
  needsIsolation: true,
  prepare(p, input, ctx) {
    const { args, counter } = placeInWasm(p, input, ctx);
    // The single-threaded run is the pool job's one and only part: the same code, no pool.
    return {
      run() {
        counter.reset();
        kernelPoolJobs.conv2d_f32_im2col_gemm_wasmrelaxedsimd.part(ctx.wasm.kernels, args, 0, 1);
      },
      output: outputOf(p, ctx, args),
    };
  },
  arenaBytes: im2colBytes,
};

export const conv2dIm2colGemmWasmThreads: ConvVariant = {
  id: "conv2d-f32-im2col-gemm-wasmrelaxedsimd-threads",
  label: "im2col + SIMD GEMM, threaded (WebAssembly)",
  needsIsolation: true,
  parallel: true,
  prepare(p, input, ctx) {
    const { args, counter } = placeInWasm(p, input, ctx);
    return {
      run() {
        counter.reset();
        ctx.pool.run("conv2d_f32_im2col_gemm_wasmrelaxedsimd", args, ctx.threads);
      },
      output: outputOf(p, ctx, args),
    };
  },
  arenaBytes: im2colBytes,
};

type WinogradJobArgs = ArgsOf<KernelPoolJobs, "conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd">;

/** Bytes between the parts' Winograd workspaces: whole cache lines, so no two threads share one. */
const CACHE_LINE_BYTES = 64;

/** The parts' workspace stride: the kernel's workspace for this layer, rounded up to whole cache lines. */
function winogradWorkspaceStride(kernels: WasmKernels, s: ConvShape): number {
  const bytes = kernels.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(s.channels, s.width, s.filters, s.padding);
  return Math.ceil(bytes / CACHE_LINE_BYTES) * CACHE_LINE_BYTES;
}

/** Arena bytes of placeWinogradInWasm's blocks on `threads` threads: one workspace each. */
function winogradBytes(p: ConvParams, threads: number, kernels: WasmKernels): number {
  const s = convShape(p);
  const n = convSizes(s);
  return arenaBytes(
    n.input,
    winogradFilterFloats(WINOGRAD_F2X2_3X3, s),
    n.bias,
    n.output,
    (threads * winogradWorkspaceStride(kernels, s)) / 4,
  );
}

/**
 * Copies the input into the shared memory with the filters transformed (once per set of weights,
 * as a network would at load time, so the timed call transforms only the input and the output)
 * and a workspace for each of ctx.threads parts; returns the pool job's arguments.
 */
function placeWinogradInWasm(p: ConvParams, input: ConvInput, ctx: RunContext): WinogradJobArgs {
  const s = convShape(p);
  const n = convSizes(s);
  const { arena, kernels } = ctx.wasm;
  arena.reset();
  const x = arena.allocF32(n.input);
  const u = arena.allocF32(winogradFilterFloats(WINOGRAD_F2X2_3X3, s));
  const bias = arena.allocF32(n.bias);
  const out = arena.allocF32(n.output);
  const workspaceStride = winogradWorkspaceStride(kernels, s);
  const workspace = arena.allocF32((ctx.threads * workspaceStride) / 4);
  x.view().set(input.x);
  winogradTransformFilters(WINOGRAD_F2X2_3X3, s, input.w, u.view());
  bias.view().set(input.b);
  return {
    x: x.ptr,
    u: u.ptr,
    bias: bias.ptr,
    out: out.ptr,
    workspace: workspace.ptr,
    workspaceStride,
    n: s.batch,
    c: s.channels,
    h: s.height,
    w: s.width,
    f: s.filters,
    pad: s.padding,
    tileRows: s.batch * Math.ceil(s.outH / 2),
  };
}

/**
 * Winograd F(2×2, 3×3) in WebAssembly SIMD, one thread. The benchmark's flops() counts the direct
 * convolution's work, so the GFLOP/s are effective: 2.25× fewer multiply-adds are done, and the
 * figure can pass the FMA peak.
 */
export const conv2dWinograd2x2Wasm: ConvVariant = {
  id: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd",
  label: "Winograd F(2×2, 3×3), SIMD (WebAssembly)",
  needsIsolation: true,
  prepare(p, input, ctx) {
    const args = placeWinogradInWasm(p, input, ctx);
    // The single-threaded run is the pool job's one and only part: the same code, no pool.
    return {
      run: () => kernelPoolJobs.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd.part(ctx.wasm.kernels, args, 0, 1),
      output: outputOf(p, ctx, args),
    };
  },
  arenaBytes: winogradBytes,
};

/** The same, its tile rows split over the pool's threads. */
export const conv2dWinograd2x2WasmThreads: ConvVariant = {
  id: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd-threads",
  label: "Winograd F(2×2, 3×3), SIMD, threaded (WebAssembly)",
  needsIsolation: true,
  parallel: true,
  prepare(p, input, ctx) {
    const args = placeWinogradInWasm(p, input, ctx);
    return { run: () => ctx.pool.run("conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd", args, ctx.threads), output: outputOf(p, ctx, args) };
  },
  arenaBytes: winogradBytes,
};

/** TensorFlow.js's WebAssembly backend (XNNPACK), on the calling thread and threaded. */
export const conv2dTfjsWasmSimd = tfjsConv2dVariant<ConvInput>("wasm-simd");
export const conv2dTfjsWasmThreadedSimd = tfjsConv2dVariant<ConvInput>("wasm-threaded-simd");
export const conv2dOrtWasmSimdThreaded = ortConv2dVariant<ConvInput>();
