import { convShape } from "../conv-shape.ts";
import { checkDequantizeArgs, checkGemmI8Args, checkPackBArgs, checkPackedBBytesArgs, checkQuantizeArgs } from "../gemm-i8-wasm-args.ts";

/**
 * The JS side of the AssemblyScript kernels (src/kernels/wasm/assembly, built by
 * scripts/build-wasm.ts): memory limits, choosing a build by feature detection, instantiation on a
 * shared memory, and the typed, argument-checked kernel functions.
 *
 * Use from a pool: the coordinator calls `compileKernels` once and posts the `WebAssembly.Module`
 * and the shared `WebAssembly.Memory` to every worker (both are structured-cloneable); each worker
 * calls `instantiateKernels(module, memory)` once. Instances keep no state in memory, so all of
 * them may run at the same time on disjoint output rows.
 */

/** Pages (64 KiB) a new shared memory starts with: 16 MiB. */
export const MEMORY_INITIAL_PAGES = 256;
/** The most pages a memory may grow to, and what both builds declare for env.memory: 1 GiB. */
export const MEMORY_MAXIMUM_PAGES = 16384;
export const WASM_PAGE_BYTES = 65536;
/**
 * The first byte the kernels leave free (their `heap_base` export: asc keeps the first KiB and the
 * modules have no static data), known here so memory can be laid out before any instantiation.
 * The build script and the tests check that every build agrees.
 */
export const KERNELS_HEAP_BASE = 1024;

/** The instruction set of a build, as it appears in kernel names (XNNPACK style). */
export type WasmIsa = "wasm-relaxed" | "wasmsimd";

/** Rows × columns of the GEMM register tile: split rows across threads in multiples of GEMM_MR. */
export const GEMM_F32_MR = 6;
export const GEMM_F32_NR = 8;

/** The GEMM micro-kernel's name for a build, e.g. "gemm-f32-6x8-wasm-relaxed". */
export function gemmF32KernelName(isa: WasmIsa): string {
  return `gemm-f32-${GEMM_F32_MR}x${GEMM_F32_NR}-${isa}`;
}

