import type { ThreadsReduced } from "./wasm-memory-fit.ts";
import type { ClaimResult, ClaimStatus } from "./claims.ts";
import { LEGACY_KERNEL_ISAS, LEGACY_VARIANT_IDS, LEGACY_VARIANT_IDS_BY_BENCH } from "./legacy-variant-ids.ts";
import { RESULTS_SCHEMA, type EnvV1, type NativeEnv, type ResultV1, type ResultsV1 } from "./results.ts";

/** How much an imported results file may hold. A real run stays far below every limit. */
export interface ImportLimits {
  /** Characters of JSON text (a UTF-8 file of n bytes never decodes to more than n). */
  maxChars: number;
  /** Entries of results[], claims[] and skipped[]. */
  maxEntries: number;
  /** Entries of one result's samples[]. */
  maxSamples: number;
  /** Characters of any one string. */
  maxString: number;
  /** Keys of a params or threadEnv object. */
  maxKeys: number;
}

export const IMPORT_LIMITS: ImportLimits = {
  maxChars: 5 * 2 ** 20,
  maxEntries: 10_000,
  maxSamples: 10_000,
  maxString: 500,
  maxKeys: 100,
};

/** Keys that would reach an object's prototype if a later reader copied them with plain assignment. */
const RESERVED_KEYS = new Set(["__proto__", "constructor", "prototype"]);

/** A value as an error message shows it: short, and never more than a glimpse of a string. */
function show(v: unknown): string {
  if (v === undefined) return "nothing (the field is missing)";
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  if (typeof v === "object") return "an object";
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  return String(v);
}

function fail(path: string, expected: string, got: unknown): never {
  throw new Error(`${path}: expected ${expected}, got ${show(got)}`);
}

/** Reads imported JSON field by field; every check names the path of what it checks. */
class Reader {
  readonly limits: ImportLimits;

  constructor(limits: ImportLimits) {
    this.limits = limits;
  }

  object(v: unknown, path: string): Record<string, unknown> {
    if (typeof v !== "object" || v === null || Array.isArray(v)) fail(path, "an object", v);
    return v as Record<string, unknown>;
  }

  /** An own field only: a file cannot reach inherited properties. */
  field(o: Record<string, unknown>, key: string): unknown {
    return Object.hasOwn(o, key) ? o[key] : undefined;
  }

  string(v: unknown, path: string): string {
    const { maxString } = this.limits;
    if (typeof v !== "string") fail(path, "a string", v);
    if (v.length > maxString) throw new Error(`${path}: expected at most ${maxString} characters, got ${v.length}`);
    return v;
  }

  /** Times, rates and errors: finite and never negative. */
  number(v: unknown, path: string): number {
    if (typeof v !== "number" || !Number.isFinite(v) || v < 0) fail(path, "a finite number ≥ 0", v);
    return v;
  }

  finite(v: unknown, path: string): number {
    if (typeof v !== "number" || !Number.isFinite(v)) fail(path, "a finite number", v);
    return v;
  }

  integer(v: unknown, path: string, min: number): number {
    if (typeof v !== "number" || !Number.isSafeInteger(v) || v < min) fail(path, `an integer ≥ ${min}`, v);
    return v;
  }

  boolean(v: unknown, path: string): boolean {
    if (typeof v !== "boolean") fail(path, "true or false", v);
    return v;
  }

  array<T>(v: unknown, path: string, max: number, item: (x: unknown, path: string) => T): T[] {
    if (!Array.isArray(v)) fail(path, "an array", v);
    if (v.length > max) throw new Error(`${path}: expected at most ${max} entries, got ${v.length}`);
    return v.map((x, i) => item(x, `${path}[${i}]`));
  }

  /** A JSON object used as a dictionary (params, threadEnv): bounded, no prototype keys. */
  record<T>(v: unknown, path: string, value: (x: unknown, path: string) => T): Record<string, T> {
    const o = this.object(v, path);
    const keys = Object.keys(o);
    if (keys.length > this.limits.maxKeys) throw new Error(`${path}: expected at most ${this.limits.maxKeys} keys, got ${keys.length}`);
    return Object.fromEntries(
      keys.map((key) => {
        const keyPath = `${path}.${this.string(key, `${path} key`)}`;
        if (RESERVED_KEYS.has(key)) throw new Error(`${keyPath}: this key name is not allowed`);
        return [key, value(o[key], keyPath)];
      }),
    );
  }

