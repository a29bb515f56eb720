import { version } from "../../package.json";
import type { EnvV1 } from "./results.ts";
import { measureTimerResolution } from "./timer-resolution.ts";
import { detectWasmFeatures } from "./wasm-features.ts";

/** Describes the machine and browser a run happens on; works in the page and in workers. */
export function captureEnv(extra: { kernelIsa: string; quick: boolean }): EnvV1 {
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    timerResolutionMs: measureTimerResolution(),
    wasm: detectWasmFeatures(),
    siteVersion: version,
    date: new Date().toISOString(),
    ...extra,
  };
}