/** The exports of a kernels build, exactly as the module declares them. Pointers are byte offsets. */
export interface WasmKernelExports {
  heap_base(): number;
  gemm_f32(m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number): void;
  im2col_f32(
    x: number, n: number, c: number, h: number, w: number, kh: number, kw: number, stride: number, pad: number,
    outH: number, outW: number, col: number, rowStart: number, rowEnd: number,
  ): void;
  conv2d_f32_im2col_gemm(
    x: number, wT: number, bias: number, out: number, col: number, gemmOut: number,
    n: number, c: number, h: number, w: number, f: number, kh: number, kw: number, stride: number, pad: number,
    rowStart: number, rowEnd: number,
  ): void;
  /** dx = col2im(col): zeroes dx, then adds each im2col entry back onto its input pixel (col2im-f32.ts). */
  col2im_f32(
    col: number, n: number, c: number, h: number, w: number, kh: number, kw: number, stride: number, pad: number,
    outH: number, outW: number, dx: number,
  ): void;
  /** Floating-point operations of one iteration of the peak probes (chains × 4 lanes × 2). */
  peak_f32x4_flops_per_iteration(): number;
  /** The compute-peak probe with the build's multiply-add (FMA in the relaxed build); see peak-f32x4-ref.ts. */
  peak_f32x4_fma(iterations: number): number;
  /** The compute-peak probe with a separate multiply and add in every build. */
  peak_f32x4_muladd(iterations: number): number;
  /** STREAM triad a[i] = b[i] + scalar·c[i] for i in [start, end). */
  triad_f32(a: number, b: number, c: number, scalar: number, start: number, end: number): void;
  /** Bytes of workspace gemm_f32_packed needs for these sizes (bounded by the block sizes, ≤ 584 KiB). */
  gemm_f32_packed_workspace_bytes(m: number, n: number, k: number): number;
  /** gemm_f32 with A and B packed into `workspace` first (gemm-f32-6x8-packed-wasm); one workspace per concurrent call. */
  gemm_f32_packed(
    m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, workspace: number,
  ): void;
  /** Total Collatz steps of every n in [start, stop): the GIL chapter's loop (collatz-steps.ts), compiled. */
  collatz_steps(start: number, stop: number): number;
  /** out = max(0, 2×2 max-pool of x), over planes × h × w floats (maxpool2x2-relu-f32-wasmsimd; src/model's pool + ReLU). */
  maxpool2x2_relu_f32(x: number, out: number, planes: number, h: number, w: number): void;
  /** Rows [rowStart, rowEnd) of the 3×3 median of a height × width u8 plane at src into dst, edges replicated, one pixel at a time. */
  median3x3_u8_scalar(src: number, dst: number, height: number, width: number, rowStart: number, rowEnd: number): void;
  /** The same, 16 pixels at a time with u8x16 min/max (median3x3-u8-wasmsimd-x16). */
  median3x3_u8_simd(src: number, dst: number, height: number, width: number, rowStart: number, rowEnd: number): void;
  /** dst[i] = normalize → gamma 2 → clamp → u8 of the float32 src[i], for i in [start, end). */
  fused_normalize_gamma_u8(src: number, dst: number, black: number, scale: number, start: number, end: number): void;
  /**
   * The same chain in numpy's eight whole-image passes through the float32 temporaries a and b;
   * src, a and b each hold n floats rounded up to a multiple of 4 (the SIMD passes have no tail).
   */
  normalize_gamma_u8_passes(src: number, a: number, b: number, dst: number, black: number, scale: number, n: number): void;
  /** Bytes gemm_i8_pack_b writes for a k × n int8 B. */
  gemm_i8_packed_b_bytes(k: number, n: number): number;
  /** Packs B (k × n int8 in -64..63, row stride ldb bytes) for gemm_i8_4x8 (gemm-i8-4x8.ts). */
  gemm_i8_pack_b(k: number, n: number, b: number, ldb: number, packed: number): void;
  /** C (int32, ldc elements) = A (int8, lda bytes) · B packed by gemm_i8_pack_b: exact integer sums. */
  gemm_i8_4x8(m: number, n: number, k: number, a: number, lda: number, packed: number, c: number, ldc: number): void;
  /** Each f32 row of x (ldx elements) to int8 with its own symmetric scale (±qmax), scales stored as f32. */
  quantize_f32_i8_rows(m: number, k: number, x: number, ldx: number, q: number, ldq: number, scales: number, qmax: number): void;
  /** c[i][j] = cq[i][j] · rowScales[i] · colScales[j] (int32 in, float32 out; strides in elements). */
  dequantize_i32_f32(m: number, n: number, cq: number, ldcq: number, rowScales: number, colScales: number, c: number, ldc: number): void;
}

/**
 * The kernels of one instance. Each function checks its arguments against the contract and the
 * memory's current size and throws a RangeError naming the bad one, then calls the export; `raw`
 * holds the unchecked exports for callers that validated once up front.
 */
export interface WasmKernels extends Omit<WasmKernelExports, "heap_base"> {
  readonly memory: WebAssembly.Memory;
  /** First free byte after the module's own memory (= KERNELS_HEAP_BASE). */
  readonly heapBase: number;
  readonly raw: WasmKernelExports;
}

/**
 * Largest `stop` collatz_steps takes: every trajectory from n < 10⁷ stays below 2⁵³ (the highest,
 * from n = 6 631 675, peaks at about 6.0·10¹³, found by exhaustive search), so the kernel's u64
 * and JavaScript's doubles count exactly the same steps.
 */
export const COLLATZ_MAX_STOP = 10_000_000;

