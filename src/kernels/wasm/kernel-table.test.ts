import { describe, expect, it } from "vitest";
import { createSharedMemory, instantiateKernels, WASM_PAGE_BYTES, type WasmIsa, type WasmKernels } from "./kernels-wasm.ts";
import { MAX_KERNEL_ARGS, type WasmArgKind, type WasmKernelSpec } from "./kernel-spec.ts";
import { KERNELS_HEAP_BASE, WASM_KERNELS } from "./kernel-table.ts";
import { loadTestBuilds } from "./test-builds.ts";

// Every kernel of the table, in both builds, through its checked wrapper: its smallest valid call
// runs, and making any one argument invalid throws a RangeError that names that argument. The
// kernels' results are tested against their references in their own files.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const KERNELS = Object.entries(WASM_KERNELS) as [keyof typeof WASM_KERNELS, WasmKernelSpec][];

/** Values that break an argument of each kind whatever the others are; f32 scalars have none. */
const INVALID: Record<WasmArgKind, readonly number[]> = {
  pointer: [-4, WASM_PAGE_BYTES], // before the memory; past the end of its one page
  size: [0, 1.5, NaN],
  stride: [0, -1],
  index: [-1, 0.5],
  f32: [],
};

type WideCall = (...args: number[]) => unknown;

describe.each(ISAS)("the kernel table, %s build", (isa) => {
  const kernels: WasmKernels = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  const call = (name: keyof typeof WASM_KERNELS, args: readonly number[]) => (kernels[name] as WideCall)(...args);

  describe.each(KERNELS)("%s", (name, spec) => {
    it("runs its smallest valid call", () => {
      expect(() => call(name, spec.smallestArgs(KERNELS_HEAP_BASE))).not.toThrow();
    });

    const cases = spec.args.flatMap((arg, i) => INVALID[arg.kind].map((value) => ({ i, value, reported: arg.reportedAs ?? arg.name })));
    if (cases.length === 0) return;
    it.each(cases)("rejects argument $i = $value, naming it $reported", ({ i, value, reported }) => {
      const args = [...spec.smallestArgs(KERNELS_HEAP_BASE)];
      args[i] = value;
      expect(() => call(name, args)).toThrow(RangeError);
      expect(() => call(name, args)).toThrow(`invalid ${reported}: ${value}`);
    });
  });
});

describe("the kernel table", () => {
  it("lays out each smallest call above the heap base", () => {
    for (const [name, spec] of KERNELS) {
      const pointers = spec.smallestArgs(KERNELS_HEAP_BASE).filter((_, i) => spec.args[i]!.kind === "pointer");
      for (const ptr of pointers) expect(ptr, name).toBeGreaterThanOrEqual(KERNELS_HEAP_BASE);
    }
  });

  it("gives the wrappers MAX_KERNEL_ARGS parameters, enough for every kernel", () => {
    const kernels = instantiateKernels(BUILDS.wasmsimd, createSharedMemory(1));
    for (const [name, spec] of KERNELS) {
      expect(kernels[name].length, name).toBe(MAX_KERNEL_ARGS);
      expect(spec.args.length, name).toBeLessThanOrEqual(MAX_KERNEL_ARGS);
    }
  });

  it("names every argument once per kernel", () => {
    for (const [name, spec] of KERNELS) {
      const names = spec.args.map((arg) => arg.name);
      expect(new Set(names).size, name).toBe(names.length);
    }
  });
});