  nullable<T>(v: unknown, path: string, read: (x: unknown, path: string) => T): T | null {
    return v === null ? null : read(v, path);
  }

  /** An optional field: absent and null both mean "not given" (JSON writes Infinity as null). */
  optional<T>(v: unknown, path: string, read: (x: unknown, path: string) => T): T | undefined {
    return v === undefined || v === null ? undefined : read(v, path);
  }
}

/** The entry of a table of renamings for `name`, if it has one (own keys only: a file cannot reach the prototype). */
function renamed<T>(table: Readonly<Record<string, T>> | undefined, name: string): T | undefined {
  return table && Object.hasOwn(table, name) ? table[name] : undefined;
}

/** A variant id as files saved before the kernel-name vocabulary wrote it, as it is called today. */
export function currentVariant(bench: string | undefined, id: string): string {
  const byBench = bench === undefined ? undefined : renamed(LEGACY_VARIANT_IDS_BY_BENCH, bench);
  return renamed(byBench, id) ?? renamed(LEGACY_VARIANT_IDS, id) ?? id;
}

/** A kernel build's name (env.kernelIsa, the keys of env.wasmSha256), as it is called today. */
const currentIsa = (isa: string) => renamed(LEGACY_KERNEL_ISAS, isa) ?? isa;

function readNative(r: Reader, v: unknown, path: string): NativeEnv {
  const o = r.object(v, path);
  const f = (key: string) => r.field(o, key);
  const blas = r.object(f("blas"), `${path}.blas`);
  const b = (key: string) => r.field(blas, key);
  const str = (x: unknown, p: string) => r.string(x, p);
  const cores = (x: unknown, p: string) => r.integer(x, p, 1);
  return {
    cpuModel: r.nullable(f("cpuModel"), `${path}.cpuModel`, str),
    logicalCores: r.nullable(f("logicalCores"), `${path}.logicalCores`, cores),
    physicalCores: r.nullable(f("physicalCores"), `${path}.physicalCores`, cores),
    python: r.string(f("python"), `${path}.python`),
    numpy: r.string(f("numpy"), `${path}.numpy`),
    blas: {
      name: r.string(b("name"), `${path}.blas.name`),
      version: r.nullable(b("version"), `${path}.blas.version`, str),
      threads: r.nullable(b("threads"), `${path}.blas.threads`, cores),
    },
    threadEnv: r.record(f("threadEnv"), `${path}.threadEnv`, (x, p) => r.nullable(x, p, str)),
  };
}