/** Creates the shared memory every instance imports as env.memory. */
export function createSharedMemory(initialPages: number = MEMORY_INITIAL_PAGES): WebAssembly.Memory {
  if (!Number.isInteger(initialPages) || initialPages < 1 || initialPages > MEMORY_MAXIMUM_PAGES) {
    throw new RangeError(`invalid initialPages: ${initialPages} (expected an integer in 1..${MEMORY_MAXIMUM_PAGES})`);
  }
  return new WebAssembly.Memory({ initial: initialPages, maximum: MEMORY_MAXIMUM_PAGES, shared: true });
}

export interface CompiledKernels {
  module: WebAssembly.Module;
  isa: WasmIsa;
}

/**
 * Picks the relaxed-SIMD build when this engine validates it (Chromium ≥ 114, Node ≥ 22), else the
 * plain-SIMD build (Firefox, Safari), and compiles it synchronously (the modules are a few KiB,
 * far below any main-thread limit). Throws if neither validates: no WebAssembly SIMD or threads.
 */
export function compileKernels(builds: { relaxed: BufferSource; simd: BufferSource }): CompiledKernels {
  if (WebAssembly.validate(builds.relaxed)) {
    return { module: new WebAssembly.Module(builds.relaxed), isa: "wasm-relaxed" };
  }
  if (WebAssembly.validate(builds.simd)) {
    return { module: new WebAssembly.Module(builds.simd), isa: "wasmsimd" };
  }
  throw new Error(
    "This engine cannot run the WebAssembly kernels: neither the relaxed-SIMD nor the plain-SIMD build " +
      "validates (WebAssembly SIMD and threads are required).",
  );
}

