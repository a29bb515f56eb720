// peak-f32x4-fma-wasmrelaxedsimd / peak-f32x4-muladd-wasmsimd: the compute "speed of light" of one thread — as many f32x4
// multiply-adds per cycle as the core's SIMD units retire, with no memory access at all.
//
// Each iteration advances PEAK_CHAINS independent accumulators by one multiply-add. A chain waits
// for its previous result (an FMA takes about 4 cycles on current x86 and ARM cores, a multiply then
// an add longer), so it takes latency × SIMD ports independent chains to keep the units busy.
// Measured in Node 24 on a Sapphire Rapids core (GFLOP/s, FMA / mul+add): 10 chains 61 / 40,
// 12 chains 64 / 44, 14 chains 65 / 47, 16 chains 65 / 46 (V8 then spills: x64 gives wasm code 15
// vector registers, and 14 accumulators plus the operand fill them exactly). 14 saturates both.
//
// The operand, used as both multiplier and addend, is min(iterations, 1): 1 whenever the loop runs,
// but unknown to the compilers, so neither the multiply nor the add can be folded or hoisted, and
// it stays in a register (V8 rematerialises a literal vector constant before every use: three extra
// instructions per FMA, which halved the rate). With ×1 every product is exact, so fused and
// unfused arithmetic agree bit for bit and each lane counts its own iterations: after n ≤ 2²⁴
// iterations every lane holds exactly n (then n + 1 rounds back to 2²⁴: it stalls there).

import { f32x4_madd } from "./f32x4-madd";

/** Independent accumulator chains per iteration (f32x4 each). */
const PEAK_CHAINS: i32 = 14;

// Exported so that the build can compare it with PEAK_F32X4_CHAINS (peak-f32x4-ref.ts) via kernel-table.ts.
export function peak_f32x4_fma_wasmrelaxedsimd_chains(): i32 { return PEAK_CHAINS; }

/** Floating-point operations per iteration: chains × 4 lanes × 2 (a multiply and an add). */
export function peak_f32x4_fma_wasmrelaxedsimd_flops_per_iteration(): i32 {
  return PEAK_CHAINS * 4 * 2;
}

// One multiply-add: the build's madd (relaxed FMA where available) or always a separate mul and add.
// @ts-ignore: decorator
@inline function step(acc: v128, one: v128, fused: bool): v128 {
  return fused ? f32x4_madd(acc, one, one) : f32x4.add(f32x4.mul(acc, one), one);
}

// The probe, instantiated twice with a constant `fused`. Returns the sum of all lanes, pairwise
// (exact while 7·n < 2²⁴: the sum is then 56·n), so that no chain is dead code.
// @ts-ignore: decorator
@inline function peak_f32x4(iterations: i32, fused: bool): f32 {
  const one = f32x4.splat(<f32>min(iterations, 1));
  const zero = f32x4.splat(0);
  let a0 = zero, a1 = zero, a2 = zero, a3 = zero, a4 = zero, a5 = zero, a6 = zero;
  let a7 = zero, a8 = zero, a9 = zero, a10 = zero, a11 = zero, a12 = zero, a13 = zero;
  for (let i = 0; i < iterations; i++) {
    a0 = step(a0, one, fused); a1 = step(a1, one, fused); a2 = step(a2, one, fused);
    a3 = step(a3, one, fused); a4 = step(a4, one, fused); a5 = step(a5, one, fused);
    a6 = step(a6, one, fused); a7 = step(a7, one, fused); a8 = step(a8, one, fused);
    a9 = step(a9, one, fused); a10 = step(a10, one, fused); a11 = step(a11, one, fused);
    a12 = step(a12, one, fused); a13 = step(a13, one, fused);
  }
  const s8 = f32x4.add(
    f32x4.add(f32x4.add(a0, a1), f32x4.add(a2, a3)),
    f32x4.add(f32x4.add(a4, a5), f32x4.add(a6, a7)),
  );
  const s6 = f32x4.add(f32x4.add(f32x4.add(a8, a9), f32x4.add(a10, a11)), f32x4.add(a12, a13));
  const s = f32x4.add(s8, s6);
  return (f32x4.extract_lane(s, 0) + f32x4.extract_lane(s, 1)) + (f32x4.extract_lane(s, 2) + f32x4.extract_lane(s, 3));
}

/**
 * `iterations` steps of the 14 chains with the build's multiply-add: one fused FMA per step in the
 * relaxed-SIMD build (where the hardware has FMA), a multiply and an add in the plain-SIMD build.
 */
export function peak_f32x4_fma_wasmrelaxedsimd(iterations: i32): f32 {
  return peak_f32x4(iterations, true);
}

/** The same with a separate multiply and add in every build: the plain-SIMD peak. */
export function peak_f32x4_muladd_wasmsimd(iterations: i32): f32 {
  return peak_f32x4(iterations, false);
}
