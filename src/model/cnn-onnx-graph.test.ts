import * as ort from "onnxruntime-web";
import { describe, expect, it } from "vitest";
import { encodeOnnxModel } from "../kernels/peer/onnx-model.ts";
import { randomF32 } from "../kernels/random.ts";
import { cnnShape, MNIST_CNN, type CnnConfig } from "./cnn-config.ts";
import { cnnForward } from "./cnn-forward.ts";
import { typescriptCnnKernels } from "./cnn-kernels.ts";
import { cnnGraph } from "./cnn-onnx-graph.ts";
import { initParams, paramLayout, paramViews } from "./cnn-params.ts";
import { workspaceFor, workspaceLayout } from "./cnn-workspace.ts";

/** The ONNX CNN in onnxruntime-web (Node build) against our forward pass, on the site's network and an odd one. */
describe("cnnGraph", () => {
  const configs: [string, CnnConfig, number][] = [
    ["the site's MNIST CNN, 3 images", MNIST_CNN, 3],
    // Odd sides drop a row and a column at each pool; C = 2, 3×3 then 5×5 kernels, 4 classes.
    [
      "odd: 2×11×9 images, 3×3 then 5×5, 2 images",
      { channels: 2, height: 11, width: 9, filters1: 3, kernel1: 3, filters2: 5, kernel2: 5, classes: 4 },
      2,
    ],
  ];

  it.each(configs)("computes the logits of cnnForward: %s", async (_, config, images) => {
    const s = cnnShape(config);
    const layout = paramLayout(s);
    const vector = new Float32Array(layout.count);
    initParams(s, layout, vector, 5);
    const params = paramViews(layout, vector);
    params.b1.set(randomF32(s.filters1, 6)); // non-zero biases, so their placement is checked too
    params.bd.set(randomF32(s.classes, 7));
    const x = randomF32(images * s.input, 8).map(Math.abs);
    const wsLayout = workspaceLayout(s, layout, images, false);
    const ws = workspaceFor(wsLayout, new Float32Array(wsLayout.count), images);
    cnnForward(s, params, x, images, ws, typescriptCnnKernels);

    const session = await ort.InferenceSession.create(encodeOnnxModel(cnnGraph(s, params, images)));
    const out = await session.run({ x: new ort.Tensor("float32", x, [images, s.channels, s.height, s.width]) });
    const got = out.logits!.data as Float32Array;
    expect(out.logits!.dims).toEqual([images, s.classes]);
    // Both sum the same products in f32 in different orders: logits here are ≲ 10, gaps ≲ 1e-5.
    for (let i = 0; i < got.length; i++) expect(Math.abs(got[i]! - ws.logits[i]!)).toBeLessThanOrEqual(1e-4);
    await session.release();
  });
});
