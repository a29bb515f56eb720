import { chainConstants, fusedNormalizeGammaU8Ts } from "../../kernels/fused-normalize-gamma-u8-ts.ts";
import { linearImageF32 } from "../../kernels/fused-normalize-gamma-u8-input.ts";
import { normalizeGammaU8PassesTs, unfusedScratch } from "../../kernels/normalize-gamma-u8-passes-ts.ts";
import { triadF32Ref } from "../../kernels/triad-f32-ref.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type PreparedRun, type RunContext } from "../benchmark.ts";
import { triadArenaBytes } from "../triad-sweep.ts";

/**
 * Loop fusion of a memory-bound chain (python/everycore/fusion.py in the browser): a linear float32
 * image to 8-bit pixels by normalize → gamma → clamp → round, as numpy runs it (a whole-image pass
 * per step) and in one loop (TypeScript, WebAssembly SIMD), beside the STREAM triad on the same
 * number of elements, so the chain's GB/s sits next to what this machine's memory delivers in the
 * same run.
 */
type ImageParams = { height: number; width: number };

const BLACK = 0.05;
const WHITE = 0.9;
const F32 = Float32Array.BYTES_PER_ELEMENT;
const IN_CACHE = "256 × 256 (fits in cache)";
const PHOTO = "4000 × 3000 (12 MP)";

const pixelsOf = (p: ImageParams) => p.height * p.width;

/** Arena bytes of chainInWasm's blocks for `pixels` pixels and `temporaries` temporaries. */
function chainBytes(pixels: number, temporaries: number): number {
  const floats = Math.ceil(pixels / 4) * 4;
  return (1 + temporaries) * arenaBytes(floats) + arenaBytes(floats / 4);
}

/**
 * The image in the shared memory (with room for n rounded up to a multiple of 4 floats: the SIMD
 * passes have no tail), `temporaries` more blocks that size, and a byte plane for the result;
 * `run` gets their offsets and the chain's constants.
 */
function chainInWasm(
  image: Float32Array,
  ctx: RunContext,
  temporaries: number,
  run: (src: number, blocks: number[], dst: number, black: number, scale: number) => void,
): PreparedRun {
  const { arena, kernels } = ctx.wasm;
  arena.reset();
  const floats = Math.ceil(image.length / 4) * 4;
  const src = arena.allocF32(floats);
  src.view().set(image);
  const blocks = Array.from({ length: temporaries }, () => arena.allocF32(floats).ptr);
  const dst = arena.allocF32(floats / 4).ptr;
  const { black, scale } = chainConstants(BLACK, WHITE);
  return {
    run: () => run(src.ptr, blocks, dst, black, scale),
    output: () => Float32Array.from(new Uint8Array(kernels.memory.buffer, dst, image.length)),
  };
}

