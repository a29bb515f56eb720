import { measuredDocument, type Measurement } from "../../lab/measured-document.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import type { RaceResult } from "./race-run.ts";

/**
 * The race as a results document: one timing per way of running the loop, against one interpreter.
 * Every total was checked against JavaScript's before this (race-run.ts), so each is correct.
 */
export function raceDocument(r: RaceResult): Promise<ResultsV1> {
  const at = { case: `collatz below ${r.limit}`, params: { limit: r.limit } };
  const measured: Measurement[] = [
    { ...at, variant: "collatz-steps-python", threads: 1, samples: [r.python1.ms] },
    { ...at, variant: "collatz-steps-python-threads", threads: r.interpreters, samples: [r.pythonN.ms] },
    { ...at, variant: "collatz-steps-ts", threads: 1, samples: [r.js.ms] },
    ...(r.wasm ? [{ ...at, variant: "collatz-steps-wasm", threads: 1, samples: [r.wasm.ms] }] : []),
  ];
  return measuredDocument("pyodide-race", "collatz-steps-python", measured, { kernelIsa: r.wasm ? "wasm" : "none", quick: false });
}
