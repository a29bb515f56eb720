import type { BenchmarkMeta } from "../../lab/benchmark-meta.ts";
import { importedSource, liveSource, type ResultSource } from "../../lab/result-source.ts";
import type { EnvV1, ResultV1, ResultsV1 } from "../../lab/results.ts";
import type { RunOptions, RunProgress } from "../../lab/run-benchmark.ts";
import { pageMessages, pageSourceWords } from "../i18n/messages.ts";
import { readMeta } from "../island-meta.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { notIsolatedReason } from "../isolation-failure.ts";
import { RunIsland } from "../run-island.ts";
import { RESULTS_EVENT } from "./events.ts";
import { acceptDroppedFiles, readResultsFile } from "./import-results.ts";
import { caseText, progressText, variantLabel } from "./progress-text.ts";
import { renderCharts } from "./results-chart.ts";
import { renderResultsTable } from "./results-table.ts";
import { RunnerClient } from "./runner-client.ts";
import { renderSourceDetails } from "./source-details.ts";

/**
 * <ec-bench data-bench="id" data-meta="{…}">: the Run / Cancel / progress / table / chart island,
 * which also imports results files and opens shared links to show beside the live run; its results
 * panel (ResultsPanel.astro) exports, shares, cites, keeps and compares. The server renders the controls;
 * this element wires them to a runner worker, which alone loads the
 * declaration; the page knows the benchmark by the metadata the server rendered (`data-meta`).
 */
/** Time left for the browser to lay out and paint an update before the next measurement starts. */
const PAINT_MS = 30;

