import type { Benchmark } from "./benchmark.ts";

/**
 * Every declaration file of src/lab/benchmarks/ as a lazy import (Vite makes one chunk of each):
 * the runner worker loads the benchmark it runs and no other, nor their kernels. A declaration
 * lives in the file named after its id; the registry (src/lab/registry.ts) holds them all at once
 * for the CLI, e2e and the build, and a test keeps the two the same.
 */
const declarationFiles = import.meta.glob<Record<string, unknown>>(["./benchmarks/*.ts", "!./benchmarks/*-variants.ts"]);

const idOf = (file: string) => file.slice("./benchmarks/".length, -".ts".length);

/** The ids a declaration file exists for. */
export const benchmarkIds: readonly string[] = Object.keys(declarationFiles).map(idOf);

/** The benchmark `id`, loaded on demand; an unknown id is a RangeError naming the known ones. */
export async function loadBenchmark(id: string): Promise<Benchmark> {
  const load = Object.hasOwn(declarationFiles, `./benchmarks/${id}.ts`) ? declarationFiles[`./benchmarks/${id}.ts`] : undefined;
  const exported = load ? Object.values(await load()) : [];
  const bench = exported.find(
    (x): x is Benchmark => typeof x === "object" && x !== null && (x as Benchmark).id === id && "instantiate" in x,
  );
  if (!bench) throw new RangeError(`invalid benchmark: ${id} (known: ${benchmarkIds.join(", ")})`);
  return bench;
}