/** Instantiates a kernels module on a shared memory (synchronously: fine in workers). */
export function instantiateKernels(module: WebAssembly.Module, memory: WebAssembly.Memory): WasmKernels {
  const instance = new WebAssembly.Instance(module, { env: { memory } });
  const raw = instance.exports as unknown as WasmKernelExports;
  const heapBase = raw.heap_base();
  const bytes = () => memory.buffer.byteLength;
  return {
    memory,
    heapBase,
    raw,
    gemm_f32(m, n, k, a, lda, b, ldb, c, ldc) {
      gemmOperands(m, n, k, a, lda, b, ldb, c, ldc, bytes());
      raw.gemm_f32(m, n, k, a, lda, b, ldb, c, ldc);
    },
    im2col_f32(x, n, c, h, w, kh, kw, stride, pad, outH, outW, col, rowStart, rowEnd) {
      const s = conv(n, c, h, w, 1, kh, kw, stride, pad);
      if (outH !== s.outH) throw new RangeError(`invalid outH: ${outH}, expected ${s.outH}`);
      if (outW !== s.outW) throw new RangeError(`invalid outW: ${outW}, expected ${s.outW}`);
      rows(rowStart, rowEnd, s.cols);
      const limit = bytes();
      matrix("x", x, 1, n * c * h * w, 0, limit);
      matrix("col", col, s.cols, s.patch, s.patch, limit);
      raw.im2col_f32(x, n, c, h, w, kh, kw, stride, pad, outH, outW, col, rowStart, rowEnd);
    },
    col2im_f32(col, n, c, h, w, kh, kw, stride, pad, outH, outW, dx) {
      const s = conv(n, c, h, w, 1, kh, kw, stride, pad);
      if (outH !== s.outH) throw new RangeError(`invalid outH: ${outH}, expected ${s.outH}`);
      if (outW !== s.outW) throw new RangeError(`invalid outW: ${outW}, expected ${s.outW}`);
      const limit = bytes();
      matrix("col", col, s.cols, s.patch, s.patch, limit);
      matrix("dx", dx, 1, n * c * h * w, 0, limit);
      raw.col2im_f32(col, n, c, h, w, kh, kw, stride, pad, outH, outW, dx);
    },
    conv2d_f32_im2col_gemm(x, wT, bias, out, col, gemmOut, n, c, h, w, f, kh, kw, stride, pad, rowStart, rowEnd) {
      const s = conv(n, c, h, w, f, kh, kw, stride, pad);
      rows(rowStart, rowEnd, s.cols);
      const limit = bytes();
      matrix("x", x, 1, n * c * h * w, 0, limit);
      matrix("wT", wT, s.patch, f, f, limit);
      matrix("bias", bias, 1, f, 0, limit);
      matrix("out", out, 1, n * f * s.outH * s.outW, 0, limit);
      matrix("col", col, s.cols, s.patch, s.patch, limit);
      matrix("gemmOut", gemmOut, s.cols, f, f, limit);
      raw.conv2d_f32_im2col_gemm(x, wT, bias, out, col, gemmOut, n, c, h, w, f, kh, kw, stride, pad, rowStart, rowEnd);
    },
    peak_f32x4_flops_per_iteration: () => raw.peak_f32x4_flops_per_iteration(),
    peak_f32x4_fma(iterations) {
      size("iterations", iterations);
      return raw.peak_f32x4_fma(iterations);
    },
    peak_f32x4_muladd(iterations) {
      size("iterations", iterations);
      return raw.peak_f32x4_muladd(iterations);
    },
    gemm_f32_packed_workspace_bytes(m, n, k) {
      size("m", m);
      size("n", n);
      size("k", k);
      return raw.gemm_f32_packed_workspace_bytes(m, n, k);
    },
    gemm_f32_packed(m, n, k, a, lda, b, ldb, c, ldc, workspace) {
      const limit = bytes();
      gemmOperands(m, n, k, a, lda, b, ldb, c, ldc, limit);
      const workspaceBytes = raw.gemm_f32_packed_workspace_bytes(m, n, k);
      matrix("workspace", workspace, 1, workspaceBytes / 4, 0, limit);
      apart("workspace", workspace, workspaceBytes, { a: [a, m, k, lda], b: [b, k, n, ldb], c: [c, m, n, ldc] });
      raw.gemm_f32_packed(m, n, k, a, lda, b, ldb, c, ldc, workspace);
    },
    collatz_steps(start, stop) {
      size("start", start);
      if (!Number.isInteger(stop) || stop < start || stop > COLLATZ_MAX_STOP) {
        throw new RangeError(`invalid stop: ${stop} (expected an integer in ${start}..${COLLATZ_MAX_STOP})`);
      }
      return raw.collatz_steps(start, stop);
    },
    triad_f32(a, b, c, scalar, start, end) {
      elementRange(start, end);
      const limit = bytes();
      matrix("a", a, 1, end, 0, limit);
      matrix("b", b, 1, end, 0, limit);
      matrix("c", c, 1, end, 0, limit);
      raw.triad_f32(a, b, c, scalar, start, end);
    },
    maxpool2x2_relu_f32(x, out, planes, h, w) {
      size("planes", planes);
      for (const [name, v] of [["h", h], ["w", w]] as const) {
        if (!Number.isInteger(v) || v < 2) throw new RangeError(`invalid ${name}: ${v} (expected an integer ≥ 2)`);
      }
      const limit = bytes();
      matrix("x", x, planes, h * w, h * w, limit);
      matrix("out", out, planes, (h >> 1) * (w >> 1), (h >> 1) * (w >> 1), limit);
      raw.maxpool2x2_relu_f32(x, out, planes, h, w);
    },
    median3x3_u8_scalar(src, dst, height, width, rowStart, rowEnd) {
      median3x3Operands(src, dst, height, width, rowStart, rowEnd, bytes());
      raw.median3x3_u8_scalar(src, dst, height, width, rowStart, rowEnd);
    },
    median3x3_u8_simd(src, dst, height, width, rowStart, rowEnd) {
      median3x3Operands(src, dst, height, width, rowStart, rowEnd, bytes());
      raw.median3x3_u8_simd(src, dst, height, width, rowStart, rowEnd);
    },
    fused_normalize_gamma_u8(src, dst, black, scale, start, end) {
      elementRange(start, end);
      const limit = bytes();
      matrix("src", src, 1, end, 0, limit);
      byteBlock("dst", dst, end, limit);
      disjoint({ src: [src, end * 4], dst: [dst, end] });
      raw.fused_normalize_gamma_u8(src, dst, black, scale, start, end);
    },
    normalize_gamma_u8_passes(src, a, b, dst, black, scale, n) {
      size("n", n);
      const limit = bytes();
      const floats = Math.ceil(n / 4) * 4;
      matrix("src", src, 1, floats, 0, limit);
      matrix("a", a, 1, floats, 0, limit);
      matrix("b", b, 1, floats, 0, limit);
      byteBlock("dst", dst, n, limit);
      disjoint({ src: [src, floats * 4], a: [a, floats * 4], b: [b, floats * 4], dst: [dst, n] });
      raw.normalize_gamma_u8_passes(src, a, b, dst, black, scale, n);
    },
    gemm_i8_packed_b_bytes(k, n) {
      checkPackedBBytesArgs(k, n);
      return raw.gemm_i8_packed_b_bytes(k, n);
    },
    gemm_i8_pack_b(k, n, b, ldb, packed) {
      checkPackBArgs(k, n, b, ldb, packed, raw.gemm_i8_packed_b_bytes(k, n), memory.buffer);
      raw.gemm_i8_pack_b(k, n, b, ldb, packed);
    },
    gemm_i8_4x8(m, n, k, a, lda, packed, c, ldc) {
      checkGemmI8Args(m, n, k, a, lda, packed, raw.gemm_i8_packed_b_bytes(k, n), c, ldc, bytes());
      raw.gemm_i8_4x8(m, n, k, a, lda, packed, c, ldc);
    },
    quantize_f32_i8_rows(m, k, x, ldx, q, ldq, scales, qmax) {
      checkQuantizeArgs(m, k, x, ldx, q, ldq, scales, qmax, bytes());
      raw.quantize_f32_i8_rows(m, k, x, ldx, q, ldq, scales, qmax);
    },
    dequantize_i32_f32(m, n, cq, ldcq, rowScales, colScales, c, ldc) {
      checkDequantizeArgs(m, n, cq, ldcq, rowScales, colScales, c, ldc, bytes());
      raw.dequantize_i32_f32(m, n, cq, ldcq, rowScales, colScales, c, ldc);
    },
  };
}

