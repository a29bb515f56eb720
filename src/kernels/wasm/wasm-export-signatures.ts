/**
 * The parameter and result types of a module's exported functions, read from its binary (the JS
 * API reflects only their arity). Enough of the format for what asc emits: function types without
 * GC rec groups, and imports of any kind.
 */

export interface WasmSignature {
  readonly params: readonly string[];
  readonly results: readonly string[];
}

const VALUE_TYPES: Readonly<Record<number, string>> = { 0x7f: "i32", 0x7e: "i64", 0x7d: "f32", 0x7c: "f64", 0x7b: "v128" };
const SECTION = { type: 1, import: 2, function: 3, export: 7 } as const;
const EXTERNAL_KIND = { function: 0, table: 1, memory: 2, global: 3 } as const;

export function wasmExportSignatures(binary: Uint8Array): Map<string, WasmSignature> {
  let at = 8; // past the magic number and version
  const byte = () => binary[at++]!;
  const u32 = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = byte();
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  const name = () => {
    const length = u32();
    at += length;
    return new TextDecoder().decode(binary.subarray(at - length, at));
  };
  const vector = <T>(read: () => T): T[] => Array.from({ length: u32() }, read);
  const valueType = () => {
    const code = byte();
    const type = VALUE_TYPES[code];
    if (!type) throw new Error(`unsupported value type 0x${code.toString(16)} at byte ${at - 1}`);
    return type;
  };
  const limits = () => {
    const flags = byte();
    u32();
    if (flags & 1) u32();
  };

  const types: WasmSignature[] = [];
  const functionTypes: number[] = []; // type index of each function, imported ones first
  const exports = new Map<string, WasmSignature>();
  while (at < binary.length) {
    const id = byte();
    const end = u32() + at;
    if (id === SECTION.type) {
      types.push(
        ...vector(() => {
          if (byte() !== 0x60) throw new Error(`unsupported type form at byte ${at - 1}`);
          return { params: vector(valueType), results: vector(valueType) };
        }),
      );
    } else if (id === SECTION.import) {
      vector(() => {
        name();
        name();
        const kind = byte();
        if (kind === EXTERNAL_KIND.function) {
          functionTypes.push(u32());
        } else if (kind === EXTERNAL_KIND.table) {
          byte(); // element type
          limits();
        } else if (kind === EXTERNAL_KIND.memory) {
          limits();
        } else if (kind === EXTERNAL_KIND.global) {
          valueType();
          byte(); // mutability
        }
      });
    } else if (id === SECTION.function) {
      functionTypes.push(...vector(u32));
    } else if (id === SECTION.export) {
      vector(() => {
        const exportName = name();
        const kind = byte();
        const index = u32();
        const type = types[functionTypes[index] ?? -1];
        if (kind === EXTERNAL_KIND.function && type) exports.set(exportName, type);
      });
    }
    at = end;
  }
  return exports;
}
