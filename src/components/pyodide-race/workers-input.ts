/**
 * Interpreters the race starts by default at most: each Pyodide instance takes tens of MB of memory
 * and seconds of start-up, so a 32-thread machine would spend a gigabyte and a long wait on them.
 */
export const DEFAULT_MAX_INTERPRETERS = 8;

export function defaultWorkers(hardwareThreads: number): number {
  return Math.max(1, Math.min(hardwareThreads, DEFAULT_MAX_INTERPRETERS));
}
