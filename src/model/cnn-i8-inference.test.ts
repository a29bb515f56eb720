import { describe, expect, it } from "vitest";
import { randomF32 } from "../kernels/random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "../kernels/wasm/kernels-wasm.ts";
import { loadTestBuilds } from "../kernels/wasm/test-builds.ts";
import { WasmArena } from "../kernels/wasm/wasm-arena.ts";
import { cnnShape, MNIST_CNN, type CnnConfig } from "./cnn-config.ts";
import { cnnForwardI8Ref } from "./cnn-i8-forward-ref.ts";
import { CnnInferenceI8 } from "./cnn-i8-inference.ts";
import { initParams, paramLayout, paramViews } from "./cnn-params.ts";

// The quantized CNN in shared memory (both builds) against its plain reference, bit for bit, on
// the site's network and on an odd one (3 channels, 13×11 images, 3×3 then 5×5 filters, 7
// classes), whole and in chunks that do not divide the images.

const BUILDS = loadTestBuilds();
const ODD: CnnConfig = { channels: 3, height: 13, width: 11, filters1: 5, kernel1: 3, filters2: 9, kernel2: 5, classes: 7 };

describe.each(Object.keys(BUILDS) as WasmIsa[])("%s CnnInferenceI8", (isa) => {
  for (const [name, config] of [
    ["the site's MNIST CNN", MNIST_CNN],
    ["an odd network", ODD],
  ] as const) {
    it(`equals cnnForwardI8Ref bit for bit: ${name}`, () => {
      const s = cnnShape(config);
      const layout = paramLayout(s);
      const weights = new Float32Array(layout.count);
      initParams(s, layout, weights, 3);
      const p = paramViews(layout, weights);
      for (const b of [p.b1, p.b2, p.bd]) b.set(randomF32(b.length, 9).map((v) => v / 10));
      const images = 7;
      const x = randomF32(images * s.input, 4).map((v) => (v + 1) / 2);
      const expected = new Uint32Array(cnnForwardI8Ref(s, p, x, images).buffer);
      for (const chunk of [1, 3, images]) {
        const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(16));
        const net = new CnnInferenceI8(kernels, new WasmArena(kernels.memory, kernels), { config, capacity: images, chunk, weights });
        net.inputs().set(x);
        net.run(images);
        expect(new Uint32Array(net.logits().slice(0, images * s.classes).buffer), `chunk ${chunk}`).toEqual(expected);
      }
    });
  }

  it("takes from the arena exactly the bytes arenaBytes declares", () => {
    for (const [config, capacity, chunk] of [
      [MNIST_CNN, 256, 64],
      [ODD, 7, 3],
    ] as const) {
      const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(16));
      const arena = new WasmArena(kernels.memory, kernels);
      const weights = new Float32Array(paramLayout(cnnShape(config)).count);
      new CnnInferenceI8(kernels, arena, { config, capacity, chunk, weights });
      expect(arena.top - arena.base).toBe(CnnInferenceI8.arenaBytes(kernels, { config, capacity, chunk }));
    }
  });

  it("rejects a bad image count with a message", () => {
    const s = cnnShape(MNIST_CNN);
    const kernels = instantiateKernels(BUILDS[isa], createSharedMemory(16));
    const weights = new Float32Array(paramLayout(s).count);
    const net = new CnnInferenceI8(kernels, new WasmArena(kernels.memory, kernels), { capacity: 2, chunk: 2, weights });
    expect(() => net.run(3)).toThrow(/invalid images: 3/);
  });
});
