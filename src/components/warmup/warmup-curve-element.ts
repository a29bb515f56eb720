import { pageMessages } from "../i18n/messages.ts";
import { measuredDocument } from "../../lab/measured-document.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { summarizeWarmup, WARMUP_CALLS } from "./warmup-summary.ts";

const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 2)} ms`;

/** <ec-warmup-curve>: on "Run warm-up", times one kernel call after another in a fresh worker and plots them. */
class WarmupCurve extends RunIsland {
  #worker: Worker | undefined;
  #results!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.bindControls(() => this.#run());
    this.#results = this.attachResults();
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
  }

  async #run(): Promise<void> {
    this.start();
    const t = pageMessages();
    this.status(t.warmupRunning);
    // A new worker every run: a warm one would have nothing left to compile.
    const worker = (this.#worker = new Worker(new URL("./warmup-worker.ts", import.meta.url), {
      type: "module",
      name: "every-core-warmup",
    }));
    try {
      const times = await this.cancellable(
        new Promise<number[]>((resolve, reject) => {
          worker.onmessage = (e: MessageEvent<{ times: number[] }>) => resolve(e.data.times);
          worker.onerror = (e) => reject(new Error(e.message || pageMessages().workerFailed));
          worker.postMessage(null);
        }),
      );
      const s = summarizeWarmup(times);
      const Plot = await import("@observablehq/plot");
      const rows = times.map((t, i) => ({ call: i + 1, ms: Math.max(t, 1e-3) }));
      const chart = Plot.plot({
        width: 640,
        height: 280,
        x: { label: t.axisCallNumber },
        y: { type: "log", label: t.axisTimePerCallLog, grid: true },
        marks: [
          Plot.ruleY([s.steady.median], { stroke: "currentColor", strokeDasharray: "4 4", strokeOpacity: 0.6 }),
          Plot.dot(rows, { x: "call", y: "ms", r: 2, fill: "currentColor", tip: true }),
        ],
      });
      this.find("chart").replaceChildren(chart);
      this.find("first").textContent = ms(s.firstMs);
      this.find("steady").textContent = `${ms(s.steady.median)} (${t.iqrOf(ms(s.steady.iqr))})`;
      this.find("factor").textContent = `${s.coldFactor.toFixed(1)}×`;
      this.find("summary").hidden = false;
      this.status(t.warmupDone(times.length));
      // As a results document: the first call against the steady state (the last half's calls).
      const steady = times.slice(Math.floor(times.length / 2));
      const doc = await measuredDocument(
        "jit-warmup",
        "first-call",
        [
          { case: `${WARMUP_CALLS} calls`, variant: "first-call", threads: 1, samples: times.slice(0, 1) },
          { case: `${WARMUP_CALLS} calls`, variant: "steady-state", threads: 1, samples: steady },
        ],
        { kernelIsa: "none", quick: false },
      );
      await (await this.#results).setLive(doc);
    } catch (e) {
      this.fail(e, t.warmupFailed);
    } finally {
      worker.terminate();
      if (this.#worker === worker) this.#worker = undefined;
      this.setRunning(false);
    }
  }
}

customElements.define("ec-warmup-curve", WarmupCurve);