// Argument checks, named after what they check; each throws `invalid ${name}: ${value} (…)`.

function size(name: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 0x7fffffff) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ 1)`);
  }
}

function leading(name: string, value: number, width: number): void {
  if (!Number.isInteger(value) || value < width || value > 0x7fffffff) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ the row width ${width})`);
  }
}

/** A rows × cols f32 matrix with row stride ld at byte offset ptr must lie inside the memory. */
function matrix(name: string, ptr: number, rowCount: number, cols: number, ld: number, limit: number): void {
  if (!Number.isInteger(ptr) || ptr < 0 || ptr % 4 !== 0) {
    throw new RangeError(`invalid ${name}: ${ptr} (expected a byte offset that is a multiple of 4; 16 is fastest)`);
  }
  const end = ptr + ((rowCount - 1) * ld + cols) * 4;
  if (end > limit) {
    throw new RangeError(`invalid ${name}: ${ptr} (its ${rowCount}×${cols} floats end at byte ${end}, past the memory's ${limit})`);
  }
}

/** The sizes, leading dimensions and extents of C (m×n) = A (m×k) · B (k×n), as gemm_f32 takes them. */
function gemmOperands(
  m: number, n: number, k: number, a: number, lda: number, b: number, ldb: number, c: number, ldc: number, limit: number,
): void {
  size("m", m);
  size("n", n);
  size("k", k);
  leading("lda", lda, k);
  leading("ldb", ldb, n);
  leading("ldc", ldc, n);
  matrix("a", a, m, k, lda, limit);
  matrix("b", b, k, n, ldb, limit);
  matrix("c", c, m, n, ldc, limit);
}

