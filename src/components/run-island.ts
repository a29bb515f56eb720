import { findPart } from "./find-part.ts";
import { pageMessages } from "./i18n/messages.ts";
import { bindThreadCount } from "./thread-count.ts";
import type { ResultsHost, ResultsPanel } from "./results/results-panel.ts";

/**
 * What every island with a Run button shares (its markup is RunControls.astro): its parts, found
 * by `data-part` (form, run, cancel, progress, status, error, and the island's own), their states
 * while a run is under way, Cancel, and how a run that threw is reported. Focus moves to Cancel
 * when a run starts and back to Run when it ends, so a keyboard user can stop a run at once.
 */
export abstract class RunIsland extends HTMLElement {
  /** Rejects the promise `cancellable` handed out for the run under way. */
  #cancel: (() => void) | undefined;

  /** The element with data-part=`name`; a missing one is a bug in the island's markup. */
  protected find<T extends HTMLElement = HTMLElement>(name: string): T {
    return findPart<T>(this, name);
  }

  /**
   * Wires the island's form (Run, or Enter in a field) to `run`, and its Cancel button to `cancel`
   * (by default `abortRun`).
   */
  protected bindControls(run: () => Promise<unknown>, cancel: () => void = () => this.abortRun()): void {
    this.find<HTMLFormElement>("form").addEventListener("submit", (e) => {
      e.preventDefault();
      void run().catch(() => {}); // run reports its own failure on the page
    });
    const cancelButton = this.find<HTMLButtonElement>("cancel");
    cancelButton.addEventListener("click", cancel);
    // Escape anywhere in the island cancels a run, as it closes a dialog (focus is on Cancel while it runs).
    this.addEventListener("keydown", (e) => {
      if (e.key !== "Escape" || cancelButton.disabled) return;
      e.preventDefault();
      cancelButton.click();
    });
  }

  /**
   * The island's results panel (ResultsPanel.astro, data-part "results"), attached to this island's
   * status line and alert and to what `host` adds. Waits for the panel's element to be defined:
   * its script may load after the island's.
   */
  protected async attachResults(host: Partial<ResultsHost> = {}): Promise<ResultsPanel> {
    await customElements.whenDefined("ec-results-panel");
    const panel = this.find<ResultsPanel>("results");
    customElements.upgrade(panel);
    panel.attach({ status: (text) => this.status(text), error: (text) => this.error(text), ...host });
    return panel;
  }

  /**
   * Presets the thread or worker count field `field` to `preset`; it accepts up to MAX_RUN_THREADS,
   * and the island's "threads-note" part (ThreadsNote.astro) explains a count past the reported cores.
   */
  protected threadCount(field: string, preset: number): void {
    bindThreadCount(this.find<HTMLInputElement>(field), this.find("threads-note"), preset);
  }

  /**
   * Starts a run: reads its parameter with `read` (which throws a RangeError naming a bad field);
   * on bad input shows the message and returns undefined, the page unchanged; otherwise starts the
   * run (`start`) and returns the value.
   */
  protected begin<T>(read: () => T, result?: string): T | undefined {
    let value: T;
    try {
      value = read();
    } catch (e) {
      this.error(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    this.start(result);
    return value;
  }

  /** Starts a run: clears the last error and the `result` part (if named), and marks the island running. */
  protected start(result?: string): void {
    this.error("");
    if (result !== undefined) this.find(result).replaceChildren();
    this.setRunning(true);
  }

  /** Rejects the `cancellable` work of the run under way with an AbortError. */
  protected abortRun(): void {
    this.#cancel?.();
  }

  /** `work`, or an AbortError as soon as the run is aborted (a terminated worker never answers). */
  protected cancellable<T>(work: Promise<T>): Promise<T> {
    const cancelled = new Promise<never>((_, reject) => (this.#cancel = () => reject(new DOMException("cancelled", "AbortError"))));
    return Promise.race([work, cancelled]);
  }

  /**
   * Reports a run that threw: `cancelled` in the status line when the reader cancelled it, else the
   * error in the alert (after `what`, e.g. "The run failed") with the status line cleared.
   */
  protected fail(error: unknown, what?: string, cancelled = pageMessages().cancelled): void {
    if (isCancel(error)) {
      this.status(cancelled);
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.status("");
    this.error(what === undefined ? message : `${what}: ${message}`);
  }

  protected setRunning(running: boolean): void {
    const run = this.find<HTMLButtonElement>("run");
    const cancel = this.find<HTMLButtonElement>("cancel");
    run.disabled = running;
    cancel.disabled = !running;
    this.find("progress").hidden = !running;
    this.setAttribute("aria-busy", String(running));
    if (!running) this.#cancel = undefined;
    if (running) cancel.focus();
    else if (document.activeElement === cancel || document.activeElement === document.body) run.focus();
  }

  protected status(text: string): void {
    this.find("status").textContent = text;
  }

  /** Shows `text` in the alert, or hides it when empty. */
  protected error(text: string): void {
    const el = this.find("error");
    el.textContent = text;
    el.hidden = text === "";
  }
}

/** Whether `error` is the rejection of a cancelled run. */
function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
