import { describe, expect, it } from "vitest";
import { defineBenchmark, threadCounts, type Params, type Variant } from "./benchmark.ts";
import type { ClaimSide } from "./claims.ts";
import { REMEASURE_PAUSES_MS, checkRunOptions, runBenchmark, type RunOptions, type RunProgress } from "./run-benchmark.ts";
import { MAX_RUN_THREADS } from "./run-threads.ts";
import type { LabPool } from "./pool/lab-pool-jobs.ts";
import { testWasmContext } from "./test-wasm-context.ts";
import { labPoolJobs } from "./pool/lab-pool-jobs.ts";
import { ClaimCounter } from "../kernels/pool/claim-counter.ts";
import { SerialPool } from "../kernels/pool/serial-pool.ts";
import { ARENA_CAPACITY_BYTES } from "../kernels/wasm/wasm-arena.ts";
import { ROUND_PLAN, SIDE_BY_SIDE_ROUNDS } from "./timing.ts";

/** A tiny benchmark: sum of squares, a right variant, a wrong one, and one that needs isolation. */
const squares = defineBenchmark<Params & { n: number }, Float32Array>({
  id: "squares",
  title: "Squares",
  chapter: "/test/",
  caseAxis: "n",
  cases: [
    { label: "n=64", params: { n: 64 } },
    { label: "n=256", params: { n: 256 } },
  ],
  seed: 1,
  input: ({ n }) => Float32Array.from({ length: n }, (_, i) => i / n),
  reference: (_, x) => x.map((v) => v * v),
  baseline: "squares-loop",
  flops: ({ n }) => n,
  tolerance: () => 1e-6,
  variants: [
    {
      id: "squares-loop",
      label: "loop",
      prepare(_, x) {
        const out = new Float32Array(x.length);
        return { run: () => x.forEach((v, i) => (out[i] = v * v)), output: () => out };
      },
    },
    {
      id: "squares-wrong",
      label: "off by one",
      prepare(_, x) {
        const out = new Float32Array(x.length);
        return { run: () => x.forEach((v, i) => (out[i] = v * v + (i === 3 ? 1 : 0))), output: () => out };
      },
    },
    { id: "squares-wasm", label: "wasm", needsIsolation: true, prepare: () => ({ run() {}, output: () => new Float32Array() }) },
  ],
  claims: [
    {
      id: "squares/same",
      case: "n=256",
      faster: { variant: "squares-loop" },
      slower: { variant: "squares-loop" },
      atLeast: 1,
      because: "it is the same code",
    },
    {
      id: "squares/wasm",
      case: "n=256",
      faster: { variant: "squares-wasm" },
      slower: { variant: "squares-loop" },
      atLeast: 2,
      because: "test",
    },
  ],
});

/** A one-case benchmark for testing claims: its variants' outputs are 8 zeros, as is the reference. */
function claimsOnly(id: string, title: string, baseline: string) {
  const n = 8;
  const output = () => new Float32Array(n);
  return {
    id,
    title,
    chapter: "/test/",
    caseAxis: "n",
    cases: [{ label: "n=8", params: { n } }],
    seed: 1,
    input: output,
    reference: output,
    baseline,
    flops: () => 0,
    tolerance: () => 0,
  };
}

