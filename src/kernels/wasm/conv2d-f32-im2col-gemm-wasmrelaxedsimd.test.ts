import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams, type ConvShape } from "../conv-shape.ts";
import { transposeWeights } from "../conv2d-f32-im2col.ts";
import { conv2dF32DirectRef } from "../conv2d-f32-direct-ref.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa, type WasmKernels } from "./kernels-wasm.ts";
import { WasmArena, type F32Block } from "./wasm-arena.ts";

// conv2d_f32_im2col_gemm_wasmrelaxedsimd and im2col_f32_wasm (both builds) against the scalar references on odd
// shapes, and the threading contract: any split of the output rows, by one instance, by two
// instances, or by two workers at once on one shared memory, gives the single call's bits, and a
// call writes only its own rows of col, gemmOut and out.

function loadBuild(file: string): Uint8Array<ArrayBuffer> {
  try {
    return readFileSync(new URL(`./build/${file}`, import.meta.url));
  } catch {
    throw new Error(`src/kernels/wasm/build/${file} is missing: run \`npm run build:wasm\``);
  }
}

const BUILDS: Record<WasmIsa, WebAssembly.Module> = {
  wasmrelaxedsimd: new WebAssembly.Module(loadBuild("kernels-relaxed.wasm")),
  wasmsimd: new WebAssembly.Module(loadBuild("kernels-simd.wasm")),
};

const U = 2 ** -24;
const SENTINEL = -7.25;

