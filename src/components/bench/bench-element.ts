import { findBenchmark } from "../../lab/registry.ts";
import type { Benchmark } from "../../lab/benchmark.ts";
import type { ResultsV1 } from "../../lab/results.ts";
import type { RunOptions, RunProgress } from "../../lab/run-benchmark.ts";
import { download } from "./download.ts";
import { RESULTS_EVENT } from "./events.ts";
import { renderTimeChart } from "./results-chart.ts";
import { renderResultsTable } from "./results-table.ts";
import { RunnerClient } from "./runner-client.ts";

/**
 * <ec-bench data-bench="id">: the Run / Cancel / progress / table / chart / Download JSON island.
 * The server renders the controls; this element wires them to a runner worker.
 */
export class BenchElement extends HTMLElement {
  #bench!: Benchmark;
  #runner: RunnerClient | undefined;
  #results: ResultsV1 | undefined;

  #part<T extends Element>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`ec-bench: missing part ${name}`);
    return el;
  }

  connectedCallback(): void {
    this.#bench = findBenchmark(this.dataset.bench ?? "");
    const threads = this.#part<HTMLInputElement>("threads");
    threads.max = String(navigator.hardwareConcurrency);
    threads.value = String(navigator.hardwareConcurrency);
    this.#part<HTMLFormElement>("form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.run(this.#readOptions()).catch(() => {});
    });
    this.#part<HTMLButtonElement>("cancel").addEventListener("click", () => this.cancel());
    this.#part<HTMLButtonElement>("download").addEventListener("click", () => {
      if (this.#results) download(`every-core-${this.#bench.id}.json`, JSON.stringify(this.#results, null, 2), "application/json");
    });
    if (!globalThis.crossOriginIsolated) {
      this.#status("This page is not cross-origin isolated, so shared memory is off: only the single-threaded TypeScript variants will run.");
    }
  }

  disconnectedCallback(): void {
    this.#runner?.dispose();
  }

  /** The last completed run's results, or undefined. */
  get results(): ResultsV1 | undefined {
    return this.#results;
  }

  #readOptions(): RunOptions {
    return {
      threads: this.#part<HTMLInputElement>("threads").valueAsNumber,
      quick: this.#part<HTMLInputElement>("quick").checked,
    };
  }

  /** Runs the benchmark in a fresh runner worker; also the entry point of the CLI and tests. */
  async run(options: RunOptions): Promise<ResultsV1> {
    this.#runner?.dispose();
    this.#error("");
    this.#setRunning(true);
    const runner = (this.#runner = new RunnerClient());
    try {
      const results = await runner.run(this.#bench.id, options, (p) => this.#progress(p));
      this.#results = results;
      this.#progress({ done: 1, total: 1, current: "done", results: results.results });
      const skipped = results.skipped.map((s) => `${s.variant} skipped: ${s.reason}.`).join(" ");
      this.#status(`Done: ${results.results.length} measurements on ${results.env.hardwareConcurrency} hardware threads (${results.env.kernelIsa}). ${skipped}`);
      this.#part<HTMLButtonElement>("download").hidden = false;
      document.dispatchEvent(new CustomEvent(RESULTS_EVENT, { detail: results }));
      return results;
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === "AbortError";
      if (cancelled) this.#status("Cancelled.");
      else this.#error(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      runner.dispose();
      if (this.#runner === runner) this.#runner = undefined;
      this.#setRunning(false);
    }
  }

  cancel(): void {
    this.#runner?.cancel();
  }

  #setRunning(running: boolean): void {
    this.#part<HTMLButtonElement>("run").disabled = running;
    this.#part<HTMLButtonElement>("cancel").disabled = !running;
    this.#part<HTMLProgressElement>("progress").hidden = !running;
    this.setAttribute("aria-busy", String(running));
    if (running) this.#part<HTMLButtonElement>("cancel").focus();
    else if (document.activeElement === this.#part("cancel") || document.activeElement === document.body) this.#part<HTMLButtonElement>("run").focus();
  }

  #progress(p: RunProgress): void {
    const bar = this.#part<HTMLProgressElement>("progress");
    bar.max = p.total;
    bar.value = p.done;
    if (p.current !== "done") this.#status(`Measuring ${p.done + 1} of ${p.total}: ${p.current}…`);
    if (p.results.length === 0) return;
    this.#part("table").replaceChildren(renderResultsTable(this.#bench, p.results));
    void renderTimeChart(this.#bench, p.results).then(
      (chart) => this.#part("chart").replaceChildren(chart),
      (error: unknown) => this.#error(`The chart could not be drawn: ${String(error)}`),
    );
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

customElements.define("ec-bench", BenchElement);
