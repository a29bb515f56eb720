import { ratioTheCoresAllowed } from "../lab/evaluate-claim.ts";
import type { ResultsV1 } from "../lab/results.ts";
import { ratio } from "./bench/format.ts";
import { pageMessages } from "./i18n/messages.ts";
import { ResultsListener } from "./results-listener.ts";

/** <ec-claim data-claim="id">: shows whether the claim held in the reader's latest run. */
class ClaimElement extends ResultsListener {
  /** Shows the claim as the runner evaluated it (once, in the worker), if this run has it. */
  protected onResults(doc: ResultsV1): void {
    const result = doc.claims.find((c) => c.id === this.dataset.claim);
    if (!result) return;
    this.dataset.status = result.status;
    const t = pageMessages();
    const allowed = ratioTheCoresAllowed(result);
    const verdict =
      result.status === "pass"
        ? t.claimHolds
        : result.status === "unavailable" && result.capacity !== undefined
          ? t.claimNotJudged(ratio(result.capacity), result.codeFactor === undefined ? undefined : ratio(allowed!))
          : t.claimFails;
    const measured =
      result.firstRatio === undefined
        ? ratio(result.ratio ?? 0)
        : t.claimRemeasured(ratio(result.firstRatio), ratio(result.ratio ?? 0), result.by === "fastest");
    this.find("measured").textContent =
      result.ratio === undefined ? t.claimNotMeasured(result.reason ?? "") : t.claimMeasured(measured, verdict);
  }
}

customElements.define("ec-claim", ClaimElement);
