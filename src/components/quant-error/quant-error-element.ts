import { pageMessages } from "../i18n/messages.ts";
import type { ErrorRow } from "./quant-error-rows.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { workerFailure } from "../worker-failure.ts";
import { quantErrorDocument } from "./quant-error-document.ts";

const percent = (x: number) => `${(100 * x).toPrecision(2)} %`;

/** <ec-quant-error data-seed>: on "Measure the error", runs the int8 pipeline against float32 in a worker and tabulates the error. */
class QuantErrorElement extends RunIsland {
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
    this.status(pageMessages().quantRunning);
    const worker = (this.#worker = new Worker(new URL("./quant-error-worker.ts", import.meta.url), {
      type: "module",
      name: "every-core-quant-error",
    }));
    try {
      const rows = new Promise<ErrorRow[]>((resolve) => {
        worker.onmessage = (e: MessageEvent<ErrorRow[]>) => resolve(e.data);
        worker.postMessage({ seed: Number(this.dataset.seed) });
      });
      const measured = await this.cancellable(Promise.race([rows, workerFailure(worker)]));
      this.find("rows").replaceChildren(...measured.map(row));
      this.find("result").hidden = false;
      this.status(pageMessages().quantDone);
      await (await this.#results).setLive(await quantErrorDocument(measured));
    } catch (e) {
      this.fail(e, pageMessages().quantFailed);
    } finally {
      worker.terminate();
      if (this.#worker === worker) this.#worker = undefined;
      this.setRunning(false);
    }
  }
}

function row(r: ErrorRow): HTMLTableRowElement {
  const tr = document.createElement("tr");
  const cells = [String(r.k), r.maxAbs.toExponential(2), percent(r.maxRelative), percent(r.meanRelative), r.bound.toExponential(2)];
  cells.forEach((text, i) => {
    const c = document.createElement(i === 0 ? "th" : "td");
    if (i === 0) c.setAttribute("scope", "row");
    c.textContent = text;
    tr.append(c);
  });
  return tr;
}

customElements.define("ec-quant-error", QuantErrorElement);