function readEnv(r: Reader, v: unknown, path: string): EnvV1 {
  const o = r.object(v, path);
  const f = (key: string) => r.field(o, key);
  const wasm = r.object(f("wasm"), `${path}.wasm`);
  const date = r.string(f("date"), `${path}.date`);
  if (!Number.isFinite(Date.parse(date))) fail(`${path}.date`, "an ISO 8601 date", date);
  const env: EnvV1 = {
    userAgent: r.string(f("userAgent"), `${path}.userAgent`),
    hardwareConcurrency: r.integer(f("hardwareConcurrency"), `${path}.hardwareConcurrency`, 1),
    crossOriginIsolated: r.boolean(f("crossOriginIsolated"), `${path}.crossOriginIsolated`),
    timerResolutionMs: r.number(f("timerResolutionMs"), `${path}.timerResolutionMs`),
    wasm: {
      simd: r.boolean(r.field(wasm, "simd"), `${path}.wasm.simd`),
      threads: r.boolean(r.field(wasm, "threads"), `${path}.wasm.threads`),
      relaxedSimd: r.boolean(r.field(wasm, "relaxedSimd"), `${path}.wasm.relaxedSimd`),
    },
    kernelIsa: currentIsa(r.string(f("kernelIsa"), `${path}.kernelIsa`)),
    siteVersion: r.string(f("siteVersion"), `${path}.siteVersion`),
    date,
    quick: r.boolean(f("quick"), `${path}.quick`),
  };
  const native = f("native");
  if (native !== undefined) env.native = readNative(r, native, `${path}.native`);
  readReproducibility(r, o, path, env);
  return env;
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** The optional fields a citation needs (results.ts EnvV1, after `native`): each checked when present. */
function readReproducibility(r: Reader, o: Record<string, unknown>, path: string, env: EnvV1): void {
  const str = (x: unknown, p: string) => r.string(x, p);
  const text = (key: "commit" | "browserVersion" | "os" | "arch" | "cpuModel") => {
    const value = r.optional(r.field(o, key), `${path}.${key}`, str);
    if (value !== undefined) env[key] = value;
  };
  text("commit");
  const hashes = r.optional(r.field(o, "wasmSha256"), `${path}.wasmSha256`, (x, p) =>
    r.record(x, p, (h, hp) => {
      if (typeof h !== "string" || !SHA256_HEX.test(h)) fail(hp, "a SHA-256 in hex (64 characters 0-9a-f)", h);
      return h;
    }),
  );
  if (hashes !== undefined) env.wasmSha256 = Object.fromEntries(Object.entries(hashes).map(([isa, hash]) => [currentIsa(isa), hash]));
  text("browserVersion");
  text("os");
  text("arch");
  const memory = r.optional(r.field(o, "deviceMemory"), `${path}.deviceMemory`, (x, p) => r.number(x, p));
  if (memory !== undefined) env.deviceMemory = memory;
  const flags = r.optional(r.field(o, "browserFlags"), `${path}.browserFlags`, (x, p) => r.array(x, p, r.limits.maxKeys, str));
  if (flags !== undefined) env.browserFlags = flags;
  text("cpuModel");
}

function readCorrectness(r: Reader, v: unknown, path: string): ResultV1["correctness"] {
  const o = r.object(v, path);
  const ok = r.boolean(r.field(o, "ok"), `${path}.ok`);
  // JSON has no Infinity: a run whose output held NaN or had the wrong length wrote null here.
  const maxError = r.field(o, "maxError");
  return {
    ok,
    maxError: maxError === null && !ok ? Infinity : r.number(maxError, `${path}.maxError`),
    tolerance: r.number(r.field(o, "tolerance"), `${path}.tolerance`),
  };
}

function readCi95(r: Reader, v: unknown, path: string): [number, number] {
  if (!Array.isArray(v) || v.length !== 2) fail(path, "two numbers [low, high]", v);
  return [r.number(v[0], `${path}[0]`), r.number(v[1], `${path}[1]`)];
}

function readResult(r: Reader, v: unknown, path: string): ResultV1 {
  const o = r.object(v, path);
  const f = (key: string) => r.field(o, key);
  const nonNegative = (key: string) => r.number(f(key), `${path}.${key}`);
  const bench = r.string(f("bench"), `${path}.bench`);
  const result: ResultV1 = {
    bench,
    case: r.string(f("case"), `${path}.case`),
    variant: currentVariant(bench, r.string(f("variant"), `${path}.variant`)),
    params: r.record(f("params"), `${path}.params`, (x, p) => r.finite(x, p)),
    threads: r.integer(f("threads"), `${path}.threads`, 1),
    samples: r.array(f("samples"), `${path}.samples`, r.limits.maxSamples, (x, p) => r.number(x, p)),
    n: r.integer(f("n"), `${path}.n`, 0),
    median: nonNegative("median"),
    iqr: nonNegative("iqr"),
    min: nonNegative("min"),
    ci95: readCi95(r, f("ci95"), `${path}.ci95`),
    cv: nonNegative("cv"),
    noisy: r.boolean(f("noisy"), `${path}.noisy`),
    correctness: readCorrectness(r, f("correctness"), `${path}.correctness`),
  };
  // Optional rates: absent when the benchmark has no work model for them.
  for (const key of ["gflops", "gbps", "intensity"] as const) {
    const value = r.optional(f(key), `${path}.${key}`, (x, p) => r.number(x, p));
    if (value !== undefined) result[key] = value;
  }
  return result;
}

const CLAIM_STATUSES: readonly ClaimStatus[] = ["pass", "fail", "unavailable"];

function readClaim(r: Reader, v: unknown, path: string): ClaimResult {
  const o = r.object(v, path);
  const f = (key: string) => r.field(o, key);
  const status = f("status");
  if (!CLAIM_STATUSES.includes(status as ClaimStatus)) fail(`${path}.status`, CLAIM_STATUSES.map((s) => `"${s}"`).join(" or "), status);
  const claim: ClaimResult = {
    id: r.string(f("id"), `${path}.id`),
    status: status as ClaimStatus,
    required: r.number(f("required"), `${path}.required`),
  };
  const ratio = r.optional(f("ratio"), `${path}.ratio`, (x, p) => r.number(x, p));
  const reason = r.optional(f("reason"), `${path}.reason`, (x, p) => r.string(x, p));
  const firstRatio = r.optional(f("firstRatio"), `${path}.firstRatio`, (x, p) => r.number(x, p));
  if (ratio !== undefined) claim.ratio = ratio;
  if (reason !== undefined) claim.reason = reason;
  if (firstRatio !== undefined) claim.firstRatio = firstRatio;
  const by = r.optional(f("by"), `${path}.by`, (x, p): "fastest" => (x === "fastest" ? x : fail(p, '"fastest"', x)));
  if (by !== undefined) claim.by = by;
  const capacity = r.optional(f("capacity"), `${path}.capacity`, (x, p) => r.number(x, p));
  if (capacity !== undefined) claim.capacity = capacity;
  const codeFactor = r.optional(f("codeFactor"), `${path}.codeFactor`, (x, p) => r.number(x, p));
  if (codeFactor !== undefined) claim.codeFactor = codeFactor;
  return claim;
}

/**
 * Validates a results file someone chose to import (from another browser, or a native run of the
 * Python companion) and returns a fresh, typed copy holding only the known fields. Throws an Error
 * whose message names the offending path, e.g. `results[3].median: expected a finite number ≥ 0,
 * got "abc"`. Strings are returned as text; whoever shows them must not parse them as HTML.
 * Variant ids and kernel builds saved under their names of before the kernel-name vocabulary come
 * back under today's (legacy-variant-ids.ts), so old files, share links and history still match.
 */
export function parseResults(text: string, limits: ImportLimits = IMPORT_LIMITS): ResultsV1 {
  if (text.length > limits.maxChars) {
    throw new Error(`the file holds ${text.length} characters; at most ${limits.maxChars} are accepted`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`the file is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const r = new Reader(limits);
  const o = r.object(json, "the file");
  const schema = r.field(o, "schema");
  if (schema !== RESULTS_SCHEMA) fail("schema", `"${RESULTS_SCHEMA}"`, schema);
  const results = r.array(r.field(o, "results"), "results", limits.maxEntries, (x, p) => readResult(r, x, p));
  const baselines = r.optional(r.field(o, "baselines"), "baselines", (x, p) => readBaselines(r, x, p, results));
  const threadsReduced = r.optional(r.field(o, "threadsReduced"), "threadsReduced", (x, p) =>
    r.array(x, p, limits.maxEntries, (y, q) => readThreadsReduced(r, y, q)),
  );
  return {
    schema: RESULTS_SCHEMA,
    env: readEnv(r, r.field(o, "env"), "env"),
    results,
    claims: r.array(r.field(o, "claims"), "claims", limits.maxEntries, (x, p) => readClaim(r, x, p)),
    skipped: r.array(r.field(o, "skipped"), "skipped", limits.maxEntries, (x, p) => {
      const s = r.object(x, p);
      return {
        variant: currentVariant(undefined, r.string(r.field(s, "variant"), `${p}.variant`)),
        reason: r.string(r.field(s, "reason"), `${p}.reason`),
      };
    }),
    ...(threadsReduced ? { threadsReduced } : {}),
    ...(baselines ? { baselines } : {}),
  };
}

/** A run that fell back to fewer threads for memory: who, how many instead of how many, and the bytes. */
function readThreadsReduced(r: Reader, v: unknown, path: string): ThreadsReduced {
  const o = r.object(v, path);
  return {
    variant: currentVariant(undefined, r.string(r.field(o, "variant"), `${path}.variant`)),
    case: r.string(r.field(o, "case"), `${path}.case`),
    requested: r.integer(r.field(o, "requested"), `${path}.requested`, 1),
    threads: r.integer(r.field(o, "threads"), `${path}.threads`, 1),
    bytesNeeded: r.integer(r.field(o, "bytesNeeded"), `${path}.bytesNeeded`, 0),
    bytesAvailable: r.integer(r.field(o, "bytesAvailable"), `${path}.bytesAvailable`, 0),
  };
}

/** Each benchmark's baseline must be a variant the file measured for that benchmark. */
function readBaselines(r: Reader, v: unknown, path: string, results: readonly ResultV1[]): Record<string, string> {
  return r.record(v, path, (x, p) => {
    const bench = p.slice(path.length + 1);
    const variant = currentVariant(bench, r.string(x, p));
    if (!results.some((result) => result.bench === bench && result.variant === variant)) {
      throw new Error(`${p}: the file has no result of variant ${show(variant)} for benchmark ${show(bench)}`);
    }
    return variant;
  });
}
