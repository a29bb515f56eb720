/**
 * Site benchmarks the Python companion has no native twin for: the FMA peak probe (numpy cannot
 * issue bare SIMD instructions), the GEMM size dispatcher (BLAS dispatches inside `@` itself) and
 * the float32-vs-float64 dot product (its check holds each kernel to its own order of additions,
 * which BLAS's sdot and ddot do not share; python/everycore/precision.py measures numpy's instead)
 * and the pool's fork and join (a browser pool of workers over shared memory, which Python has not).
 * Every other benchmark runs natively under the same id (src/lab/native-parity.test.ts checks
 * both directions), so its table can name the exact command.
 */
export const WITHOUT_NATIVE_TWIN: ReadonlySet<string> = new Set(["machine-peak", "gemm-dispatch", "dot-precision", "fork-join"]);
