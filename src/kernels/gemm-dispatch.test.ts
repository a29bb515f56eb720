import { describe, expect, it } from "vitest";
import { chooseGemmBackend, DEFAULT_GEMM_THRESHOLDS, planGemm, type GemmEnvironment } from "./gemm-dispatch.ts";
import { gemmF32IkjTs } from "./gemm-f32-ikj-ts.ts";
import { kernelPoolJobs } from "./pool/kernel-jobs.ts";
import { SerialPool } from "./pool/serial-pool.ts";
import { randomF32 } from "./random.ts";
import { createSharedMemory, instantiateKernels } from "./wasm/kernels-wasm.ts";
import { loadTestBuilds } from "./wasm/test-builds.ts";
import { WasmArena } from "./wasm/wasm-arena.ts";
import { expectGemmWithinTolerance } from "./gemm-test-support.ts";

const cube = (side: number) => ({ m: side, n: side, k: side });

describe("chooseGemmBackend", () => {
  const t = { simdFrom: 1000, threadsFrom: 100_000 };

  it("goes from loops to one SIMD thread to the pool as the work grows", () => {
    expect(chooseGemmBackend({ m: 9, n: 10, k: 11 }, 8, t)).toEqual({ backend: "ts", threads: 1 }); // 990
    expect(chooseGemmBackend(cube(10), 8, t)).toEqual({ backend: "simd", threads: 1 }); // 1000
    expect(chooseGemmBackend(cube(46), 8, t)).toEqual({ backend: "simd", threads: 1 }); // 97,336
    expect(chooseGemmBackend(cube(47), 8, t)).toEqual({ backend: "threads", threads: 8 });
  });

  it("gives the pool no more threads than C has 6-row tiles, and stays on one thread with one core", () => {
    expect(chooseGemmBackend({ m: 13, n: 4000, k: 4000 }, 8, t)).toEqual({ backend: "threads", threads: 3 });
    expect(chooseGemmBackend({ m: 6, n: 4000, k: 4000 }, 8, t)).toEqual({ backend: "simd", threads: 1 });
    expect(chooseGemmBackend(cube(500), 1, t)).toEqual({ backend: "simd", threads: 1 });
  });

  it("takes 0 and Infinity as always and never", () => {
    expect(chooseGemmBackend(cube(1), 4, { simdFrom: 0, threadsFrom: Infinity }).backend).toBe("simd");
    expect(chooseGemmBackend(cube(2000), 4, { simdFrom: Infinity, threadsFrom: Infinity }).backend).toBe("ts");
  });

  it("uses the measured defaults: loops at 4³, SIMD from 8³, the pool from 256³", () => {
    expect(chooseGemmBackend(cube(4), 2).backend).toBe("ts");
    expect(chooseGemmBackend(cube(8), 2).backend).toBe("simd");
    expect(chooseGemmBackend(cube(128), 2).backend).toBe("simd");
    expect(chooseGemmBackend(cube(256), 2)).toEqual({ backend: "threads", threads: 2 });
    expect(DEFAULT_GEMM_THRESHOLDS.simdFrom).toBeLessThan(DEFAULT_GEMM_THRESHOLDS.threadsFrom);
  });

  it("names a bad argument", () => {
    expect(() => chooseGemmBackend(cube(4), 0)).toThrow(/invalid cores: 0/);
    expect(() => chooseGemmBackend(cube(4), 2, { simdFrom: -1, threadsFrom: 5 })).toThrow(/invalid simdFrom: -1/);
    expect(() => chooseGemmBackend(cube(4), 2, { simdFrom: 1, threadsFrom: NaN })).toThrow(/invalid threadsFrom: NaN/);
  });
});

describe("planGemm", () => {
  const module = loadTestBuilds()["wasmrelaxedsimd"];

  /** A serial pool that runs every part on this thread, last part first, and records each run's threads. */
  function environment(cores: number): GemmEnvironment & { runs: number[] } {
    const kernels = instantiateKernels(module, createSharedMemory(1));
    const runs: number[] = [];
    const serial = new SerialPool(kernelPoolJobs, kernels, cores, "last-to-first");
    const pool: GemmEnvironment["pool"] = {
      maxThreads: serial.maxThreads,
      run(job, args, threads) {
        runs.push(threads);
        serial.run(job, args, threads);
      },
    };
    return { kernels, arena: new WasmArena(kernels.memory, kernels), pool, cores, runs };
  }

  it.each([
    ["ts", { m: 3, n: 5, k: 7 }],
    ["simd", { m: 13, n: 17, k: 19 }],
    ["threads", { m: 31, n: 9, k: 40 }],
  ] as const)("runs the %s backend correctly on the caller's arrays, again and again", (backend, s) => {
    const env = environment(3);
    const plan = planGemm(s, env, { force: { backend, threads: backend === "threads" ? 3 : 1 } });
    expect(plan.backend).toBe(backend);
    for (let seed = 1; seed <= 2; seed++) {
      const a = randomF32(s.m * s.k, seed);
      const b = randomF32(s.k * s.n, seed + 10);
      const c = new Float32Array(s.m * s.n).fill(NaN);
      plan.run(a, b, c);
      expectGemmWithinTolerance(s, a, b, c);
    }
    expect(env.runs).toEqual(backend === "threads" ? [3, 3] : []);
  });

  it("chooses by the thresholds it is given, and the loops give gemmF32IkjTs's bits", () => {
    const s = { m: 4, n: 4, k: 4 };
    const a = randomF32(16, 3);
    const b = randomF32(16, 4);
    const env = environment(2);
    const loops = planGemm(s, env);
    expect(loops.backend).toBe("ts");
    const c = new Float32Array(16);
    loops.run(a, b, c);
    const expected = new Float32Array(16);
    gemmF32IkjTs(s, a, b, expected);
    expect(c).toEqual(expected);
    expect(planGemm(s, env, { thresholds: { simdFrom: 0, threadsFrom: Infinity } }).backend).toBe("simd");
  });

  it("rejects arrays of the wrong length, naming them", () => {
    const plan = planGemm({ m: 8, n: 8, k: 8 }, environment(1), { force: { backend: "simd", threads: 1 } });
    expect(() => plan.run(new Float32Array(64), new Float32Array(63), new Float32Array(64))).toThrow(/invalid b: length 63/);
  });
});