const CASES: ReadonlyArray<[string, ConvParams]> = [
  ["3×3, pad 1", { batch: 1, channels: 3, height: 8, width: 8, filters: 4, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
  ["1×1 kernel, N=2", { batch: 2, channels: 5, height: 7, width: 9, filters: 3, kernelH: 1, kernelW: 1, stride: 1, padding: 0 }],
  ["stride 2", { batch: 1, channels: 2, height: 9, width: 11, filters: 5, kernelH: 3, kernelW: 3, stride: 2, padding: 1 }],
  ["pad 2, 3×5 kernel, C=1", { batch: 1, channels: 1, height: 5, width: 6, filters: 9, kernelH: 3, kernelW: 5, stride: 1, padding: 2 }],
  ["C=1, N=2, non-square", { batch: 2, channels: 1, height: 10, width: 7, filters: 6, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
  ["1×1, stride 2, pad 2", { batch: 2, channels: 3, height: 6, width: 5, filters: 8, kernelH: 1, kernelW: 1, stride: 2, padding: 2 }],
  ["patch 288 > KC, F=13", { batch: 1, channels: 32, height: 10, width: 9, filters: 13, kernelH: 3, kernelW: 3, stride: 1, padding: 1 }],
  [
    "rows > one 96-row block, N=2",
    { batch: 2, channels: 4, height: 12, width: 11, filters: 17, kernelH: 3, kernelW: 3, stride: 1, padding: 1 },
  ],
  ["kernel = padded input", { batch: 1, channels: 2, height: 3, width: 4, filters: 3, kernelH: 5, kernelW: 6, stride: 3, padding: 1 }],
];

interface ConvSetup {
  s: ConvShape;
  x: Float32Array;
  w: Float32Array;
  b: Float32Array;
  memory: WebAssembly.Memory;
  kernels: WasmKernels;
  X: F32Block;
  WT: F32Block;
  B: F32Block;
  out: F32Block;
  col: F32Block;
  gemmOut: F32Block;
}

function setup(module: WebAssembly.Module, p: ConvParams, seed: number): ConvSetup {
  const s = convShape(p);
  const z = convSizes(s);
  const memory = createSharedMemory(1);
  const kernels = instantiateKernels(module, memory);
  const arena = new WasmArena(memory, kernels.heapBase);
  const x = randomF32(z.input, seed);
  const w = randomF32(z.weights, seed + 1);
  const b = randomF32(z.bias, seed + 2);
  const X = arena.allocF32(z.input);
  const WT = arena.allocF32(z.weights);
  const B = arena.allocF32(z.bias);
  const out = arena.allocF32(z.output);
  const col = arena.allocF32(z.im2col);
  const gemmOut = arena.allocF32(s.cols * s.filters);
  X.view().set(x);
  transposeWeights(s, w, WT.view());
  B.view().set(b);
  return { s, x, w, b, memory, kernels, X, WT, B, out, col, gemmOut };
}

function runRows(k: WasmKernels, c: ConvSetup, rowStart: number, rowEnd: number): void {
  const { s } = c;
  k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(
    c.X.ptr,
    c.WT.ptr,
    c.B.ptr,
    c.out.ptr,
    c.col.ptr,
    c.gemmOut.ptr,
    s.batch,
    s.channels,
    s.height,
    s.width,
    s.filters,
    s.kernelH,
    s.kernelW,
    s.stride,
    s.padding,
    rowStart,
    rowEnd,
  );
}

function fillScratch(c: ConvSetup): void {
  c.out.view().fill(SENTINEL);
  c.col.view().fill(SENTINEL);
  c.gemmOut.view().fill(SENTINEL);
}

const bits = (block: F32Block) => new Uint32Array(block.view().slice().buffer);

/** The im2col matrix by the definition, for checking im2col_f32_wasm exactly. */
function im2colByDefinition(s: ConvShape, x: Float32Array): Float32Array {
  const col = new Float32Array(s.cols * s.patch);
  let i = 0;
  for (let n = 0; n < s.batch; n++)
    for (let oy = 0; oy < s.outH; oy++)
      for (let ox = 0; ox < s.outW; ox++)
        for (let c = 0; c < s.channels; c++)
          for (let ky = 0; ky < s.kernelH; ky++)
            for (let kx = 0; kx < s.kernelW; kx++) {
              const y = oy * s.stride - s.padding + ky;
              const xx = ox * s.stride - s.padding + kx;
              const inside = y >= 0 && y < s.height && xx >= 0 && xx < s.width;
              col[i++] = inside ? x[((n * s.channels + c) * s.height + y) * s.width + xx]! : 0;
            }
  return col;
}

describe.each(["wasmrelaxedsimd", "wasmsimd"] as const)("%s conv2d_f32_im2col_gemm_wasmrelaxedsimd", (isa) => {
  for (const [name, p] of CASES) {
    it(`matches conv2dF32DirectRef: ${name}`, () => {
      const c = setup(BUILDS[isa], p, 11);
      fillScratch(c);
      runRows(c.kernels, c, 0, c.s.cols);
      const got = c.out.view();
      const ref = new Float32Array(got.length);
      conv2dF32DirectRef(p, c.x, c.w, c.b, ref);
      // Tolerance growing with the depth K = C·kH·kW (+1 for the bias): γ_{K+1}·(|b| + Σ|x·w|),
      // the forward error bound of any summation order, that sum being the convolution of |x| by
      // |w| plus |b|; plus the f32 rounding of the reference.
      const abs = (v: Float32Array) => v.map(Math.abs);
      const magnitude = new Float32Array(got.length);
      conv2dF32DirectRef(p, abs(c.x), abs(c.w), abs(c.b), magnitude);
      const k = c.s.patch + 1;
      const gamma = (k * U) / (1 - k * U);
      const bad: string[] = [];
      for (let i = 0; i < got.length; i++) {
        const tol = gamma * magnitude[i]! * (1 + 1e-6) + U * Math.abs(ref[i]!) + 1e-30;
        if (!(Math.abs(got[i]! - ref[i]!) <= tol)) bad.push(`out[${i}] = ${got[i]}, expected ${ref[i]} ± ${tol}`);
      }
      expect(bad.slice(0, 5)).toEqual([]);
    });

    it(`im2col_f32_wasm writes the definition's matrix exactly: ${name}`, () => {
      const c = setup(BUILDS[isa], p, 12);
      fillScratch(c);
      const { s } = c;
      c.kernels.im2col_f32_wasm(
        c.X.ptr,
        s.batch,
        s.channels,
        s.height,
        s.width,
        s.kernelH,
        s.kernelW,
        s.stride,
        s.padding,
        s.outH,
        s.outW,
        c.col.ptr,
        0,
        s.cols,
      );
      expect(c.col.view()).toEqual(im2colByDefinition(s, c.x));
    });

    it(`any split of the rows gives the single call's bits and touches only its rows: ${name}`, () => {
      const c = setup(BUILDS[isa], p, 13);
      const { s } = c;
      fillScratch(c);
      runRows(c.kernels, c, 0, s.cols);
      const whole = bits(c.out);
      const r = s.cols;
      const splits = [
        [0, 1, r],
        [0, r - 1, r],
        [0, Math.floor(r / 2), r],
        [0, 5, 7 + 96, r],
      ].map((cuts) => cuts.map((cut) => Math.min(cut, r)));
      for (const cuts of splits) {
        fillScratch(c);
        for (let i = 0; i + 1 < cuts.length; i++) runRows(c.kernels, c, cuts[i]!, cuts[i + 1]!);
        expect(bits(c.out), `split at ${cuts.join(",")}`).toEqual(whole);
      }
      // One band alone: every byte outside its rows of col, gemmOut and out keeps the sentinel.
      const [r0, r1] = [Math.floor(r / 3), Math.floor((2 * r) / 3) + 1];
      fillScratch(c);
      runRows(c.kernels, c, r0, r1);
      const rowOf = (view: Float32Array, width: number) => (i: number) => Math.floor(i / width);
      for (const [block, width] of [
        [c.col, s.patch],
        [c.gemmOut, s.filters],
      ] as const) {
        const row = rowOf(block.view(), width);
        const outside = block.view().filter((_, i) => row(i) < r0 || row(i) >= r1);
        expect(outside.every((v) => v === SENTINEL)).toBe(true);
      }
      const plane = s.outH * s.outW;
      const out = c.out.view();
      for (let i = 0; i < out.length; i++) {
        const pixel = Math.floor(i / (s.filters * plane)) * plane + (i % plane);
        const inBand = pixel >= r0 && pixel < r1;
        expect(out[i] === SENTINEL, `out[${i}] (pixel ${pixel})`).toBe(!inBand);
      }
    });
  }
});

describe("instances sharing one memory", () => {
  const deep: ConvParams = { batch: 1, channels: 16, height: 20, width: 18, filters: 24, kernelH: 3, kernelW: 3, stride: 1, padding: 1 };

  it("two instances on the same memory, each doing half the rows, give the single call's bits", () => {
    const c = setup(BUILDS["wasmrelaxedsimd"], deep, 21);
    fillScratch(c);
    runRows(c.kernels, c, 0, c.s.cols);
    const whole = bits(c.out);
    const other = instantiateKernels(BUILDS["wasmrelaxedsimd"], c.memory);
    fillScratch(c);
    const half = 6 * 29;
    runRows(c.kernels, c, 0, half);
    runRows(other, c, half, c.s.cols);
    expect(bits(c.out)).toEqual(whole);
  });

  it("two workers running at the same time on one shared memory give the single call's bits", async () => {
    const module = BUILDS["wasmrelaxedsimd"];
    const c = setup(module, deep, 22);
    fillScratch(c);
    runRows(c.kernels, c, 0, c.s.cols);
    const whole = bits(c.out);
    fillScratch(c);
    const { s } = c;
    const args = [
      c.X.ptr,
      c.WT.ptr,
      c.B.ptr,
      c.out.ptr,
      c.col.ptr,
      c.gemmOut.ptr,
      s.batch,
      s.channels,
      s.height,
      s.width,
      s.filters,
      s.kernelH,
      s.kernelW,
      s.stride,
      s.padding,
    ];
    // Both workers wait on one flag, then run their bands repeatedly so the calls overlap.
    const gate = new Int32Array(new SharedArrayBuffer(4));
    const source = `
      const { parentPort, workerData: { module, memory, gate, args, rowStart, rowEnd } } = require("node:worker_threads");
      const k = new WebAssembly.Instance(module, { env: { memory } }).exports;
      Atomics.wait(gate, 0, 0);
      for (let i = 0; i < 20; i++) k.conv2d_f32_im2col_gemm_wasmrelaxedsimd(...args, rowStart, rowEnd);
      parentPort.postMessage("done");`;
    const cut = 6 * 31;
    const bands = [
      [0, cut],
      [cut, s.cols],
    ] as const;
    const workers = bands.map(
      ([rowStart, rowEnd]) => new Worker(source, { eval: true, workerData: { module, memory: c.memory, gate, args, rowStart, rowEnd } }),
    );
    try {
      const done = workers.map((w) => new Promise((resolve, reject) => (w.once("message", resolve), w.once("error", reject))));
      await new Promise((resolve) => setTimeout(resolve, 50));
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      await Promise.all(done);
    } finally {
      await Promise.all(workers.map((w) => w.terminate()));
    }
    expect(bits(c.out)).toEqual(whole);
  });
});
