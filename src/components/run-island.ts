/**
 * What every island with a Run button shares: its parts, found by `data-part` (run, cancel,
 * progress, status, error, and the island's own), and their states while a run is under way.
 * Focus moves to Cancel when a run starts and back to Run when it ends, so a keyboard user can
 * stop a run at once.
 */
export abstract class RunIsland extends HTMLElement {
  /** The element with data-part=`name`; a missing one is a bug in the island's markup. */
  protected find<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`${this.localName}: missing part ${name}`);
    return el;
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
