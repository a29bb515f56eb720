import { pageMessages } from "../i18n/messages.ts";

/**
 * Interpreters the race starts by default at most: each Pyodide instance takes tens of MB of memory
 * and seconds of start-up, so a 32-thread machine would spend a gigabyte and a long wait on them.
 */
export const DEFAULT_MAX_INTERPRETERS = 8;

export function defaultWorkers(hardwareThreads: number): number {
  return Math.max(1, Math.min(hardwareThreads, DEFAULT_MAX_INTERPRETERS));
}

/**
 * A worker or thread count field's value (1 … hardware threads), or a RangeError whose message the
 * island shows as it is, naming the field by its label.
 */
export function parseWorkers(value: string, hardwareThreads: number, field = pageMessages().workers): number {
  const workers = Number(value.trim());
  if (value.trim() === "" || !Number.isInteger(workers) || workers < 1 || workers > hardwareThreads) {
    throw new RangeError(pageMessages().countOutOfRange(field, hardwareThreads, value));
  }
  return workers;
}
