import { pageMessages } from "../i18n/messages.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { workerFailure } from "../worker-failure.ts";
import { wrap } from "comlink";
import { busyShares, coresBusy } from "../../kernels/pool/busy-time.ts";
import { parseThreadCount } from "../thread-count.ts";
import { busyDocument } from "./busy-document.ts";
import { renderBusyTable } from "./busy-table.ts";
import type { BusyWorkerApi } from "./busy-worker.ts";

/** How long the products run: long enough that a thread's share is not one scheduler slice. */
const RUN_MS = 1500;

/**
 * <ec-busy-cores>: runs the threaded GEMM on a pool of one thread per hardware thread, using as
 * many of them as the reader asks, and shows each thread's busy time against the wall time.
 */
class BusyCores extends RunIsland {
  #worker: Worker | undefined;
  #results!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.bindControls(() => this.#run());
    this.#results = this.attachResults();
    this.threadCount("threads", navigator.hardwareConcurrency);
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
  }

  async #run(): Promise<void> {
    const threads = this.begin(() => parseThreadCount(this.find<HTMLInputElement>("threads").value, pageMessages().threads), "result");
    if (threads === undefined) return;
    // One pool thread per reported core, or more when the reader asks for more (they then take turns).
    const poolThreads = Math.max(threads, navigator.hardwareConcurrency);
    this.status(pageMessages().busyRunning(threads, poolThreads, RUN_MS / 1000));
    const worker = (this.#worker = new Worker(new URL("./busy-worker.ts", import.meta.url), {
      type: "module",
      name: "every-core-busy-cores",
    }));
    try {
      const work = wrap<BusyWorkerApi>(worker).run(threads, poolThreads, RUN_MS);
      const run = await this.cancellable(Promise.race([work, workerFailure(worker)]));
      const shares = busyShares(run.busyMs, run.wallMs);
      this.find("result").replaceChildren(renderBusyTable(shares, run.wallMs));
      const idle = shares.filter((s) => s.busyMs === 0).length;
      this.status(pageMessages().busyDone(run.products, Math.round(run.wallMs), coresBusy(shares).toFixed(1), poolThreads, idle));
      await (await this.#results).setLive(await busyDocument({ ...run, shares }));
    } catch (e) {
      this.fail(e, pageMessages().runFailed);
    } finally {
      worker.terminate();
      if (this.#worker === worker) this.#worker = undefined;
      this.setRunning(false);
    }
  }
}

customElements.define("ec-busy-cores", BusyCores);