export class BenchElement extends RunIsland {
  #bench!: BenchmarkMeta;
  #runner: RunnerClient | undefined;
  #results: ResultsV1 | undefined;
  /** Results of the current or last run so far, and where they ran once it has finished. */
  #live: readonly ResultV1[] = [];
  #liveEnv: EnvV1 | undefined;
  #imports: ResultSource[] = [];
  /** A run opened from a shared link (#results=…). */
  #shared: ResultSource[] = [];
  /** The gallery's reference runs of this benchmark (rendered by the server), shown when the reader asks. */
  #references: ResultSource[] = [];
  #panel!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.#bench = readMeta<BenchmarkMeta>(this);
    this.#references = JSON.parse(this.dataset.references ?? "[]") as ResultSource[];
    this.querySelector<HTMLInputElement>('[data-part="references"]')?.addEventListener("change", () => this.#render());
    this.bindControls(
      () => this.run(this.#readOptions()),
      () => this.cancel(),
    );
    this.threadCount("threads", navigator.hardwareConcurrency);
    this.#panel = this.attachResults({
      showShared: (source) => {
        this.#shared = [source];
        this.#render();
      },
      overlay: (first, second) => void this.#drawCharts(first.results, second.results),
      variantLabel: (id) => this.#bench.variants.find((v) => v.id === id)?.label ?? id,
    });
    void this.#panel.then((p) => p.setReferences(this.#references));
    const importInput = this.find<HTMLInputElement>("import");
    importInput.addEventListener("change", () => {
      void this.importFiles([...(importInput.files ?? [])]);
      importInput.value = ""; // choosing the same file again is a new import
    });
    acceptDroppedFiles(this, (files) => void this.importFiles(files));
    this.find<HTMLButtonElement>("clear-imports").addEventListener("click", () => this.clearImports());
    if (!globalThis.crossOriginIsolated) this.status(pageMessages().notIsolated(notIsolatedReason()));
  }

  disconnectedCallback(): void {
    this.#runner?.dispose();
  }

  /** The last completed run's results, or undefined. */
  get results(): ResultsV1 | undefined {
    return this.#results;
  }

  /**
   * Validates each file and shows its results for this benchmark beside the live ones; a file that
   * fails is reported in the alert area by name and reason, and the others still import.
   */
  async importFiles(files: readonly File[]): Promise<void> {
    this.error("");
    const imported: string[] = [];
    const errors: string[] = [];
    for (const file of files) {
      try {
        const doc = await readResultsFile(file);
        const source = importedSource(
          doc,
          this.#bench,
          this.#sources().map((s) => s.label),
          pageMessages().originImported,
          pageSourceWords(),
        );
        this.#imports.push(source);
        imported.push(pageMessages().importedCount(source.results.length, file.name));
      } catch (error) {
        errors.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (imported.length) this.status(pageMessages().imported(imported.join("; ")));
    void this.#panel.then((p) => p.setImports(this.#imports));
    this.error(errors.join("\n"));
    this.#render();
  }

  clearImports(): void {
    this.#imports = [];
    void this.#panel.then((p) => p.setImports([]));
    this.status(pageMessages().importsCleared);
    this.#render();
  }

  #sources(): ResultSource[] {
    const live = this.#live.length ? [liveSource(this.#bench, this.#live, this.#liveEnv, pageSourceWords())] : [];
    const references = this.querySelector<HTMLInputElement>('[data-part="references"]')?.checked ? this.#references : [];
    return [...live, ...this.#shared, ...this.#imports, ...references];
  }

  /** Table and environment details of every source; the chart shows the live run only. */
  #render(): void {
    const sources = this.#sources();
    this.find("table").replaceChildren(...(sources.length ? [renderResultsTable(this.#bench, sources)] : []));
    this.find("sources").replaceChildren(...renderSourceDetails(sources));
    this.find<HTMLButtonElement>("clear-imports").hidden = this.#imports.length === 0;
  }

  /** The charts of `results`, with `dashed` (a second source being compared) drawn over them. */
  async #drawCharts(results: readonly ResultV1[], dashed: readonly ResultV1[] = []): Promise<void> {
    try {
      this.find("chart").replaceChildren(...(await renderCharts(this.#bench, results, dashed)));
    } catch (error) {
      this.error(pageMessages().chartFailed(String(error)));
    }
  }

  #readOptions(): RunOptions {
    return {
      threads: this.find<HTMLInputElement>("threads").valueAsNumber,
      quick: this.find<HTMLInputElement>("quick").checked,
    };
  }

  /** Runs the benchmark in a fresh runner worker; also the entry point of the CLI and tests. */
  async run(options: RunOptions): Promise<ResultsV1> {
    this.#runner?.dispose();
    this.#liveEnv = undefined;
    this.start();
    const runner = (this.#runner = new RunnerClient());
    try {
      const results = await runner.run(this.#bench.id, options, (p) => this.#progress(p));
      this.#results = results;
      this.#liveEnv = results.env;
      await this.#progress({ done: 1, total: 1, current: "done", results: results.results });
      const t = pageMessages();
      const notes = [
        ...results.skipped.map((s) => t.skipped(s.variant, s.reason)),
        ...(results.threadsReduced ?? []).map((r) =>
          t.threadsReduced(r, variantLabel(this.#bench, r.variant), caseText(this.#bench, r.case)),
        ),
      ];
      this.status(t.benchDone(results.results.length, results.env.hardwareConcurrency, results.env.kernelIsa, notes.join(" ")));
      await (await this.#panel).setLive(results);
      document.dispatchEvent(new CustomEvent(RESULTS_EVENT, { detail: results }));
      return results;
    } catch (error) {
      this.fail(error);
      throw error;
    } finally {
      runner.dispose();
      if (this.#runner === runner) this.#runner = undefined;
      this.setRunning(false);
    }
  }

  cancel(): void {
    this.#runner?.cancel();
  }

  /**
   * Shows the results so far. The runner awaits this before it times the next variant, so the
   * page's own drawing (table, charts, paint) never competes with a measurement for a core.
   */
  async #progress(p: RunProgress): Promise<void> {
    const bar = this.find<HTMLProgressElement>("progress");
    bar.max = p.total;
    bar.value = p.done;
    if (p.current !== "done") this.status(pageMessages().measuring(p.done + 1, p.total, progressText(p, this.#bench)));
    if (p.results.length === 0) return;
    this.#live = p.results;
    this.#render();
    await this.#drawCharts(p.results);
    // Hand the worker back only once the updated table and chart are on screen: layout and paint of
    // a long chapter page must not run on a core while the next measurement does.
    await new Promise((painted) => requestAnimationFrame(() => requestAnimationFrame(painted)));
    await new Promise((settled) => setTimeout(settled, PAINT_MS));
  }
}

customElements.define("ec-bench", BenchElement);
