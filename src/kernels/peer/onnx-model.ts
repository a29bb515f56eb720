import { ProtobufWriter } from "./protobuf-writer.ts";

/**
 * A float32 ONNX model as plain data, and its encoding as an ONNX ModelProto: just the messages
 * and fields a small inference graph needs (onnx/onnx.proto3, the field numbers below).
 * https://github.com/onnx/onnx/blob/main/onnx/onnx.proto3
 */

/** A graph input or output: a float32 tensor of fixed shape. */
export interface OnnxValue {
  name: string;
  dims: readonly number[];
}

/** A constant float32 tensor of the graph (weights, biases). */
export interface OnnxInitializer extends OnnxValue {
  data: Float32Array;
}

/** Attribute values used here: an integer, or a list of integers (kernel shapes, pads, strides). */
export type OnnxAttribute = number | readonly number[];

export interface OnnxNode {
  op: string;
  inputs: readonly string[];
  outputs: readonly string[];
  attributes?: Readonly<Record<string, OnnxAttribute>>;
}

export interface OnnxGraph {
  name: string;
  inputs: readonly OnnxValue[];
  outputs: readonly OnnxValue[];
  initializers: readonly OnnxInitializer[];
  nodes: readonly OnnxNode[];
}

/** IR version 8 (ONNX 1.10+) and the default-domain opset 13: every op used here is in it unchanged since. */
export const ONNX_IR_VERSION = 8;
export const ONNX_OPSET = 13;
const FLOAT = 1; // TensorProto.DataType
const ATTRIBUTE_INT = 2; // AttributeProto.AttributeType
const ATTRIBUTE_INTS = 7;

function writeValueInfo(w: ProtobufWriter, v: OnnxValue): void {
  w.string(1, v.name).message(2, (type) =>
    type.message(1, (tensor) =>
      tensor.uint(1, FLOAT).message(2, (shape) => {
        for (const d of v.dims) shape.message(1, (dim) => dim.uint(1, d));
      }),
    ),
  );
}

function writeInitializer(w: ProtobufWriter, t: OnnxInitializer): void {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.data.length) throw new RangeError(`invalid initializer ${t.name}: ${t.data.length} floats for dims ${t.dims.join("×")}`);
  // raw_data is little-endian, as WebAssembly and every browser's typed arrays are.
  const raw = new Uint8Array(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  w.packedUints(1, t.dims).uint(2, FLOAT).string(8, t.name).bytes(9, raw);
}

function writeNode(w: ProtobufWriter, n: OnnxNode): void {
  for (const name of n.inputs) w.string(1, name);
  for (const name of n.outputs) w.string(2, name);
  w.string(4, n.op);
  for (const [name, value] of Object.entries(n.attributes ?? {})) {
    w.message(5, (a) => {
      a.string(1, name);
      if (typeof value === "number") a.uint(3, value).uint(20, ATTRIBUTE_INT);
      else a.packedUints(8, value).uint(20, ATTRIBUTE_INTS);
    });
  }
}

/** The ModelProto bytes that InferenceSession.create takes. */
export function encodeOnnxModel(g: OnnxGraph): Uint8Array {
  return new ProtobufWriter()
    .uint(1, ONNX_IR_VERSION)
    .string(2, "every-core")
    .message(7, (graph) => {
      for (const n of g.nodes) graph.message(1, (w) => writeNode(w, n));
      graph.string(2, g.name);
      for (const t of g.initializers) graph.message(5, (w) => writeInitializer(w, t));
      for (const v of g.inputs) graph.message(11, (w) => writeValueInfo(w, v));
      for (const v of g.outputs) graph.message(12, (w) => writeValueInfo(w, v));
    })
    .message(8, (opset) => opset.string(1, "").uint(2, ONNX_OPSET))
    .finish();
}