describe("runBenchmark", () => {
  it("times every variant on every case, checks correctness and claims, reports progress", async () => {
    const progress: RunProgress[] = [];
    const doc = await runBenchmark(squares, { quick: true, threads: 1 }, {}, (p) => void progress.push(structuredClone(p)));
    expect(doc.schema).toBe("every-core/results/v1");
    expect(doc.results.map((r) => `${r.case}/${r.variant}`)).toEqual([
      "n=64/squares-loop",
      "n=64/squares-wrong",
      "n=256/squares-loop",
      "n=256/squares-wrong",
    ]);
    const wrong = doc.results.filter((r) => r.variant === "squares-wrong");
    expect(wrong.every((r) => !r.correctness.ok && r.correctness.maxError === 1)).toBe(true);
    expect(doc.results.filter((r) => r.variant === "squares-loop").every((r) => r.correctness.ok)).toBe(true);
    for (const r of doc.results) {
      expect(r.n).toBe(r.samples.length);
      expect(r.n).toBeGreaterThanOrEqual(5);
      expect(r.median).toBeGreaterThan(0);
      expect(r.gflops).toBeCloseTo(r.params.n! / (r.median * 1e6), 9);
    }
    expect(doc.skipped).toEqual([{ variant: "squares-wasm", reason: expect.stringContaining("cross-origin isolated") }]);
    expect(doc.claims).toEqual([
      { id: "squares/same", required: 1, status: expect.stringMatching(/pass|fail/), ratio: 1 },
      { id: "squares/wasm", required: 2, status: "unavailable", reason: expect.stringContaining("squares-wasm") },
    ]);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4]);
    expect(progress.at(-1)!.results).toHaveLength(4);
    expect(doc.env.kernelIsa).toBe("none");
  });

  it("measures a failed claim again after a pause, up to once per pause until it holds, and reports the first and last figures", async () => {
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    let prepares = 0;
    const n = 8;
    const output = () => new Float32Array(n);
    const borrowed = defineBenchmark<Params & { n: number }, Float32Array>({
      ...claimsOnly("borrowed", "A core borrowed for a moment", "steady"),
      variants: [
        { id: "steady", label: "steady", prepare: () => ({ run: () => spin(0.2), output }) },
        // Its first preparation runs while "another program" holds the core: twice as slow.
        { id: "borrowed-core", label: "borrowed", prepare: () => ((p) => ({ run: () => spin(p === 0 ? 0.4 : 0.02), output }))(prepares++) },
      ],
      claims: [
        {
          id: "borrowed/recovers",
          case: "n=8",
          faster: { variant: "borrowed-core" },
          slower: { variant: "steady" },
          atLeast: 2,
          because: "test",
        },
        {
          id: "borrowed/never",
          case: "n=8",
          faster: { variant: "steady" },
          slower: { variant: "borrowed-core" },
          atLeast: 2,
          because: "test",
        },
      ],
    });
    const progress: string[] = [];
    const doc = await runBenchmark(borrowed, { quick: true, threads: 1 }, {}, (p) => void progress.push(p.current));
    const [recovers, never] = doc.claims;
    expect(recovers).toMatchObject({ status: "pass", firstRatio: expect.closeTo(0.5, 0), by: "fastest" });
    expect(recovers!.ratio).toBeGreaterThan(2);
    expect(never).toMatchObject({ status: "fail", firstRatio: expect.any(Number), ratio: expect.any(Number) });
    // One re-measurement was enough for the claim that holds; the one that does not was measured once per pause.
    expect(progress.filter((p) => p === "re-measuring borrowed/recovers after a pause")).toHaveLength(1);
    expect(progress.filter((p) => p === "re-measuring borrowed/never after a pause")).toHaveLength(REMEASURE_PAUSES_MS.length);
    // The table holds the second measurement of each side, once.
    expect(doc.results.map((r) => r.variant)).toEqual(["steady", "borrowed-core"]);
    expect(doc.results[1]!.median).toBeLessThan(0.1);
  }, 120_000); // many spin-timed samples and three pauses: 20 s idle, more on a busy machine

  it("re-measures a failed claim's two sides in turn, so a slow period of the machine falls on both", async () => {
    const spin = (ms: number) => {
      const end = performance.now() + ms;
      while (performance.now() < end);
    };
    // The machine is three times slower while the first run times the faster side, and for two
    // whole rounds of the re-measurement (turns 4 to 7): timed one side after the other, the second
    // side would meet the slow period alone.
    const turns: string[] = [];
    const slowAt = (turn: number) => turn === 1 || (turn >= 2 + 4 && turn < 2 + 8);
    const variant = (id: string, ms: number) => ({
      id,
      label: id,
      prepare: () => {
        const factor = slowAt(turns.push(id) - 1) ? 3 : 1;
        return { run: () => spin(ms * factor), output: () => new Float32Array(8) };
      },
    });
    const slowPeriod = defineBenchmark<Params & { n: number }, Float32Array>({
      ...claimsOnly("slow-period", "A slow period", "slow"),
      variants: [variant("slow", 0.3), variant("fast", 0.1)],
      claims: [
        { id: "slow-period/fast", case: "n=8", faster: { variant: "fast" }, slower: { variant: "slow" }, atLeast: 2, because: "test" },
      ],
    });
    const doc = await runBenchmark(slowPeriod, { quick: true, threads: 1 }, {}, () => {});
    expect(doc.claims[0]).toMatchObject({ status: "pass", firstRatio: expect.closeTo(1, 0) });
    expect(doc.claims[0]!.ratio).toBeGreaterThan(2);
    expect(turns).toEqual(["slow", "fast", ...Array.from({ length: SIDE_BY_SIDE_ROUNDS }, () => ["slow", "fast"]).flat()]);
    expect(doc.results.every((r) => r.n >= SIDE_BY_SIDE_ROUNDS * ROUND_PLAN.minSamples)).toBe(true);
  }, 60_000);

  it("does not judge a claim across thread counts on cores that give no speed-up, and says what they gave", async () => {
    // A SerialPool runs a job's parts one after another: a machine whose second core gives nothing.
    const wasm = testWasmContext(64);
    const pool = new SerialPool(labPoolJobs, wasm.kernels, 2);
    const n = 8;
    const output = () => new Float32Array(n);
    // Each preparation lays out its own arena, as the capacity probe resets it between measurements.
    // `copies` times the work per part: 1 splits it, `parts` makes every part do all of it.
    const work = (parts: number, copies: number) => {
      wasm.arena.reset();
      const out = wasm.arena.allocF32(2 * parts);
      const counter = new ClaimCounter(wasm.arena);
      return () => {
        for (let c = 0; c < copies; c++) {
          counter.reset();
          pool.run("peak_f32x4_muladd_claimed_wasmsimd", { iterations: 2 ** 20, out: out.ptr, counter: counter.ptr }, parts);
        }
      };
    };
    const claim = (id: string, faster: ClaimSide, slower: ClaimSide, atLeast: number) => ({
      id: `one-core/${id}`,
      case: "n=8",
      faster,
      slower,
      atLeast,
      because: "test",
    });
    const oneCore = defineBenchmark<Params & { n: number }, Float32Array>({
      ...claimsOnly("one-core", "Two threads on one core", "split"),
      variants: [
        { id: "split", label: "split", parallel: true, prepare: (_p, _x, ctx) => ({ run: work(ctx.threads, 1), output }) },
        { id: "loop", label: "loop", prepare: () => ({ run: work(1, 1), output }) },
        {
          id: "redundant",
          label: "redundant",
          parallel: true,
          prepare: (_p, _x, ctx) => ({ run: work(ctx.threads, ctx.threads), output }),
        },
      ],
      claims: [
        claim("threads", { variant: "split", threads: 2 }, { variant: "split" }, 1.5),
        claim("variants", { variant: "split", threads: 2 }, { variant: "loop" }, 1.5),
        // Scales worse than the cores allow (every part repeats the work): the cores are no excuse.
        claim("redundant", { variant: "redundant", threads: 2 }, { variant: "redundant" }, 0.8),
      ],
    });
    const doc = await runBenchmark(oneCore, { quick: true, threads: 2 }, { wasm, pool }, () => {});
    const [threads, variants, redundant] = doc.claims;
    expect(threads).toMatchObject({ status: "unavailable", ratio: expect.any(Number), firstRatio: expect.any(Number) });
    expect(threads!.capacity).toBeLessThan(1.5);
    expect(threads!.codeFactor).toBeUndefined();
    expect(threads!.reason).toMatch(/pure arithmetic only \d\.\d\d× at these thread counts, less than the 1\.5× the claim needs/);
    // The same code on one thread either way: the code's factor is about 1, so the bound is the cores'.
    expect(variants).toMatchObject({ status: "unavailable", codeFactor: expect.closeTo(1, 0) });
    expect(redundant).toMatchObject({ status: "fail", capacity: expect.any(Number) });
    expect(redundant!.ratio).toBeLessThan(0.8);
    expect(redundant!.capacity).toBeGreaterThanOrEqual(0.8);
  }, 300_000); // each claim measured again once per pause, then the capacity probe: 67 s idle

  it("leaves a full-only case out of a quick run, and runs it in a full one", async () => {
    const big = defineBenchmark<Params & { n: number }, Float32Array>({
      id: "big",
      title: "",
      chapter: "/",
      caseAxis: "n",
      seed: 1,
      baseline: "copy",
      flops: () => 0,
      tolerance: () => 0,
      claims: [],
      cases: [
        { label: "n=64", params: { n: 64 } },
        { label: "n=256", params: { n: 256 }, fullOnly: true },
      ],
      input: ({ n }) => new Float32Array(n),
      reference: (_, x) => x,
      variants: [{ id: "copy", label: "copy", prepare: (_, x) => ({ run() {}, output: () => x }) }],
    });
    const cases = async (quick: boolean) =>
      new Set((await runBenchmark(big, { quick, threads: 1 }, {}, () => {})).results.map((r) => r.case));
    expect(await cases(true)).toEqual(new Set(["n=64"]));
    expect(await cases(false)).toEqual(new Set(["n=64", "n=256"]));
  });

  it("takes more threads than the machine reports, up to the pool's bound, and names the field otherwise", () => {
    expect(() => checkRunOptions({ quick: true, threads: 0 }, 8)).toThrow(/invalid threads: 0/);
    expect(() => checkRunOptions({ quick: true, threads: 1.5 }, 8)).toThrow(RangeError);
    expect(() => checkRunOptions({ quick: true, threads: 8 }, 8)).not.toThrow();
    expect(() => checkRunOptions({ quick: true, threads: 9 }, 8)).not.toThrow();
    expect(() => checkRunOptions({ quick: true, threads: MAX_RUN_THREADS }, 2)).not.toThrow();
    expect(() => checkRunOptions({ quick: true, threads: MAX_RUN_THREADS + 1 }, 2)).toThrow(
      /invalid threads: 257 \(expected 1 to 256; this browser reports 2 cores\)/,
    );
  });

  it("takes a memory budget up to what the WebAssembly memory holds", () => {
    expect(() => checkRunOptions({ quick: true, threads: 2, memoryBytes: 1 << 20 }, 2)).not.toThrow();
    expect(() => checkRunOptions({ quick: true, threads: 2, memoryBytes: ARENA_CAPACITY_BYTES }, 2)).not.toThrow();
    expect(() => checkRunOptions({ quick: true, threads: 2, memoryBytes: ARENA_CAPACITY_BYTES + 1 }, 2)).toThrow(/invalid memoryBytes/);
    expect(() => checkRunOptions({ quick: true, threads: 2, memoryBytes: 0 }, 2)).toThrow(/invalid memoryBytes: 0/);
  });

  it("runs only the cases and variants asked for, and refuses ones it does not have", async () => {
    const doc = await runBenchmark(squares, { quick: true, threads: 1, cases: [1], variants: ["squares-loop"] }, {}, () => {});
    expect(doc.results.map((r) => `${r.variant} ${r.case}`)).toEqual(["squares-loop n=256"]);
    const run = (o: Partial<RunOptions>) => runBenchmark(squares, { quick: true, threads: 1, ...o }, {}, () => {});
    await expect(run({ cases: [2] })).rejects.toThrow(/invalid cases: 2 \(squares has cases 0 to 1\)/);
    await expect(run({ variants: ["squares-none"] })).rejects.toThrow(/invalid variants: squares-none is not a variant of squares/);
    await expect(run({ threadCounts: [0] })).rejects.toThrow(/invalid threadCounts: 0/);
  });
});

