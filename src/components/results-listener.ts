import type { ResultsV1 } from "../lab/results.ts";
import { RESULTS_EVENT } from "./bench/events.ts";
import { findPart } from "./find-part.ts";

/**
 * An island that follows the benchmark runs on its page: every results document a Bench island
 * announces (a run, or an imported file) reaches `onResults`, for as long as the island is in the
 * page.
 */
export abstract class ResultsListener extends HTMLElement {
  readonly #onResults = (e: Event) => void this.onResults((e as CustomEvent<ResultsV1>).detail);

  connectedCallback(): void {
    document.addEventListener(RESULTS_EVENT, this.#onResults);
  }

  disconnectedCallback(): void {
    document.removeEventListener(RESULTS_EVENT, this.#onResults);
  }

  protected abstract onResults(doc: ResultsV1): void | Promise<void>;

  protected find<T extends HTMLElement = HTMLElement>(name: string): T {
    return findPart<T>(this, name);
  }
}
