import type { ResultV1 } from "../lab/results.ts";
import type { SpeedOfLight } from "../lab/speed-of-light.ts";
import { RESULTS_EVENT } from "./bench/events.ts";
import { gflops, ratio, threadsLabel } from "./bench/format.ts";
import { RunnerClient } from "./bench/runner-client.ts";
import { readMeta } from "./island-meta.ts";
import { notIsolatedReason } from "./isolation-failure.ts";
import { RunIsland } from "./run-island.ts";
import { bandwidthGbps, peakGflops } from "./roofline/roofline-data.ts";

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Short browser name and version from the user agent, e.g. "Chrome 142". */
function browserName(ua: string): string {
  const m = /(Firefox|Edg|OPR|Chrome|Version)\/(\d+)/.exec(ua);
  if (!m) return ua;
  const name = { Edg: "Edge", OPR: "Opera", Version: "Safari" }[m[1]!] ?? m[1];
  return `${name} ${m[2]}`;
}

const mostThreads = (results: readonly ResultV1[], bench: string) =>
  Math.max(1, ...results.filter((r) => r.bench === bench).map((r) => r.threads));

/**
 * <ec-machine data-meta>: fills the facts from a probe run in a worker (the timer spin never blocks the page),
 * and on "Measure peak" runs the speed-of-light benchmarks in quick mode through the same runner
 * as the benchmark islands, announcing the results so claims and the roofline update too.
 */
class MachinePanel extends RunIsland {
  #runner: RunnerClient | undefined;
  /** The two speed-of-light benchmarks "Measure peak" runs, peak first. */
  #sol!: SpeedOfLight;

  connectedCallback(): void {
    this.#sol = readMeta<SpeedOfLight>(this);
    this.bindControls(
      () => this.#measure(),
      () => this.#runner?.cancel(),
    );
    void this.#probe();
  }

  disconnectedCallback(): void {
    this.#runner?.dispose();
  }

  async #probe(): Promise<void> {
    const runner = new RunnerClient();
    try {
      const env = await runner.probe();
      const facts: Record<string, string> = {
        threads: String(env.hardwareConcurrency),
        isolated: env.crossOriginIsolated
          ? "yes — SharedArrayBuffer and the worker pool are on"
          : `no — benchmarks run single-threaded: ${notIsolatedReason()}`,
        timer: `${(env.timerResolutionMs * 1000).toFixed(env.timerResolutionMs < 0.01 ? 1 : 0)} µs`,
        simd: yesNo(env.wasm.simd),
        wasmThreads: yesNo(env.wasm.threads),
        relaxed: yesNo(env.wasm.relaxedSimd),
        browser: browserName(env.userAgent),
      };
      for (const [key, text] of Object.entries(facts)) {
        const dd = this.querySelector(`[data-fact="${key}"]`);
        if (dd) dd.textContent = text;
      }
      this.dataset.ready = "true";
    } catch (error) {
      this.fail(error, "The machine probe failed");
    } finally {
      runner.dispose();
    }
  }

  async #measure(): Promise<void> {
    this.error("");
    if (!globalThis.crossOriginIsolated) {
      this.error("The peak probes run in shared WebAssembly memory, which needs a cross-origin isolated page; this one is not.");
      return;
    }
    this.#runner?.dispose();
    const runner = (this.#runner = new RunnerClient());
    this.setRunning(true);
    const results: ResultV1[] = [];
    const benches = [this.#sol.peak, this.#sol.bandwidth];
    try {
      for (const [i, bench] of benches.entries()) {
        const doc = await runner.run(bench.bench, { quick: true, threads: navigator.hardwareConcurrency }, (p) => {
          const bar = this.find<HTMLProgressElement>("progress");
          bar.max = benches.length;
          bar.value = i + (p.total ? p.done / p.total : 0);
          if (p.current !== "done") this.status(`${bench.title}: measuring ${p.done + 1} of ${p.total}, ${p.current}…`);
        });
        results.push(...doc.results);
        document.dispatchEvent(new CustomEvent(RESULTS_EVENT, { detail: doc }));
        this.#show(results);
      }
      this.status("Done. The benchmarks' own islands give the full tables and the spread of each figure.");
    } catch (error) {
      this.fail(error, "Measuring the peak failed");
    } finally {
      runner.dispose();
      if (this.#runner === runner) this.#runner = undefined;
      this.setRunning(false);
    }
  }

  /** Fills the speed-of-light figures measured so far. */
  #show(results: readonly ResultV1[]): void {
    const sol = this.#sol;
    const set = (key: string, text: string) => (this.querySelector(`[data-peak="${key}"]`)!.textContent = text);
    const figure = (x: number | undefined, unit: string) => (x === undefined ? "not measured" : `${gflops(x)} ${unit}`);
    const peaks = (threads: number) =>
      `${figure(peakGflops(sol, results, threads, sol.peak.fma), "GFLOP/s")} / ${figure(peakGflops(sol, results, threads, sol.peak.muladd), "GFLOP/s")}`;
    const scaling = (all: number | undefined, one: number | undefined) => (all && one ? ` (${ratio(all / one)} one thread)` : "");
    const peakThreads = mostThreads(results, sol.peak.bench);
    const bandwidthThreads = mostThreads(results, sol.bandwidth.bench);
    set("one", peaks(1));
    set("allLabel", `Peak f32, all ${threadsLabel(peakThreads)}: FMA / mul+add`);
    set(
      "all",
      peaks(peakThreads) + scaling(peakGflops(sol, results, peakThreads, sol.peak.fma), peakGflops(sol, results, 1, sol.peak.fma)),
    );
    set("bandwidthOne", figure(bandwidthGbps(sol, results, 1), "GB/s"));
    set("bandwidthAllLabel", `Memory bandwidth (triad), all ${threadsLabel(bandwidthThreads)}`);
    set(
      "bandwidthAll",
      figure(bandwidthGbps(sol, results, bandwidthThreads), "GB/s") +
        scaling(bandwidthGbps(sol, results, bandwidthThreads), bandwidthGbps(sol, results, 1)),
    );
    this.find("peak").hidden = false;
  }
}

customElements.define("ec-machine", MachinePanel);
