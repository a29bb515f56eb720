// Builds the AssemblyScript kernels twice from one source set (src/kernels/wasm/assembly) into
// src/kernels/wasm/build/ (gitignored; `npm install` runs this as postinstall):
//   kernels-relaxed.wasm  simd128 + relaxed-simd + threads  (gemm-f32-6x8-wasmrelaxedsimd: FMA)
//   kernels-simd.wasm     simd128 + threads                 (gemm-f32-6x8-wasmsimd: mul + add)
// The source picks FMA or mul+add by the compile-time constant ASC_FEATURE_RELAXED_SIMD.
// Then it checks what the kernels-wasm.ts contract relies on: the only import is a shared
// env.memory with our maximum; the exports, their signatures and constants (heap_base, tile sizes)
// are exactly what the table of kernels says (src/kernels/wasm/kernel-table.ts); there is no data
// segment and no start function (nothing writes memory at instantiation); and relaxed-simd
// instructions appear in the relaxed build only.
//
// Usage: node scripts/build-wasm.ts [--wat]   (--wat also writes the text format beside each .wasm)

import { mkdir, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import asc from "assemblyscript/asc";
import { kernelModuleMismatches } from "../src/kernels/wasm/kernel-module-check.ts";
import { MEMORY_MAXIMUM_PAGES } from "../src/kernels/wasm/kernels-wasm.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const entry = "src/kernels/wasm/assembly/index.ts";
export const WASM_BUILD_DIR = fileURLToPath(new URL("../src/kernels/wasm/build/", import.meta.url));

interface Build {
  file: string;
  features: string;
  relaxed: boolean;
}

export const BUILDS: readonly Build[] = [
  { file: "kernels-relaxed.wasm", features: "simd,threads,relaxed-simd", relaxed: true },
  { file: "kernels-simd.wasm", features: "simd,threads", relaxed: false },
];

/** asc flags shared by both builds. */
export function ascFlags(features: string): string[] {
  return [
    "--importMemory", // env.memory, created by createSharedMemory()
    "--noExportMemory",
    "--sharedMemory",
    "--initialMemory",
    "1", // the module needs no pages of its own; any larger memory links
    "--maximumMemory",
    String(MEMORY_MAXIMUM_PAGES), // a shared import must declare its maximum
    "--runtime",
    "stub", // no GC, no allocator use: kernels never allocate
    "--enable",
    features,
    "-O3",
    "--noAssert",
  ];
}

async function compile(build: Build): Promise<{ binary: Uint8Array<ArrayBuffer>; text: string }> {
  const outputs = new Map<string, Uint8Array | string>();
  const stderr = asc.createMemoryStream();
  const { error } = await asc.main(
    [entry, "--baseDir", root, "--outFile", build.file, "--textFile", `${build.file}.wat`, ...ascFlags(build.features)],
    {
      writeFile: (name: string, contents: Uint8Array | string) => void outputs.set(name, contents),
      stdout: asc.createMemoryStream(),
      stderr,
    },
  );
  if (error) throw new Error(`asc failed for ${build.file}: ${error.message}\n${stderr.toString()}`);
  const binary = outputs.get(build.file);
  const text = outputs.get(`${build.file}.wat`);
  if (!(binary instanceof Uint8Array) || typeof text !== "string") {
    throw new Error(`asc produced no output for ${build.file}`);
  }
  return { binary: new Uint8Array(binary), text };
}

function check(build: Build, binary: Uint8Array<ArrayBuffer>, text: string): void {
  const fail = (why: string) => {
    throw new Error(`${build.file}: ${why}`);
  };
  const module = new WebAssembly.Module(binary);
  const imports = WebAssembly.Module.imports(module);
  if (imports.length !== 1 || imports[0]!.module !== "env" || imports[0]!.name !== "memory" || imports[0]!.kind !== "memory") {
    fail(`expected env.memory as the only import, got ${JSON.stringify(imports)}`);
  }
  if (!text.includes(`(import "env" "memory" (memory $0 1 ${MEMORY_MAXIMUM_PAGES} shared))`)) {
    fail("env.memory is not declared shared with the expected limits");
  }
  if (/\(data\b|\(start\b|\(global\b/.test(text)) {
    fail("has a data segment, start function or global: instances sharing one memory could clobber each other");
  }
  const mismatches = kernelModuleMismatches(binary);
  if (mismatches.length > 0) fail(`differs from kernel-table.ts:\n  ${mismatches.join("\n  ")}`);
  const relaxedOps = (text.match(/\b(?:[fi]\d+x\d+|v128)\.relaxed_/g) ?? []).length;
  if (build.relaxed ? relaxedOps === 0 : relaxedOps > 0) {
    fail(build.relaxed ? "no relaxed-simd instruction (FMA) in the relaxed build" : "relaxed-simd instructions in the plain-SIMD build");
  }
}

/** Compiles, checks and writes both builds; returns their paths. */
export async function buildWasm(options: { wat?: boolean } = {}): Promise<string[]> {
  await mkdir(WASM_BUILD_DIR, { recursive: true });
  const written: string[] = [];
  for (const build of BUILDS) {
    const { binary, text } = await compile(build);
    check(build, binary, text);
    const path = WASM_BUILD_DIR + build.file;
    await writeFile(path, binary);
    if (options.wat) await writeFile(`${path.slice(0, -".wasm".length)}.wat`, text);
    written.push(path);
  }
  return written;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const paths = await buildWasm({ wat: process.argv.includes("--wat") });
  for (const path of paths) console.log(`built ${path.slice(root.length)}`);
}
