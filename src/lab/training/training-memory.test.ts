import { describe, expect, it } from "vitest";
import { encodeDigitStore } from "./digit-store.ts";
import { sevenSegmentDigits } from "./seven-segment-digits.ts";
import { checkTrainingMemory, trainingArenaBytes } from "./training-memory.ts";
import { ARENA_CAPACITY_BYTES } from "../../kernels/wasm/wasm-arena.ts";

/** The live run's shapes: 4,000 test digits (public/data), batch 64; the store's size barely matters. */
const store = encodeDigitStore(sevenSegmentDigits(128, 1));
const TEST_IMAGES = 4000;

describe("checkTrainingMemory", () => {
  it("lets the default K (up to 4) train", () => {
    expect(() => checkTrainingMemory(store, TEST_IMAGES, { batch: 64, workers: 4 })).not.toThrow();
  });

  it("refuses K = 256, naming its need and the most workers that fit, and that many do fit", () => {
    let message = "";
    try {
      checkTrainingMemory(store, TEST_IMAGES, { batch: 64, workers: 256 });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(
      /^invalid workers: 256 \(256 workers need [\d,]+\.\d MiB of WebAssembly memory with batch 64; at most \d+ fit\)$/,
    );
    const fits = Number(/at most (\d+) fit/.exec(message)![1]);
    expect(() => checkTrainingMemory(store, TEST_IMAGES, { batch: 64, workers: fits })).not.toThrow();
    expect(trainingArenaBytes(store, TEST_IMAGES, 64, fits)).toBeLessThanOrEqual(ARENA_CAPACITY_BYTES);
    expect(() => checkTrainingMemory(store, TEST_IMAGES, { batch: 64, workers: fits + 1 })).toThrow(`at most ${fits} fit`);
  });
});
