import { defineBenchmark } from "../benchmark.ts";
import { gemmPackedThreads, gemmProblem, label, type GemmInput, type GemmParams } from "./gemm.ts";

const SIZES = [512, 1024] as const;
const CASE_1024 = label(1024);

/**
 * Syllabus 1.2: what numpy's BLAS threads do for `a @ b`, measured as the threaded packed GEMM of
 * the GEMM ladder at 1, 2, 4 … all threads, so its chart is speedup against threads.
 */
export const gemmThreads = defineBenchmark<GemmParams, GemmInput>({
  id: "gemm-threads",
  title: "Matrix multiplication on 1 … all threads",
  chapter: "/basics/blas-threads/",
  cases: SIZES.map((size) => ({ label: label(size), params: { m: size, n: size, k: size } })),
  caseAxis: "matrix side (M = N = K)",
  ...gemmProblem,
  baseline: gemmPackedThreads.id,
  variants: [gemmPackedThreads],
  claims: [
    {
      id: "gemm-threads/threads-2",
      case: CASE_1024,
      faster: { variant: gemmPackedThreads.id, threads: 2 },
      slower: { variant: gemmPackedThreads.id, threads: 1 },
      atLeast: 1.8,
      because:
        "a large product is compute-bound: each value read is used in 1,024 multiply-adds, and the threads claim row tiles as they go, so neither waits long for the other and a second core nearly halves the time",
    },
  ],
});
