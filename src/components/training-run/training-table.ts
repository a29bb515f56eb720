import { pageMessages } from "../i18n/messages.ts";
import type { TrainingSummary } from "../../lab/training/training-loop.ts";
import type { TrainingOptions } from "../../lab/training/training-options.ts";
import type { RunSeries } from "./training-chart.ts";

/** A finished run: its curves and its summary. */
export interface FinishedRun extends RunSeries {
  options: TrainingOptions;
  summary: TrainingSummary;
}

/** Seconds until the test accuracy first reached `target`, or undefined if it never did. */
export function secondsToTarget(tests: RunSeries["tests"], target: number): number | undefined {
  return tests.find((t) => t.accuracy >= target)?.seconds;
}

const cell = (text: string) => {
  const td = document.createElement("td");
  td.textContent = text;
  return td;
};

/** The runs side by side: how fast each trained and how soon it got good. */
export function trainingTable(runs: readonly FinishedRun[], target: number): HTMLTableElement {
  const table = document.createElement("table");
  const head = table.createTHead().insertRow();
  const percent = `${Math.round(100 * target)} %`;
  const t = pageMessages();
  for (const h of [t.trainColRun, t.trainColTime, t.trainColRate, t.trainColAccuracy, t.trainColTimeTo(percent)]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = h;
    head.append(th);
  }
  const body = table.createTBody();
  for (const r of runs) {
    const row = body.insertRow();
    const reached = secondsToTarget(r.tests, target);
    row.append(
      cell(r.label),
      cell(`${r.summary.seconds.toFixed(1)} s`),
      cell(r.summary.samplesPerSecond.toFixed(0)),
      cell(`${(100 * r.summary.accuracy).toFixed(2)} %`),
      cell(reached === undefined ? t.notReached : `${reached.toFixed(1)} s`),
    );
  }
  return table;
}
