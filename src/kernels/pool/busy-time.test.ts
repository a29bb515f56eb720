import { describe, expect, it } from "vitest";
import { busyShares, coresBusy, createBusySlots } from "./busy-time.ts";

describe("createBusySlots", () => {
  it("is one zeroed float64 slot per thread in shared memory, so workers can write their own", () => {
    const slots = createBusySlots(3);
    expect(slots.buffer).toBeInstanceOf(SharedArrayBuffer);
    expect([...slots]).toEqual([0, 0, 0]);
  });

  it.each([0, 1.5, -1])("rejects %s threads by name", (threads) => {
    expect(() => createBusySlots(threads)).toThrow(`invalid threads: ${threads}`);
  });
});

describe("busyShares", () => {
  it("divides each thread's busy time by the wall time", () => {
    const shares = busyShares([90, 45, 0], 100);
    expect(shares.map((s) => s.share)).toEqual([0.9, 0.45, 0]);
    expect(shares.map((s) => s.thread)).toEqual([0, 1, 2]);
    expect(coresBusy(shares)).toBeCloseTo(1.35, 12);
  });

  it("names a bad wall time and a bad slot", () => {
    expect(() => busyShares([1], 0)).toThrow("invalid wallMs: 0");
    expect(() => busyShares([1, Number.NaN], 10)).toThrow("invalid busyMs[1]: NaN");
    expect(() => busyShares([-2], 10)).toThrow("invalid busyMs[0]: -2");
  });
});
