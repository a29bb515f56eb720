import { describe, expect, it } from "vitest";
import { chainConstants, fusedNormalizeGammaU8Ts } from "../fused-normalize-gamma-u8-ts.ts";
import { CHAIN_TEST_CASES, linearImageF32 } from "../fused-normalize-gamma-u8-input.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// fused-normalize-gamma-u8-wasmsimd (both builds: the relaxed one must not contract y·255 + 0.5
// into an FMA) against the TypeScript chain, byte for byte (tolerance 0), on lengths around the
// 16-pixel step, with guard bytes around dst, and split into ranges as threads would.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const GUARD = 5;
const SENTINEL = 0x5a;

function setup(isa: WasmIsa, pixels: number, black: number, white: number, shift: number) {
  const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  const arena = new WasmArena(k.memory, k);
  const image = linearImageF32(pixels, black, white, pixels + 1);
  const srcBlock = arena.allocF32(pixels + shift);
  srcBlock.view().set(image, shift);
  const dstStart = arena.allocF32(Math.ceil((pixels + 2 * GUARD + shift) / 4)).ptr + shift;
  new Uint8Array(k.memory.buffer, dstStart, pixels + 2 * GUARD).fill(SENTINEL);
  const dst = dstStart + GUARD;
  const expected = new Uint8Array(pixels);
  fusedNormalizeGammaU8Ts(image, expected, chainConstants(black, white));
  return {
    k,
    src: srcBlock.ptr + shift * 4,
    dst,
    expected,
    ...chainConstants(black, white),
    out: () => new Uint8Array(k.memory.buffer, dst, pixels).slice(),
    guards: () => [...new Uint8Array(k.memory.buffer, dstStart, GUARD), ...new Uint8Array(k.memory.buffer, dst + pixels, GUARD)],
  };
}

describe.each(ISAS)("fused_normalize_gamma_u8_wasmsimd (%s)", (isa) => {
  it.each(CHAIN_TEST_CASES)("gives the TypeScript chain's bytes on %i pixels (black %f, white %f)", (pixels, black, white) => {
    for (const shift of [0, 1]) {
      const { k, src, dst, expected, out, guards, ...c } = setup(isa, pixels, black, white, shift);
      k.fused_normalize_gamma_u8_wasmsimd(src, dst, c.black, c.scale, 0, pixels);
      expect(out()).toEqual(expected);
      expect(guards().every((g) => g === SENTINEL)).toBe(true);
    }
  });

  it("gives the TypeScript chain's bytes on extreme pixels, in blocks and in the tail", () => {
    // Far below black, far above white (past int32 after ×255), infinities, NaN, ±0, exactly black and white.
    const extremes = [-1e30, -Infinity, Infinity, 1e30, 3e7, Number.NaN, -0, 0, 0.05, 0.9, 0.9000001, 0.0499999];
    const image = Float32Array.from({ length: 37 }, (_, i) => extremes[i % extremes.length]!);
    const c = chainConstants(0.05, 0.9);
    const expected = new Uint8Array(image.length);
    fusedNormalizeGammaU8Ts(image, expected, c);
    const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
    const arena = new WasmArena(k.memory, k);
    const src = arena.allocF32(image.length);
    src.view().set(image);
    const dst = arena.allocF32(10).ptr;
    k.fused_normalize_gamma_u8_wasmsimd(src.ptr, dst, c.black, c.scale, 0, image.length);
    expect(new Uint8Array(k.memory.buffer, dst, image.length)).toEqual(expected);
    expect([...expected.subarray(0, 6)]).toEqual([0, 0, 255, 255, 255, 0]);
  });

  it("gives the same bytes for any split of the range", () => {
    const s = setup(isa, 1027, 0.05, 0.9, 0);
    for (const [start, end] of [
      [0, 5],
      [5, 21],
      [21, 500],
      [500, 1026],
      [1026, 1027],
      [9, 9],
    ])
      s.k.fused_normalize_gamma_u8_wasmsimd(s.src, s.dst, s.black, s.scale, start!, end!);
    expect(s.out()).toEqual(s.expected);
  });

  it.each(CHAIN_TEST_CASES)(
    "in eight passes (numpy's way) gives the same bytes on %i pixels (black %f, white %f)",
    (pixels, black, white) => {
      const { k, src, dst, expected, out, guards, ...c } = setup(isa, pixels, black, white, 0);
      const arena = new WasmArena(k.memory, dst + pixels + GUARD);
      const temporaries = Math.ceil(pixels / 4) * 4;
      const a = arena.allocF32(temporaries).ptr;
      const b = arena.allocF32(temporaries).ptr;
      k.normalize_gamma_u8_passes_wasmsimd(src, a, b, dst, c.black, c.scale, pixels);
      expect(out()).toEqual(expected);
      expect(guards().every((g) => g === SENTINEL)).toBe(true);
    },
  );

  it("names bad arguments", () => {
    const { k, src, dst, black, scale } = setup(isa, 20, 0, 1, 0);
    const bytes = k.memory.buffer.byteLength;
    expect(() => k.fused_normalize_gamma_u8_wasmsimd(src, dst, black, scale, -1, 4)).toThrow(/invalid start: -1/);
    expect(() => k.fused_normalize_gamma_u8_wasmsimd(src, dst, black, scale, 5, 4)).toThrow(/invalid end: 4/);
    expect(() => k.fused_normalize_gamma_u8_wasmsimd(src + 2, dst, black, scale, 0, 4)).toThrow(/invalid src: /);
    expect(() => k.fused_normalize_gamma_u8_wasmsimd(src, bytes - 2, black, scale, 0, 4)).toThrow(/invalid dst: .*inside the memory/);
    expect(() => k.fused_normalize_gamma_u8_wasmsimd(src, src + 8, black, scale, 0, 4)).toThrow(/invalid dst: .*overlap src/);
    const temporary = Math.ceil((dst + 64) / 16) * 16;
    expect(() => k.normalize_gamma_u8_passes_wasmsimd(src, temporary, temporary + 80, dst, black, scale, 0)).toThrow(/invalid n: 0/);
    expect(() => k.normalize_gamma_u8_passes_wasmsimd(src, temporary + 1, temporary + 80, dst, black, scale, 20)).toThrow(/invalid a: /);
    expect(() => k.normalize_gamma_u8_passes_wasmsimd(src, temporary, temporary + 40, dst, black, scale, 20)).toThrow(
      /invalid b: .*overlap a/,
    );
    expect(() => k.normalize_gamma_u8_passes_wasmsimd(src, temporary, bytes - 64, dst, black, scale, 20)).toThrow(
      /invalid b: .*past the memory/,
    );
  });
});
