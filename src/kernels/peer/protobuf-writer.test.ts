import { describe, expect, it } from "vitest";
import { ProtobufWriter } from "./protobuf-writer.ts";

/** Examples from the encoding guide (protobuf.dev/programming-guides/encoding), byte for byte. */
describe("ProtobufWriter", () => {
  it("writes varints low group first: field 1 = 150 is 08 96 01", () => {
    expect([...new ProtobufWriter().uint(1, 150).finish()]).toEqual([0x08, 0x96, 0x01]);
  });

  it("writes integers past 32 bits without losing bits", () => {
    // 2^35 + 1 = groups 0000001, 0000000×4, 1 from the top: 81 80 80 80 80 01
    expect([...new ProtobufWriter().uint(1, 2 ** 35 + 1).finish()]).toEqual([0x08, 0x81, 0x80, 0x80, 0x80, 0x80, 0x01]);
  });

  it('writes a string with its length: field 2 = "testing" is 12 07 74 65 73 74 69 6e 67', () => {
    expect([...new ProtobufWriter().string(2, "testing").finish()]).toEqual([0x12, 0x07, 0x74, 0x65, 0x73, 0x74, 0x69, 0x6e, 0x67]);
  });

  it("nests a message as length-delimited bytes: field 3 holding {1: 150} is 1a 03 08 96 01", () => {
    expect([...new ProtobufWriter().message(3, (m) => m.uint(1, 150)).finish()]).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
  });

  it("packs repeated integers: field 4 = [3, 270, 86942] is 22 06 03 8e 02 9e a7 05", () => {
    expect([...new ProtobufWriter().packedUints(4, [3, 270, 86942]).finish()]).toEqual([0x22, 0x06, 0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05]);
  });

  it("writes a float as four little-endian bytes with wire type 5", () => {
    expect([...new ProtobufWriter().float(2, 1.5).finish()]).toEqual([0x15, 0x00, 0x00, 0xc0, 0x3f]);
  });

  it.each([-1, 0.5, Number.NaN, 2 ** 53])("refuses %s as a varint, naming it", (v) => {
    expect(() => new ProtobufWriter().uint(1, v)).toThrow(`invalid varint: ${v}`);
  });
});
