import { describe, expect, it } from "vitest";
import { dotExact, dotF32ErrorBound, dotF32Model, dotF64Model } from "../dot-ref.ts";
import { randomF32 } from "../random.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// dot-f32-wasmsimd and dot-f64-wasmsimd (both builds) against their rounding models in dot-ref.ts, bit for bit, on
// lengths around the 16- and 8-element steps (tails of every size) and from unaligned float32
// pointers; the float32 result within its error bound of the exact value, and further from it than
// the float64 result, which is what the float32-vs-float64 page shows.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const LENGTHS = [1, 2, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1027, 4096];

/** a and b as float32 (`shift` floats past alignment) and as float64, in a fresh memory. */
function setup(isa: WasmIsa, n: number, shift: number, seed: number) {
  const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  const arena = new WasmArena(k.memory, k);
  const a = randomF32(n, seed);
  const b = randomF32(n, seed + 1);
  const place32 = (x: Float32Array) => {
    const block = arena.allocF32(n + shift);
    block.view().set(x, shift);
    return block.ptr + shift * Float32Array.BYTES_PER_ELEMENT;
  };
  const place64 = (x: Float32Array) => {
    const block = arena.allocF32(2 * n);
    new Float64Array(k.memory.buffer, block.ptr, n).set(x);
    return block.ptr;
  };
  return { k, a, b, f32: { a: place32(a), b: place32(b) }, f64: { a: place64(a), b: place64(b) } };
}

describe.each(ISAS)("dot-f32-wasmsimd and dot-f64-wasmsimd (%s)", (isa) => {
  it.each(LENGTHS)("round exactly as their models on %i elements", (n) => {
    for (const shift of [0, 1, 3]) {
      const { k, a, b, f32, f64 } = setup(isa, n, shift, n);
      expect(k.dot_f32_wasmsimd(f32.a, f32.b, n), `float32, shift ${shift}`).toBe(dotF32Model(a, b));
      expect(k.dot_f64_wasmsimd(f64.a, f64.b, n), "float64").toBe(dotF64Model(a, b));
    }
  });

  it("float32 stays within its bound of the exact sum, and float64 is far closer", () => {
    const n = 1 << 16;
    const { k, a, b, f32, f64 } = setup(isa, n, 0, 5);
    const exact = dotExact(a, b);
    const error32 = Math.abs(k.dot_f32_wasmsimd(f32.a, f32.b, n) - exact);
    const error64 = Math.abs(k.dot_f64_wasmsimd(f64.a, f64.b, n) - exact);
    expect(error32).toBeLessThanOrEqual(dotF32ErrorBound(a, b));
    expect(error32).toBeGreaterThan(0);
    expect(error64).toBeLessThan(error32 / 1e6);
  });

  it("rejects bad sizes and pointers, naming the argument", () => {
    const { k, f32, f64 } = setup(isa, 16, 0, 3);
    const bytes = k.memory.buffer.byteLength;
    expect(() => k.dot_f32_wasmsimd(f32.a, f32.b, 0)).toThrow(/invalid n: 0/);
    expect(() => k.dot_f32_wasmsimd(f32.a + 2, f32.b, 4)).toThrow(/invalid a: /);
    expect(() => k.dot_f32_wasmsimd(f32.a, bytes - 8, 4)).toThrow(/invalid b: .*past the memory/);
    expect(() => k.dot_f64_wasmsimd(f64.a + 4, f64.b, 4)).toThrow(/invalid a: .*multiple of 8/);
    expect(() => k.dot_f64_wasmsimd(f64.a, bytes - 16, 4)).toThrow(/invalid b: .*past the memory/);
  });
});

describe("the reference", () => {
  it("keeps the small terms that a float32 sum loses beside a large one, and rejects vectors of different lengths", () => {
    const a = Float32Array.from([1, 2 ** 30, 3, -(2 ** 30)]);
    const b = Float32Array.from([1, 1, 1, 1]);
    expect(dotExact(a, b)).toBe(4);
    expect(dotF64Model(a, b)).toBe(4);
    // 1 + 2³⁰ and then + 3 round back to 2³⁰ in float32 (24-bit significand): both small terms vanish.
    expect(dotF32Model(a, b)).toBe(0);
    expect(() => dotExact(a, b.subarray(1))).toThrow(/invalid b: 3 elements \(a has 4\)/);
  });
});
