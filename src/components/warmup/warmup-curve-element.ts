import { summarizeWarmup } from "./warmup-summary.ts";

const ms = (x: number) => `${x.toFixed(x < 1 ? 3 : 2)} ms`;

/** <ec-warmup-curve>: on "Run", times one kernel call after another in a fresh worker and plots them. */
class WarmupCurve extends HTMLElement {
  #part<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`ec-warmup-curve: missing part ${name}`);
    return el;
  }

  connectedCallback(): void {
    this.#part("run").addEventListener("click", () => void this.#run());
  }

  async #run(): Promise<void> {
    const button = this.#part<HTMLButtonElement>("run");
    const status = this.#part("status");
    button.disabled = true;
    status.textContent = "Running in a fresh worker…";
    // A new worker every run: a warm one would have nothing left to compile.
    const worker = new Worker(new URL("./warmup-worker.ts", import.meta.url), { type: "module", name: "every-core-warmup" });
    try {
      const times = await new Promise<number[]>((resolve, reject) => {
        worker.onmessage = (e: MessageEvent<{ times: number[] }>) => resolve(e.data.times);
        worker.onerror = (e) => reject(new Error(e.message || "the warm-up worker failed"));
        worker.postMessage(null);
      });
      const s = summarizeWarmup(times);
      const Plot = await import("@observablehq/plot");
      const rows = times.map((t, i) => ({ call: i + 1, ms: Math.max(t, 1e-3) }));
      const chart = Plot.plot({
        width: 640,
        height: 280,
        x: { label: "call number" },
        y: { type: "log", label: "time per call (ms, log scale)", grid: true },
        marks: [
          Plot.ruleY([s.steady.median], { stroke: "currentColor", strokeDasharray: "4 4", strokeOpacity: 0.6 }),
          Plot.dot(rows, { x: "call", y: "ms", r: 2, fill: "currentColor", tip: true }),
        ],
      });
      this.#part("chart").replaceChildren(chart);
      this.#part("first").textContent = ms(s.firstMs);
      this.#part("steady").textContent = `${ms(s.steady.median)} (IQR ${ms(s.steady.iqr)})`;
      this.#part("factor").textContent = `${s.coldFactor.toFixed(1)}×`;
      this.#part("summary").hidden = false;
      status.textContent = `Done: ${times.length} calls.`;
    } catch (e) {
      status.textContent = `The warm-up run failed: ${(e as Error).message}`;
    } finally {
      worker.terminate();
      button.disabled = false;
    }
  }
}

customElements.define("ec-warmup-curve", WarmupCurve);
