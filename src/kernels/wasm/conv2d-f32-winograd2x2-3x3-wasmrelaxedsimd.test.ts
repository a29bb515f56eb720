import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams, type ConvShape } from "../conv-shape.ts";
import { conv2dF32WinogradRef } from "../conv2d-f32-winograd-ref.ts";
import { randomConvOperands, WINOGRAD_ODD_CASES, winogradCase } from "../conv-test-cases.ts";
import { directF64, outsideBound, relativeError, winogradErrorBound } from "../winograd-error-bound.ts";
import { WINOGRAD_F2X2_3X3, winogradFilterFloats, winogradTransformFilters } from "../winograd-f32-transforms.ts";
import { kernelPoolJobs } from "../pool/kernel-jobs.ts";
import { SerialPool } from "../pool/serial-pool.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa, type WasmKernels } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena, type F32Block } from "./wasm-arena.ts";

// conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd (both builds) against the float64 direct convolution within the
// rounding bound of its own evaluation, on odd shapes and on shapes that cross its blocks; and the
// threading contract: any split of the tile rows gives the single call's bits and writes only the
// output rows of its tiles.

const BUILDS = loadTestBuilds();
const SENTINEL = -7.25;

const CASES: readonly [string, ConvParams][] = [
  ...WINOGRAD_ODD_CASES,
  // 40 tile columns, 3 tile rows per block: 4 blocks, one spanning both images; F = 13: a partial 6-row U panel.
  ["several blocks, N=2, F=13", winogradCase(2, 3, 9, 79, 13, 1)],
  // C = 70: one tile row of 58 (+2 padding) tiles per block, 3 blocks; the GEMM depth not a
  // multiple of 4 and the last 8-tile V panel half full.
  ["one tile row per block, C=70", winogradCase(1, 70, 7, 117, 9, 0)],
];

/**
 * Roundings on the longest path through the kernel: 1 for the filter transform (float64, rounded
 * once), 2 for the input transform (two levels of adds), C + 1 for the sum over channels (a product
 * and C additions with mul + add; C fused multiply-adds with FMA), 4 for the output transform (two
 * levels of three-term sums), 1 for the bias.
 */
const kernelRoundings = (channels: number) => channels + 9;

interface WinogradSetup {
  s: ConvShape;
  kernels: WasmKernels;
  arena: WasmArena;
  x: Float32Array;
  w: Float32Array;
  b: Float32Array;
  X: F32Block;
  U: F32Block;
  B: F32Block;
  out: F32Block;
  workspace: F32Block;
}

function setup(module: WebAssembly.Module, p: ConvParams, seed: number): WinogradSetup {
  const s = convShape(p);
  const z = convSizes(s);
  const kernels = instantiateKernels(module, createSharedMemory(1));
  const arena = new WasmArena(kernels.memory, kernels.heapBase);
  const { x, w, b } = randomConvOperands(p, seed);
  const X = arena.allocF32(z.input);
  const U = arena.allocF32(winogradFilterFloats(WINOGRAD_F2X2_3X3, s));
  const B = arena.allocF32(z.bias);
  const out = arena.allocF32(z.output);
  const workspace = arena.allocF32(
    kernels.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(s.channels, s.width, s.filters, s.padding) / 4,
  );
  X.view().set(x);
  winogradTransformFilters(WINOGRAD_F2X2_3X3, s, w, U.view());
  B.view().set(b);
  return { s, kernels, arena, x, w, b, X, U, B, out, workspace };
}

const tileRows = (s: ConvShape) => s.batch * Math.ceil(s.outH / 2);

function run(c: WinogradSetup, rowStart: number, rowEnd: number): void {
  const { s } = c;
  c.kernels.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd(
    c.X.ptr,
    c.U.ptr,
    c.B.ptr,
    c.out.ptr,
    c.workspace.ptr,
    s.batch,
    s.channels,
    s.height,
    s.width,
    s.filters,
    s.padding,
    rowStart,
    rowEnd,
  );
}

const bits = (block: F32Block) => new Uint32Array(block.view().slice().buffer);

