import { convGraph } from "../kernels/peer/onnx-graphs.ts";
import type { OnnxGraph, OnnxInitializer, OnnxNode } from "../kernels/peer/onnx-model.ts";
import { conv1Params, conv2Params, type CnnShape } from "./cnn-config.ts";
import type { ParamViews } from "./cnn-params.ts";

/**
 * The site's CNN as an ONNX graph with its weights as constants, for `images` images per run:
 * Conv → Relu → MaxPool 2×2 → Conv → Relu → MaxPool 2×2 → Flatten → MatMul → Add, the order a
 * PyTorch export writes (cnn-forward.ts pools before the ReLU: the same numbers, ReLU being
 * monotone). Flatten keeps NCHW order per image, which is how our dense weights are indexed.
 */
export function cnnGraph(s: CnnShape, p: ParamViews, images: number): OnnxGraph {
  const conv1 = convGraph(conv1Params(s, images), p.w1, p.b1);
  const conv2 = convGraph(conv2Params(s, images), p.w2, p.b2);
  const pool = { kernel_shape: [2, 2], strides: [2, 2] };
  const renamed = (g: OnnxGraph, prefix: string, input: string): { node: OnnxNode; initializers: OnnxInitializer[] } => ({
    node: { ...g.nodes[0]!, inputs: [input, `${prefix}.w`, `${prefix}.b`], outputs: [`${prefix}.z`] },
    initializers: g.initializers.map((t) => ({ ...t, name: `${prefix}.${t.name}` })),
  });
  const c1 = renamed(conv1, "conv1", "x");
  const c2 = renamed(conv2, "conv2", "pool1");
  return {
    name: "every-core-mnist-cnn",
    inputs: [{ name: "x", dims: [images, s.channels, s.height, s.width] }],
    outputs: [{ name: "logits", dims: [images, s.classes] }],
    initializers: [
      ...c1.initializers,
      ...c2.initializers,
      { name: "dense.w", dims: [s.dense, s.classes], data: p.wd },
      { name: "dense.b", dims: [s.classes], data: p.bd },
    ],
    nodes: [
      c1.node,
      { op: "Relu", inputs: ["conv1.z"], outputs: ["relu1"] },
      { op: "MaxPool", inputs: ["relu1"], outputs: ["pool1"], attributes: pool },
      c2.node,
      { op: "Relu", inputs: ["conv2.z"], outputs: ["relu2"] },
      { op: "MaxPool", inputs: ["relu2"], outputs: ["pool2"], attributes: pool },
      { op: "Flatten", inputs: ["pool2"], outputs: ["flat"], attributes: { axis: 1 } },
      { op: "MatMul", inputs: ["flat", "dense.w"], outputs: ["dense"] },
      { op: "Add", inputs: ["dense", "dense.b"], outputs: ["logits"] },
    ],
  };
}
