import { version } from "../../package.json";
import type { EnvV1 } from "./results.ts";
import { measureTimerResolution } from "./timer-resolution.ts";
import { detectWasmFeatures } from "./wasm-features.ts";

/** What the run adds to the environment: which kernels ran, and how the browser was started. */
export interface EnvExtra {
  kernelIsa: string;
  quick: boolean;
  wasmSha256?: Record<string, string>;
  browserFlags?: string[];
}

/** The git commit the build injected (astro.config.mjs, `define`); "unknown" outside a build. */
export const SITE_COMMIT = typeof __EVERY_CORE_COMMIT__ === "string" ? __EVERY_CORE_COMMIT__ : "unknown";

/** The parts of navigator.userAgentData (Chromium only) a citation uses. */
interface UserAgentData {
  getHighEntropyValues(hints: string[]): Promise<{
    fullVersionList?: { brand: string; version: string }[];
    platform?: string;
    platformVersion?: string;
    architecture?: string;
    bitness?: string;
  }>;
}

/** Browser version, OS and architecture as far as the browser tells; nothing where it does not. */
async function browserDetails(): Promise<Pick<EnvV1, "browserVersion" | "os" | "arch">> {
  const data = (navigator as Navigator & { userAgentData?: UserAgentData }).userAgentData;
  if (!data) return { browserVersion: navigator.userAgent };
  try {
    const v = await data.getHighEntropyValues(["fullVersionList", "platform", "platformVersion", "architecture", "bitness"]);
    // "Not A Brand" entries are GREASE: deliberately meaningless.
    const brands = (v.fullVersionList ?? []).filter((b) => !/not.a.brand/i.test(b.brand));
    const details: Pick<EnvV1, "browserVersion" | "os" | "arch"> = {
      browserVersion: brands.length ? brands.map((b) => `${b.brand} ${b.version}`).join(", ") : navigator.userAgent,
    };
    if (v.platform) details.os = [v.platform, v.platformVersion].filter(Boolean).join(" ");
    if (v.architecture) details.arch = [v.architecture, v.bitness && `${v.bitness}-bit`].filter(Boolean).join(" ");
    return details;
  } catch {
    return { browserVersion: navigator.userAgent };
  }
}

/** Describes the machine and browser a run happens on; works in the page and in workers. */
export async function captureEnv(extra: EnvExtra): Promise<EnvV1> {
  const deviceMemory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
  return {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: globalThis.crossOriginIsolated === true,
    timerResolutionMs: measureTimerResolution(),
    wasm: detectWasmFeatures(),
    siteVersion: version,
    date: new Date().toISOString(),
    commit: SITE_COMMIT,
    ...(await browserDetails()),
    ...(typeof deviceMemory === "number" ? { deviceMemory } : {}),
    ...extra,
  };
}
