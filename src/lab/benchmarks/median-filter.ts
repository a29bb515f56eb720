import { noisyImageU8 } from "../../kernels/median3x3-input.ts";
import type { Median3x3Shape } from "../../kernels/median3x3-shape.ts";
import { median3x3U8Ts } from "../../kernels/median3x3-u8-ts.ts";
import { median3x3U8Ref } from "../../kernels/median3x3-u8-ref.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type PreparedRun, type RunContext } from "../benchmark.ts";

/**
 * A per-pixel algorithm numpy has no fast path for: the 3×3 median of an 8-bit image with
 * salt-and-pepper noise, by one selection network in JavaScript, in WebAssembly one pixel at a
 * time, and in WebAssembly SIMD sixteen pixels at a time. Every variant must give the reference's
 * bytes exactly.
 */
const VGA = "640 × 480";
const FULL_HD = "1920 × 1080";
const PHOTO = "4000 × 3000 (12 MP)";
/** The one-pixel-at-a-time variants take a tenth of a second or more per call on a 12 MP image. */
const SCALAR_CASES = [VGA, FULL_HD];

/**
 * Copies the image into the shared memory beside a dst plane (the arena hands out f32 blocks:
 * a byte plane takes a quarter as many), and times `run` on their offsets; the output is read
 * back from dst.
 */
/** Arena bytes of inWasm's two byte planes for an image of `s`. */
const planesBytes = (s: Median3x3Shape) => 2 * arenaBytes(Math.ceil((s.height * s.width) / 4));

function inWasm(image: Uint8Array, ctx: RunContext, run: (src: number, dst: number) => void): PreparedRun {
  const { arena, kernels } = ctx.wasm;
  arena.reset();
  const words = Math.ceil(image.length / 4);
  const src = arena.allocF32(words).ptr;
  const dst = arena.allocF32(words).ptr;
  new Uint8Array(kernels.memory.buffer, src, image.length).set(image);
  return { run: () => run(src, dst), output: () => Float32Array.from(new Uint8Array(kernels.memory.buffer, dst, image.length)) };
}

export const medianFilter = defineBenchmark<Median3x3Shape, Uint8Array>({
  id: "median-filter",
  title: "3×3 median filter: JavaScript vs WebAssembly vs WebAssembly SIMD",
  chapter: "/compiled/webassembly/",
  cases: [
    { label: VGA, params: { height: 480, width: 640 } },
    { label: FULL_HD, params: { height: 1080, width: 1920 } },
    { label: PHOTO, params: { height: 3000, width: 4000 } },
  ],
  caseAxis: "image (height × width, 8-bit)",
  seed: 20261205,
  input: (s, seed) => noisyImageU8(s.height, s.width, seed),
  reference(s, image) {
    const out = new Uint8Array(image.length);
    median3x3U8Ref(s, image, out);
    return Float32Array.from(out);
  },
  // Comparisons of bytes, no floating-point work.
  flops: () => 0,
  // Each pixel read once from memory (its neighbours come from cache) and written once.
  bytes: (s) => 2 * s.height * s.width,
  // A median selects one of the input bytes: every variant must pick the same one.
  tolerance: () => 0,
  baseline: "median3x3-u8-ts",
  variants: [
    {
      id: "median3x3-u8-ts",
      label: "Selection network, one pixel at a time (JavaScript)",
      cases: SCALAR_CASES,
      prepare(s, image) {
        const out = new Uint8Array(image.length);
        return { run: () => median3x3U8Ts(s, image, out), output: () => Float32Array.from(out) };
      },
    },
    {
      id: "median3x3-u8-wasm",
      label: "The same network compiled ahead of time, one pixel at a time (WebAssembly)",
      needsIsolation: true,
      cases: SCALAR_CASES,
      prepare: (s, image, ctx) =>
        inWasm(image, ctx, (src, dst) => ctx.wasm.kernels.median3x3_u8_wasm(src, dst, s.height, s.width, 0, s.height)),
      arenaBytes: planesBytes,
    },
    {
      id: "median3x3-u8-x16-wasmsimd",
      label: "The same network on 16 pixels at once with u8x16 min/max (WebAssembly SIMD)",
      needsIsolation: true,
      prepare: (s, image, ctx) =>
        inWasm(image, ctx, (src, dst) => ctx.wasm.kernels.median3x3_u8_x16_wasmsimd(src, dst, s.height, s.width, 0, s.height)),
      arenaBytes: planesBytes,
    },
    {
      id: "median3x3-u8-x16-wasmsimd-threads",
      label: "The same SIMD kernel, image rows shared among the threads (WebAssembly SIMD)",
      needsIsolation: true,
      parallel: true,
      // On the smaller images one call lasts well under a millisecond: waking the pool would be
      // a large part of what is measured.
      cases: [PHOTO],
      prepare: (s, image, ctx) =>
        inWasm(image, ctx, (src, dst) =>
          ctx.pool.run("median3x3_u8_x16_wasmsimd", { src, dst, height: s.height, width: s.width }, ctx.threads),
        ),
      arenaBytes: planesBytes,
    },
  ],
  claims: [
    {
      id: "median-filter/simd-vs-js",
      case: FULL_HD,
      faster: { variant: "median3x3-u8-x16-wasmsimd" },
      slower: { variant: "median3x3-u8-ts" },
      atLeast: 10,
      because:
        "however well the engine compiles the JavaScript, it handles one pixel per min or max, while each u8x16 instruction handles sixteen",
    },
    {
      id: "median-filter/simd-vs-wasm-scalar",
      case: FULL_HD,
      faster: { variant: "median3x3-u8-x16-wasmsimd" },
      slower: { variant: "median3x3-u8-wasm" },
      atLeast: 8,
      because:
        "one u8x16 min or max does the work of sixteen scalar ones, and the nine neighbours of sixteen pixels arrive in nine vector loads instead of 144 byte loads",
    },
  ],
});
