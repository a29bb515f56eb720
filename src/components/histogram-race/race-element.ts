import { pageLocale } from "../../lab/i18n/locale.ts";
import { pageMessages } from "../i18n/messages.ts";
import { splitRows } from "../../kernels/pool/pool-control.ts";
import { HISTOGRAM_U8_BINS } from "../../kernels/histogram-u8.ts";
import { measuredDocument, type Measurement } from "../../lab/measured-document.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { parseThreadCount } from "../thread-count.ts";
import type { RaceRequest } from "./race-protocol.ts";

const SEED = 44;

/**
 * <ec-histogram-race data-width data-height>: N workers count one shared image into one shared
 * 256-bin histogram twice — plain increments, then Atomics.add — and report how many counts the
 * plain pass lost. The workers are new on every run and terminated after it (or on Cancel).
 */
class HistogramRace extends RunIsland {
  #workers: Worker[] = [];
  #results!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.#results = this.attachResults();
    this.bindControls(() => this.#run());
    this.threadCount("workers", Math.max(2, Math.min(4, navigator.hardwareConcurrency || 2)));
    if (!globalThis.crossOriginIsolated) {
      this.find<HTMLButtonElement>("run").disabled = true;
      this.status(pageMessages().raceHistNotIsolated);
    }
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  #stop(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }

  /** Sends one request to every worker and resolves when all answered (rejects on error or Cancel). */
  #all(requests: RaceRequest[]): Promise<void> {
    return this.cancellable(
      new Promise((resolve, reject) => {
        let pending = requests.length;
        requests.forEach((request, i) => {
          const w = this.#workers[i]!;
          w.onmessage = () => {
            if (--pending === 0) resolve();
          };
          w.onerror = (e) => reject(new Error(e.message || pageMessages().workerFailed));
          w.postMessage(request);
        });
      }),
    );
  }

  async #run(): Promise<void> {
    // A race needs two workers at least.
    const parties = this.begin(() => parseThreadCount(this.find<HTMLInputElement>("workers").value, pageMessages().workers, 2));
    if (parties === undefined) return;
    const width = Number(this.dataset.width);
    const height = Number(this.dataset.height);
    const n = width * height;
    this.#workers = Array.from(
      { length: parties },
      (_, i) => new Worker(new URL("./race-worker.ts", import.meta.url), { type: "module", name: `every-core-race-${i + 1}` }),
    );
    try {
      const t = pageMessages();
      this.status(t.raceHistDrawing(width, height));
      const pixels = new SharedArrayBuffer(n);
      await this.#all([{ kind: "fill", pixels, width, height, seed: SEED }]);
      const rows: string[][] = [];
      const measured: Measurement[] = [];
      for (const atomic of [false, true]) {
        this.status(t.raceHistCounting(parties, atomic ? "Atomics.add" : t.raceHistPlain));
        const bins = new SharedArrayBuffer(HISTOGRAM_U8_BINS * Int32Array.BYTES_PER_ELEMENT);
        const gate = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
        const t0 = performance.now();
        await this.#all(
          Array.from({ length: parties }, (_, p) => {
            const [start, end] = splitRows(n, p, parties);
            return { kind: "count", pixels, bins, gate, parties, start, end, atomic } as const;
          }),
        );
        const ms = performance.now() - t0;
        const counted = new Int32Array(bins).reduce((s, x) => s + x, 0);
        rows.push([
          atomic ? "Atomics.add" : "plain bins[v]++",
          counted.toLocaleString(pageLocale()),
          (n - counted).toLocaleString(pageLocale()),
          `${ms.toFixed(1)} ms`,
        ]);
        // A lost count is a wrong result: the error is the number of counts lost, the tolerance 0.
        measured.push({
          case: `${width}×${height}`,
          variant: atomic ? "histogram-u8-atomic-ts-threads" : "histogram-u8-racy-ts-threads",
          threads: parties,
          params: { width, height },
          samples: [ms],
          correctness: { ok: counted === n, maxError: n - counted, tolerance: 0 },
        });
      }
      this.#render(rows);
      this.status(t.raceHistDone(n.toLocaleString(pageLocale()), parties));
      await (await this.#results).setLive(
        await measuredDocument("histogram-race", "histogram-u8-racy-ts-threads", measured, { kernelIsa: "none", quick: false }),
      );
    } catch (e) {
      this.fail(e, pageMessages().raceHistFailed, pageMessages().cancelledWorkersStopped);
    } finally {
      this.#stop();
      this.setRunning(false);
    }
  }

  #render(rows: string[][]): void {
    const body = this.querySelector("tbody")!;
    body.replaceChildren(
      ...rows.map(([mode, ...cells]) => {
        const tr = document.createElement("tr");
        const th = document.createElement("th");
        th.scope = "row";
        th.textContent = mode!;
        tr.append(th, ...cells.map((text) => Object.assign(document.createElement("td"), { textContent: text })));
        tr.dataset.lost = cells[1]!.replaceAll(",", "");
        return tr;
      }),
    );
    this.querySelector("table")!.hidden = false;
  }
}

customElements.define("ec-histogram-race", HistogramRace);
