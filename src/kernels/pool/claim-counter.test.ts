import { describe, expect, it } from "vitest";
import { WasmArena } from "../wasm/wasm-arena.ts";
import { forEachClaimedChunk } from "./claim-chunks.ts";
import { ClaimCounter, claimCounterAt } from "./claim-counter.ts";

describe("ClaimCounter", () => {
  it.each([0, 4, 16, 48])("sits alone on a 64-byte line inside the bytes it declares (arena %i bytes in)", (offset) => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const arena = new WasmArena(memory, 1024);
    arena.allocF32(offset / 4);
    const before = arena.top;
    const counter = new ClaimCounter(arena);
    expect(arena.top - before).toBe(ClaimCounter.arenaBytes);
    expect(counter.ptr % 64).toBe(0);
    expect(counter.ptr).toBeGreaterThanOrEqual(before);
    expect(counter.ptr + 64).toBeLessThanOrEqual(arena.top);
  });

  it("hands the work out again from the start after reset", () => {
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 2, shared: true });
    const counter = new ClaimCounter(new WasmArena(memory, 1024));
    const claimed = () => {
      const chunks: number[] = [];
      forEachClaimedChunk(claimCounterAt(memory.buffer, counter.ptr), 10, 4, (start) => chunks.push(start));
      return chunks;
    };
    expect(claimed()).toEqual([0, 4, 8]);
    expect(claimed()).toEqual([]); // used up until reset
    counter.reset();
    expect(claimed()).toEqual([0, 4, 8]);
  });
});
