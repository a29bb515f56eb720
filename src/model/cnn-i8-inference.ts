import { convShape, type ConvParams, type ConvShape } from "../kernels/conv-shape.ts";
import {
  conv2dI8,
  convI8ScratchFloats,
  convI8WeightsFloats,
  placeConvI8Scratch,
  placeConvI8Weights,
  type ConvI8Scratch,
  type ConvI8Weights,
} from "../kernels/conv2d-i8-pipeline.ts";
import { QMAX_A, QMAX_B, quantizeColumnsI8 } from "../kernels/quantize-i8.ts";
import type { WasmKernels } from "../kernels/wasm/kernels-wasm.ts";
import { arenaBytes, type F32Block, type WasmArena } from "../kernels/wasm/wasm-arena.ts";
import { cnnShape, conv1Params, conv2Params, MNIST_CNN, type CnnConfig, type CnnShape } from "./cnn-config.ts";
import { paramLayout, paramViews } from "./cnn-params.ts";

export interface CnnInferenceI8Options {
  config?: CnnConfig;
  /** Most images one call classifies. */
  capacity: number;
  /** Images pushed through the network at once: the batch of every layer's GEMM. */
  chunk: number;
  /** The float network's parameter vector (paramLayout order), quantized here once. */
  weights: Float32Array;
}

/** A convolution layer prepared once: its geometry (chunk images), packed filters, scratch. */
interface ConvLayerI8 {
  shape: ConvShape;
  weights: ConvI8Weights;
  scratch: ConvI8Scratch;
}

/** The dense layer's weights, prepared once: packed int8 columns (one per class), their scales, the float biases. */
interface DenseI8 {
  packed: number;
  scales: number;
  bias: Float32Array;
}

/**
 * The quantized CNN in a shared WebAssembly.Memory, on this thread: the float network's weights
 * quantized per output channel and packed once, then per chunk of images: quantize each image →
 * int8 conv → pool + ReLU → quantize → int8 conv → pool + ReLU → quantize → int8 dense → bias.
 * Its logits equal cnnForwardI8Ref's bit for bit (cnn-i8-inference.test.ts).
 */
export class CnnInferenceI8 {
  readonly shape: CnnShape;
  readonly capacity: number;
  readonly chunk: number;
  readonly #kernels: WasmKernels;
  readonly #x: F32Block;
  readonly #logits: F32Block;
  readonly #conv1: ConvLayerI8;
  readonly #conv2: ConvLayerI8;
  readonly #dense: DenseI8;
  /** Float activations between the layers (chunk images each): conv outputs z1, z2, pooled p1, p2. */
  readonly #z1: number;
  readonly #p1: number;
  readonly #z2: number;
  readonly #p2: number;
  /** The dense layer's int8 rows, their scales, its int32 sums. */
  readonly #p2q: number;
  readonly #p2Scales: number;
  readonly #cq: number;

  /** Bytes the constructor takes from the arena with these options (`kernels` knows the packed weights' size). */
  static arenaBytes(kernels: WasmKernels, o: Omit<CnnInferenceI8Options, "weights">): number {
    const s = cnnShape(o.config ?? MNIST_CNN);
    const layer = (params: ConvParams) => [...convI8WeightsFloats(kernels, convShape(params)), ...convI8ScratchFloats(convShape(params))];
    const packedDense = kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(s.dense, s.classes);
    return arenaBytes(
      ...layer(conv1Params(s, o.chunk)),
      ...layer(conv2Params(s, o.chunk)),
      Math.ceil((s.dense * s.classes) / 4),
      Math.ceil(packedDense / 4),
      s.classes,
      o.chunk * s.conv1Out,
      o.chunk * s.pool1Out,
      o.chunk * s.conv2Out,
      o.chunk * s.dense,
      Math.ceil((o.chunk * s.dense) / 4),
      o.chunk,
      o.chunk * s.classes,
      o.capacity * s.input,
      o.capacity * s.classes,
    );
  }

