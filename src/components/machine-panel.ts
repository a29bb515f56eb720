import { RunnerClient } from "./bench/runner-client.ts";

const yesNo = (b: boolean) => (b ? "yes" : "no");

/** Short browser name and version from the user agent, e.g. "Chrome 142". */
function browserName(ua: string): string {
  const m = /(Firefox|Edg|OPR|Chrome|Version)\/(\d+)/.exec(ua);
  if (!m) return ua;
  const name = { Edg: "Edge", OPR: "Opera", Version: "Safari" }[m[1]!] ?? m[1];
  return `${name} ${m[2]}`;
}

/** <ec-machine>: fills the facts from a probe run in a worker (the timer spin never blocks the page). */
class MachinePanel extends HTMLElement {
  async connectedCallback(): Promise<void> {
    const runner = new RunnerClient();
    try {
      const env = await runner.probe();
      const facts: Record<string, string> = {
        threads: String(env.hardwareConcurrency),
        isolated: env.crossOriginIsolated ? "yes — SharedArrayBuffer and the worker pool are on" : "no — benchmarks run single-threaded",
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
      const el = this.querySelector<HTMLElement>('[data-part="error"]')!;
      el.textContent = `The machine probe failed: ${error instanceof Error ? error.message : String(error)}`;
      el.hidden = false;
    } finally {
      runner.dispose();
    }
  }
}

customElements.define("ec-machine", MachinePanel);
