import { pageMessages } from "../i18n/messages.ts";
import type { TrainingOptions } from "../../lab/training/training-options.ts";

/** The form's fields as typed, before any check. */
export interface TrainingFields {
  batch: string;
  workers: string;
  learningRate: string;
  epochs: string;
}

/**
 * Reads what the reader typed as numbers. An empty or non-numeric field becomes NaN, which the
 * checks (training-options.ts) then reject with a message that names the field.
 */
export function parseTrainingFields(f: TrainingFields): TrainingOptions {
  const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
  return { batch: number(f.batch), workers: number(f.workers), learningRate: number(f.learningRate), epochs: number(f.epochs) };
}

/** The default K: every hardware thread, up to 4 (past that a 64-image batch gives each too little). */
export function defaultWorkers(hardwareConcurrency: number): number {
  return Math.max(1, Math.min(4, hardwareConcurrency));
}

/** How a run is named in the legend and the table. */
export function runLabel(o: TrainingOptions): string {
  return pageMessages().runLabel(o.workers, o.batch, o.learningRate, o.epochs);
}
