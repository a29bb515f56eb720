import { describe, expect, it } from "vitest";
import { randomF32 } from "../kernels/random.ts";
import { cnnBackward } from "./cnn-backward.ts";
import { cnnShape, type CnnConfig } from "./cnn-config.ts";
import { cnnForward } from "./cnn-forward.ts";
import { typescriptCnnKernels } from "./cnn-kernels.ts";
import { initParams, paramLayout, paramViews, type ParamBlock } from "./cnn-params.ts";
import { workspaceFor, workspaceLayout } from "./cnn-workspace.ts";
import { softmaxCrossEntropySum } from "./softmax-cross-entropy.ts";

// Finite-difference check of the whole backward pass on a small odd network: 2 input channels,
// 7×9 images (both pools drop an odd row or column), 3×3 then 5×5 kernels, 5 classes, 3 images.
const config: CnnConfig = { channels: 2, height: 7, width: 9, filters1: 3, kernel1: 3, filters2: 4, kernel2: 5, classes: 5 };
const s = cnnShape(config);
const layout = paramLayout(s);
const images = 3;
const x = randomF32(images * s.input, 7);
const labels = Float32Array.of(4, 0, 2);

function setup() {
  const ws = workspaceFor(
    workspaceLayout(s, layout, images, true),
    new Float32Array(workspaceLayout(s, layout, images, true).count),
    images,
  );
  const params = new Float32Array(layout.count);
  initParams(s, layout, params, 11);
  // Biases in [0.2, 0.6): non-zero, so their gradients are exercised, and positive, so fewer
  // pre-activations sit near the ReLU's kink (some still fall below 0 and test the mask).
  const views = paramViews(layout, params);
  for (const name of ["b1", "b2", "bd"] as const) views[name].set(randomF32(views[name].length, 13).map((v) => 0.4 + v * 0.2));
  return { ws, params };
}

/** Summed loss at these parameters, in f64 from the f32 logits. */
function loss(params: Float32Array, ws: ReturnType<typeof setup>["ws"]): number {
  cnnForward(s, paramViews(layout, params), x, images, ws, typescriptCnnKernels);
  return softmaxCrossEntropySum(images, s.classes, ws.logits, labels).loss;
}

describe("cnnBackward", () => {
  it("matches central finite differences on every parameter block", () => {
    const { ws, params } = setup();
    cnnForward(s, paramViews(layout, params), x, images, ws, typescriptCnnKernels);
    const grad = new Float32Array(layout.count);
    cnnBackward(s, paramViews(layout, params), x, labels, images, ws, paramViews(layout, grad), typescriptCnnKernels);
    // Central differences with eps = 1e-3: float32 rounding of the loss (≈ 5e-7 here) adds about
    // 3e-4 of noise, the O(eps²) truncation is smaller. ReLU and max-pool are not differentiable
    // everywhere: an entry whose ±eps step crosses a kink (its two one-sided slopes differ by more
    // than 1e-2) is not comparable and is skipped, but at most a fifth of any block may be — a wrong
    // gradient would show at the smooth entries.
    const eps = 1e-3;
    const f0 = loss(params, ws);
    for (const name of ["w1", "b1", "w2", "b2", "wd", "bd"] as ParamBlock[]) {
      const { offset, length } = layout.blocks[name];
      const checked = Math.min(length, 40);
      let kinks = 0;
      for (let j = 0; j < checked; j++) {
        const i = offset + Math.floor((j * length) / checked);
        const keep = params[i]!;
        params[i] = keep + eps;
        const up = loss(params, ws);
        params[i] = keep - eps;
        const down = loss(params, ws);
        params[i] = keep;
        if (Math.abs(up - f0 - (f0 - down)) / eps > 1e-2) {
          kinks++;
          continue;
        }
        const numeric = (up - down) / (2 * eps);
        // Tolerance: 2e-3 absolute (rounding noise ×6) plus 1 % relative.
        expect(Math.abs(numeric - grad[i]!), `${name}[${i - offset}]: numeric ${numeric}, analytic ${grad[i]}`).toBeLessThanOrEqual(
          2e-3 + 0.01 * Math.abs(numeric),
        );
      }
      expect(kinks, `${name}: ${kinks} of ${checked} entries straddle a kink`).toBeLessThanOrEqual(checked / 5);
    }
  });

  it("computes the gradient of the summed loss: ∂/∂bd sums softmax − one-hot over the images", () => {
    const { ws, params } = setup();
    cnnForward(s, paramViews(layout, params), x, images, ws, typescriptCnnKernels);
    const logits = ws.logits.slice();
    const grad = new Float32Array(layout.count);
    cnnBackward(s, paramViews(layout, params), x, labels, images, ws, paramViews(layout, grad), typescriptCnnKernels);
    const expected = new Float64Array(s.classes);
    for (let r = 0; r < images; r++) {
      const row = Array.from(logits.subarray(r * s.classes, (r + 1) * s.classes));
      const z = row.reduce((a, v) => a + Math.exp(v), 0);
      row.forEach((v, c) => (expected[c]! += Math.exp(v) / z - (c === labels[r] ? 1 : 0)));
    }
    const bd = paramViews(layout, grad).bd;
    for (let c = 0; c < s.classes; c++) expect(bd[c]).toBeCloseTo(expected[c]!, 5);
  });
});
