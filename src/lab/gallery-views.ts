import type { ReferenceRun } from "./gallery.ts";
import type { ResultV1 } from "./results.ts";

/**
 * What the gallery page shows of its reference runs, as plain data: per benchmark, a table with
 * one column per machine, and the thread-scaling points its chart draws.
 */

/** One measured configuration and its median on each run (undefined where a run did not measure it). */
export interface CrossMachineRow {
  case: string;
  variant: string;
  threads: number;
  medians: (number | undefined)[];
}

export interface CrossMachineTable {
  bench: string;
  /** The runs that measured this benchmark, one column each. */
  runs: readonly ReferenceRun[];
  rows: CrossMachineRow[];
}

const key = (r: Pick<ResultV1, "case" | "variant" | "threads">) => `${r.case}\u0000${r.variant}\u0000${r.threads}`;

/** The benchmarks the runs measured, in the order first met. */
export function galleryBenches(runs: readonly ReferenceRun[]): string[] {
  return [...new Set(runs.flatMap((run) => run.doc.results.map((r) => r.bench)))];
}

/** `bench` across the runs: a row per case, variant and threads in the order first met, a median per run. */
export function crossMachineTable(runs: readonly ReferenceRun[], bench: string): CrossMachineTable {
  const measuring = runs.filter((run) => run.doc.results.some((r) => r.bench === bench));
  const rows = new Map<string, CrossMachineRow>();
  measuring.forEach((run, column) => {
    for (const r of run.doc.results) {
      if (r.bench !== bench) continue;
      let row = rows.get(key(r));
      if (!row) {
        row = { case: r.case, variant: r.variant, threads: r.threads, medians: measuring.map(() => undefined) };
        rows.set(key(r), row);
      }
      row.medians[column] = r.median;
    }
  });
  return { bench, runs: measuring, rows: [...rows.values()] };
}

/** One point of a thread-scaling line: a variant's speedup at `threads` over its own one-thread median. */
export interface ScalingPoint {
  /** The run's label (its machine and engine). */
  run: string;
  variant: string;
  case: string;
  threads: number;
  speedup: number;
}

/**
 * The thread-scaling lines of `bench`: for each run and each variant measured at one thread and at
 * least one more count, its speedup over its own one-thread time, on the case with the most
 * thread counts (the later case, so the larger input, when two tie). Empty when nothing scaled.
 */
export function scalingPoints(runs: readonly ReferenceRun[], bench: string): ScalingPoint[] {
  return runs.flatMap((run) => {
    const byLine = new Map<string, ResultV1[]>();
    for (const r of run.doc.results) {
      if (r.bench !== bench) continue;
      const line = `${r.variant}\u0000${r.case}`;
      byLine.set(line, [...(byLine.get(line) ?? []), r]);
    }
    const chosen = new Map<string, ResultV1[]>();
    for (const line of byLine.values()) {
      const variant = line[0]!.variant;
      if (!line.some((r) => r.threads === 1) || new Set(line.map((r) => r.threads)).size < 2) continue;
      if (line.length >= (chosen.get(variant)?.length ?? 0)) chosen.set(variant, line);
    }
    return [...chosen.values()].flatMap((line) => {
      const one = line.find((r) => r.threads === 1)!;
      return line
        .map((r) => ({ run: run.label, variant: r.variant, case: r.case, threads: r.threads, speedup: one.median / r.median }))
        .sort((a, b) => a.threads - b.threads);
    });
  });
}
