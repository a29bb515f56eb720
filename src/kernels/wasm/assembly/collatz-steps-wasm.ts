// The GIL chapter's Collatz loop (src/kernels/collatz-steps.ts, python/everycore/gil.py) compiled
// ahead of time: the race on the GIL page times it beside the same loop in Python and JavaScript.
// Scalar integer code, no SIMD: what a compiler makes of the loop an interpreter walks bytecode by
// bytecode. Trajectories start below 2³² and are computed in u64: exact while they stay below 2⁶⁴,
// which the wrapper guarantees by bounding stop (see COLLATZ_MAX_STOP in kernel-table.ts).

/** Total Collatz steps to reach 1 of every n in [start, stop); start ≥ 1 (0 never reaches 1). */
export function collatz_steps_wasm(start: u32, stop: u32): f64 {
  let total: u64 = 0;
  for (let n: u64 = start; n < <u64>stop; n++) {
    let m = n;
    while (m != 1) {
      m = m & 1 ? 3 * m + 1 : m >> 1;
      total++;
    }
  }
  return <f64>total;
}
