import { proxy, wrap, type Remote } from "comlink";
import type { RunnerApi } from "../../lab/runner-worker.ts";
import type { RunOptions, RunProgress } from "../../lab/run-benchmark.ts";
import { StopRequest } from "../../lab/stop-request.ts";
import { endAfterAnswer } from "../end-after-answer.ts";

/**
 * A runner worker for its runs. It is ended only once the workers its run started (pool helpers,
 * peers' threads) have ended, which the runner reports (RunnerApi.ended; see endAfterAnswer).
 * `cancel` rejects the run at once and asks it to stop.
 */
export class RunnerClient {
  readonly #worker = new Worker(new URL("../../lab/runner-worker.ts", import.meta.url), { type: "module", name: "every-core-runner" });
  readonly #api: Remote<RunnerApi> = wrap(this.#worker);
  readonly #stop = StopRequest.create();
  /** Settles when the run in progress, if any, has answered and the workers it started have ended. */
  #answered: Promise<unknown> = Promise.resolve();
  #cancel: ((reason: Error) => void) | undefined;

  run(benchId: string, options: RunOptions, onProgress: (p: RunProgress) => void | Promise<void>) {
    const cancelled = new Promise<never>((_, reject) => (this.#cancel = reject));
    const errored = new Promise<never>((_, reject) =>
      this.#worker.addEventListener("error", (e) => reject(new Error(`the benchmark worker failed: ${e.message || "could not start"}`))),
    );
    const answer = this.#api.run(benchId, options, proxy(onProgress), this.#stop?.buffer);
    this.#answered = answer.catch(() => {}).then(() => this.#api.ended());
    return Promise.race([answer, cancelled, errored]);
  }

  probe() {
    return this.#api.probe();
  }

  cancel(): void {
    this.#cancel?.(new DOMException("cancelled", "AbortError"));
    this.dispose();
  }

  /** Stops the run in progress, if any, and ends the worker once it has answered. */
  dispose(): void {
    endAfterAnswer(this.#worker, this.#answered, this.#stop);
  }
}
