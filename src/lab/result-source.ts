import type { Benchmark } from "./benchmark.ts";
import { threadsText } from "./claims.ts";
import type { EnvV1, ResultV1, ResultsV1 } from "./results.ts";

/** Results shown together in one table: the live run of this page, or one imported file. */
export interface ResultSource {
  /** What the Source column says: "This browser (live)" or "Imported: …". */
  label: string;
  imported: boolean;
  /** Where the results were measured; a live run knows it only once it has finished. */
  env: EnvV1 | undefined;
  results: readonly ResultV1[];
  /** The variant this source's speedups are relative to; undefined when it measured none. */
  baseline: string | undefined;
}

export const LIVE_SOURCE_LABEL = "This browser (live)";

/** The words a source's label is made of: English by default (the CLI's); a page passes its language's. */
export interface SourceWords {
  live: string;
  threads(n: number): string;
}

const ENGLISH: SourceWords = { live: LIVE_SOURCE_LABEL, threads: threadsText };

export function liveSource(
  bench: Pick<Benchmark, "baseline">,
  results: readonly ResultV1[],
  env?: EnvV1,
  words: SourceWords = ENGLISH,
): ResultSource {
  return { label: words.live, imported: false, env, results, baseline: bench.baseline };
}

/** "Chrome 142", "Firefox 133"…, from a user-agent string; the string itself when it is not one we know. */
export function browserName(userAgent: string): string {
  const known: [RegExp, string][] = [
    [/\bEdg\/(\d+)/, "Edge"],
    [/\bFirefox\/(\d+)/, "Firefox"],
    [/\bHeadlessChrome\/(\d+)/, "Headless Chrome"],
    [/\bChrome\/(\d+)/, "Chrome"],
    [/\bVersion\/(\d+)[^ ]* .*Safari\//, "Safari"],
  ];
  for (const [pattern, name] of known) {
    const version = pattern.exec(userAgent)?.[1];
    if (version) return `${name} ${version}`;
  }
  return userAgent.length > 60 ? `${userAgent.slice(0, 60)}…` : userAgent || "unknown browser";
}

/** One line naming the engine and the machine: "CPython 3.12.3 / numpy 2.1.0 / openblas, 32 threads". */
export function describeEnv(env: EnvV1, words: SourceWords = ENGLISH): string {
  const threads = words.threads(env.hardwareConcurrency);
  const n = env.native;
  if (!n) return `${browserName(env.userAgent)}, ${threads}`;
  const python = /^\d/.test(n.python) ? `Python ${n.python}` : n.python;
  return `${python} / numpy ${n.numpy} / ${n.blas.name}, ${threads}`;
}

/** The terms and fixed words of an environment's facts, by message key (components/i18n spreads the English ones). */
export interface EnvTerms {
  envDate: string;
  envRun: string;
  envQuick: string;
  envFull: string;
  envBrowser: string;
  envHardwareThreads: string;
  envIsolated: string;
  envYes: string;
  envNo: string;
  envTimerResolution: string;
  envWasmKernels: string;
  envSiteVersion: string;
  envCpu: string;
  envCores: string;
  envCoresValue: (logical: string, physical: string) => string;
  envBlasThreadsUnknown: string;
  envThreadVariables: string;
  envNoneSet: string;
  envUnset: string;
  envPlatform: string;
  envUnknown: string;
  envCpuModelTyped: string;
  envBrowserVersion: string;
  envOs: string;
  envArch: string;
  envDeviceMemory: string;
  envDeviceMemoryValue: (gib: number) => string;
  envBrowserFlags: string;
  envSiteCommit: string;
  envWasmSha256: (isa: string) => string;
}

export const ENGLISH_ENV_TERMS: EnvTerms = {
  envDate: "Date",
  envRun: "Run",
  envQuick: "quick",
  envFull: "full",
  envBrowser: "Browser",
  envHardwareThreads: "Hardware threads",
  envIsolated: "Cross-origin isolated",
  envYes: "yes",
  envNo: "no",
  envTimerResolution: "Timer resolution",
  envWasmKernels: "WebAssembly kernels",
  envSiteVersion: "Site version",
  envCpu: "CPU",
  envCores: "Cores",
  envCoresValue: (logical, physical) => `${logical} logical, ${physical} physical`,
  envBlasThreadsUnknown: "thread count unknown",
  envThreadVariables: "Thread variables",
  envNoneSet: "none set",
  envUnset: "unset",
  envPlatform: "Platform",
  envUnknown: "unknown",
  envCpuModelTyped: "CPU model (typed by the reader)",
  envBrowserVersion: "Browser version",
  envOs: "Operating system",
  envArch: "Architecture",
  envDeviceMemory: "Device memory",
  envDeviceMemoryValue: (gib) => `${gib} GiB (as the browser rounds it)`,
  envBrowserFlags: "Browser flags",
  envSiteCommit: "Site commit",
  envWasmSha256: (isa) => `SHA-256 of ${isa}.wasm`,
};

/** An environment's words: its terms and a thread count. */
export interface EnvWords extends EnvTerms {
  threadCount(n: number): string;
}

const ENGLISH_ENV: EnvWords = { ...ENGLISH_ENV_TERMS, threadCount: threadsText };

/**
 * The environment as term/value pairs, for the details list under the table: in English by
 * default (the CLI's, a citation's); a page passes its language's message table.
 */
export function envFacts(env: EnvV1, w: EnvWords = ENGLISH_ENV): [string, string][] {
  const n = env.native;
  const common: [string, string][] = [
    [w.envDate, env.date],
    [w.envRun, env.quick ? w.envQuick : w.envFull],
    ...reproducibilityFacts(env, w),
  ];
  if (!n) {
    return [
      [w.envBrowser, env.userAgent],
      [w.envHardwareThreads, String(env.hardwareConcurrency)],
      [w.envIsolated, env.crossOriginIsolated ? w.envYes : w.envNo],
      [w.envTimerResolution, `${env.timerResolutionMs} ms`],
      [w.envWasmKernels, env.kernelIsa],
      [w.envSiteVersion, env.siteVersion],
      ...common,
    ];
  }
  const unknown = (x: number | string | null) => (x === null ? w.envUnknown : String(x));
  const threadEnv = Object.entries(n.threadEnv).map(([k, v]) => `${k}=${v ?? w.envUnset}`);
  return [
    [w.envCpu, unknown(n.cpuModel)],
    [w.envCores, w.envCoresValue(unknown(n.logicalCores), unknown(n.physicalCores))],
    ["Python", n.python],
    ["numpy", n.numpy],
    [
      "BLAS",
      `${[n.blas.name, n.blas.version].filter(Boolean).join(" ")}, ${n.blas.threads === null ? w.envBlasThreadsUnknown : w.threadCount(n.blas.threads)}`,
    ],
    [w.envThreadVariables, threadEnv.length ? threadEnv.join(", ") : w.envNoneSet],
    [w.envPlatform, env.userAgent],
    ...common,
  ];
}

/** The optional facts a citation needs, those the file has. */
function reproducibilityFacts(env: EnvV1, w: EnvTerms): [string, string][] {
  const facts: [string, string | undefined][] = [
    [w.envCpuModelTyped, env.cpuModel],
    [w.envBrowserVersion, env.browserVersion],
    [w.envOs, env.os],
    [w.envArch, env.arch],
    [w.envDeviceMemory, env.deviceMemory === undefined ? undefined : w.envDeviceMemoryValue(env.deviceMemory)],
    [w.envBrowserFlags, env.browserFlags?.join(" ")],
    [w.envSiteCommit, env.commit],
    ...Object.entries(env.wasmSha256 ?? {}).map(([isa, hash]): [string, string] => [w.envWasmSha256(isa), hash]),
  ];
  return facts.filter((f): f is [string, string] => f[1] !== undefined && f[1] !== "");
}

/**
 * For a file that names no baseline (written before `baselines` existed), the variant its speedups
 * are relative to: the benchmark's baseline if the source measured it, else the same op, type and method on another engine (`conv2d-f32-direct-ref` →
 * `conv2d-f32-direct-python`), since a native run races its own implementations.
 */
export function sourceBaseline(baseline: string, results: readonly ResultV1[]): string | undefined {
  if (results.some((r) => r.variant === baseline)) return baseline;
  const method = baseline.slice(0, baseline.lastIndexOf("-") + 1);
  if (!method) return undefined;
  return results.find((r) => r.variant.startsWith(method) && !r.variant.slice(method.length).includes("-"))?.variant;
}

/**
 * The results of `bench` in an imported file (or a shared link, or an earlier run: `origin` names
 * which), labelled apart from the sources already shown (`taken`). Throws when the file holds
 * nothing for this benchmark, naming what it does hold.
 */
export function importedSource(
  doc: ResultsV1,
  bench: Pick<Benchmark, "id" | "baseline">,
  taken: readonly string[],
  origin = "Imported",
  words: SourceWords = ENGLISH,
): ResultSource {
  const results = doc.results.filter((r) => r.bench === bench.id);
  if (results.length === 0) {
    const held = [...new Set(doc.results.map((r) => r.bench))];
    const list = held.length === 0 ? "no results at all" : `results for ${held.slice(0, 5).join(", ")}${held.length > 5 ? "…" : ""}`;
    throw new Error(`this file has no results for benchmark ${bench.id} (it has ${list})`);
  }
  const base = `${origin}: ${describeEnv(doc.env, words)}`;
  let label = base;
  for (let i = 2; taken.includes(label); i++) label = `${base} (${i})`;
  return { label, imported: true, env: doc.env, results, baseline: doc.baselines?.[bench.id] ?? sourceBaseline(bench.baseline, results) };
}
