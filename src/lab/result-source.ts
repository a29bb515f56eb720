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

export function liveSource(bench: Pick<Benchmark, "baseline">, results: readonly ResultV1[], env?: EnvV1): ResultSource {
  return { label: LIVE_SOURCE_LABEL, imported: false, env, results, baseline: bench.baseline };
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
export function describeEnv(env: EnvV1): string {
  const threads = threadsText(env.hardwareConcurrency);
  const n = env.native;
  if (!n) return `${browserName(env.userAgent)}, ${threads}`;
  const python = /^\d/.test(n.python) ? `Python ${n.python}` : n.python;
  return `${python} / numpy ${n.numpy} / ${n.blas.name}, ${threads}`;
}

/** The environment as term/value pairs, for the details list under the table. */
export function envFacts(env: EnvV1): [string, string][] {
  const n = env.native;
  const common: [string, string][] = [["Date", env.date], ["Run", env.quick ? "quick" : "full"], ...reproducibilityFacts(env)];
  if (!n) {
    return [
      ["Browser", env.userAgent],
      ["Hardware threads", String(env.hardwareConcurrency)],
      ["Cross-origin isolated", env.crossOriginIsolated ? "yes" : "no"],
      ["Timer resolution", `${env.timerResolutionMs} ms`],
      ["WebAssembly kernels", env.kernelIsa],
      ["Site version", env.siteVersion],
      ...common,
    ];
  }
  const unknown = (x: number | string | null) => (x === null ? "unknown" : String(x));
  const threadEnv = Object.entries(n.threadEnv).map(([k, v]) => `${k}=${v ?? "unset"}`);
  return [
    ["CPU", unknown(n.cpuModel)],
    ["Cores", `${unknown(n.logicalCores)} logical, ${unknown(n.physicalCores)} physical`],
    ["Python", n.python],
    ["numpy", n.numpy],
    [
      "BLAS",
      `${[n.blas.name, n.blas.version].filter(Boolean).join(" ")}, ${n.blas.threads === null ? "thread count unknown" : threadsText(n.blas.threads)}`,
    ],
    ["Thread variables", threadEnv.length ? threadEnv.join(", ") : "none set"],
    ["Platform", env.userAgent],
    ...common,
  ];
}

/** The optional facts a citation needs, those the file has. */
function reproducibilityFacts(env: EnvV1): [string, string][] {
  const facts: [string, string | undefined][] = [
    ["CPU model (typed by the reader)", env.cpuModel],
    ["Browser version", env.browserVersion],
    ["Operating system", env.os],
    ["Architecture", env.arch],
    ["Device memory", env.deviceMemory === undefined ? undefined : `${env.deviceMemory} GiB (as the browser rounds it)`],
    ["Browser flags", env.browserFlags?.join(" ")],
    ["Site commit", env.commit],
    ...Object.entries(env.wasmSha256 ?? {}).map(([isa, hash]): [string, string] => [`SHA-256 of ${isa}.wasm`, hash]),
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
): ResultSource {
  const results = doc.results.filter((r) => r.bench === bench.id);
  if (results.length === 0) {
    const held = [...new Set(doc.results.map((r) => r.bench))];
    const list = held.length === 0 ? "no results at all" : `results for ${held.slice(0, 5).join(", ")}${held.length > 5 ? "…" : ""}`;
    throw new Error(`this file has no results for benchmark ${bench.id} (it has ${list})`);
  }
  const base = `${origin}: ${describeEnv(doc.env)}`;
  let label = base;
  for (let i = 2; taken.includes(label); i++) label = `${base} (${i})`;
  return { label, imported: true, env: doc.env, results, baseline: doc.baselines?.[bench.id] ?? sourceBaseline(bench.baseline, results) };
}
