import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { convShape, convSizes, type ConvParams } from "../conv-shape.ts";
import { ODD_CONV_CASES, randomConvOperands } from "../conv-test-cases.ts";
import { expectWithinConvBound } from "../conv-test-support.ts";
import { expectGemmWithinTolerance } from "../gemm-test-support.ts";
import { randomF32 } from "../random.ts";
import { convGraph, matMulGraph } from "./onnx-graphs.ts";
import { encodeOnnxModel, ONNX_IR_VERSION } from "./onnx-model.ts";

/**
 * The encoder is checked by the decoder that matters: onnxruntime-web itself (its Node build,
 * the same ORT compiled to WebAssembly, one thread) loads each model and computes it, and the
 * result must match our references. A field written wrong fails to load or computes wrongly.
 */

describe("encodeOnnxModel", () => {
  it("starts with ir_version and the producer, as ModelProto fields 1 and 2", () => {
    const bytes = encodeOnnxModel(matMulGraph({ m: 1, n: 1, k: 1 }));
    expect([...bytes.subarray(0, 2)]).toEqual([0x08, ONNX_IR_VERSION]);
    expect(new TextDecoder().decode(bytes.subarray(4, 4 + bytes[3]!))).toBe("every-core");
  });

  it("declares the inputs, outputs and opset that ORT reads back", async () => {
    const session = await ort.InferenceSession.create(
      encodeOnnxModel(convGraph(ODD_CONV_CASES[0]![1], new Float32Array(12), new Float32Array(4))),
    );
    expect(session.inputNames).toEqual(["x"]);
    expect(session.outputNames).toEqual(["y"]);
    await session.release();
  });

  it.each([
    [1, 1, 1],
    [7, 5, 13],
    [33, 17, 65],
  ])("encodes MatMul %i×%i×%i (m, n, k) so that ORT multiplies row-major A and B", async (m, n, k) => {
    const shape = { m, n, k };
    const a = randomF32(m * k, 1);
    const b = randomF32(k * n, 2);
    const session = await ort.InferenceSession.create(encodeOnnxModel(matMulGraph(shape)));
    const out = await session.run({ a: new ort.Tensor("float32", a, [m, k]), b: new ort.Tensor("float32", b, [k, n]) });
    expectGemmWithinTolerance(shape, a, b, out.y!.data as Float32Array);
    await session.release();
  });

  it.each(ODD_CONV_CASES)("encodes Conv with its weights, bias, pads and strides: %s", async (_, p: ConvParams) => {
    const s = convShape(p);
    const { x, w, b } = randomConvOperands(p, 11);
    const session = await ort.InferenceSession.create(encodeOnnxModel(convGraph(p, w, b)));
    const out = await session.run({ x: new ort.Tensor("float32", x, [s.batch, s.channels, s.height, s.width]) });
    expect(out.y!.dims).toEqual([s.batch, s.filters, s.outH, s.outW]);
    expectWithinConvBound(p, x, w, b, out.y!.data as Float32Array);
    await session.release();
  });

  it("refuses weights that do not fill their shape, naming them", () => {
    const p = ODD_CONV_CASES[0]![1];
    const n = convSizes(convShape(p));
    expect(() => convGraph(p, new Float32Array(n.weights - 1), new Float32Array(n.bias))).toThrow(/invalid w: length 11, expected 12/);
    const graph = convGraph(p, new Float32Array(n.weights), new Float32Array(n.bias));
    const short = { ...graph, initializers: [{ ...graph.initializers[0]!, data: new Float32Array(3) }] };
    expect(() => encodeOnnxModel(short)).toThrow("invalid initializer w: 3 floats for dims 4×3×1×1");
  });
});
