import { describe, expect, it } from "vitest";
import { kernelPoolJobs } from "../pool/kernel-jobs.ts";
import { SerialPool } from "../pool/serial-pool.ts";
import { randomF32 } from "../random.ts";
import { triadF32Ref, triadF32Tolerance } from "../triad-f32-ref.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// triad-f32-wasmrelaxedsimd (both builds) against the plain loop of triad-f32-ref.ts on lengths around the 16-float
// step (tails of 1–15), from unaligned pointers, with guards on both sides of a; within
// triadF32Tolerance (FMA and mul+add round differently from the f64 reference). Any split of the
// range gives bit-identical results, because tail elements go through the same madd.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const GUARD = 5;
const SENTINEL = 1234.5;
const LENGTHS = [1, 3, 4, 15, 16, 17, 31, 63, 64, 65, 1000, 1027];

/** b, c and a (with GUARD sentinels each side) in a fresh memory, `shift` floats past alignment. */
function setup(isa: WasmIsa, n: number, shift: number, seed: number) {
  const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  const arena = new WasmArena(k.memory, k);
  const b = randomF32(n, seed);
  const c = randomF32(n, seed + 1);
  const A = arena.allocF32(n + 2 * GUARD + shift);
  const B = arena.allocF32(n + shift);
  const C = arena.allocF32(n + shift);
  A.view().fill(SENTINEL);
  B.view().set(b, shift);
  C.view().set(c, shift);
  const f32 = Float32Array.BYTES_PER_ELEMENT;
  const ptr = { a: A.ptr + (GUARD + shift) * f32, b: B.ptr + shift * f32, c: C.ptr + shift * f32 };
  const aOf = () => A.view().subarray(GUARD + shift, GUARD + shift + n);
  const guards = () => [...A.view().subarray(0, GUARD + shift), ...A.view().subarray(GUARD + shift + n)];
  return { k, b, c, ptr, aOf, guards };
}

describe.each(ISAS)("triad-f32-wasmrelaxedsimd (%s)", (isa) => {
  it.each(LENGTHS)("matches the plain loop on %i elements, touching nothing outside a", (n) => {
    for (const [shift, scalar] of [
      [0, 3],
      [1, -0.7],
      [3, 2.5],
    ] as const) {
      const { k, b, c, ptr, aOf, guards } = setup(isa, n, shift, n);
      k.triad_f32_wasmrelaxedsimd(ptr.a, ptr.b, ptr.c, scalar, 0, n);
      const ref = new Float32Array(n);
      triadF32Ref(ref, b, c, scalar);
      const tol = triadF32Tolerance(scalar);
      const a = aOf();
      for (let i = 0; i < n; i++) expect(Math.abs(a[i]! - ref[i]!), `element ${i} of ${n}`).toBeLessThanOrEqual(tol);
      expect(guards().every((g) => g === SENTINEL)).toBe(true);
    }
  });

  it("gives bit-identical results for any split of the range", () => {
    const n = 1027;
    const whole = setup(isa, n, 1, 7);
    whole.k.triad_f32_wasmrelaxedsimd(whole.ptr.a, whole.ptr.b, whole.ptr.c, 3, 0, n);
    for (const cuts of [[5], [16, 33], [1, 2, 500, 1026], [17, 17, 900]]) {
      const split = setup(isa, n, 1, 7);
      const bounds = [0, ...cuts, n];
      for (let i = 0; i + 1 < bounds.length; i++)
        split.k.triad_f32_wasmrelaxedsimd(split.ptr.a, split.ptr.b, split.ptr.c, 3, bounds[i]!, bounds[i + 1]!);
      expect(split.aOf()).toEqual(whole.aOf());
    }
  });

  it("does nothing on an empty range", () => {
    const { k, ptr, aOf } = setup(isa, 20, 0, 3);
    k.triad_f32_wasmrelaxedsimd(ptr.a, ptr.b, ptr.c, 3, 9, 9);
    expect(aOf().every((x) => x === SENTINEL)).toBe(true);
  });

  it("rejects bad ranges and pointers, naming the argument", () => {
    const { k, ptr } = setup(isa, 20, 0, 3);
    const bytes = k.memory.buffer.byteLength;
    expect(() => k.triad_f32_wasmrelaxedsimd(ptr.a, ptr.b, ptr.c, 3, -1, 4)).toThrow(/invalid start: -1/);
    expect(() => k.triad_f32_wasmrelaxedsimd(ptr.a, ptr.b, ptr.c, 3, 5, 4)).toThrow(/invalid end: 4/);
    expect(() => k.triad_f32_wasmrelaxedsimd(ptr.a, ptr.b, ptr.c, 3, 0, 2.5)).toThrow(/invalid end: 2.5/);
    expect(() => k.triad_f32_wasmrelaxedsimd(ptr.a + 2, ptr.b, ptr.c, 3, 0, 4)).toThrow(/invalid a: /);
    expect(() => k.triad_f32_wasmrelaxedsimd(ptr.a, bytes - 8, ptr.c, 3, 0, 4)).toThrow(/invalid b: .*past the memory/);
    expect(() => k.triad_f32_wasmrelaxedsimd(ptr.a, ptr.b, -4, 3, 0, 4)).toThrow(/invalid c: -4/);
  });
});

describe.each(ISAS)("triad pool job (%s)", (isa) => {
  it.each([1, 2, 3, 5])("split over %i parts equals one call, bit for bit", (parts) => {
    const n = 1000 + 37;
    const whole = setup(isa, n, 0, 11);
    whole.k.triad_f32_wasmrelaxedsimd(whole.ptr.a, whole.ptr.b, whole.ptr.c, -1.5, 0, n);
    const split = setup(isa, n, 0, 11);
    new SerialPool(kernelPoolJobs, split.k, parts).run(
      "triad_f32_wasmrelaxedsimd",
      { a: split.ptr.a, b: split.ptr.b, c: split.ptr.c, scalar: -1.5, n },
      parts,
    );
    expect(split.aOf()).toEqual(whole.aOf());
    expect(split.guards().every((g) => g === SENTINEL)).toBe(true);
  });
});
