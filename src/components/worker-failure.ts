import { pageMessages } from "./i18n/messages.ts";

/**
 * A promise that rejects when `worker` fails (a script that does not load, an uncaught error), to
 * race against its answer: a failed worker never answers, and the run must end with a message
 * (the browser's, or the page's own words when the browser gives none).
 */
export function workerFailure(worker: Worker): Promise<never> {
  return new Promise((_, reject) => worker.addEventListener("error", (e) => reject(new Error(e.message || pageMessages().workerFailed))));
}
