import type { StopRequest } from "../lab/stop-request.ts";

/**
 * The longest the page waits for a stopped call to answer before it ends the worker regardless: a
 * call stops at its next check (a sample, a training step), but setting up reads no request.
 */
const END_BOUND_MS = 10_000;

/**
 * Ends `worker`, a worker that starts workers of its own (a pool's helpers, a peer library's
 * threads), once `answered` settles: its call answers only after it has ended them. Chromium never
 * finishes ending a worker terminated while its nested workers are still ending, and such a worker
 * stays for the life of the page. `stop` asks the call in progress, if any, to stop first; a page
 * without shared memory has no pool and no such threads, so its worker is ended at once.
 */
export function endAfterAnswer(worker: Worker, answered: Promise<unknown>, stop: StopRequest | undefined): void {
  if (!stop) {
    worker.terminate();
    return;
  }
  stop.request();
  const bound = new Promise((resolve) => setTimeout(resolve, END_BOUND_MS));
  const end = () => worker.terminate();
  void Promise.race([answered, bound]).then(end, end);
}
