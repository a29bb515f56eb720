import { MAX_THREADS } from "../kernels/pool/pool-control.ts";

/**
 * Most threads a run may ask for: the pool's bound. Each thread is a worker (its own JavaScript
 * engine, a few MB) with its own instance of the kernels on the one shared memory, and its own
 * workspaces there (a GEMM's packed A block: 72 KiB); a case whose workspaces for that many do not
 * fit runs on fewer (wasm-memory-fit.ts).
 */
export const MAX_RUN_THREADS = MAX_THREADS;

/**
 * What the page says under the Threads field when a reader asks for more threads than the browser
 * reports (undefined otherwise): the count may be low on purpose, and past the real cores the
 * threads take turns, so the run measures oversubscription rather than speed.
 */
export function threadsNote(threads: number, hardwareConcurrency: number): string | undefined {
  if (!(threads > hardwareConcurrency)) return undefined;
  return (
    `This browser reports ${hardwareConcurrency} ${hardwareConcurrency === 1 ? "core" : "cores"}. Browsers may report fewer than the machine has ` +
    `(some cap the count to make you harder to fingerprint), so ${threads} threads may still fit. If they do not, the ` +
    `threads take turns on the cores: the run stays correct, but it measures that oversubscription, not extra speed.`
  );
}
