import { evaluateClaim } from "../lab/claims.ts";
import { findClaim } from "../lab/registry.ts";
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

  #update(doc: ResultsV1): void {
    const { claim } = findClaim(this.dataset.claim ?? "");
    if (!doc.results.some((r) => r.bench === claim.bench)) return;
    const result = evaluateClaim(claim, doc.results);
    this.dataset.status = result.status;
    const out = this.querySelector('[data-part="measured"]')!;
    out.textContent =
      result.ratio === undefined
        ? ` (not measured on this machine: ${result.reason})`
        : ` (measured on your machine: ${ratio(result.ratio)} — ${result.status === "pass" ? "holds" : "does not hold"})`;
  }
}

customElements.define("ec-claim", ClaimElement);
