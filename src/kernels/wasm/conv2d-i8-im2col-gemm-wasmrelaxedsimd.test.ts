import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams } from "../conv-shape.ts";
import { conv2dF32DirectRef } from "../conv2d-f32-direct-ref.ts";
import { conv2dI8ErrorBound, conv2dI8Im2colGemmRef, quantizeFiltersI8, quantizeImagesI8 } from "../conv2d-i8-im2col-gemm-ref.ts";
import { conv2dI8, placeConvI8Scratch, placeConvI8Weights } from "../conv2d-i8-pipeline.ts";
import { ODD_CONV_CASES } from "../conv-test-cases.ts";
import { QMAX_B, quantizeRowsI8, type QuantizedI8 } from "../quantize-i8.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// conv2d-i8-im2col-gemm-wasmrelaxedsimd (both builds) against conv2dI8Im2colGemmRef bit for bit on
// odd shapes, and the reference against the float64 direct convolution within the derived bound
// conv2dI8ErrorBound, output by output.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];

const CASES: readonly [string, ConvParams][] = [
  ...ODD_CONV_CASES,
  ["5×5, pad 2, odd C=3, F=9 (not a multiple of the 8-column tile)", conv(2, 3, 13, 11, 9, 5, 1, 2)],
  ["3×3, stride 2, pad 1, C=7, F=5", conv(1, 7, 15, 9, 5, 3, 2, 1)],
  ["rows > one 96-row block, patch 99 (not a multiple of 4)", conv(2, 11, 12, 10, 17, 3, 1, 1)],
  ["the digit CNN's second layer on 3 images", conv(3, 8, 14, 14, 16, 5, 1, 2)],
];

function conv(
  batch: number,
  channels: number,
  height: number,
  width: number,
  filters: number,
  k: number,
  stride: number,
  padding: number,
): ConvParams {
  return { batch, channels, height, width, filters, kernelH: k, kernelW: k, stride, padding };
}

/** Inputs in [0, 1) like post-ReLU activations, one image 10× larger (its own scale), and filters of very different sizes. */
function operands(p: ConvParams, seed: number) {
  const z = convSizes(convShape(p));
  const x = randomF32(z.input, seed).map((v) => (v + 1) / 2);
  const image = z.input / p.batch;
  if (p.batch > 1) for (let i = image; i < 2 * image; i++) x[i]! *= 10;
  const w = randomF32(z.weights, seed + 1);
  const perFilter = z.weights / p.filters;
  for (let i = 0; i < w.length; i++) w[i]! *= 1 + 3 * Math.floor(i / perFilter);
  return { x, w, b: randomF32(z.bias, seed + 2) };
}

function runWasm(isa: WasmIsa, p: ConvParams, x: Float32Array, w: Float32Array, b: Float32Array): Float32Array {
  const s = convShape(p);
  const z = convSizes(s);
  const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  const arena = new WasmArena(kernels.memory, kernels);
  const X = arena.allocF32(z.input);
  X.view().set(x);
  const weights = placeConvI8Weights(kernels, arena, s, w, b);
  const scratch = placeConvI8Scratch(arena, s);
  const out = arena.allocF32(z.output);
  out.view().fill(Number.NaN);
  conv2dI8(kernels, s, s.batch, X.ptr, weights, scratch, out.ptr);
  return out.view().slice();
}

describe.each(ISAS)("%s conv2d-i8-im2col-gemm-wasmrelaxedsimd", (isa) => {
  for (const [name, p] of CASES) {
    it(`equals conv2dI8Im2colGemmRef bit for bit: ${name}`, () => {
      const { x, w, b } = operands(p, 31);
      const got = runWasm(isa, p, x, w, b);
      expect(new Uint32Array(got.buffer)).toEqual(new Uint32Array(conv2dI8Im2colGemmRef(p, x, w, b).buffer));
    });
  }
});

describe("conv2dI8 (the layer in shared memory)", () => {
  it("refuses more images than its scratch holds, with a message", () => {
    const p = conv(2, 3, 5, 5, 4, 3, 1, 1);
    const s = convShape(p);
    const kernels = instantiateKernels(BUILDS.wasmsimd, createSharedMemory(1));
    const arena = new WasmArena(kernels.memory, kernels);
    const { x, w, b } = operands(p, 1);
    const weights = placeConvI8Weights(kernels, arena, s, w, b);
    const scratch = placeConvI8Scratch(arena, s);
    const X = arena.allocF32(x.length * 2);
    const out = arena.allocF32(2 * convSizes(s).output);
    expect(() => conv2dI8(kernels, s, 3, X.ptr, weights, scratch, out.ptr)).toThrow(/invalid images: 3 \(expected an integer from 1 to 2/);
  });
});

describe("conv2dI8Im2colGemmRef", () => {
  for (const [name, p] of CASES) {
    it(`is within the quantization bound of the float64 convolution: ${name}`, () => {
      const s = convShape(p);
      const { x, w, b } = operands(p, 47);
      const exact = new Float64Array(convSizes(s).output);
      conv2dF32DirectRef(p, x, w, b, exact);
      const got = conv2dI8Im2colGemmRef(p, x, w, b);
      const sx = quantizeImagesI8(s, x).scales;
      const sw = quantizeFiltersI8(s, w).scales;
      const plane = s.outH * s.outW;
      let worst = 0;
      for (let i = 0; i < got.length; i++) {
        const image = Math.floor(i / (s.filters * plane));
        const filter = Math.floor(i / plane) % s.filters;
        const bound = conv2dI8ErrorBound(s, sx[image]!, sw[filter]!, exact[i]!);
        worst = Math.max(worst, Math.abs(got[i]! - exact[i]!) / bound);
      }
      expect(worst).toBeLessThanOrEqual(1);
      // Not exact: the test would pass a float convolution too, so it must see quantization error.
      expect(worst).toBeGreaterThan(0);
    });
  }

  it("per-channel scales: the smallest filter errs far less than with one scale for all filters", () => {
    // Filter f is (1 + 3f) times the size of the first: one shared scale leaves the first 16 times fewer levels.
    const p = conv(1, 4, 9, 9, 6, 3, 1, 1);
    const s = convShape(p);
    const { x, w, b } = operands(p, 5);
    const exact = new Float64Array(convSizes(s).output);
    conv2dF32DirectRef(p, x, w, b, exact);
    const perChannel = conv2dI8Im2colGemmRef(p, x, w, b);
    // One scale for the whole weight tensor: the convolution of the dequantized operands.
    const dequantized = ({ q, scales }: QuantizedI8) => Float32Array.from(q, (v) => v * scales[0]!);
    const perTensor = new Float64Array(exact.length);
    conv2dF32DirectRef(p, dequantized(quantizeImagesI8(s, x)), dequantized(quantizeRowsI8(1, w.length, w, QMAX_B)), b, perTensor);
    const plane = s.outH * s.outW;
    const firstFilterError = (got: ArrayLike<number>) => {
      let e = 0;
      for (let i = 0; i < plane; i++) e = Math.max(e, Math.abs(got[i]! - exact[i]!));
      return e;
    };
    // Measured 22× here.
    expect(firstFilterError(perTensor)).toBeGreaterThan(8 * firstFilterError(perChannel));
  });
});
