import type { ResultsV1 } from "../lab/results.ts";
import { RESULTS_EVENT } from "./bench/events.ts";
import { ratio } from "./bench/format.ts";

/** <ec-claim data-claim="id">: shows whether the claim held in the reader's latest run. */
class ClaimElement extends HTMLElement {
  readonly #onResults = (e: Event) => this.#update((e as CustomEvent<ResultsV1>).detail);

  connectedCallback(): void {
    document.addEventListener(RESULTS_EVENT, this.#onResults);
  }

  disconnectedCallback(): void {
    document.removeEventListener(RESULTS_EVENT, this.#onResults);
  }

  /** Shows the claim as the runner evaluated it (once, in the worker), if this run has it. */
  #update(doc: ResultsV1): void {
    const result = doc.claims.find((c) => c.id === this.dataset.claim);
    if (!result) return;
    this.dataset.status = result.status;
    const out = this.querySelector('[data-part="measured"]')!;
    const verdict = result.status === "pass" ? "holds" : "does not hold";
    const measured =
      result.firstRatio === undefined
        ? ratio(result.ratio ?? 0)
        : `${ratio(result.firstRatio)}, then ${ratio(result.ratio ?? 0)} when measured again after a pause`;
    out.textContent =
      result.ratio === undefined
        ? ` (not measured on this machine: ${result.reason})`
        : ` (measured on your machine: ${measured} — ${verdict})`;
  }
}

customElements.define("ec-claim", ClaimElement);