  /** Allocates everything in `arena` (which must not be reset while this is in use); arenaBytes says how much. */
  constructor(kernels: WasmKernels, arena: WasmArena, o: CnnInferenceI8Options) {
    for (const name of ["capacity", "chunk"] as const) {
      if (!Number.isInteger(o[name]) || o[name] < 1) throw new RangeError(`invalid ${name}: ${o[name]} (expected an integer ≥ 1)`);
    }
    const s = cnnShape(o.config ?? MNIST_CNN);
    const layout = paramLayout(s);
    if (o.weights.length < layout.count) throw new RangeError(`invalid weights: length ${o.weights.length}, expected ${layout.count}`);
    const p = paramViews(layout, o.weights);
    this.shape = s;
    this.capacity = o.capacity;
    this.chunk = o.chunk;
    this.#kernels = kernels;
    const bytes = (length: number) => arena.allocF32(Math.ceil(length / 4)).ptr;
    const layer = (params: ConvParams, w: Float32Array, b: Float32Array): ConvLayerI8 => {
      const shape = convShape(params);
      return { shape, weights: placeConvI8Weights(kernels, arena, shape, w, b), scratch: placeConvI8Scratch(arena, shape) };
    };
    this.#conv1 = layer(conv1Params(s, o.chunk), p.w1, p.b1);
    this.#conv2 = layer(conv2Params(s, o.chunk), p.w2, p.b2);
    const qd = quantizeColumnsI8(s.dense, s.classes, p.wd, QMAX_B);
    const dq = bytes(qd.q.length);
    new Int8Array(kernels.memory.buffer, dq, qd.q.length).set(qd.q);
    const packed = bytes(kernels.gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(s.dense, s.classes));
    kernels.gemm_i8_4x8_wasmrelaxedsimd_pack_b(s.dense, s.classes, dq, s.classes, packed);
    const scales = arena.allocF32(s.classes);
    scales.view().set(qd.scales);
    this.#dense = { packed, scales: scales.ptr, bias: p.bd.slice() };
    this.#z1 = arena.allocF32(o.chunk * s.conv1Out).ptr;
    this.#p1 = arena.allocF32(o.chunk * s.pool1Out).ptr;
    this.#z2 = arena.allocF32(o.chunk * s.conv2Out).ptr;
    this.#p2 = arena.allocF32(o.chunk * s.dense).ptr;
    this.#p2q = bytes(o.chunk * s.dense);
    this.#p2Scales = arena.allocF32(o.chunk).ptr;
    this.#cq = arena.allocF32(o.chunk * s.classes).ptr;
    this.#x = arena.allocF32(o.capacity * s.input);
    this.#logits = arena.allocF32(o.capacity * s.classes);
  }

  /** The input block (capacity × C·H·W floats). */
  inputs(): Float32Array {
    return this.#x.view();
  }

  /** The logits block (capacity × classes); the first `images` rows are the last run's output. */
  logits(): Float32Array {
    return this.#logits.view();
  }

  /** Classifies the first `images` images of inputs() into logits(), `chunk` at a time. */
  run(images: number): void {
    if (!Number.isInteger(images) || images < 1 || images > this.capacity) {
      throw new RangeError(`invalid images: ${images} (expected an integer from 1 to ${this.capacity})`);
    }
    for (let r = 0; r < images; r += this.chunk) this.#forward(r, Math.min(this.chunk, images - r));
  }

  /** Images [first, first + n) through the network. */
  #forward(first: number, n: number): void {
    const k = this.#kernels;
    const s = this.shape;
    const [c1, c2] = [this.#conv1, this.#conv2];
    conv2dI8(k, c1.shape, n, this.#x.ptr + first * s.input * 4, c1.weights, c1.scratch, this.#z1);
    k.maxpool2x2_relu_f32_wasmsimd(this.#z1, this.#p1, n * s.filters1, s.height, s.width);
    conv2dI8(k, c2.shape, n, this.#p1, c2.weights, c2.scratch, this.#z2);
    k.maxpool2x2_relu_f32_wasmsimd(this.#z2, this.#p2, n * s.filters2, s.pool1H, s.pool1W);
    const { dense: K, classes: N } = s;
    k.quantize_f32_i8_rows_wasmsimd(n, K, this.#p2, K, this.#p2q, K, this.#p2Scales, QMAX_A);
    k.gemm_i8_4x8_wasmrelaxedsimd(n, N, K, this.#p2q, K, this.#dense.packed, this.#cq, N);
    const logits = this.#logits.ptr + first * N * 4;
    k.dequantize_i32_f32_wasmsimd(n, N, this.#cq, N, this.#p2Scales, this.#dense.scales, logits, N);
    const out = new Float32Array(k.memory.buffer, logits, n * N);
    for (let i = 0; i < out.length; i++) out[i]! += this.#dense.bias[i % N]!;
  }
}