describe("defineBenchmark", () => {
  it("rejects a claim about an unknown variant or case, and an unknown baseline", () => {
    const base = {
      id: "b",
      title: "",
      chapter: "/",
      caseAxis: "c",
      cases: [{ label: "c", params: {} }],
      seed: 0,
      input: () => 0,
      reference: () => new Float32Array(),
      flops: () => 0,
      tolerance: () => 0,
      variants: [{ id: "v", label: "v", prepare: () => ({ run() {}, output: () => new Float32Array() }) }],
    };
    const claim = { id: "x", case: "c", faster: { variant: "v" }, slower: { variant: "v" }, atLeast: 1, because: "" };
    expect(() => defineBenchmark({ ...base, baseline: "nope", claims: [] })).toThrow(/invalid baseline/);
    expect(() => defineBenchmark({ ...base, baseline: "v", claims: [{ ...claim, faster: { variant: "w" } }] })).toThrow(
      /unknown variant w/,
    );
    expect(() => defineBenchmark({ ...base, baseline: "v", claims: [{ ...claim, case: "d" }] })).toThrow(/unknown case d/);
    expect(() => defineBenchmark({ ...base, baseline: "v", claims: [claim] }).instantiate(1)).toThrow(/invalid case: 1/);
    const fullOnly = [{ label: "c", params: {}, fullOnly: true }];
    expect(() => defineBenchmark({ ...base, cases: fullOnly, baseline: "v", claims: [claim] })).toThrow(/case c runs in full runs only/);
  });

  it("times parallel variants at 1, powers of two, and the maximum", () => {
    expect(threadCounts(1)).toEqual([1]);
    expect(threadCounts(2)).toEqual([1, 2]);
    expect(threadCounts(6)).toEqual([1, 2, 4, 6]);
    expect(threadCounts(32)).toEqual([1, 2, 4, 8, 16, 32]);
  });
});

