import { checkDequantizeArgs, checkGemmI8Args, checkPackBArgs, checkPackedBBytesArgs, checkQuantizeArgs } from "../gemm-i8-wasm-args.ts";
import { colI8Bytes } from "../conv2d-i8-col.ts";
import { checkDepthI8, GEMM_I8_B_MIN } from "../gemm-i8-shape.ts";
import { PEAK_F32X4_CHAINS } from "../peak-f32x4-ref.ts";
import { WINOGRAD_F2X2_3X3, winogradFilterFloats } from "../winograd-f32-transforms.ts";
import {
  byteBlock,
  conv,
  convOutput,
  disjoint,
  elementRange,
  f64Vector,
  gemmOperands,
  apart,
  leading,
  matrix,
  median3x3Operands,
  rows,
  size,
} from "./kernel-args.ts";
import { arg, wasmKernel, type KernelCheckContext, type KernelFunctions } from "./kernel-spec.ts";

/**
 * The one list of WebAssembly kernels, keyed by export name (src/kernels/wasm/assembly/index.ts).
 * From it come the typed, argument-checked wrappers (kernels-wasm.ts), the build's check that the
 * module exports exactly these with these signatures and constants (scripts/build-wasm.ts), and the
 * parametrised argument tests (kernel-table.test.ts). Each kernel's own reference test stays beside it.
 */

/**
 * The first byte the kernels leave free (their `heap_base` export: asc keeps the first KiB and the
 * modules have no static data), known here so memory can be laid out before any instantiation.
 * The build script and the tests check that every build agrees.
 */
export const KERNELS_HEAP_BASE = 1024;

/**
 * Largest `stop` collatz_steps_wasm takes: every trajectory from n < 10⁷ stays below 2⁵³ (the highest,
 * from n = 6 631 675, peaks at about 6.0·10¹³, found by exhaustive search), so the kernel's u64
 * and JavaScript's doubles count exactly the same steps.
 */
export const COLLATZ_MAX_STOP = 10_000_000;

/** Rows × columns of the f32 GEMM register tile (gemm-f32-6x8.ts), shared by gemm_f32_6x8_wasmrelaxedsimd and gemm_f32_6x8_packed_wasmrelaxedsimd. */
const GEMM_F32_TILE = { MR: 6, NR: 8 };

const bytes = (context: KernelCheckContext) => context.memory.buffer.byteLength;

/** `planes` planes of h × w floats for a 2×2 pool: at least one plane, each at least 2 × 2. */
function poolPlanes(planes: number, h: number, w: number): void {
  size("planes", planes);
  for (const [name, v] of [
    ["h", h],
    ["w", w],
  ] as const) {
    if (!Number.isInteger(v) || v < 2) throw new RangeError(`invalid ${name}: ${v} (expected an integer ≥ 2)`);
  }
}

/** The packed GEMM's block sizes (gemm-f32-6x8-packed-wasmrelaxedsimd.ts; the build checks them against the module). */
const PACKED_BLOCKS = { KC: 256, MC: 72, NC: 512 };

/** Columns n rounded up to whole 8-wide panels: a packed B block holds k times as many floats. */
const packedColumns = (n: number) => Math.ceil(n / GEMM_F32_TILE.NR) * GEMM_F32_TILE.NR;

/** n, c, h, w of an NCHW input, named in errors as convShape names them. */
const CONV_INPUT = [arg.size("n", "batch"), arg.size("c", "channels"), arg.size("h", "height"), arg.size("w", "width")] as const;
/** kh, kw, stride, pad of a convolution window. */
const CONV_WINDOW = [arg.size("kh", "kernelH"), arg.size("kw", "kernelW"), arg.size("stride"), arg.index("pad", "padding")] as const;

/** The 3×3 median kernels share their arguments and checks; they differ in how many pixels a step takes. */
function median3x3Kernel(name: string) {
  return wasmKernel({
    name,
    args: [arg.pointer("src"), arg.pointer("dst"), arg.size("height"), arg.size("width"), arg.index("rowStart"), arg.index("rowEnd")],
    result: "void",
    check: (context: KernelCheckContext) => (src: number, dst: number, height: number, width: number, rowStart: number, rowEnd: number) => {
      median3x3Operands(src, dst, height, width, rowStart, rowEnd, bytes(context));
    },
    smallestArgs: (base) => [base, base + 64, 1, 1, 0, 1],
  });
}

