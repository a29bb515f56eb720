import type { ResultsV1 } from "../../lab/results.ts";
import { ResultsListener } from "../results-listener.ts";
import { compareGuess, parseGuess, storageKey } from "./predict.ts";

/** The reader's stored guess, or "" where localStorage is unavailable (private mode, blocked storage). */
function readGuess(key: string): string {
  try {
    return localStorage.getItem(key) ?? "";
  } catch {
    return "";
  }
}

function writeGuess(key: string, text: string): void {
  try {
    if (text.trim() === "") localStorage.removeItem(key);
    else localStorage.setItem(key, text);
  } catch {
    // Storage refused: the guess still counts for this visit, it is only not remembered.
  }
}

/**
 * <ec-predict data-claim="id">: the reader's guess of a claim's ratio, kept in this browser only,
 * compared with the ratio the next run on the page measures, then the reason shown.
 */
class PredictElement extends ResultsListener {
  override connectedCallback(): void {
    super.connectedCallback();
    const input = this.find<HTMLInputElement>("guess");
    const key = storageKey(this.claim);
    input.value = readGuess(key);
    input.addEventListener("input", () => writeGuess(key, input.value));
  }

  private get claim(): string {
    const claim = this.dataset.claim;
    if (!claim) throw new Error("ec-predict: missing data-claim");
    return claim;
  }

  protected onResults(doc: ResultsV1): void {
    const result = doc.claims.find((c) => c.id === this.claim);
    if (!result) return;
    const { verdict, text } = compareGuess(parseGuess(this.find<HTMLInputElement>("guess").value), result);
    this.dataset.verdict = verdict;
    this.find("outcome").textContent = text;
    this.find("why").hidden = false;
  }
}

customElements.define("ec-predict", PredictElement);
