/**
 * A promise that rejects when `worker` fails (a script that does not load, an uncaught error), to
 * race against its answer: a failed worker never answers, and the run must end with a message.
 */
export function workerFailure(worker: Worker, what: string): Promise<never> {
  return new Promise((_, reject) => worker.addEventListener("error", (e) => reject(new Error(e.message || `${what} could not start`))));
}
