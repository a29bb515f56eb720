import { createSharedMemory } from "./kernels-wasm.ts";
import { constantExport, type WasmKernelSpec } from "./kernel-spec.ts";
import { MODULE_CONSTANTS, WASM_KERNELS } from "./kernel-table.ts";
import { wasmExportSignatures, type WasmSignature } from "./wasm-export-signatures.ts";

/**
 * How a kernels build differs from the table (kernel-table.ts): exports missing or extra, kernels
 * whose WebAssembly signature does not match their declared arguments and result, and constants
 * (tile sizes, heap_base) whose value in the module is not the table's. scripts/build-wasm.ts fails
 * on any of them, so the TypeScript and AssemblyScript sides cannot drift apart unnoticed.
 */
export function kernelModuleMismatches(
  binary: Uint8Array<ArrayBuffer>,
  kernels: Readonly<Record<string, WasmKernelSpec>> = WASM_KERNELS,
  moduleConstants: Readonly<Record<string, number>> = MODULE_CONSTANTS,
): string[] {
  const constants = new Map(Object.entries(moduleConstants));
  for (const [kernel, spec] of Object.entries(kernels)) {
    for (const [constant, value] of Object.entries(spec.constants)) constants.set(constantExport(kernel, constant), value);
  }
  const signatures = wasmExportSignatures(binary);
  const expected = new Set([...Object.keys(kernels), ...constants.keys()]);
  const problems: string[] = [];
  for (const name of expected) {
    if (!signatures.has(name)) problems.push(`${name} is in kernel-table.ts but not exported (src/kernels/wasm/assembly/index.ts)`);
  }
  for (const name of signatures.keys()) {
    if (!expected.has(name)) problems.push(`${name} is exported but not in kernel-table.ts`);
  }
  for (const [name, spec] of Object.entries(kernels)) {
    const actual = signatures.get(name);
    if (actual && format(actual) !== format(declaredSignature(spec))) {
      problems.push(`${name} is ${format(actual)} in the module, ${format(declaredSignature(spec))} in kernel-table.ts`);
    }
  }
  const instance = new WebAssembly.Instance(new WebAssembly.Module(binary), { env: { memory: createSharedMemory(1) } });
  for (const [name, value] of constants) {
    const exported = instance.exports[name];
    if (typeof exported !== "function") continue; // reported above as missing
    const actual: unknown = exported();
    if (actual !== value) problems.push(`${name}() is ${String(actual)} in the module, ${value} in kernel-table.ts`);
  }
  return problems;
}

function declaredSignature(spec: WasmKernelSpec): WasmSignature {
  return {
    params: spec.args.map((arg) => (arg.kind === "f32" ? "f32" : "i32")),
    results: spec.result === "void" ? [] : [spec.result],
  };
}

function format(signature: WasmSignature): string {
  return `(${signature.params.join(", ")}) → ${signature.results.join(", ") || "void"}`;
}
