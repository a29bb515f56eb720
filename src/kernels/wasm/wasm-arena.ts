import { KERNELS_HEAP_BASE, MEMORY_MAXIMUM_PAGES, WASM_PAGE_BYTES } from "./kernels-wasm.ts";

/** Every block starts on a 16-byte boundary: one f32x4, the kernels' alignment contract. */
const ALIGN = 16;

/**
 * An f32 block in the shared memory. `ptr` is what the kernels take; `view()` re-derives a
 * Float32Array from memory.buffer on every call, because growing a shared memory leaves earlier
 * views at the old, shorter length (and growing an unshared one detaches them).
 */
export interface F32Block {
  readonly ptr: number;
  readonly length: number;
  view(): Float32Array;
}

/**
 * A bump allocator over a WebAssembly.Memory, for laying out a benchmark's tensors once: allocate,
 * fill through `view()`, pass `ptr` to the kernels, `reset()` between benchmarks. It starts at
 * `base`, by default KERNELS_HEAP_BASE = an instance's `heapBase`: the first byte the kernel modules
 * leave free (asc's `__heap_base`, 1024; the modules have no static data and keep no stack in
 * linear memory, so everything above it is ours). One owner allocates (the coordinating thread);
 * workers only receive pointers.
 */
export class WasmArena {
  readonly memory: WebAssembly.Memory;
  readonly base: number;
  #top: number;

  /** `base` is a byte offset, or an instance (`WasmKernels`) whose `heapBase` to start at. */
  constructor(memory: WebAssembly.Memory, from: number | { readonly heapBase: number } = KERNELS_HEAP_BASE) {
    const base = typeof from === "number" ? from : from.heapBase;
    if (!Number.isInteger(base) || base < 0) {
      throw new RangeError(`invalid base: ${base} (expected an integer ≥ 0)`);
    }
    this.memory = memory;
    this.base = alignUp(base);
    this.#top = this.base;
  }

  /** The first free byte (16-aligned). */
  get top(): number {
    return this.#top;
  }

  /**
   * Reserves `length` floats, 16-byte aligned and zero-filled, growing the memory when it is too
   * small; throws a RangeError when that would pass MEMORY_MAXIMUM_PAGES.
   */
  allocF32(length: number): F32Block {
    if (!Number.isInteger(length) || length < 0) {
      throw new RangeError(`invalid length: ${length} (expected an integer ≥ 0)`);
    }
    const ptr = this.#top;
    const end = ptr + length * 4;
    this.#ensure(end, length);
    this.#top = alignUp(end);
    const memory = this.memory;
    const block: F32Block = { ptr, length, view: () => new Float32Array(memory.buffer, ptr, length) };
    block.view().fill(0);
    return block;
  }

  /** Forgets every allocation; earlier blocks must not be used afterwards. The memory never shrinks. */
  reset(): void {
    this.#top = this.base;
  }

  #ensure(end: number, length: number): void {
    const have = this.memory.buffer.byteLength;
    if (end <= have) return;
    const pages = Math.ceil((end - have) / WASM_PAGE_BYTES);
    if (have / WASM_PAGE_BYTES + pages > MEMORY_MAXIMUM_PAGES) {
      throw new RangeError(
        `invalid length: ${length} (the arena would need ${end} bytes, more than the ${MEMORY_MAXIMUM_PAGES * WASM_PAGE_BYTES} the memory may grow to)`,
      );
    }
    this.memory.grow(pages);
  }
}

/**
 * Bytes that allocF32 calls of these lengths (in floats), in any order, take from an arena, its
 * 16-byte alignment included: what a layout needs, known before anything is allocated.
 */
export function arenaBytes(...lengths: readonly number[]): number {
  return lengths.reduce((sum, length) => sum + alignUp(length * Float32Array.BYTES_PER_ELEMENT), 0);
}

/** The most an arena at the default base (KERNELS_HEAP_BASE) can hand out: the memory's maximum, less what lies below the base. */
export const ARENA_CAPACITY_BYTES = MEMORY_MAXIMUM_PAGES * WASM_PAGE_BYTES - alignUp(KERNELS_HEAP_BASE);

function alignUp(bytes: number): number {
  return Math.ceil(bytes / ALIGN) * ALIGN;
}
