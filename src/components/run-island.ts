import { findPart } from "./find-part.ts";

/**
 * What every island with a Run button shares: its parts, found by `data-part` (run, cancel,
 * progress, status, error, and the island's own), and their states while a run is under way.
 * Focus moves to Cancel when a run starts and back to Run when it ends, so a keyboard user can
 * stop a run at once.
 */
export abstract class RunIsland extends HTMLElement {
  /** The element with data-part=`name`; a missing one is a bug in the island's markup. */
  protected find<T extends HTMLElement>(name: string): T {
    return findPart<T>(this, name);
  }

  /**
   * Wires the island's form (Run, or Enter in a field) to `run` and its Cancel button to `cancel`,
   * and presets the thread-count field `field` to 1…hardwareConcurrency with `preset` chosen.
   */
  protected bindControls(run: () => Promise<void>, cancel: () => void, field: string, preset: number): void {
    const input = this.find<HTMLInputElement>(field);
    input.max = String(navigator.hardwareConcurrency);
    input.value = String(preset);
    this.find<HTMLFormElement>("form").addEventListener("submit", (e) => {
      e.preventDefault();
      void run();
    });
    this.find("cancel").addEventListener("click", cancel);
  }

  /**
   * Starts a run: reads its parameter with `read` (which throws a RangeError naming a bad field);
   * on bad input shows the message and returns undefined, the page unchanged; otherwise clears the
   * last error and the `result` part, marks the island running, and returns the value.
   */
  protected begin<T>(read: () => T, result: string): T | undefined {
    let value: T;
    try {
      value = read();
    } catch (e) {
      this.error(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    this.error("");
    this.find(result).replaceChildren();
    this.setRunning(true);
    return value;
  }

  protected setRunning(running: boolean): void {
    const run = this.find<HTMLButtonElement>("run");
    const cancel = this.find<HTMLButtonElement>("cancel");
    run.disabled = running;
    cancel.disabled = !running;
    this.find("progress").hidden = !running;
    this.setAttribute("aria-busy", String(running));
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
export function isCancel(error: unknown): boolean {
  return error instanceof DOMException && error.name === "AbortError";
}
