import { describe, expect, it } from "vitest";
import type { WasmKernels } from "../wasm/kernels-wasm.ts";
import { splitRows } from "./pool-control.ts";
import { poolJob } from "./pool-job.ts";
import { SerialPool } from "./serial-pool.ts";

describe("SerialPool", () => {
  const calls: string[] = [];
  const jobs = {
    record: poolJob({ rows: "i32", scale: "f32" }, (_kernels, a, part, parts) => {
      calls.push(`${part}/${parts}: ${splitRows(a.rows, part, parts).join("-")} ×${a.scale}`);
    }),
  };
  // The jobs here touch no memory: no kernels are needed.
  const kernels = {} as WasmKernels;

  it("runs every part in turn, with the arguments as the control block carries them", () => {
    calls.length = 0;
    new SerialPool(jobs, kernels, 4).run("record", { rows: 10, scale: 0.1 }, 3);
    expect(calls).toEqual([0, 1, 2].map((p) => `${p}/3: ${splitRows(10, p, 3).join("-")} ×${Math.fround(0.1)}`));
  });

  it("runs the last part first when asked", () => {
    calls.length = 0;
    new SerialPool(jobs, kernels, 2, "last-to-first").run("record", { rows: 4, scale: 1 }, 2);
    expect(calls.map((c) => c.slice(0, 3))).toEqual(["1/2", "0/2"]);
  });

  it("refuses more threads than it has, as the pool does", () => {
    expect(() => new SerialPool(jobs, kernels, 2).run("record", { rows: 4, scale: 1 }, 3)).toThrow(/invalid threads: 3/);
  });
});
