import { proxy, wrap, type Remote } from "comlink";
import type { RunnerApi } from "../../lab/runner-worker.ts";
import type { RunOptions, RunProgress } from "../../lab/run-benchmark.ts";

/**
 * How long after a run the runner worker is ended: its peers' threads (tfjs's pthreads), which it
 * ends as the run finishes, may sleep in Atomics.wait, where only Chromium's forced end stops them,
 * 2 s later; a worker ended before its nested workers have ended is never finished, and stays.
 */
const RUNNER_END_DELAY_MS = 3000;

/** A runner worker for one run; `cancel` terminates it (and its pool) at once, `dispose` once its peers' threads have ended. */
export class RunnerClient {
  readonly #worker = new Worker(new URL("../../lab/runner-worker.ts", import.meta.url), { type: "module", name: "every-core-runner" });
  readonly #api: Remote<RunnerApi> = wrap(this.#worker);
  #cancel: ((reason: Error) => void) | undefined;

  run(benchId: string, options: RunOptions, onProgress: (p: RunProgress) => void | Promise<void>) {
    const cancelled = new Promise<never>((_, reject) => (this.#cancel = reject));
    const errored = new Promise<never>((_, reject) =>
      this.#worker.addEventListener("error", (e) => reject(new Error(`the benchmark worker failed: ${e.message || "could not start"}`))),
    );
    return Promise.race([this.#api.run(benchId, options, proxy(onProgress)), cancelled, errored]);
  }

  probe() {
    return this.#api.probe();
  }

  cancel(): void {
    this.#worker.terminate();
    this.#cancel?.(new DOMException("cancelled", "AbortError"));
  }

  dispose(): void {
    const worker = this.#worker;
    setTimeout(() => worker.terminate(), RUNNER_END_DELAY_MS);
  }
}
