/**
 * A pool job's arguments by name: each is one Int32 slot of the control block, an integer (sizes,
 * byte offsets) or a float32 carried as its bit pattern. The schema's key order is the slot order,
 * so the coordinator encodes and every worker decodes the same way without a message.
 */
export type ArgType = "i32" | "f32";
export type ArgTypes = Readonly<Record<string, ArgType>>;
/** The values a job is called with, one number per argument of the schema. */
export type ArgValues<T extends ArgTypes> = { [K in keyof T]: number };

// Float arguments travel through the Int32 slots as their bit patterns.
const f32Bits = new Float32Array(1);
const i32Bits = new Int32Array(f32Bits.buffer);

export class JobArgs<T extends ArgTypes> {
  /** The names in slot order (plain strings: `keyof T` would make a job table's jobs incomparable). */
  readonly names: readonly string[];
  readonly #f32: readonly boolean[];
  readonly types: T;

  // No parameter properties: Node runs this file (npm run bench) by stripping types only.
  constructor(types: T) {
    this.types = types;
    this.names = Object.keys(types);
    // Integer-like keys would be ordered before the others, not as written.
    const numeric = this.names.find((name) => /^\d+$/.test(name));
    if (numeric !== undefined) throw new RangeError(`invalid argument name: ${numeric} (a number would not keep its place)`);
    this.#f32 = this.names.map((name) => types[name] === "f32");
  }

  /** Slots the arguments take. */
  get length(): number {
    return this.names.length;
  }

  /** Writes `values` into slots[at…]. */
  encode(values: ArgValues<T>, slots: Int32Array, at = 0): void {
    for (let i = 0; i < this.names.length; i++) {
      const value = values[this.names[i] as keyof T];
      if (this.#f32[i]) {
        f32Bits[0] = value;
        slots[at + i] = i32Bits[0]!;
      } else slots[at + i] = value;
    }
  }

  /** Reads the arguments from slots[at…] into `into` (reused by the pool, so decoding allocates nothing) and returns it. */
  decode(slots: Int32Array, at: number, into: ArgValues<T>): ArgValues<T> {
    for (let i = 0; i < this.names.length; i++) {
      const bits = slots[at + i]!;
      if (this.#f32[i]) {
        i32Bits[0] = bits;
        into[this.names[i] as keyof T] = f32Bits[0]!;
      } else into[this.names[i] as keyof T] = bits;
    }
    return into;
  }

  /** A record to decode into: every argument 0. */
  blank(): ArgValues<T> {
    return Object.fromEntries(this.names.map((name) => [name, 0])) as ArgValues<T>;
  }
}
