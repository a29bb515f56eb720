// triad-f32-wasmrelaxedsimd: the STREAM triad a[i] = b[i] + scalar·c[i] (McCalpin), the memory "speed of light" of
// a machine: two loads and one store per element with one multiply-add, so on arrays far larger
// than the caches the time is the memory traffic and nothing else.
//
// Four f32x4 per step (one 64-byte cache line of each array); the elements before `end` that do not
// fill a step go one at a time through the same madd, so every element's value is the same whichever
// call, thread or split computes it. Pointers in bytes, any multiple of 4.

import { f32x4_madd } from "./f32x4-madd";

/** a[i] = b[i] + scalar·c[i] for i in [start, end). Nothing happens when end ≤ start. */
export function triad_f32_wasmrelaxedsimd(a: usize, b: usize, c: usize, scalar: f32, start: i32, end: i32): void {
  if (start < 0 || end <= start) return;
  const s = f32x4.splat(scalar);
  let offset = <usize>start << 2;
  const stop = <usize>end << 2;
  for (; offset + 64 <= stop; offset += 64) {
    const pa = a + offset, pb = b + offset, pc = c + offset;
    v128.store(pa, f32x4_madd(v128.load(pc), s, v128.load(pb)));
    v128.store(pa, f32x4_madd(v128.load(pc, 16), s, v128.load(pb, 16)), 16);
    v128.store(pa, f32x4_madd(v128.load(pc, 32), s, v128.load(pb, 32)), 32);
    v128.store(pa, f32x4_madd(v128.load(pc, 48), s, v128.load(pb, 48)), 48);
  }
  for (; offset < stop; offset += 4) {
    v128.store32_lane(a + offset, f32x4_madd(v128.load32_zero(c + offset), s, v128.load32_zero(b + offset)), 0);
  }
}
