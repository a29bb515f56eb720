import { arenaBytes, type WasmArena } from "../wasm/wasm-arena.ts";

/** A cache line: the counter has one to itself, so the threads' claims never evict the data beside it. */
const LINE_BYTES = 64;
/** Floats the counter's arena block takes: two lines, so a whole aligned line lies inside it. */
const BLOCK_FLOATS = (2 * LINE_BYTES) / Float32Array.BYTES_PER_ELEMENT;

/**
 * The shared counter a job's threads claim work from (forEachClaimedChunk), in the WebAssembly
 * memory: pass `ptr` in the job's arguments and `reset()` it before every run, so each run hands
 * out its work from the start again.
 */
export class ClaimCounter {
  /** Bytes the constructor takes from an arena. */
  static readonly arenaBytes = arenaBytes(BLOCK_FLOATS);
  /** Byte offset of the counter (an Int32), on a cache line of its own. */
  readonly ptr: number;
  readonly #memory: WebAssembly.Memory;

  constructor(arena: WasmArena) {
    const block = arena.allocF32(BLOCK_FLOATS);
    this.ptr = Math.ceil(block.ptr / LINE_BYTES) * LINE_BYTES;
    this.#memory = arena.memory;
  }

  reset(): void {
    Atomics.store(new Int32Array(this.#memory.buffer, this.ptr, 1), 0, 0);
  }
}

/** The counter at byte offset `ptr` of `buffer`, as a job's part claims from it. */
export function claimCounterAt(buffer: ArrayBufferLike, ptr: number): Int32Array {
  return new Int32Array(buffer, ptr, 1);
}
