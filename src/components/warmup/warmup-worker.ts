/// <reference lib="webworker" />
import { collatzStepsRange } from "../../kernels/collatz-steps-tasks.ts";
import { WARMUP_CALLS, WARMUP_NUMBERS } from "./warmup-summary.ts";

// A fresh worker has compiled nothing yet, so its first calls show every tier of the JIT. The
// result is summed and posted so no tier can drop the work as unused.
self.onmessage = () => {
  const times: number[] = [];
  let check = 0;
  for (let i = 0; i < WARMUP_CALLS; i++) {
    const start = performance.now();
    check += collatzStepsRange(1, WARMUP_NUMBERS);
    times.push(performance.now() - start);
  }
  self.postMessage({ times, check });
};