export const WASM_KERNELS = {
  /** C (m×n, ldc) = A (m×k, lda) · B (k×n, ldb), blocked around the 6×8 register tile (gemm-f32-6x8-wasmrelaxedsimd.ts). */
  gemm_f32_6x8_wasmrelaxedsimd: wasmKernel({
    name: `gemm-f32-${GEMM_F32_TILE.MR}x${GEMM_F32_TILE.NR}-wasmrelaxedsimd`,
    args: [
      arg.size("m"),
      arg.size("n"),
      arg.size("k"),
      arg.pointer("a"),
      arg.stride("lda"),
      arg.pointer("b"),
      arg.stride("ldb"),
      arg.pointer("c"),
      arg.stride("ldc"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number) => {
        gemmOperands(m, n, k, a, lda, b, ldb, c, ldc, bytes(context));
      },
    smallestArgs: (base) => [1, 1, 1, base, 1, base + 64, 1, base + 128, 1],
    constants: { ...GEMM_F32_TILE, KC: 192, MC: 24, NC: 512 },
  }),

  /** Rows [rowStart, rowEnd) of the im2col matrix of the NCHW input x into col (im2col-f32.ts). */
  im2col_f32_wasm: wasmKernel({
    name: "im2col-f32-wasm",
    args: [
      arg.pointer("x"),
      ...CONV_INPUT,
      ...CONV_WINDOW,
      arg.index("outH"),
      arg.index("outW"),
      arg.pointer("col"),
      arg.index("rowStart"),
      arg.index("rowEnd"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        x: number,
        n: number,
        c: number,
        h: number,
        w: number,
        kh: number,
        kw: number,
        stride: number,
        pad: number,
        outH: number,
        outW: number,
        col: number,
        rowStart: number,
        rowEnd: number,
      ) => {
        const s = conv(n, c, h, w, 1, kh, kw, stride, pad);
        convOutput(outH, outW, s);
        rows(rowStart, rowEnd, s.cols);
        const limit = bytes(context);
        matrix("x", x, 1, n * c * h * w, 0, limit);
        matrix("col", col, s.cols, s.patch, s.patch, limit);
      },
    smallestArgs: (base) => [base, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, base + 64, 0, 1],
  }),

  /** dx = col2im(col): zeroes dx, then adds each im2col entry back onto its input pixel (col2im-f32-wasm.ts). */
  col2im_f32_wasm: wasmKernel({
    name: "col2im-f32-wasm",
    args: [arg.pointer("col"), ...CONV_INPUT, ...CONV_WINDOW, arg.index("outH"), arg.index("outW"), arg.pointer("dx")],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        col: number,
        n: number,
        c: number,
        h: number,
        w: number,
        kh: number,
        kw: number,
        stride: number,
        pad: number,
        outH: number,
        outW: number,
        dx: number,
      ) => {
        const s = conv(n, c, h, w, 1, kh, kw, stride, pad);
        convOutput(outH, outW, s);
        const limit = bytes(context);
        matrix("col", col, s.cols, s.patch, s.patch, limit);
        matrix("dx", dx, 1, n * c * h * w, 0, limit);
      },
    smallestArgs: (base) => [base, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, base + 64],
  }),

  /** Output rows [rowStart, rowEnd) of a convolution by im2col into col, then the 6×8 GEMM into gemmOut (conv2d-f32-im2col-gemm-wasmrelaxedsimd.ts). */
  conv2d_f32_im2col_gemm_wasmrelaxedsimd: wasmKernel({
    name: "conv2d-f32-im2col-gemm-wasmrelaxedsimd",
    args: [
      arg.pointer("x"),
      arg.pointer("wT"),
      arg.pointer("bias"),
      arg.pointer("out"),
      arg.pointer("col"),
      arg.pointer("gemmOut"),
      ...CONV_INPUT,
      arg.size("f", "filters"),
      ...CONV_WINDOW,
      arg.index("rowStart"),
      arg.index("rowEnd"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        x: number,
        wT: number,
        bias: number,
        out: number,
        col: number,
        gemmOut: number,
        n: number,
        c: number,
        h: number,
        w: number,
        f: number,
        kh: number,
        kw: number,
        stride: number,
        pad: number,
        rowStart: number,
        rowEnd: number,
      ) => {
        const s = conv(n, c, h, w, f, kh, kw, stride, pad);
        rows(rowStart, rowEnd, s.cols);
        const limit = bytes(context);
        matrix("x", x, 1, n * c * h * w, 0, limit);
        matrix("wT", wT, s.patch, f, f, limit);
        matrix("bias", bias, 1, f, 0, limit);
        matrix("out", out, 1, n * f * s.outH * s.outW, 0, limit);
        matrix("col", col, s.cols, s.patch, s.patch, limit);
        matrix("gemmOut", gemmOut, s.cols, f, f, limit);
      },
    smallestArgs: (base) => [base, base + 64, base + 128, base + 192, base + 256, base + 320, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1],
  }),

  /**
   * An int8 convolution of n images: input quantized per image, filters per output channel and
   * packed by gemm_i8_4x8_wasmrelaxedsimd_pack_b as (C·kH·kW) × F
   * (conv2d-i8-im2col-gemm-wasmrelaxedsimd.ts; its reference is conv2d-i8-im2col-gemm-ref.ts).
   */
  conv2d_i8_im2col_gemm_wasmrelaxedsimd: wasmKernel({
    name: "conv2d-i8-im2col-gemm-wasmrelaxedsimd",
    args: [
      arg.pointer("xq"),
      arg.pointer("xScales"),
      arg.pointer("packed"),
      arg.pointer("wScales"),
      arg.pointer("bias"),
      arg.pointer("out"),
      arg.pointer("col"),
      arg.pointer("cq"),
      ...CONV_INPUT,
      arg.size("f", "filters"),
      ...CONV_WINDOW,
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        xq: number,
        xScales: number,
        packed: number,
        wScales: number,
        bias: number,
        out: number,
        col: number,
        cq: number,
        n: number,
        c: number,
        h: number,
        w: number,
        f: number,
        kh: number,
        kw: number,
        stride: number,
        pad: number,
      ) => {
        const s = conv(n, c, h, w, f, kh, kw, stride, pad);
        checkDepthI8(s.patch);
        const limit = bytes(context);
        const packedBytes = context.raw.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(s.patch, f);
        const outFloats = n * f * s.outH * s.outW;
        byteBlock("xq", xq, n * c * h * w, limit);
        matrix("xScales", xScales, 1, n, 0, limit);
        byteBlock("packed", packed, packedBytes, limit);
        matrix("wScales", wScales, 1, f, 0, limit);
        matrix("bias", bias, 1, f, 0, limit);
        matrix("out", out, 1, outFloats, 0, limit);
        byteBlock("col", col, colI8Bytes(s), limit);
        matrix("cq", cq, s.cols, f, f, limit);
        // What the kernel writes (col, cq, out) must not overlap anything it reads or another output.
        disjoint({
          xq: [xq, n * c * h * w],
          xScales: [xScales, n * 4],
          packed: [packed, packedBytes],
          wScales: [wScales, f * 4],
          bias: [bias, f * 4],
          col: [col, colI8Bytes(s)],
          cq: [cq, s.cols * f * 4],
          out: [out, outFloats * 4],
        });
      },
    smallestArgs: (base) => [
      base,
      base + 64,
      base + 128,
      base + 192,
      base + 256,
      base + 320,
      base + 384,
      base + 448,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      1,
      0,
    ],
  }),

  /** A convolution image by image: tap-major im2col into col, then w · col + bias straight into NCHW out (8 filters: the 8×4 tile on wT, w transposed; else the 6×8 one) (conv2d-f32-chw-gemm-wasmrelaxedsimd.ts). */
  conv2d_f32_chw_gemm_wasmrelaxedsimd: wasmKernel({
    name: "conv2d-f32-chw-gemm-wasmrelaxedsimd",
    args: [
      arg.pointer("x"),
      arg.pointer("weights"),
      arg.pointer("wT"),
      arg.pointer("bias"),
      arg.pointer("out"),
      arg.pointer("col"),
      ...CONV_INPUT,
      arg.size("f", "filters"),
      ...CONV_WINDOW,
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        x: number,
        weights: number,
        wT: number,
        bias: number,
        out: number,
        col: number,
        n: number,
        c: number,
        h: number,
        w: number,
        f: number,
        kh: number,
        kw: number,
        stride: number,
        pad: number,
      ) => {
        const s = conv(n, c, h, w, f, kh, kw, stride, pad);
        const limit = bytes(context);
        const [input, output, im2col] = [n * c * h * w, n * f * s.outH * s.outW, s.cols * s.patch];
        matrix("x", x, 1, input, 0, limit);
        matrix("weights", weights, f, s.patch, s.patch, limit);
        matrix("wT", wT, s.patch, f, f, limit);
        matrix("bias", bias, 1, f, 0, limit);
        matrix("out", out, 1, output, 0, limit);
        matrix("col", col, 1, im2col, 0, limit);
        disjoint({ x: [x, input * 4], out: [out, output * 4], col: [col, im2col * 4] });
      },
    smallestArgs: (base) => [base, base + 64, base + 128, base + 192, base + 256, base + 320, 1, 1, 1, 1, 1, 1, 1, 1, 0],
  }),

  /** dw and db of conv2d_f32_chw_gemm_wasmrelaxedsimd from dout and its col: Σ over images of dout · colᵀ by the 4×2 A·Bᵀ tile, and of dout's rows. */
  conv2d_backward_weights_f32_chw_gemm_wasmrelaxedsimd: wasmKernel({
    name: "conv2d-backward-weights-f32-chw-gemm-wasmrelaxedsimd",
    args: [
      arg.pointer("dout"),
      arg.pointer("col"),
      arg.pointer("dw"),
      arg.pointer("db"),
      arg.size("n", "batch"),
      arg.size("f", "filters"),
      arg.size("taps"),
      arg.size("pixels"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (dout: number, col: number, dw: number, db: number, n: number, f: number, taps: number, pixels: number) => {
        size("batch", n);
        size("filters", f);
        size("taps", taps);
        size("pixels", pixels);
        const limit = bytes(context);
        matrix("dout", dout, n * f, pixels, pixels, limit);
        matrix("col", col, n * taps, pixels, pixels, limit);
        matrix("dw", dw, f, taps, taps, limit);
        matrix("db", db, 1, f, 0, limit);
        disjoint({ dw: [dw, f * taps * 4], db: [db, f * 4], dout: [dout, n * f * pixels * 4], col: [col, n * taps * pixels * 4] });
      },
    smallestArgs: (base) => [base, base + 64, base + 128, base + 192, 1, 1, 1, 1],
  }),

  /** dx of conv2d_f32_chw_gemm_wasmrelaxedsimd: per image dcol = wT · dout (the 6×8 GEMM), then tap-major col2im into dx. */
  conv2d_backward_input_f32_chw_gemm_wasmrelaxedsimd: wasmKernel({
    name: "conv2d-backward-input-f32-chw-gemm-wasmrelaxedsimd",
    args: [
      arg.pointer("dout"),
      arg.pointer("wT"),
      arg.pointer("dcol"),
      arg.pointer("dx"),
      ...CONV_INPUT,
      arg.size("f", "filters"),
      ...CONV_WINDOW,
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        dout: number,
        wT: number,
        dcol: number,
        dx: number,
        n: number,
        c: number,
        h: number,
        w: number,
        f: number,
        kh: number,
        kw: number,
        stride: number,
        pad: number,
      ) => {
        const s = conv(n, c, h, w, f, kh, kw, stride, pad);
        const limit = bytes(context);
        const [input, output, im2col] = [n * c * h * w, n * f * s.outH * s.outW, s.cols * s.patch];
        matrix("dout", dout, 1, output, 0, limit);
        matrix("wT", wT, s.patch, f, f, limit);
        matrix("dcol", dcol, 1, im2col, 0, limit);
        matrix("dx", dx, 1, input, 0, limit);
        disjoint({ dout: [dout, output * 4], wT: [wT, s.patch * f * 4], dcol: [dcol, im2col * 4], dx: [dx, input * 4] });
      },
    smallestArgs: (base) => [base, base + 64, base + 128, base + 192, 1, 1, 1, 1, 1, 1, 1, 1, 0],
  }),

  /** Bytes of workspace conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd needs for c channels, input width w, f filters, padding pad (≤ about 1 MiB). */
  conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes: wasmKernel({
    name: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd-workspace-bytes",
    args: [arg.size("c", "channels"), arg.size("w", "width"), arg.size("f", "filters"), arg.index("pad", "padding")],
    result: "i32",
    check: () => (c: number, w: number, f: number, pad: number) => {
      // The geometry of one row (a 1×3 kernel over height 1): the workspace depends on no height.
      conv(1, c, 1, w, f, 1, 3, 1, pad);
    },
    smallestArgs: () => [1, 1, 1, 1],
  }),

  /**
   * Tile rows [rowStart, rowEnd) of the N·⌈H'/2⌉ of a 3×3, stride-1 convolution by Winograd's
   * F(2×2, 3×3), from filters transformed once into u (winogradTransformFilters), using `workspace`
   * (conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd.ts); one workspace per concurrent call.
   */
  conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd: wasmKernel({
    name: "conv2d-f32-winograd2x2-3x3-wasmrelaxedsimd",
    args: [
      arg.pointer("x"),
      arg.pointer("u"),
      arg.pointer("bias"),
      arg.pointer("out"),
      arg.pointer("workspace"),
      arg.size("n", "batch"),
      arg.size("c", "channels"),
      arg.size("h", "height"),
      arg.size("w", "width"),
      arg.size("f", "filters"),
      arg.index("pad", "padding"),
      arg.index("rowStart"),
      arg.index("rowEnd"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        x: number,
        u: number,
        bias: number,
        out: number,
        workspace: number,
        n: number,
        c: number,
        h: number,
        w: number,
        f: number,
        pad: number,
        rowStart: number,
        rowEnd: number,
      ) => {
        const s = conv(n, c, h, w, f, 3, 3, 1, pad);
        rows(rowStart, rowEnd, n * Math.ceil(s.outH / 2));
        const limit = bytes(context);
        const operands = {
          x: [x, 1, n * c * h * w, 0],
          u: [u, 1, winogradFilterFloats(WINOGRAD_F2X2_3X3, s), 0],
          bias: [bias, 1, f, 0],
          out: [out, 1, n * f * s.outH * s.outW, 0],
        } as const;
        for (const [name, [ptr, , floats]] of Object.entries(operands)) matrix(name, ptr, 1, floats, 0, limit);
        const workspaceBytes = context.raw.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(c, w, f, pad);
        matrix("workspace", workspace, 1, workspaceBytes / 4, 0, limit);
        apart("workspace", workspace, workspaceBytes, operands);
      },
    smallestArgs: (base) => [base, base + 64, base + 128, base + 192, base + 256, 1, 1, 1, 1, 1, 1, 0, 1],
  }),

  /** Floating-point operations of one iteration of the peak probes (chains × 4 lanes × 2). */
  peak_f32x4_fma_wasmrelaxedsimd_flops_per_iteration: wasmKernel({
    name: "peak-f32x4-fma-wasmrelaxedsimd-flops-per-iteration",
    args: [],
    result: "i32",
    check: () => () => {},
    smallestArgs: () => [],
  }),

  /** The compute-peak probe with the build's multiply-add (FMA in the relaxed build); see peak-f32x4-ref.ts. */
  peak_f32x4_fma_wasmrelaxedsimd: wasmKernel({
    name: "peak-f32x4-fma-wasmrelaxedsimd",
    args: [arg.size("iterations")],
    result: "f32",
    check: () => (iterations: number) => {
      size("iterations", iterations);
    },
    smallestArgs: () => [1],
    constants: { CHAINS: PEAK_F32X4_CHAINS },
  }),

  /** The compute-peak probe with a separate multiply and add in every build. */
  peak_f32x4_muladd_wasmsimd: wasmKernel({
    name: "peak-f32x4-muladd-wasmsimd",
    args: [arg.size("iterations")],
    result: "f32",
    check: () => (iterations: number) => {
      size("iterations", iterations);
    },
    smallestArgs: () => [1],
  }),

  /** STREAM triad a[i] = b[i] + scalar·c[i] for i in [start, end). */
  triad_f32_wasmrelaxedsimd: wasmKernel({
    name: "triad-f32-wasmrelaxedsimd",
    args: [arg.pointer("a"), arg.pointer("b"), arg.pointer("c"), arg.f32("scalar"), arg.index("start"), arg.index("end")],
    result: "void",
    check: (context: KernelCheckContext) => (a: number, b: number, c: number, _scalar: number, start: number, end: number) => {
      elementRange(start, end);
      const limit = bytes(context);
      matrix("a", a, 1, end, 0, limit);
      matrix("b", b, 1, end, 0, limit);
      matrix("c", c, 1, end, 0, limit);
    },
    smallestArgs: (base) => [base, base + 64, base + 128, 2, 0, 1],
  }),

  /** Σ a[i]·b[i] over n float32, f32x4 with four accumulators (dot.ts). */
  dot_f32_wasmsimd: wasmKernel({
    name: "dot-f32-wasmsimd",
    args: [arg.pointer("a"), arg.pointer("b"), arg.size("n")],
    result: "f32",
    check: (context: KernelCheckContext) => (a: number, b: number, n: number) => {
      size("n", n);
      const limit = bytes(context);
      matrix("a", a, 1, n, 0, limit);
      matrix("b", b, 1, n, 0, limit);
    },
    smallestArgs: (base) => [base, base + 64, 1],
  }),

  /** Σ a[i]·b[i] over n float64, f64x2 with four accumulators (dot.ts): the same loop in double precision. */
  dot_f64_wasmsimd: wasmKernel({
    name: "dot-f64-wasmsimd",
    args: [arg.pointer("a"), arg.pointer("b"), arg.size("n")],
    result: "f64",
    check: (context: KernelCheckContext) => (a: number, b: number, n: number) => {
      size("n", n);
      const limit = bytes(context);
      f64Vector("a", a, n, limit);
      f64Vector("b", b, n, limit);
    },
    smallestArgs: (base) => [base, base + 64, 1],
  }),

  /** Bytes of workspace gemm_f32_6x8_packed_wasmrelaxedsimd needs for these sizes (bounded by the block sizes, ≤ 584 KiB). */
  gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes: wasmKernel({
    name: "gemm-f32-6x8-packed-wasmrelaxedsimd-workspace-bytes",
    args: [arg.size("m"), arg.size("n"), arg.size("k")],
    result: "i32",
    check: () => (m: number, n: number, k: number) => {
      size("m", m);
      size("n", n);
      size("k", k);
    },
    smallestArgs: () => [1, 1, 1],
  }),

  /** gemm_f32_6x8_wasmrelaxedsimd with A and B packed into `workspace` first (gemm-f32-6x8-packed-wasmrelaxedsimd.ts); one workspace per concurrent call. */
  gemm_f32_6x8_packed_wasmrelaxedsimd: wasmKernel({
    name: "gemm-f32-6x8-packed-wasmrelaxedsimd",
    args: [
      arg.size("m"),
      arg.size("n"),
      arg.size("k"),
      arg.pointer("a"),
      arg.stride("lda"),
      arg.pointer("b"),
      arg.stride("ldb"),
      arg.pointer("c"),
      arg.stride("ldc"),
      arg.pointer("workspace"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, workspace: number) => {
        const limit = bytes(context);
        gemmOperands(m, n, k, a, lda, b, ldb, c, ldc, limit);
        const workspaceBytes = context.raw.gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(m, n, k);
        matrix("workspace", workspace, 1, workspaceBytes / 4, 0, limit);
        apart("workspace", workspace, workspaceBytes, { a: [a, m, k, lda], b: [b, k, n, ldb], c: [c, m, n, ldc] });
      },
    smallestArgs: (base) => [1, 1, 1, base, 1, base + 64, 1, base + 128, 1, base + 192],
    constants: PACKED_BLOCKS,
  }),

  /** B's k × n block packed into 8-wide column panels, as gemm_f32_6x8_packed_wasmrelaxedsimd packs it (gemm-f32-6x8-packed-wasmrelaxedsimd.ts); threads pack ranges of one block. */
  gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b: wasmKernel({
    name: "gemm-f32-6x8-packed-wasmrelaxedsimd-pack-b",
    args: [arg.size("k"), arg.size("n"), arg.pointer("b"), arg.stride("ldb"), arg.pointer("packed")],
    result: "void",
    check: (context: KernelCheckContext) => (k: number, n: number, b: number, ldb: number, packed: number) => {
      size("k", k);
      size("n", n);
      leading("ldb", ldb, n);
      const limit = bytes(context);
      matrix("b", b, k, n, ldb, limit);
      const packedFloats = k * packedColumns(n);
      matrix("packed", packed, 1, packedFloats, 0, limit);
      apart("packed", packed, packedFloats * 4, { b: [b, k, n, ldb] });
    },
    smallestArgs: (base) => [1, 1, base, 1, base + 64],
  }),

  /** One depth block (k ≤ KC) of gemm_f32_6x8_packed_wasmrelaxedsimd: C (+)= A · B packed by gemm_f32_6x8_packed_wasmrelaxedsimd_pack_b, A packed into aWorkspace (gemm-f32-6x8-packed-wasmrelaxedsimd.ts). */
  gemm_f32_6x8_packed_wasmrelaxedsimd_block: wasmKernel({
    name: "gemm-f32-6x8-packed-wasmrelaxedsimd-block",
    args: [
      arg.size("m"),
      arg.size("n"),
      arg.size("k"),
      arg.pointer("a"),
      arg.stride("lda"),
      arg.pointer("bPacked"),
      arg.pointer("c"),
      arg.stride("ldc"),
      arg.pointer("aWorkspace"),
      arg.index("accumulate"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (
        m: number,
        n: number,
        k: number,
        a: number,
        lda: number,
        bPacked: number,
        c: number,
        ldc: number,
        aWorkspace: number,
        accumulate: number,
      ) => {
        size("m", m);
        size("n", n);
        size("k", k);
        const { KC, MC } = PACKED_BLOCKS;
        if (k > KC) throw new RangeError(`invalid k: ${k} (one depth block is at most ${KC})`);
        leading("lda", lda, k);
        leading("ldc", ldc, n);
        const limit = bytes(context);
        matrix("a", a, m, k, lda, limit);
        const packedFloats = k * packedColumns(n);
        matrix("bPacked", bPacked, 1, packedFloats, 0, limit);
        matrix("c", c, m, n, ldc, limit);
        const workspaceFloats = Math.min(MC, m) * k;
        matrix("aWorkspace", aWorkspace, 1, workspaceFloats, 0, limit);
        apart("aWorkspace", aWorkspace, workspaceFloats * 4, {
          a: [a, m, k, lda],
          bPacked: [bPacked, 1, packedFloats, 0],
          c: [c, m, n, ldc],
        });
        if (accumulate !== 0 && accumulate !== 1)
          throw new RangeError(`invalid accumulate: ${accumulate} (expected 0 to overwrite C or 1 to add to it)`);
      },
    smallestArgs: (base) => [1, 1, 1, base, 1, base + 64, base + 128, 1, base + 192, 0],
  }),

  /** Total Collatz steps of every n in [start, stop): the GIL chapter's loop (collatz-steps.ts), compiled. */
  collatz_steps_wasm: wasmKernel({
    name: "collatz-steps-wasm",
    args: [arg.size("start"), arg.index("stop")],
    result: "f64",
    check: () => (start: number, stop: number) => {
      size("start", start);
      if (!Number.isInteger(stop) || stop < start || stop > COLLATZ_MAX_STOP) {
        throw new RangeError(`invalid stop: ${stop} (expected an integer in ${start}..${COLLATZ_MAX_STOP})`);
      }
    },
    smallestArgs: () => [1, 2],
  }),

  /** out = max(0, 2×2 max-pool of x), over planes × h × w floats (maxpool2x2-relu-f32-wasmsimd.ts; src/model's pool + ReLU). */
  maxpool2x2_relu_f32_wasmsimd: wasmKernel({
    name: "maxpool2x2-relu-f32-wasmsimd",
    args: [arg.pointer("x"), arg.pointer("out"), arg.size("planes"), arg.size("h"), arg.size("w")],
    result: "void",
    check: (context: KernelCheckContext) => (x: number, out: number, planes: number, h: number, w: number) => {
      poolPlanes(planes, h, w);
      const limit = bytes(context);
      matrix("x", x, planes, h * w, h * w, limit);
      matrix("out", out, planes, (h >> 1) * (w >> 1), (h >> 1) * (w >> 1), limit);
    },
    smallestArgs: (base) => [base, base + 64, 1, 2, 2],
  }),

  /** dx = gradient of max(0, 2×2 max-pool of x) given dout, over planes × h × w floats (maxpool2x2-relu-backward-f32-wasmsimd.ts). */
  maxpool2x2_relu_backward_f32_wasmsimd: wasmKernel({
    name: "maxpool2x2-relu-backward-f32-wasmsimd",
    args: [arg.pointer("x"), arg.pointer("dout"), arg.pointer("dx"), arg.size("planes"), arg.size("h"), arg.size("w")],
    result: "void",
    check: (context: KernelCheckContext) => (x: number, dout: number, dx: number, planes: number, h: number, w: number) => {
      poolPlanes(planes, h, w);
      const limit = bytes(context);
      const [inFloats, outFloats] = [planes * h * w, planes * (h >> 1) * (w >> 1)];
      matrix("x", x, planes, h * w, h * w, limit);
      matrix("dout", dout, planes, (h >> 1) * (w >> 1), (h >> 1) * (w >> 1), limit);
      matrix("dx", dx, planes, h * w, h * w, limit);
      disjoint({ x: [x, inFloats * 4], dout: [dout, outFloats * 4], dx: [dx, inFloats * 4] });
    },
    smallestArgs: (base) => [base, base + 64, base + 128, 1, 2, 2],
  }),

  /** Rows [rowStart, rowEnd) of the 3×3 median of a height × width u8 plane at src into dst, edges replicated, one pixel at a time. */
  median3x3_u8_wasm: median3x3Kernel("median3x3-u8-wasm"),

  /** The same, 16 pixels at a time with u8x16 min/max (median3x3-u8-x16-wasmsimd). */
  median3x3_u8_x16_wasmsimd: median3x3Kernel("median3x3-u8-x16-wasmsimd"),

  /** dst[i] = normalize → gamma 2 → clamp → u8 of the float32 src[i], for i in [start, end). */
  fused_normalize_gamma_u8_wasmsimd: wasmKernel({
    name: "fused-normalize-gamma-u8-wasmsimd",
    args: [arg.pointer("src"), arg.pointer("dst"), arg.f32("black"), arg.f32("scale"), arg.index("start"), arg.index("end")],
    result: "void",
    check: (context: KernelCheckContext) => (src: number, dst: number, _black: number, _scale: number, start: number, end: number) => {
      elementRange(start, end);
      const limit = bytes(context);
      matrix("src", src, 1, end, 0, limit);
      byteBlock("dst", dst, end, limit);
      disjoint({ src: [src, end * 4], dst: [dst, end] });
    },
    smallestArgs: (base) => [base, base + 64, 0, 1, 0, 1],
  }),

  /**
   * The same chain in numpy's eight whole-image passes through the float32 temporaries a and b;
   * src, a and b each hold n floats rounded up to a multiple of 4 (the SIMD passes have no tail).
   */
  normalize_gamma_u8_passes_wasmsimd: wasmKernel({
    name: "normalize-gamma-u8-passes-wasmsimd",
    args: [arg.pointer("src"), arg.pointer("a"), arg.pointer("b"), arg.pointer("dst"), arg.f32("black"), arg.f32("scale"), arg.size("n")],
    result: "void",
    check: (context: KernelCheckContext) => (src: number, a: number, b: number, dst: number, _black: number, _scale: number, n: number) => {
      size("n", n);
      const limit = bytes(context);
      const floats = Math.ceil(n / 4) * 4;
      matrix("src", src, 1, floats, 0, limit);
      matrix("a", a, 1, floats, 0, limit);
      matrix("b", b, 1, floats, 0, limit);
      byteBlock("dst", dst, n, limit);
      disjoint({ src: [src, floats * 4], a: [a, floats * 4], b: [b, floats * 4], dst: [dst, n] });
    },
    smallestArgs: (base) => [base, base + 64, base + 128, base + 192, 0, 1, 1],
  }),

  /** Bytes gemm_i8_4x8_wasmrelaxedsimd_pack_b writes for a k × n int8 B. */
  gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes: wasmKernel({
    name: "gemm-i8-4x8-wasmrelaxedsimd-packed-b-bytes",
    args: [arg.size("k"), arg.size("n")],
    result: "i32",
    check: () => (k: number, n: number) => {
      checkPackedBBytesArgs(k, n);
    },
    smallestArgs: () => [1, 1],
  }),

  /** Packs B (k × n int8 in -64..63, row stride ldb bytes) for gemm_i8_4x8_wasmrelaxedsimd (gemm-i8-4x8-wasmrelaxedsimd.ts). */
  gemm_i8_4x8_wasmrelaxedsimd_pack_b: wasmKernel({
    name: "gemm-i8-4x8-wasmrelaxedsimd-pack-b",
    args: [arg.size("k"), arg.size("n"), arg.pointer("b"), arg.stride("ldb"), arg.pointer("packed")],
    result: "void",
    check: (context: KernelCheckContext) => (k: number, n: number, b: number, ldb: number, packed: number) => {
      checkPackBArgs(k, n, b, ldb, packed, context.raw.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k, n), context.memory.buffer);
    },
    smallestArgs: (base) => [1, 1, base, 1, base + 64],
  }),

  /** C (int32, ldc elements) = A (int8, lda bytes) · B packed by gemm_i8_4x8_wasmrelaxedsimd_pack_b: exact integer sums. */
  gemm_i8_4x8_wasmrelaxedsimd: wasmKernel({
    name: "gemm-i8-4x8-wasmrelaxedsimd",
    args: [
      arg.size("m"),
      arg.size("n"),
      arg.size("k"),
      arg.pointer("a"),
      arg.stride("lda"),
      arg.pointer("packed"),
      arg.pointer("c"),
      arg.stride("ldc"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (m: number, n: number, k: number, a: number, lda: number, packed: number, c: number, ldc: number) => {
        checkGemmI8Args(m, n, k, a, lda, packed, context.raw.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k, n), c, ldc, bytes(context));
      },
    smallestArgs: (base) => [1, 1, 1, base, 1, base + 64, base + 128, 1],
    // B in GEMM_I8_B_MIN..: the kernel stores it offset by -GEMM_I8_B_MIN, into the i7 operand's 0..127.
    constants: { MR: 4, NR: 8, B_ZERO_POINT: -GEMM_I8_B_MIN },
  }),

  /** Each f32 row of x (ldx elements) to int8 with its own symmetric scale (±qmax), scales stored as f32. */
  quantize_f32_i8_rows_wasmsimd: wasmKernel({
    name: "quantize-f32-i8-rows-wasmsimd",
    args: [
      arg.size("m"),
      arg.size("k"),
      arg.pointer("x"),
      arg.stride("ldx"),
      arg.pointer("q"),
      arg.stride("ldq"),
      arg.pointer("scales"),
      arg.size("qmax"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (m: number, k: number, x: number, ldx: number, q: number, ldq: number, scales: number, qmax: number) => {
        checkQuantizeArgs(m, k, x, ldx, q, ldq, scales, qmax, bytes(context));
      },
    smallestArgs: (base) => [1, 1, base, 1, base + 64, 1, base + 128, 1],
  }),

  /** c[i][j] = cq[i][j] · rowScales[i] · colScales[j] (int32 in, float32 out; strides in elements). */
  dequantize_i32_f32_wasmsimd: wasmKernel({
    name: "dequantize-i32-f32-wasmsimd",
    args: [
      arg.size("m"),
      arg.size("n"),
      arg.pointer("cq"),
      arg.stride("ldcq"),
      arg.pointer("rowScales"),
      arg.pointer("colScales"),
      arg.pointer("c"),
      arg.stride("ldc"),
    ],
    result: "void",
    check:
      (context: KernelCheckContext) =>
      (m: number, n: number, cq: number, ldcq: number, rowScales: number, colScales: number, c: number, ldc: number) => {
        checkDequantizeArgs(m, n, cq, ldcq, rowScales, colScales, c, ldc, bytes(context));
      },
    smallestArgs: (base) => [1, 1, base, 1, base + 64, base + 128, base + 192, 1],
  }),
};

export type WasmKernelName = keyof typeof WASM_KERNELS;

/** Exports that are not kernels but constants of the module as a whole, with the value the TypeScript side assumes. */
export const MODULE_CONSTANTS: Readonly<Record<string, number>> = { heap_base: KERNELS_HEAP_BASE };

/**
 * The kernel exports of a build, unchecked, as the module declares them (the build checks the
 * signatures); the constant exports other than heap_base are left out. Pointers are byte offsets.
 */
export type WasmKernelExports = KernelFunctions<typeof WASM_KERNELS> & {
  /** The first byte the module leaves free (KERNELS_HEAP_BASE). */
  heap_base(): number;
};
