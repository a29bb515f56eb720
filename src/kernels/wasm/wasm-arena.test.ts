import { describe, expect, it } from "vitest";
import { KERNELS_HEAP_BASE, MEMORY_MAXIMUM_PAGES, WASM_PAGE_BYTES, createSharedMemory } from "./kernels-wasm.ts";
import { WasmArena } from "./wasm-arena.ts";

describe("WasmArena", () => {
  it("starts at the kernels' heap base and hands out 16-byte-aligned, zeroed, disjoint blocks", () => {
    const memory = createSharedMemory(1);
    new Float32Array(memory.buffer).fill(3); // stale contents must not show through
    const arena = new WasmArena(memory);
    expect(arena.base).toBe(KERNELS_HEAP_BASE);
    const blocks = [1, 3, 4, 5, 0, 7].map((n) => arena.allocF32(n));
    expect(blocks[0]!.ptr).toBe(KERNELS_HEAP_BASE);
    for (const [i, b] of blocks.entries()) {
      expect(b.ptr % 16).toBe(0);
      expect(b.view().length).toBe(b.length);
      expect(b.view().every((v) => v === 0)).toBe(true);
      if (i > 0) expect(b.ptr).toBeGreaterThanOrEqual(blocks[i - 1]!.ptr + blocks[i - 1]!.length * 4);
    }
    expect(arena.top % 16).toBe(0);
  });

  it("takes its base from an instance's heapBase", () => {
    expect(new WasmArena(createSharedMemory(1), { heapBase: 2048 }).allocF32(1).ptr).toBe(2048);
  });

  it("aligns an unaligned base up to 16 bytes", () => {
    expect(new WasmArena(createSharedMemory(1), 1030).allocF32(1).ptr).toBe(1040);
  });

  it("grows the memory when needed, and view() re-derives from the grown buffer", () => {
    const memory = createSharedMemory(1);
    const arena = new WasmArena(memory);
    const first = arena.allocF32(100);
    first.view()[99] = 42;
    const staleView = first.view();
    const big = arena.allocF32(3 * WASM_PAGE_BYTES); // 12 pages of floats
    expect(memory.buffer.byteLength).toBeGreaterThanOrEqual(big.ptr + big.length * 4);
    expect(staleView.buffer.byteLength).toBe(WASM_PAGE_BYTES); // a view taken before grow keeps the old length
    big.view()[big.length - 1] = 7;
    expect(big.view()[big.length - 1]).toBe(7);
    expect(first.view()[99]).toBe(42);
  });

  it("reset() starts over from the base", () => {
    const arena = new WasmArena(createSharedMemory(1));
    const a = arena.allocF32(10);
    arena.allocF32(10);
    arena.reset();
    expect(arena.top).toBe(arena.base);
    expect(arena.allocF32(10).ptr).toBe(a.ptr);
  });

  it("throws a RangeError naming the length when the memory could not hold the block", () => {
    const arena = new WasmArena(createSharedMemory(1));
    expect(() => arena.allocF32((MEMORY_MAXIMUM_PAGES * WASM_PAGE_BYTES) / 4)).toThrow(/invalid length: .*more than/);
    expect(() => arena.allocF32(-1)).toThrow(/invalid length: -1/);
    expect(() => arena.allocF32(2.5)).toThrow(RangeError);
  });
});
