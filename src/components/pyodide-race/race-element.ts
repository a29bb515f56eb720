import { pageMessages } from "../i18n/messages.ts";
import { raceDocument } from "./race-document.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { RACE_LIMIT } from "../../lab/pyodide/race-limit.ts";
import { ms, ratio } from "../bench/format.ts";
import { interpretersLabel, RaceRun, type RaceProgress, type RaceResult } from "./race-run.ts";
import { renderRaceTable, renderStartupTable } from "./race-table.ts";
import { parseThreadCount } from "../thread-count.ts";
import { defaultWorkers } from "./workers-input.ts";

/**
 * <ec-pyodide-race>: Run / Cancel / progress / results of the Pyodide race. The server renders the
 * controls; the workers and Pyodide load only when the reader presses Run.
 */
export class PyodideRaceElement extends RunIsland {
  #run: RaceRun | undefined;
  #results!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.#results = this.attachResults();
    this.bindControls(
      () => this.#start(),
      () => this.#run?.cancel(),
    );
    this.threadCount("workers", defaultWorkers(navigator.hardwareConcurrency));
  }

  disconnectedCallback(): void {
    this.#run?.dispose();
  }

  async #start(): Promise<void> {
    const interpreters = this.begin(() => parseThreadCount(this.find<HTMLInputElement>("workers").value, pageMessages().workers), "tables");
    if (interpreters === undefined) return;
    this.#run?.dispose();
    const run = (this.#run = new RaceRun(interpreters, RACE_LIMIT));
    try {
      const result = await run.run((p) => this.#progress(p));
      this.find("tables").replaceChildren(renderRaceTable(result), renderStartupTable(result));
      this.status(summary(result));
      await (await this.#results).setLive(await raceDocument(result));
    } catch (error) {
      this.fail(error);
    } finally {
      run.dispose();
      if (this.#run === run) this.#run = undefined;
      this.setRunning(false);
    }
  }

  #progress(p: RaceProgress): void {
    const bar = this.find<HTMLProgressElement>("progress");
    bar.max = p.total;
    bar.value = p.done;
    if (p.step !== "done") this.status(p.step);
  }
}

function summary(r: RaceResult): string {
  const startup = [...r.startupMs].sort((a, b) => a - b)[Math.floor(r.startupMs.length / 2)]!;
  return pageMessages().raceDone(
    interpretersLabel(r.interpreters),
    ratio(r.python1.ms / r.pythonN.ms),
    ratio(r.python1.ms / r.js.ms),
    r.wasm && ratio(r.python1.ms / r.wasm.ms),
    ms(startup),
  );
}

customElements.define("ec-pyodide-race", PyodideRaceElement);
