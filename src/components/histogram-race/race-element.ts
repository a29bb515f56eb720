import { splitRows } from "../../kernels/pool/pool-control.ts";
import { HISTOGRAM_U8_BINS } from "../../kernels/histogram-u8.ts";
import type { RaceRequest } from "./race-protocol.ts";

const SEED = 44;

/**
 * <ec-histogram-race data-width data-height>: N workers count one shared image into one shared
 * 256-bin histogram twice — plain increments, then Atomics.add — and report how many counts the
 * plain pass lost. The workers are new on every run and terminated after it (or on Cancel).
 */
class HistogramRace extends HTMLElement {
  #workers: Worker[] = [];
  #cancel: ((reason: Error) => void) | undefined;

  #part<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`ec-histogram-race: missing part ${name}`);
    return el;
  }

  connectedCallback(): void {
    const threads = this.#part<HTMLInputElement>("workers");
    threads.max = String(Math.max(2, navigator.hardwareConcurrency || 2));
    threads.value = String(Math.min(4, Math.max(2, navigator.hardwareConcurrency || 2)));
    this.#part("form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.#run();
    });
    this.#part("cancel").addEventListener("click", () => this.#cancel?.(new Error("cancelled")));
    if (!globalThis.crossOriginIsolated) {
      this.#part<HTMLButtonElement>("run").disabled = true;
      this.#part("status").textContent = "This page is not cross-origin isolated, so it has no SharedArrayBuffer: the race cannot be shown here.";
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
    return new Promise((resolve, reject) => {
      let pending = requests.length;
      this.#cancel = reject;
      requests.forEach((request, i) => {
        const w = this.#workers[i]!;
        w.onmessage = () => {
          if (--pending === 0) resolve();
        };
        w.onerror = (e) => reject(new Error(e.message || "a worker failed"));
        w.postMessage(request);
      });
    });
  }

  async #run(): Promise<void> {
    const input = this.#part<HTMLInputElement>("workers");
    const status = this.#part("status");
    const parties = Number(input.value);
    const max = Number(input.max);
    if (!Number.isInteger(parties) || parties < 2 || parties > max) {
      status.textContent = `Workers must be a whole number from 2 to ${max} (got “${input.value}”).`;
      return;
    }
    const width = Number(this.dataset.width);
    const height = Number(this.dataset.height);
    const n = width * height;
    const run = this.#part<HTMLButtonElement>("run");
    const cancel = this.#part<HTMLButtonElement>("cancel");
    run.disabled = true;
    cancel.disabled = false;
    this.#part("progress").hidden = false;
    this.#workers = Array.from({ length: parties }, (_, i) => new Worker(new URL("./race-worker.ts", import.meta.url), { type: "module", name: `every-core-race-${i + 1}` }));
    try {
      status.textContent = `Drawing a ${width}×${height} test image in a worker…`;
      const pixels = new SharedArrayBuffer(n);
      await this.#all([{ kind: "fill", pixels, width, height, seed: SEED }]);
      const rows: string[][] = [];
      for (const atomic of [false, true]) {
        status.textContent = `${parties} workers counting with ${atomic ? "Atomics.add" : "plain increments"}…`;
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
        rows.push([atomic ? "Atomics.add" : "plain bins[v]++", counted.toLocaleString("en"), (n - counted).toLocaleString("en"), `${ms.toFixed(1)} ms`]);
      }
      this.#render(rows);
      status.textContent = `Done: ${n.toLocaleString("en")} pixels counted twice by ${parties} workers.`;
    } catch (e) {
      status.textContent = (e as Error).message === "cancelled" ? "Cancelled: the workers were stopped." : `The race could not run: ${(e as Error).message}`;
    } finally {
      this.#stop();
      this.#cancel = undefined;
      run.disabled = false;
      cancel.disabled = true;
      this.#part("progress").hidden = true;
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
