/**
 * What a pool and its watchdog (pool-watchdog.ts) say to each other, in a module of its own: the
 * watchdog's module installs its message handler when loaded, so the pool must not import it.
 */

/** What the pool tells its watchdog: the control block, each helper's life lock (helper p at [p − 1]), and the watchdog's own. */
export interface WatchdogInit {
  control: Int32Array;
  lifeLocks: readonly string[];
  ownLifeLock: string;
}

/** What the watchdog answers once it holds its own life lock and watches every helper's. */
export const WATCHING = "watching";
