/**
 * Site benchmarks the Python companion has no native twin for: the FMA peak probe (numpy cannot
 * issue bare SIMD instructions) and the GEMM size dispatcher (BLAS dispatches inside `@` itself).
 * Every other benchmark runs natively under the same id (src/lab/native-parity.test.ts checks
 * both directions), so its table can name the exact command.
 */
export const WITHOUT_NATIVE_TWIN: ReadonlySet<string> = new Set(["machine-peak", "gemm-dispatch"]);
