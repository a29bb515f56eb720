import { findPart } from "../find-part.ts";
import { formatBytes, layerMemory, parseLayers, type Dtype, type LayerMemory } from "./conv-memory.ts";

const COLUMNS = ["input", "weights", "output", "im2col"] as const;

/** <ec-memory-estimator>: recomputes the table on every edit; bad input shows one message naming the field. */
class MemoryEstimator extends HTMLElement {
  #part<T extends HTMLElement>(name: string): T {
    return findPart<T>(this, name);
  }

  connectedCallback(): void {
    const form = this.#part("form");
    form.addEventListener("input", () => this.#update());
    // The table follows every keystroke; Enter in a field has nothing to submit (and no inline handler, for the CSP).
    form.addEventListener("submit", (event) => event.preventDefault());
    this.#update();
  }

  #update(): void {
    const error = this.#part("error");
    const table = this.#part<HTMLTableElement>("table");
    try {
      const batch = Number(this.#part<HTMLInputElement>("batch").value);
      const dtype = this.#part<HTMLSelectElement>("dtype").value as Dtype;
      const rows = parseLayers(this.#part<HTMLTextAreaElement>("layers").value, batch).map((p) => layerMemory(p, dtype));
      this.#render(rows);
      error.hidden = true;
      error.textContent = "";
      table.hidden = false;
    } catch (e) {
      error.textContent = (e as Error).message;
      error.hidden = false;
      table.hidden = true;
    }
  }

  #render(rows: readonly LayerMemory[]): void {
    const cells = (values: readonly string[], tag: "td" | "th" = "td") => values.map((v) => `<${tag}>${v}</${tag}>`).join("");
    const body = rows.map(
      (r, i) => `<tr><th scope="row">${i + 1}</th>${cells([r.shape, ...COLUMNS.map((c) => formatBytes(r[c])), formatBytes(r.total)])}</tr>`,
    );
    const sum = (c: (typeof COLUMNS)[number] | "total") => formatBytes(rows.reduce((s, r) => s + r[c], 0));
    // Layers run one after another, so the peak is the largest layer, not the sum.
    const peak = formatBytes(Math.max(...rows.map((r) => r.total)));
    this.#part("rows").innerHTML = body.join("");
    this.#part("totals").innerHTML =
      `<tr><th scope="row">sum</th><td></td>${cells([...COLUMNS.map(sum), sum("total")])}</tr>` +
      `<tr><th scope="row">largest layer</th><td colspan="5"></td><td>${peak}</td></tr>`;
  }
}

customElements.define("ec-memory-estimator", MemoryEstimator);
