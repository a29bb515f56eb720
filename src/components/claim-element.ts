import type { ResultsV1 } from "../lab/results.ts";
import { ratio } from "./bench/format.ts";
import { ResultsListener } from "./results-listener.ts";

/** <ec-claim data-claim="id">: shows whether the claim held in the reader's latest run. */
class ClaimElement extends ResultsListener {
  /** Shows the claim as the runner evaluated it (once, in the worker), if this run has it. */
  protected onResults(doc: ResultsV1): void {
    const result = doc.claims.find((c) => c.id === this.dataset.claim);
    if (!result) return;
    this.dataset.status = result.status;
    const verdict = result.status === "pass" ? "holds" : "does not hold";
    const measured =
      result.firstRatio === undefined
        ? ratio(result.ratio ?? 0)
        : `${ratio(result.firstRatio)}, then ${ratio(result.ratio ?? 0)} when measured again after a pause`;
    this.find("measured").textContent =
      result.ratio === undefined
        ? ` (not measured on this machine: ${result.reason})`
        : ` (measured on your machine: ${measured} — ${verdict})`;
  }
}

customElements.define("ec-claim", ClaimElement);
