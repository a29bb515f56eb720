import { describe, expect, it } from "vitest";
import {
  PEAK_F32X4_EXACT_ITERATIONS,
  PEAK_F32X4_FLOPS_PER_ITERATION,
  PEAK_F32X4_LANES,
  peakF32x4Ref,
  peakLaneRef,
} from "../peak-f32x4-ref.ts";
import { ClaimCounter } from "../pool/claim-counter.ts";
import { kernelPoolJobs } from "../pool/kernel-jobs.ts";
import { SerialPool } from "../pool/serial-pool.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// peak-f32x4-fma-wasmrelaxedsimd and peak-f32x4-muladd-wasmsimd (both builds) against the float32 simulation of
// peak-f32x4-ref.ts, bit for bit (tolerance 0: every product is ×1, so there is no rounding the
// builds could do differently): small counts, the largest exact count, a count whose pairwise sum
// rounds (so the reduction order is checked), and one past 2²⁴ where every lane stalls.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const kernelsOf = (isa: WasmIsa) => instantiateKernels(BUILDS[isa], createSharedMemory(1));

describe("peakF32x4Ref", () => {
  it("counts iterations in every lane up to 2²⁴, where acc + 1 rounds back to acc", () => {
    expect(peakLaneRef(0)).toBe(0);
    expect(peakLaneRef(12345)).toBe(12345);
    expect(peakLaneRef(2 ** 24 + 3)).toBe(2 ** 24);
  });

  it("is LANES · iterations up to PEAK_F32X4_EXACT_ITERATIONS, and rounds beyond", () => {
    expect(peakF32x4Ref(PEAK_F32X4_EXACT_ITERATIONS)).toBe(PEAK_F32X4_LANES * PEAK_F32X4_EXACT_ITERATIONS);
    const odd = 2 ** 23 + 1;
    expect(peakF32x4Ref(odd)).not.toBe(PEAK_F32X4_LANES * odd);
  });
});

describe.each(ISAS)("peak-f32x4 (%s)", (isa) => {
  const k = kernelsOf(isa);

  it("reports its FLOPs per iteration: 14 chains × 4 lanes × 2", () => {
    expect(k.peak_f32x4_fma_wasmrelaxedsimd_flops_per_iteration()).toBe(PEAK_F32X4_FLOPS_PER_ITERATION);
    expect(PEAK_F32X4_FLOPS_PER_ITERATION).toBe(112);
  });

  it.each([1, 2, 3, 7, 1000, 65537, PEAK_F32X4_EXACT_ITERATIONS, 2 ** 23 + 1, 2 ** 24 + 3])(
    "fma and muladd return the float32 reference after %i iterations",
    (n) => {
      const expected = peakF32x4Ref(n);
      expect(k.peak_f32x4_fma_wasmrelaxedsimd(n)).toBe(expected);
      expect(k.peak_f32x4_muladd_wasmsimd(n)).toBe(expected);
    },
  );

  it("rejects a bad iteration count, naming it", () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 31]) {
      expect(() => k.peak_f32x4_fma_wasmrelaxedsimd(bad)).toThrow(/invalid iterations/);
      expect(() => k.peak_f32x4_muladd_wasmsimd(bad)).toThrow(/invalid iterations/);
    }
  });
});

describe.each(ISAS)("peak pool jobs (%s)", (isa) => {
  it.each([1, 2, 3, 7])("split the total iterations over %i parts: the parts' counts sum to LANES · total", (parts) => {
    const k = kernelsOf(isa);
    const out = new WasmArena(k.memory, k).allocF32(2 * parts); // parts float64 slots
    // More than one exact call per part at 1 part, uneven shares at 3 and 7.
    const total = 2 * PEAK_F32X4_EXACT_ITERATIONS + 12345;
    const pool = new SerialPool(kernelPoolJobs, k, parts);
    for (const job of ["peak_f32x4_fma_wasmrelaxedsimd", "peak_f32x4_muladd_wasmsimd"] as const) {
      pool.run(job, { iterations: total, out: out.ptr }, parts);
      const counts = new Float64Array(k.memory.buffer, out.ptr, parts);
      expect(counts.reduce((s, x) => s + x, 0)).toBe(PEAK_F32X4_LANES * total);
    }
  });

  it.each([1, 2, 3])("claimed over %i parts: every iteration counted once, run after run from a reset counter", (parts) => {
    const k = kernelsOf(isa);
    const arena = new WasmArena(k.memory, k);
    const out = arena.allocF32(2 * parts);
    const counter = new ClaimCounter(arena);
    const total = 5 * 2 ** 18 + 777; // five whole claims and a partial one
    for (const order of ["first-to-last", "last-to-first"] as const) {
      new Float64Array(k.memory.buffer, out.ptr, parts).fill(0);
      counter.reset();
      new SerialPool(kernelPoolJobs, k, parts, order).run(
        "peak_f32x4_muladd_claimed_wasmsimd",
        { iterations: total, out: out.ptr, counter: counter.ptr },
        parts,
      );
      const counts = new Float64Array(k.memory.buffer, out.ptr, parts);
      expect(counts.reduce((s, x) => s + x, 0)).toBe(PEAK_F32X4_LANES * total);
    }
  });
});