export const fusionChain = defineBenchmark<ImageParams, Float32Array>({
  id: "fusion-chain",
  title: "normalize → gamma → clamp → uint8: unfused passes vs one fused loop",
  chapter: "/compiled/webassembly/",
  cases: [
    { label: IN_CACHE, params: { height: 256, width: 256 } },
    { label: PHOTO, params: { height: 3000, width: 4000 } },
  ],
  caseAxis: "image (height × width, float32 in, uint8 out)",
  seed: 20261206,
  input: (p, seed) => linearImageF32(pixelsOf(p), BLACK, WHITE, seed),
  reference(_p, image) {
    const out = new Uint8Array(image.length);
    fusedNormalizeGammaU8Ts(image, out, chainConstants(BLACK, WHITE));
    return Float32Array.from(out);
  },
  // Counted as memory traffic, not arithmetic: GB/s is what matters for a memory-bound chain.
  flops: () => 0,
  // Bytes each way moves per pixel (write-allocate not counted, as STREAM does not):
  // unfused: seven float32 passes that read one image and write another, then one that reads a
  // float32 image and writes bytes; fused: 4 in, 1 out; the triad: 3 float32 arrays.
  bytes(p, variant) {
    const unfused = variant === "normalize-gamma-u8-passes-ts" || variant === "normalize-gamma-u8-passes-wasmsimd";
    const perPixel = unfused ? 7 * 2 * F32 + F32 + 1 : variant === "triad-f32-wasmrelaxedsimd" ? 3 * F32 : F32 + 1;
    return perPixel * pixelsOf(p);
  },
  // Every step is rounded to float32 the same way in every variant: the bytes must match exactly.
  tolerance: () => 0,
  baseline: "normalize-gamma-u8-passes-ts",
  variants: [
    {
      id: "normalize-gamma-u8-passes-ts",
      label: "Unfused: a whole-image pass per step, as numpy does (TypeScript)",
      prepare(p, image) {
        const out = new Uint8Array(image.length);
        const scratch = unfusedScratch(image.length);
        const k = chainConstants(BLACK, WHITE);
        return { run: () => normalizeGammaU8PassesTs(image, out, k, scratch), output: () => Float32Array.from(out) };
      },
    },
    {
      id: "normalize-gamma-u8-passes-wasmsimd",
      label: "Unfused, compiled: a SIMD pass per step through float32 temporaries, as numpy's ufuncs (WebAssembly SIMD)",
      needsIsolation: true,
      prepare: (_p, image, ctx) =>
        chainInWasm(image, ctx, 2, (src, [a, b], dst, black, scale) =>
          ctx.wasm.kernels.normalize_gamma_u8_passes_wasmsimd(src, a!, b!, dst, black, scale, image.length),
        ),
      arenaBytes: (p) => chainBytes(pixelsOf(p), 2),
    },
    {
      id: "fused-normalize-gamma-u8-ts",
      label: "Fused: one loop, each pixel read once and written once (TypeScript)",
      prepare(_p, image) {
        const out = new Uint8Array(image.length);
        const k = chainConstants(BLACK, WHITE);
        return { run: () => fusedNormalizeGammaU8Ts(image, out, k), output: () => Float32Array.from(out) };
      },
    },
    {
      id: "fused-normalize-gamma-u8-wasmsimd",
      label: "Fused, 16 pixels per step (WebAssembly SIMD)",
      needsIsolation: true,
      prepare: (_p, image, ctx) =>
        chainInWasm(image, ctx, 0, (src, _blocks, dst, black, scale) =>
          ctx.wasm.kernels.fused_normalize_gamma_u8_wasmsimd(src, dst, black, scale, 0, image.length),
        ),
      arenaBytes: (p) => chainBytes(pixelsOf(p), 0),
    },
    {
      id: "triad-f32-wasmrelaxedsimd",
      label: "Memory bandwidth: STREAM triad a = b + 3·c on as many elements (WebAssembly SIMD)",
      needsIsolation: true,
      prepare(_p, image, ctx) {
        const { arena, kernels } = ctx.wasm;
        arena.reset();
        const n = image.length;
        const [a, b, c] = [arena.allocF32(n), arena.allocF32(n), arena.allocF32(n)];
        // Small integers: b + 3·c is exact in float32 with or without FMA, so the check is exact.
        const bView = b.view(),
          cView = c.view();
        for (let i = 0; i < n; i++) {
          bView[i] = i & 255;
          cView[i] = (i >> 8) & 255;
        }
        const expected = new Float32Array(n);
        triadF32Ref(expected, bView, cView, 3);
        return { run: () => kernels.triad_f32_wasmrelaxedsimd(a.ptr, b.ptr, c.ptr, 3, 0, n), output: () => a.view().slice(), expected };
      },
      arenaBytes: (p) => triadArenaBytes(pixelsOf(p)),
    },
  ],
  claims: [
    {
      id: "fusion-chain/fused-vs-passes-simd",
      case: PHOTO,
      faster: { variant: "fused-normalize-gamma-u8-wasmsimd" },
      slower: { variant: "normalize-gamma-u8-passes-wasmsimd" },
      atLeast: 2,
      because:
        "both run the same compiled SIMD arithmetic, but the passes write and read back a 48 MB float32 temporary at every step, about 61 bytes of memory traffic per pixel, where the fused loop moves 5",
    },
    {
      id: "fusion-chain/fused-simd-vs-unfused-js",
      case: PHOTO,
      faster: { variant: "fused-normalize-gamma-u8-wasmsimd" },
      slower: { variant: "normalize-gamma-u8-passes-ts" },
      atLeast: 5,
      because: "fusion removes seven of the eight passes over memory and SIMD does four pixels per instruction, so the two gains multiply",
    },
  ],
});
