/**
 * The smallest step performance.now() takes here, measured by spinning until it changes.
 * Browsers coarsen the clock (about 100 µs) unless the page is cross-origin isolated (5 µs),
 * which decides how long a sample must be to be measured accurately.
 */
export function measureTimerResolution(spins = 200): number {
  let best = Infinity;
  for (let i = 0; i < spins; i++) {
    const t0 = performance.now();
    let t1 = t0;
    while (t1 === t0) t1 = performance.now();
    best = Math.min(best, t1 - t0);
  }
  return Number(best.toPrecision(3));
}
