/// <reference lib="webworker" />
import { forEachClaimedChunk } from "../../kernels/pool/claim-chunks.ts";
import { DONE, NEXT, OWNER, tileCount, type TilesJob } from "./tiles-protocol.ts";

const MAX_ITERATIONS = 300;
/** One tint per worker (RGB multipliers), so the picture shows who drew what. */
const TINTS = [
  [1, 0.55, 0.35],
  [0.4, 0.75, 1],
  [0.55, 1, 0.5],
  [1, 0.85, 0.3],
  [0.85, 0.5, 1],
  [0.4, 1, 0.9],
  [1, 0.5, 0.7],
  [0.8, 0.8, 0.8],
];

/** Escape time of c = (x, y) under z ← z² + c, smoothed to 0…1 (1 = never escaped). */
function mandelbrot(x: number, y: number): number {
  let zx = 0;
  let zy = 0;
  for (let i = 0; i < MAX_ITERATIONS; i++) {
    const xx = zx * zx;
    const yy = zy * zy;
    if (xx + yy > 4) return i / MAX_ITERATIONS;
    zy = 2 * zx * zy + y;
    zx = xx - yy + x;
  }
  return 1;
}

/**
 * Claims tiles one at a time from the shared counter, draws each straight into the shared image
 * (no copy, no message) and counts it done with Atomics, which also wakes the page.
 */
self.onmessage = (e: MessageEvent<TilesJob>) => {
  const { image, control, width, height, tile, worker } = e.data;
  const rgba = new Uint8Array(image);
  const slots = new Int32Array(control);
  const across = Math.ceil(width / tile);
  const tint = TINTS[(worker - 1) % TINTS.length]!;
  forEachClaimedChunk(slots.subarray(NEXT, NEXT + 1), tileCount(width, height, tile), 1, (t) => {
    const x0 = (t % across) * tile;
    const y0 = Math.floor(t / across) * tile;
    for (let y = y0; y < Math.min(height, y0 + tile); y++) {
      for (let x = x0; x < Math.min(width, x0 + tile); x++) {
        const v = 255 * Math.sqrt(mandelbrot(-2.2 + (3 * x) / width, -1.5 + (3 * y) / height));
        const i = 4 * (y * width + x);
        rgba[i] = v * tint[0]!;
        rgba[i + 1] = v * tint[1]!;
        rgba[i + 2] = v * tint[2]!;
        rgba[i + 3] = 255;
      }
    }
    slots[OWNER + t] = worker;
    // The tile's pixels are written before DONE moves: an Atomics op orders the plain stores before it.
    Atomics.add(slots, DONE, 1);
    Atomics.notify(slots, DONE);
  });
};
