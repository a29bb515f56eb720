/**
 * What the table of WebAssembly kernels (kernel-table.ts) says about one export, and the types
 * derived from the table. The wrappers (kernels-wasm.ts), the build's checks (scripts/build-wasm.ts
 * through kernel-module-check.ts) and the parametrised tests (kernel-table.test.ts) all read it.
 */

/**
 * How an argument is passed, which fixes its WebAssembly type (f32 for `f32`, i32 for the rest; the
 * build checks it) and what the parametrised tests pass to make it invalid.
 */
export type WasmArgKind =
  /** A byte offset into the shared memory. */
  | "pointer"
  /** A count ≥ 1: rows, columns, depth, iterations. */
  | "size"
  /** A row stride in elements, ≥ the row width. */
  | "stride"
  /** An integer ≥ 0: a start or end, a padding, an output size the caller restates. */
  | "index"
  /** A float scalar; every value is valid. */
  | "f32";

export interface WasmArg {
  readonly name: string;
  readonly kind: WasmArgKind;
  /** The name the RangeError gives when it is not `name` (convShape names the geometry: kh → kernelH). */
  readonly reportedAs?: string;
}

/** Argument declarations by kind, e.g. `arg.size("m")`, `arg.size("kh", "kernelH")`. */
export const arg = {
  pointer: (name: string): WasmArg => ({ name, kind: "pointer" }),
  size: (name: string, reportedAs?: string): WasmArg => ({ name, kind: "size", ...(reportedAs ? { reportedAs } : {}) }),
  stride: (name: string): WasmArg => ({ name, kind: "stride" }),
  index: (name: string, reportedAs?: string): WasmArg => ({ name, kind: "index", ...(reportedAs ? { reportedAs } : {}) }),
  f32: (name: string): WasmArg => ({ name, kind: "f32" }),
};

/** What an export returns, as its WebAssembly result type. */
export type WasmResultKind = "void" | "i32" | "f32" | "f64";

/**
 * The module's size queries that argument checks call. Declared by hand, not derived from the
 * table: the table is built from the checks, so deriving this from it would be circular.
 */
export interface KernelSizeQueries {
  gemm_f32_6x8_packed_wasmrelaxedsimd_workspace_bytes(m: number, n: number, k: number): number;
  gemm_i8_4x8_wasmrelaxedsimd_packed_b_bytes(k: number, n: number): number;
  conv2d_f32_winograd2x2_3x3_wasmrelaxedsimd_workspace_bytes(c: number, w: number, f: number, pad: number): number;
}

/** What an argument check may look at: the memory's current size and the module's own size queries. */
export interface KernelCheckContext {
  readonly memory: WebAssembly.Memory;
  readonly raw: KernelSizeQueries;
}

/** The most arguments a kernel may take: the wrappers have exactly this many parameters (kernels-wasm.ts). */
export const MAX_KERNEL_ARGS = 17;

export type KernelConstants = Readonly<Record<string, number>>;

export interface WasmKernelSpec<
  Args extends readonly number[] = readonly number[],
  Result extends WasmResultKind = WasmResultKind,
  Constants extends KernelConstants = KernelConstants,
> {
  /** The kernel's name, XNNPACK style (op-type[-tile][-method]-isa): its export with hyphens for underscores. */
  readonly name: string;
  /** The arguments in order, one per parameter of `check` (the types enforce the count). */
  readonly args: { readonly [I in keyof Args]: WasmArg };
  readonly result: Result;
  /**
   * The argument check for one instance (made once, at instantiation): throws a RangeError naming
   * the first bad argument; the wrapper calls it before the export.
   */
  readonly check: (context: KernelCheckContext) => (...args: Args) => void;
  /** The smallest valid call, its operands laid out from byte `base` in a 1-page memory (the tests call it). */
  readonly smallestArgs: (base: number) => readonly number[];
  /**
   * Tile and block sizes the AssemblyScript source defines too. Each is exported as a function
   * `${export}_${name lowercased}` returning it; the build fails when a value differs.
   */
  readonly constants: Constants;
}

/**
 * One entry of the table. Infers the argument tuple (with its parameter names) from the function
 * `check` returns, and requires `args` to match it.
 */
export function wasmKernel<Args extends readonly number[], Result extends WasmResultKind, Constants extends KernelConstants = {}>(spec: {
  name: string;
  args: NoInfer<{ readonly [I in keyof Args]: WasmArg }>;
  result: Result;
  check: (context: KernelCheckContext) => (...args: Args) => void;
  smallestArgs: (base: number) => readonly number[];
  constants?: Constants;
}): WasmKernelSpec<Args, Result, Constants> {
  if (spec.args.length > MAX_KERNEL_ARGS) {
    throw new Error(`${spec.name} takes ${spec.args.length} arguments; the wrappers take at most ${MAX_KERNEL_ARGS}`);
  }
  // TypeScript cannot type the tuple smallestArgs returns from Args (it infers number[]): count here.
  if (spec.smallestArgs(0).length !== spec.args.length) {
    throw new Error(`${spec.name}: smallestArgs gives ${spec.smallestArgs(0).length} arguments, args lists ${spec.args.length}`);
  }
  return { ...spec, constants: spec.constants ?? ({} as Constants) };
}

/** The export that returns a kernel's constant, e.g. gemm_f32_6x8_wasmrelaxedsimd's MR → "gemm_f32_6x8_wasmrelaxedsimd_mr". */
export function constantExport(kernelExport: string, constant: string): string {
  return `${kernelExport}_${constant.toLowerCase()}`;
}

type ArgsOf<S> = S extends { check: (context: KernelCheckContext) => (...args: infer A) => void } ? A : never;
type ResultOf<S> = S extends { result: "void" } ? void : number;

/** The functions a table describes, keyed by export name, with the parameter names of each `check`. */
export type KernelFunctions<Table> = { [E in keyof Table]: (...args: ArgsOf<Table[E]>) => ResultOf<Table[E]> };
