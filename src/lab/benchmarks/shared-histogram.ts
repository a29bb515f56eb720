import { HISTOGRAM_U8_BINS, histogramU8Add, mergeHistogramsU8 } from "../../kernels/histogram-u8.ts";
import { histogramU8Ref } from "../../kernels/histogram-u8-ref.ts";
import { smoothImageU8 } from "../../kernels/smooth-image-u8.ts";
import type { WasmContext } from "../wasm-context.ts";
import { ClaimCounter } from "../../kernels/pool/claim-counter.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark } from "../benchmark.ts";

type ImageSize = { width: number; height: number };

const CASE = "2048×1024 pixels";
const BIN_BYTES = HISTOGRAM_U8_BINS * Int32Array.BYTES_PER_ELEMENT;

/** Arena bytes of the shared image (sharePixels) and `bins` 32-bit bins after it. */
const histogramBytes = ({ width, height }: ImageSize, bins: number) => arenaBytes(Math.ceil((width * height) / 4), bins);

/** Copies the image into the shared memory (4 pixels per f32 slot of the arena) and returns its offset. */
function sharePixels(wasm: WasmContext, pixels: Uint8Array): number {
  wasm.arena.reset();
  const block = wasm.arena.allocF32(Math.ceil(pixels.length / 4));
  new Uint8Array(wasm.memory.buffer, block.ptr, pixels.length).set(pixels);
  return block.ptr;
}

/**
 * Syllabus 4.4, the write side of shared memory: threads counting the pixels of one image into a
 * 256-bin histogram. Sharing the bins needs atomic increments (correct, slow); giving each thread
 * its own bins and merging them at the end needs none. The third way — shared bins, plain
 * increments — loses counts, so it is not a variant here: the race island on the page shows it.
 */
export const sharedHistogram = defineBenchmark<ImageSize, Uint8Array>({
  id: "shared-histogram",
  title: "Threads counting into one histogram: a plain loop, Atomics.add on shared bins, private bins merged",
  chapter: "/multiprocessing/shared-memory/",
  cases: [{ label: CASE, params: { width: 2048, height: 1024 } }],
  caseAxis: "image",
  seed: 44,
  input: ({ width, height }, seed) => smoothImageU8(width, height, seed),
  reference: (_p, pixels) => Float32Array.from(histogramU8Ref(pixels)),
  // Counts of whole pixels (≤ 2²⁴, exact in float32): every correct way gets them exactly.
  tolerance: () => 0,
  flops: () => 0,
  bytes: ({ width, height }) => width * height,
  baseline: "histogram-u8-loop-ts",
  variants: [
    {
      id: "histogram-u8-loop-ts",
      label: "One thread, plain increments (JavaScript)",
      prepare(_p, pixels) {
        const bins = new Int32Array(HISTOGRAM_U8_BINS);
        return {
          run() {
            bins.fill(0);
            histogramU8Add(pixels, 0, pixels.length, bins);
          },
          output: () => Float32Array.from(bins),
        };
      },
    },
    {
      id: "histogram-u8-atomic-ts-threads",
      label: "Threads sharing one histogram, Atomics.add (JavaScript)",
      parallel: true,
      needsIsolation: true,
      prepare(_p, pixels, ctx) {
        const at = sharePixels(ctx.wasm, pixels);
        const bins = ctx.wasm.arena.allocF32(HISTOGRAM_U8_BINS);
        const args = { pixels: at, n: pixels.length, bins: bins.ptr };
        const view = () => new Int32Array(ctx.wasm.memory.buffer, bins.ptr, HISTOGRAM_U8_BINS);
        return {
          run() {
            view().fill(0);
            ctx.pool.run("histogram_u8_atomic_ts", args, ctx.threads);
          },
          output: () => Float32Array.from(view()),
        };
      },
      arenaBytes: (p) => histogramBytes(p, HISTOGRAM_U8_BINS),
    },
    {
      id: "histogram-u8-private-merge-ts-threads",
      label: "Threads with private histograms, merged at the end (JavaScript)",
      parallel: true,
      needsIsolation: true,
      prepare(_p, pixels, ctx) {
        const at = sharePixels(ctx.wasm, pixels);
        const partBins = ctx.wasm.arena.allocF32((ctx.threads * BIN_BYTES) / 4);
        const counter = new ClaimCounter(ctx.wasm.arena);
        const args = { pixels: at, n: pixels.length, bins: partBins.ptr, counter: counter.ptr };
        const merged = new Int32Array(HISTOGRAM_U8_BINS);
        return {
          run() {
            counter.reset();
            ctx.pool.run("histogram_u8_private_merge_ts", args, ctx.threads);
            // The serial part: 256 additions per thread, after every thread is done.
            mergeHistogramsU8(new Int32Array(ctx.wasm.memory.buffer, partBins.ptr, ctx.threads * HISTOGRAM_U8_BINS), ctx.threads, merged);
          },
          output: () => Float32Array.from(merged),
        };
      },
      arenaBytes: (p, threads) => histogramBytes(p, threads * HISTOGRAM_U8_BINS) + ClaimCounter.arenaBytes,
    },
  ],
  claims: [
    {
      id: "shared-histogram/private-two-threads",
      case: CASE,
      faster: { variant: "histogram-u8-private-merge-ts-threads", threads: 2 },
      slower: { variant: "histogram-u8-private-merge-ts-threads", threads: 1 },
      atLeast: 1.4,
      because:
        "each thread claims 64 KiB blocks of pixels from a shared counter and counts them into bins no other thread writes, so nothing is shared but one counter until the short merge",
    },
    {
      id: "shared-histogram/atomics-cost",
      case: CASE,
      faster: { variant: "histogram-u8-loop-ts" },
      slower: { variant: "histogram-u8-atomic-ts-threads", threads: 1 },
      atLeast: 3,
      because:
        "even with no other thread around, every Atomics.add is a locked read-modify-write that the CPU may not overlap with the next one, where a plain increment pipelines",
    },
    {
      id: "shared-histogram/private-beats-atomics",
      case: CASE,
      faster: { variant: "histogram-u8-private-merge-ts-threads", threads: 2 },
      slower: { variant: "histogram-u8-atomic-ts-threads", threads: 2 },
      atLeast: 5,
      because:
        "with shared bins the two threads keep stealing the same cache lines from each other on top of the locked adds; private bins never leave their core",
    },
  ],
});
