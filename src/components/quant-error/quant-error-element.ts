import type { ErrorRow } from "./quant-error-rows.ts";

const percent = (x: number) => `${(100 * x).toPrecision(2)} %`;

/** <ec-quant-error data-seed>: on "Measure the error", runs the int8 pipeline against float32 in a worker and tabulates the error. */
class QuantErrorElement extends HTMLElement {
  #worker: Worker | undefined;

  #part<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`ec-quant-error: missing part ${name}`);
    return el;
  }

  connectedCallback(): void {
    this.#part("run").addEventListener("click", () => void this.#run());
    this.#part("cancel").addEventListener("click", () => this.#finish("Cancelled."));
  }

  disconnectedCallback(): void {
    this.#worker?.terminate();
  }

  async #run(): Promise<void> {
    this.#part<HTMLButtonElement>("run").disabled = true;
    this.#part("cancel").hidden = false;
    this.#part("status").textContent = "Multiplying in float32 and in int8…";
    const worker = new Worker(new URL("./quant-error-worker.ts", import.meta.url), { type: "module", name: "every-core-quant-error" });
    this.#worker = worker;
    try {
      const rows = await new Promise<ErrorRow[]>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<ErrorRow[]>) => resolve(e.data);
        worker.onerror = (e) => reject(new Error(e.message || "the worker failed"));
        worker.postMessage({ seed: Number(this.dataset.seed) });
      });
      if (this.#worker !== worker) return; // cancelled meanwhile
      this.#part("rows").replaceChildren(...rows.map(row));
      this.#part("result").hidden = false;
      this.#finish("Done: the table shows your run.");
    } catch (e) {
      this.#finish(`The measurement failed: ${(e as Error).message}`);
    }
  }

  #finish(status: string): void {
    this.#worker?.terminate();
    this.#worker = undefined;
    this.#part("status").textContent = status;
    this.#part<HTMLButtonElement>("run").disabled = false;
    this.#part("cancel").hidden = true;
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
