import { RACE_LIMIT } from "../../lab/pyodide/collatz-steps.ts";
import { ms, ratio } from "../bench/format.ts";
import { interpretersLabel, RaceRun, type RaceProgress, type RaceResult } from "./race-run.ts";
import { renderRaceTable, renderStartupTable } from "./race-table.ts";
import { defaultWorkers, parseWorkers } from "./workers-input.ts";

/**
 * <ec-pyodide-race>: Run / Cancel / progress / results of the Pyodide race. The server renders the
 * controls; the workers and Pyodide load only when the reader presses Run.
 */
export class PyodideRaceElement extends HTMLElement {
  #run: RaceRun | undefined;

  #part<T extends Element>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`ec-pyodide-race: missing part ${name}`);
    return el;
  }

  connectedCallback(): void {
    const workers = this.#part<HTMLInputElement>("workers");
    workers.max = String(navigator.hardwareConcurrency);
    workers.value = String(defaultWorkers(navigator.hardwareConcurrency));
    this.#part<HTMLFormElement>("form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.#start();
    });
    this.#part<HTMLButtonElement>("cancel").addEventListener("click", () => this.#run?.cancel());
  }

  disconnectedCallback(): void {
    this.#run?.dispose();
  }

  async #start(): Promise<void> {
    let interpreters: number;
    try {
      interpreters = parseWorkers(this.#part<HTMLInputElement>("workers").value, navigator.hardwareConcurrency);
    } catch (error) {
      this.#error(error instanceof Error ? error.message : String(error));
      return;
    }
    this.#run?.dispose();
    this.#error("");
    this.#part("tables").replaceChildren();
    this.#setRunning(true);
    const run = (this.#run = new RaceRun(interpreters, RACE_LIMIT));
    try {
      const result = await run.run((p) => this.#progress(p));
      this.#part("tables").replaceChildren(renderRaceTable(result), renderStartupTable(result));
      this.#status(summary(result));
    } catch (error) {
      if (error instanceof DOMException && error.name === "AbortError") this.#status("Cancelled.");
      else this.#error(error instanceof Error ? error.message : String(error));
    } finally {
      run.dispose();
      if (this.#run === run) this.#run = undefined;
      this.#setRunning(false);
    }
  }

  #progress(p: RaceProgress): void {
    const bar = this.#part<HTMLProgressElement>("progress");
    bar.max = p.total;
    bar.value = p.done;
    if (p.step !== "done") this.#status(p.step);
  }

  #setRunning(running: boolean): void {
    this.#part<HTMLButtonElement>("run").disabled = running;
    this.#part<HTMLButtonElement>("cancel").disabled = !running;
    this.#part<HTMLProgressElement>("progress").hidden = !running;
    this.setAttribute("aria-busy", String(running));
    if (running) this.#part<HTMLButtonElement>("cancel").focus();
    else if (document.activeElement === this.#part("cancel") || document.activeElement === document.body) this.#part<HTMLButtonElement>("run").focus();
  }

  #status(text: string): void {
    this.#part("status").textContent = text;
  }

  #error(text: string): void {
    const el = this.#part<HTMLElement>("error");
    el.textContent = text;
    el.hidden = text === "";
  }
}

function summary(r: RaceResult): string {
  const startup = [...r.startupMs].sort((a, b) => a - b)[Math.floor(r.startupMs.length / 2)]!;
  return (
    `Done: ${interpretersLabel(r.interpreters)} ran the loop ${ratio(r.python1.ms / r.pythonN.ms)} as fast as one; ` +
    `JavaScript ran it ${ratio(r.python1.ms / r.js.ms)} as fast as one interpreter. ` +
    `Each interpreter took about ${ms(startup)} ms to start, outside those times.`
  );
}

customElements.define("ec-pyodide-race", PyodideRaceElement);