describe.each(Object.keys(BUILDS) as WasmIsa[])("%s conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd", (isa) => {
  it.each(CASES)("stays within γ(C + 9) of Winograd's magnitudes of the float64 direct convolution: %s", (_, p) => {
    const c = setup(BUILDS[isa], p, 11);
    c.out.view().fill(SENTINEL);
    run(c, 0, tileRows(c.s));
    const bound = winogradErrorBound(p, c.x, c.w, c.b, WINOGRAD_F2X2_3X3, kernelRoundings(p.channels));
    expect(outsideBound(c.out.view(), directF64(p, c.x, c.w, c.b), bound)).toEqual([]);
  });

  it.each(CASES)("any split of the tile rows gives the single call's bits and writes only its rows: %s", (_, p) => {
    const c = setup(BUILDS[isa], p, 13);
    const { s } = c;
    const rows = tileRows(s);
    c.out.view().fill(SENTINEL);
    run(c, 0, rows);
    const whole = bits(c.out);
    for (const cuts of [
      [0, 1, rows],
      [0, rows - 1, rows],
      [0, Math.floor(rows / 2), rows],
      [0, 2, 3, rows],
    ]) {
      const clamped = cuts.map((cut) => Math.min(cut, rows));
      c.out.view().fill(SENTINEL);
      for (let i = 0; i + 1 < clamped.length; i++) run(c, clamped[i]!, clamped[i + 1]!);
      expect(bits(c.out), `split at ${clamped.join(",")}`).toEqual(whole);
    }
    // One tile row alone writes exactly its (up to) two output rows of every filter plane.
    const r = rows - 1;
    c.out.view().fill(SENTINEL);
    run(c, r, r + 1);
    const perImage = Math.ceil(s.outH / 2);
    const image = Math.floor(r / perImage);
    const oy = 2 * (r % perImage);
    const out = c.out.view();
    for (let i = 0; i < out.length; i++) {
      const y = Math.floor(i / s.outW) % s.outH;
      const n = Math.floor(i / (s.filters * s.outH * s.outW));
      const inRow = n === image && (y === oy || y === oy + 1);
      expect(out[i] === SENTINEL, `out[${i}]`).toBe(!inRow);
    }
  });
});

describe("the conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd pool job", () => {
  it.each(CASES)("split over 1 to 3 parts, each in its own workspace, gives the single call's bits: %s", (_, p) => {
    const c = setup(BUILDS["wasmrelaxedsimd"], p, 17);
    const { s } = c;
    run(c, 0, tileRows(s));
    const whole = bits(c.out);
    const stride = c.kernels.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(s.channels, s.width, s.filters, s.padding);
    const workspaces = c.arena.allocF32((3 * stride) / 4);
    for (const parts of [1, 2, 3]) {
      // NaN in every workspace: a part reading another's (or stale) lanes would poison the output.
      workspaces.view().fill(NaN);
      c.out.view().fill(SENTINEL);
      const args = {
        x: c.X.ptr,
        u: c.U.ptr,
        bias: c.B.ptr,
        out: c.out.ptr,
        workspace: workspaces.ptr,
        workspaceStride: stride,
        n: s.batch,
        c: s.channels,
        h: s.height,
        w: s.width,
        f: s.filters,
        pad: s.padding,
        tileRows: tileRows(s),
      };
      new SerialPool(kernelPoolJobs, c.kernels, parts, "last-to-first").run("conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd", args, parts);
      expect(bits(c.out), `${parts} parts`).toEqual(whole);
    }
  });
});

describe("conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd on the benchmark's deep layer, (1,64,56,56)→64", () => {
  // Measured, max |error| / max |exact|: this kernel 3.2e-7 (relaxed; 3.3e-7 mul + add), the
  // float32 F(2×2) reference 2.9e-7, the F(4×4) reference 5.3e-6, the direct loops rounded once to
  // float32 3.4e-8: F(2×2) costs about 3 bits here, F(4×4) about 7.
  it("is within its bound, as accurate as the float32 reference of the same algorithm, and errs by less than 1e-6 of the largest output", () => {
    const p = winogradCase(1, 64, 56, 56, 64, 1);
    const c = setup(BUILDS["wasmrelaxedsimd"], p, 20261201);
    run(c, 0, tileRows(c.s));
    const exact = directF64(p, c.x, c.w, c.b);
    const bound = winogradErrorBound(p, c.x, c.w, c.b, WINOGRAD_F2X2_3X3, kernelRoundings(p.channels));
    expect(outsideBound(c.out.view(), exact, bound)).toEqual([]);
    const reference = new Float32Array(exact.length);
    conv2dF32WinogradRef(p, c.x, c.w, c.b, reference);
    const [kernel, ref] = [relativeError(c.out.view(), exact), relativeError(reference, exact)];
    expect(kernel).toBeLessThan(2 * ref);
    // The figure the convolution page states: below 10⁻⁶ of the largest output.
    expect(kernel).toBeLessThan(1e-6);
  }, 30_000); // the deep layer in float64, its error bound and the float32 reference: 2–3 s idle, over 5 s on a busy machine
});

describe("conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes", () => {
  const kernels = instantiateKernels(BUILDS.wasmsimd, createSharedMemory(1));
  it("stays near 1 MiB for the benchmark's layers and grows with neither the height nor the batch", () => {
    for (const [c, w, f] of [
      [3, 128, 16],
      [64, 56, 64],
      [128, 28, 128],
      [256, 14, 256],
    ] as const) {
      expect(kernels.conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(c, w, f, 1)).toBeLessThanOrEqual(1.1 * 2 ** 20);
    }
  });
});
