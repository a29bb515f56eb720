/**
 * The few pieces of the Protocol Buffers wire format an ONNX model needs, written by hand: a
 * dependency for five field kinds would outweigh them. A message is built innermost first; each
 * field appends its tag (field number and wire type) and its value.
 * https://protobuf.dev/programming-guides/encoding/
 */

const VARINT = 0;
const LENGTH_DELIMITED = 2;
const FIXED32 = 5;

export class ProtobufWriter {
  #bytes: number[] = [];

  /** An unsigned varint: 7 bits per byte, low group first, high bit set on all but the last. */
  #varint(value: number): void {
    if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`invalid varint: ${value} (expected a safe integer ≥ 0)`);
    let v = value;
    while (v >= 0x80) {
      this.#bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.#bytes.push(v);
  }

  #tag(field: number, wireType: number): void {
    this.#varint(field * 8 + wireType);
  }

  /** int32, int64 or enum field holding a value ≥ 0 (negative ones would need ten bytes; ONNX here never has them). */
  uint(field: number, value: number): this {
    this.#tag(field, VARINT);
    this.#varint(value);
    return this;
  }

  float(field: number, value: number): this {
    this.#tag(field, FIXED32);
    const b = new Uint8Array(4);
    new DataView(b.buffer).setFloat32(0, value, true);
    this.#bytes.push(...b);
    return this;
  }

  bytes(field: number, value: Uint8Array): this {
    this.#tag(field, LENGTH_DELIMITED);
    this.#varint(value.length);
    for (const b of value) this.#bytes.push(b);
    return this;
  }

  string(field: number, value: string): this {
    return this.bytes(field, new TextEncoder().encode(value));
  }

  /** A nested message, written by `build` into its own writer. */
  message(field: number, build: (w: ProtobufWriter) => void): this {
    const inner = new ProtobufWriter();
    build(inner);
    return this.bytes(field, inner.finish());
  }

  /** A repeated integer field in packed form (proto3's default): one length, then the varints. */
  packedUints(field: number, values: readonly number[]): this {
    const inner = new ProtobufWriter();
    for (const v of values) inner.#varint(v);
    return this.bytes(field, inner.finish());
  }

  finish(): Uint8Array {
    return Uint8Array.from(this.#bytes);
  }
}
