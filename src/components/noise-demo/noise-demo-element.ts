import { pageMessages } from "../i18n/messages.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { NOISY_CV } from "../../lab/stats.ts";
import { ms } from "../bench/format.ts";
import { parseThreadCount } from "../thread-count.ts";
import { noiseDocument } from "./noise-document.ts";
import { NOISE_SAMPLES, summarizePhase, type NoisePhase, type PhaseSummary } from "./noise-summary.ts";
import { renderNoiseChart, renderNoiseTable } from "./noise-view.ts";

/** Lets the competing workers start spinning before the loaded phase is timed. */
const LOAD_SETTLE_MS = 200;

/**
 * <ec-noise-demo>: the same kernel timed in a worker twice — on a quiet machine, then while
 * competing workers spin on every core — with both distributions and their statistics.
 */
class NoiseDemo extends RunIsland {
  #workers: Worker[] = [];
  #results!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.bindControls(() => this.#run());
    this.#results = this.attachResults();
    this.threadCount("load", navigator.hardwareConcurrency);
  }

  disconnectedCallback(): void {
    this.#stopWorkers();
  }

  /** Keeps `worker` to terminate it later. (Each `new Worker(new URL(…))` stays literal: that is how Vite finds and bundles workers.) */
  #track(worker: Worker): Worker {
    this.#workers.push(worker);
    return worker;
  }

  #stopWorkers(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }

  async #run(): Promise<void> {
    const load = this.begin(() => parseThreadCount(this.find<HTMLInputElement>("load").value, pageMessages().competingWorkers), "result");
    if (load === undefined) return;
    try {
      const timer = this.#track(
        new Worker(new URL("./noise-worker.ts", import.meta.url), { type: "module", name: "every-core-noise-timer" }),
      );
      const time = (phase: NoisePhase, competing: number) =>
        this.cancellable(
          new Promise<PhaseSummary>((resolve, reject) => {
            timer.onmessage = (e: MessageEvent<{ times: number[] }>) => resolve(summarizePhase(phase, competing, e.data.times));
            timer.onerror = (e) => reject(new Error(e.message || pageMessages().workerFailed));
            timer.postMessage({ samples: NOISE_SAMPLES });
          }),
        );
      this.#progress(0, pageMessages().noiseTimingQuiet(NOISE_SAMPLES));
      const quiet = await time("quiet", 0);
      this.#progress(1, pageMessages().noiseTimingLoaded(load, NOISE_SAMPLES));
      for (let i = 0; i < load; i++) {
        this.#track(
          new Worker(new URL("./spinner-worker.ts", import.meta.url), { type: "module", name: `every-core-noise-load-${i + 1}` }),
        ).postMessage(null);
      }
      await this.cancellable(new Promise((r) => setTimeout(r, LOAD_SETTLE_MS)));
      const loaded = await time("with load", load);
      this.#stopWorkers();
      const Plot = await import("@observablehq/plot");
      this.find("result").replaceChildren(renderNoiseChart(Plot, [quiet, loaded]), renderNoiseTable([quiet, loaded]));
      this.status(
        pageMessages().noiseDone(
          `${ms(quiet.stats.median)} → ${ms(loaded.stats.median)}`,
          `${ms(quiet.stats.mean)} → ${ms(loaded.stats.mean)}`,
          loaded.noisy,
          NOISY_CV,
        ),
      );
      await (await this.#results).setLive(await noiseDocument([quiet, loaded]));
    } catch (e) {
      this.fail(e, pageMessages().noiseFailed);
    } finally {
      this.#stopWorkers();
      this.setRunning(false);
    }
  }

  #progress(done: number, text: string): void {
    const bar = this.find<HTMLProgressElement>("progress");
    bar.max = 2;
    bar.value = done;
    this.status(text);
  }
}

customElements.define("ec-noise-demo", NoiseDemo);
