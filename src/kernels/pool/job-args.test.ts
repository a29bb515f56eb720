import { describe, expect, it } from "vitest";
import { JobArgs } from "./job-args.ts";

describe("JobArgs", () => {
  const args = new JobArgs({ n: "i32", scale: "f32", out: "i32" });

  it("encodes in the schema's order, floats as their bits, and decodes them back", () => {
    const slots = new Int32Array(5);
    args.encode({ out: 64, n: 7, scale: -1.5 }, slots, 1);
    expect(Array.from(slots)).toEqual([0, 7, new Int32Array(Float32Array.of(-1.5).buffer)[0], 64, 0]);
    expect(args.decode(slots, 1, args.blank())).toEqual({ n: 7, scale: -1.5, out: 64 });
  });

  it("carries what an Int32 slot carries: integers truncated, floats rounded to float32", () => {
    const slots = new Int32Array(args.length);
    args.encode({ n: 2.9, scale: 0.1, out: -3 }, slots);
    expect(args.decode(slots, 0, args.blank())).toEqual({ n: 2, scale: Math.fround(0.1), out: -3 });
  });

  it("rejects a name that would not keep its place", () => {
    expect(() => new JobArgs({ a: "i32", 0: "i32" })).toThrow(/invalid argument name: 0/);
  });
});