describe("variant options", () => {
  /** Copies the input: a variant that records how it was run and whether it was disposed. */
  const copy = (log: string[], name: string) => ({
    prepare(_: unknown, x: Float32Array, ctx: { threads: number }) {
      const out = new Float32Array(x.length);
      return { run: () => out.set(x), output: () => out, dispose: () => void log.push(`${name}@${ctx.threads}`) };
    },
  });
  type Copies = Params & { n: number };
  const declare = (
    log: string[],
    variants: Variant<Copies, Float32Array>[] = [
      { id: "copy", label: "copy", ...copy(log, "copy") },
      { id: "copy-small", label: "only small", cases: ["small"], ...copy(log, "copy-small") },
      { id: "copy-capped", label: "at most 2 threads", parallel: true, maxThreads: 2, ...copy(log, "copy-capped") },
    ],
  ) =>
    defineBenchmark<Copies, Float32Array>({
      id: "copies",
      title: "Copies",
      chapter: "/test/",
      caseAxis: "n",
      cases: [
        { label: "small", params: { n: 8 } },
        { label: "large", params: { n: 64 } },
      ],
      seed: 1,
      input: ({ n }) => new Float32Array(n).fill(1),
      reference: (_, x) => x,
      baseline: "copy",
      flops: ({ n }) => n,
      tolerance: () => 0,
      variants,
      claims: [],
    });

  it("runs a variant only on its cases, caps a parallel one at its maxThreads, and disposes every run", async () => {
    const log: string[] = [];
    const pool: LabPool = {
      maxThreads: 8, // only its size is read
      run: () => expect.unreachable("no job runs on this pool"),
    };
    const doc = await runBenchmark(declare(log), { quick: true, threads: 8 }, { pool }, () => {});
    expect(doc.results.map((r) => `${r.case}/${r.variant}@${r.threads}`)).toEqual([
      "small/copy@1",
      "small/copy-small@1",
      "small/copy-capped@1",
      "small/copy-capped@2",
      "large/copy@1",
      "large/copy-capped@1",
      "large/copy-capped@2",
    ]);
    expect(log).toEqual(doc.results.map((r) => `${r.variant}@${r.threads}`));
  });

  it("times parallel variants only at the thread counts asked for, each capped at what the variant allows", async () => {
    const log: string[] = [];
    const pool: LabPool = { maxThreads: 64, run: () => expect.unreachable("no job runs on this pool") };
    const doc = await runBenchmark(declare(log), { quick: true, threads: 64, cases: [0], threadCounts: [8, 64] }, { pool }, () => {});
    expect(doc.results.map((r) => `${r.variant}@${r.threads}`)).toEqual(["copy@1", "copy-small@1", "copy-capped@2"]);
  });

  it("runs a case whose threads do not all fit in the memory on the most that do, and records it; refuses one where one thread does not fit", async () => {
    const log: string[] = [];
    const MiB = 1024 * 1024;
    // A parallel variant that takes n MiB of the arena per thread: 8 threads of the small case fit
    // in 256 MiB (64 MiB), 4 of the large one (256 MiB; 5 would take 320).
    const memoryHungry = declare(log, [
      { id: "copy", label: "copy", ...copy(log, "copy") },
      {
        id: "copy-hungry",
        label: "n MiB per thread",
        parallel: true,
        arenaBytes: ({ n }, threads) => n * MiB * threads,
        ...copy(log, "copy-hungry"),
      },
    ]);
    const pool: LabPool = { maxThreads: 8, run: () => expect.unreachable("no job runs on this pool") };
    const wasm = testWasmContext(1);
    const doc = await runBenchmark(memoryHungry, { quick: true, threads: 8, memoryBytes: 256 * MiB }, { pool, wasm }, () => {});
    const hungry = (kase: string) => doc.results.filter((r) => r.variant === "copy-hungry" && r.case === kase).map((r) => r.threads);
    expect(hungry("small")).toEqual([1, 2, 4, 8]);
    expect(hungry("large")).toEqual([1, 2, 4]);
    expect(doc.threadsReduced).toEqual([
      { variant: "copy-hungry", case: "large", requested: 8, threads: 4, bytesNeeded: 8 * 64 * MiB, bytesAvailable: 256 * MiB },
    ]);
    await expect(runBenchmark(memoryHungry, { quick: true, threads: 8, memoryBytes: 32 * MiB }, { pool, wasm }, () => {})).rejects.toThrow(
      "copies: copy-hungry on large needs 64.0 MiB of WebAssembly memory even on 1 thread, more than the 32.0 MiB the run can have (a WebAssembly memory holds 1 GiB at most): it cannot run here",
    );
  });

  it("rejects a case filter that names no case", () => {
    const bad = () =>
      defineBenchmark({
        id: "b",
        title: "",
        chapter: "/",
        caseAxis: "c",
        cases: [{ label: "c", params: {} }],
        seed: 0,
        input: () => 0,
        reference: () => new Float32Array(),
        flops: () => 0,
        tolerance: () => 0,
        baseline: "v",
        claims: [],
        variants: [{ id: "v", label: "v", cases: ["d"], prepare: () => ({ run() {}, output: () => new Float32Array() }) }],
      });
    expect(bad).toThrow(/invalid variant v: unknown case d/);
  });

  it("checks a probe's output against its own expected value, exactly, instead of the reference", async () => {
    // A probe that does the case's n operations and counts them: right when it counts n, wrong at n − 1.
    const probe = (id: string, miss: number) => ({
      id,
      label: id,
      prepare: (p: { n: number }) => {
        let count = 0;
        return { run: () => void (count = p.n - miss), output: () => Float32Array.of(count), expected: Float32Array.of(p.n) };
      },
    });
    const bench = defineBenchmark<Params & { n: number }, Float32Array>({
      id: "probes",
      title: "Probes",
      chapter: "/test/",
      caseAxis: "n",
      cases: [{ label: "n=64", params: { n: 64 } }],
      seed: 1,
      input: ({ n }) => new Float32Array(n).fill(1),
      reference: (_, x) => x,
      baseline: "copy",
      flops: ({ n }) => n,
      tolerance: () => 0.5,
      claims: [],
      variants: [{ id: "copy", label: "copy", ...copy([], "copy") }, probe("probe-right", 0), probe("probe-short", 1)],
    });
    const doc = await runBenchmark(bench, { quick: true, threads: 1 }, {}, () => {});
    expect(doc.results.map((r) => [r.variant, r.correctness])).toEqual([
      ["copy", { ok: true, maxError: 0, tolerance: 0.5 }],
      ["probe-right", { ok: true, maxError: 0, tolerance: 0 }],
      ["probe-short", { ok: false, maxError: 1, tolerance: 0 }],
    ]);
  });
});
