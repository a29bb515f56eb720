import { convShape, type ConvParams } from "../../kernels/conv-shape.ts";
import { conv2dF64NestedArraysTs, toNestedRows } from "../../kernels/conv2d-f64-nested-arrays-ts.ts";
import { defineBenchmark } from "../benchmark.ts";
import { conv2dDirectRef, conv2dIm2colGemmWasm, conv2dShifted, convModel, type ConvInput } from "./conv2d-variants.ts";

/**
 * Part 2's loop-vs-vectorized race in the browser: one filter over one 512×512 channel, as nested
 * arrays (the analogue of Python lists), as flat typed-array loops, as whole shifted planes (the
 * numpy formulation) and as compiled WebAssembly SIMD.
 */
const plane = (k: number): ConvParams => ({
  batch: 1,
  channels: 1,
  height: 512,
  width: 512,
  filters: 1,
  kernelH: k,
  kernelW: k,
  stride: 1,
  padding: (k - 1) / 2,
});
const label = (p: ConvParams) => `${p.kernelH}×${p.kernelW}`;
const THREE = plane(3);

export const convVectorization = defineBenchmark<ConvParams, ConvInput>({
  id: "conv-vectorization",
  title: "A 512×512 convolution: nested arrays vs typed-array loops vs shifted planes vs WebAssembly SIMD",
  chapter: "/vectorization/",
  cases: [THREE, plane(5)].map((params) => ({ label: label(params), params })),
  seed: 20261124,
  ...convModel,
  caseAxis: "filter size",
  baseline: "conv2d-f64-nested-arrays-ts",
  variants: [
    {
      id: "conv2d-f64-nested-arrays-ts",
      label: "Nested arrays, image[y][x] (the Python-lists analogue)",
      prepare(p, { x, w, b }) {
        const s = convShape(p);
        const image = toNestedRows(x, s.height, s.width);
        const kernel = toNestedRows(w, s.kernelH, s.kernelW);
        let out: number[][] = [];
        return {
          run: () => {
            out = conv2dF64NestedArraysTs(image, kernel, s.padding);
          },
          // The bias is added when checking, outside the timed call (this kernel has none).
          output: () => Float32Array.from(out.flat(), (v) => v + b[0]!),
        };
      },
    },
    { ...conv2dDirectRef, label: "Flat typed-array loops (TypeScript)" },
    { ...conv2dShifted, label: "Shifted whole planes: the numpy formulation (TypeScript)" },
    conv2dIm2colGemmWasm,
  ],
  claims: [
    {
      id: "conv-vectorization/shifted-vs-nested",
      case: label(THREE),
      faster: { variant: "conv2d-f32-shifted-ts" },
      slower: { variant: "conv2d-f64-nested-arrays-ts" },
      atLeast: 1.3,
      because:
        "the whole-plane form runs one plain multiply-add loop per tap over contiguous rows, with no bounds test and no row lookups per pixel",
    },
  ],
});