/** A scratch block of `length` bytes at `ptr` must not overlap any operand (ptr, rows, cols, ld). */
function apart(name: string, ptr: number, length: number, operands: Record<string, readonly [number, number, number, number]>): void {
  for (const [operand, [start, rowCount, cols, ld]] of Object.entries(operands)) {
    const end = start + ((rowCount - 1) * ld + cols) * 4;
    if (ptr < end && start < ptr + length) {
      throw new RangeError(`invalid ${name}: ${ptr} (its ${length} bytes overlap ${operand} at ${start}..${end})`);
    }
  }
}

/** `length` bytes at byte offset ptr (any alignment) must lie inside the memory. */
function byteBlock(name: string, ptr: number, length: number, limit: number): void {
  if (!Number.isInteger(ptr) || ptr < 0 || ptr + length > limit) {
    throw new RangeError(`invalid ${name}: ${ptr} (expected a byte offset whose ${length} bytes end inside the memory's ${limit})`);
  }
}

/** Byte ranges [ptr, ptr + length) that must not overlap; names the later of the first pair that does. */
function disjoint(blocks: Record<string, readonly [number, number]>): void {
  const entries = Object.entries(blocks);
  for (const [i, [name, [ptr, length]]] of entries.entries()) {
    for (const [other, [start, otherLength]] of entries.slice(0, i)) {
      if (ptr < start + otherLength && start < ptr + length) {
        throw new RangeError(`invalid ${name}: ${ptr} (its ${length} bytes overlap ${other} at ${start}..${start + otherLength})`);
      }
    }
  }
}

/** Two height × width u8 planes at src and dst, inside the memory and apart, and a range of rows. */
function median3x3Operands(src: number, dst: number, height: number, width: number, rowStart: number, rowEnd: number, limit: number): void {
  size("height", height);
  size("width", width);
  rows(rowStart, rowEnd, height);
  const pixels = height * width;
  byteBlock("src", src, pixels, limit);
  byteBlock("dst", dst, pixels, limit);
  disjoint({ src: [src, pixels], dst: [dst, pixels] });
}

function rows(rowStart: number, rowEnd: number, count: number): void {
  if (!Number.isInteger(rowStart) || rowStart < 0 || rowStart > count) {
    throw new RangeError(`invalid rowStart: ${rowStart} (expected an integer in 0..${count})`);
  }
  if (!Number.isInteger(rowEnd) || rowEnd < rowStart || rowEnd > count) {
    throw new RangeError(`invalid rowEnd: ${rowEnd} (expected an integer in ${rowStart}..${count})`);
  }
}

/** Elements [start, end) of a vector: 0 ≤ start ≤ end, both 32-bit. */
function elementRange(start: number, end: number): void {
  if (!Number.isInteger(start) || start < 0 || start > 0x7fffffff) {
    throw new RangeError(`invalid start: ${start} (expected an integer ≥ 0)`);
  }
  if (!Number.isInteger(end) || end < start || end > 0x7fffffff) {
    throw new RangeError(`invalid end: ${end} (expected an integer ≥ start = ${start})`);
  }
}

function conv(n: number, c: number, h: number, w: number, f: number, kh: number, kw: number, stride: number, pad: number) {
  const s = convShape({
    batch: n, channels: c, height: h, width: w, filters: f, kernelH: kh, kernelW: kw, stride, padding: pad,
  });
  if (s.cols * Math.max(s.patch, f) > 0x1fffffff) {
    throw new RangeError(`invalid batch: ${n} (the im2col matrix of ${s.cols}×${s.patch} floats exceeds the 32-bit memory)`);
  }
  return s;
}
