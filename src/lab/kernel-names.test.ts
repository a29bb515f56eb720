import { describe, expect, it } from "vitest";
import { WASM_KERNELS } from "../kernels/wasm/kernel-table.ts";
import { benchmarks } from "./registry.ts";

// One vocabulary for kernels (README "Kernel names"): op-type[-tile][-method]-isa[-threads], the
// same string for a kernel's file, WebAssembly export (underscores for hyphens), variant and test.

const ISAS = ["ref", "ts", "wasm", "wasmsimd", "wasmrelaxedsimd"];
const WASM_ISAS = ["wasm", "wasmsimd", "wasmrelaxedsimd"];
const WORD = "[a-z0-9]+";
const KERNEL_NAME = new RegExp(`^${WORD}(?:-${WORD})*-(?:${ISAS.join("|")})(?:-threads)?$`);
/** A WebAssembly export's name: a kernel, or one of its constants and size queries after it. */
const WASM_EXPORT_NAME = new RegExp(`^${WORD}(?:-${WORD})*-(?:${WASM_ISAS.join("|")})(?:-${WORD})*$`);

/** The dispatcher picks one of the gemm kernels per call: it has no instruction set of its own. */
const NOT_KERNELS = new Set(["gemm-f32-dispatch"]);

const variants = [...new Map(benchmarks.flatMap((b) => b.variants.map((v) => [v.id, v] as const))).values()];

describe("kernel names", () => {
  it.each(variants.filter((v) => !NOT_KERNELS.has(v.id)).map((v) => [v.id, v.parallel === true] as const))(
    "variant %s names its op, type and ISA, and says -threads exactly when it runs on the pool",
    (id, parallel) => {
      expect(id).toMatch(KERNEL_NAME);
      expect(id.endsWith("-threads")).toBe(parallel);
    },
  );

  it.each(Object.entries(WASM_KERNELS).map(([exported, spec]) => [exported, spec.name] as const))(
    "export %s is its name %s with underscores",
    (exported, name) => {
      expect(name).toMatch(WASM_EXPORT_NAME);
      expect(exported).toBe(name.replaceAll("-", "_"));
    },
  );
});
