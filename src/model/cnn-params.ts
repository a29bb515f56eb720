import { mulberry32 } from "../kernels/random.ts";
import type { CnnShape } from "./cnn-config.ts";
import { f32Layout, f32Views, type F32Layout } from "./f32-layout.ts";

/**
 * All trainable values of the network in one flat float vector, so that a gradient is one vector
 * too: averaging the gradients of K workers and the SGD update are then single loops over it.
 *   w1 (F1 × C·k1·k1)  b1 (F1)  w2 (F2 × F1·k2·k2)  b2 (F2)  wd (dense × classes)  bd (classes)
 * wd is stored input-major so the dense layer is one GEMM, logits = flat · wd, with no transpose.
 * The alignment gaps between blocks stay 0 in every gradient, so the update leaves them 0.
 */
export type ParamBlock = "w1" | "b1" | "w2" | "b2" | "wd" | "bd";
export type ParamLayout = F32Layout<ParamBlock>;
/** The parameters as views into one vector (parameters, a gradient, or a momentum). */
export type ParamViews = Record<ParamBlock, Float32Array>;

export function paramLayout(s: CnnShape): ParamLayout {
  return f32Layout<ParamBlock>({
    w1: s.filters1 * s.channels * s.kernel1 ** 2,
    b1: s.filters1,
    w2: s.filters2 * s.filters1 * s.kernel2 ** 2,
    b2: s.filters2,
    wd: s.dense * s.classes,
    bd: s.classes,
  });
}

export const paramViews: (layout: ParamLayout, vector: Float32Array) => ParamViews = f32Views;

/**
 * He-uniform initialisation from a seed: weights uniform in ±√(6 / fan-in), which keeps the
 * variance of ReLU activations steady from layer to layer; biases 0. Same seed, same network.
 */
export function initParams(s: CnnShape, layout: ParamLayout, vector: Float32Array, seed: number): void {
  const next = mulberry32(seed);
  const views = paramViews(layout, vector);
  vector.fill(0, 0, layout.count);
  const fanIn = { w1: s.channels * s.kernel1 ** 2, w2: s.filters1 * s.kernel2 ** 2, wd: s.dense };
  for (const name of ["w1", "w2", "wd"] as const) {
    const limit = Math.sqrt(6 / fanIn[name]);
    const w = views[name];
    for (let i = 0; i < w.length; i++) w[i] = (next() * 2 - 1) * limit;
  }
}
