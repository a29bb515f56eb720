import { describe, expect, it } from "vitest";
import { fitThreads, threadsReducedNote } from "./wasm-memory-fit.ts";

const MiB = 1024 * 1024;
/** A run with 100 MiB of shared data and 10 MiB per thread. */
const perThread = (threads: number) => 100 * MiB + threads * 10 * MiB;

describe("fitThreads", () => {
  it("keeps the requested count when it fits", () => {
    expect(fitThreads(perThread, 64, "test", 1024 * MiB)).toBe(64);
  });

  it("falls back to the most threads that fit", () => {
    // 100 + 92 × 10 = 1020 MiB fits in 1024; 93 threads would need 1030.
    expect(fitThreads(perThread, 256, "test", 1024 * MiB)).toBe(92);
  });

  it("refuses, naming the run, its need and the capacity, when even one thread does not fit", () => {
    expect(() => fitThreads(() => 2048 * MiB, 8, "gemm: packed on 16384³", 1024 * MiB)).toThrow(
      "gemm: packed on 16384³ needs 2,048.0 MiB of WebAssembly memory even on 1 thread, more than the 1,024.0 MiB the run can have (a WebAssembly memory holds 1 GiB at most): it cannot run here",
    );
  });

  it("rejects a requested count that is no thread count", () => {
    expect(() => fitThreads(perThread, 0, "test")).toThrow("invalid requested: 0");
  });
});

describe("threadsReducedNote", () => {
  it("says how many threads ran instead of how many, and why", () => {
    const note = threadsReducedNote(
      { variant: "v", case: "c", requested: 256, threads: 92, bytesNeeded: 2660 * MiB, bytesAvailable: 1024 * MiB },
      "Winograd, threaded",
      "(1,64,56,56)→64",
    );
    expect(note).toBe(
      "Winograd, threaded on (1,64,56,56)→64 ran on 92 threads instead of 256: 256 threads need 2,660.0 MiB of WebAssembly memory, more than the 1,024.0 MiB the run can have.",
    );
  });
});
