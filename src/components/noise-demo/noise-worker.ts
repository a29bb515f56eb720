/// <reference lib="webworker" />
import { collatzStepsRange } from "../../kernels/collatz-steps-tasks.ts";
import { NOISE_NUMBERS } from "./noise-summary.ts";

/**
 * The noise demo's timing worker: times one call of the Collatz loop at a time, `samples` times,
 * after an untimed warm-up, and posts the per-call times. The same worker serves both phases, so
 * the only thing that changes between them is what else the machine runs.
 */
let check = 0;
self.onmessage = (event: MessageEvent<{ samples: number }>) => {
  for (let i = 0; i < 50; i++) check += collatzStepsRange(1, NOISE_NUMBERS); // warm-up: JIT tiers done
  const times: number[] = [];
  for (let i = 0; i < event.data.samples; i++) {
    const start = performance.now();
    check += collatzStepsRange(1, NOISE_NUMBERS);
    times.push(performance.now() - start);
  }
  // The checksum travels too, so no compiler tier can drop the loop as unused.
  self.postMessage({ times, check });
};
