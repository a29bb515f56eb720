import { randomF32 } from "../../kernels/random.ts";
import { defineBenchmark, type Variant } from "../benchmark.ts";
import { createRoundTrip } from "../messaging/round-trip.ts";
import { sampledSum, type PassingMode } from "../messaging/round-trip-protocol.ts";

type Payload = { bytes: number };

const KB = 1024;
const MB = 1024 * KB;
const SIZES = [KB, 32 * KB, MB, 8 * MB, 64 * MB];
const label = (bytes: number) => (bytes >= MB ? `${bytes / MB} MB` : `${bytes / KB} KB`);
const LARGEST = label(64 * MB);

function modeVariant(mode: PassingMode, id: string, text: string): Variant<Payload, Float32Array> {
  return {
    id,
    label: text,
    // SharedArrayBuffer and the synchronous wait for the reply need a cross-origin isolated page.
    needsIsolation: true,
    async prepare(_p, data) {
      const trip = await createRoundTrip(mode, data);
      return { run: trip.run, output: () => Float32Array.of(trip.checksum()), dispose: trip.dispose };
    },
  };
}

/**
 * Syllabus 4.2 and 4.4, the browser side: what it costs to hand an array to another worker and
 * get it back, by size. Structured clone copies it (as pickling does for a process pool),
 * transferring an ArrayBuffer moves it without a copy (the sender loses it), and a
 * SharedArrayBuffer is the same memory on both sides (as multiprocessing.shared_memory).
 */
export const passingData = defineBenchmark<Payload, Float32Array>({
  id: "passing-data",
  title: "Passing an array to another worker and back: structured clone, transfer, SharedArrayBuffer",
  chapter: "/multiprocessing/passing-data/",
  cases: SIZES.map((bytes) => ({ label: label(bytes), params: { bytes } })),
  caseAxis: "payload size (float32 array)",
  seed: 4242,
  input: ({ bytes }, seed) => randomF32(bytes / Float32Array.BYTES_PER_ELEMENT, seed),
  // The echo's checksum: the same float64 sum in the same order, rounded once to float32.
  reference: (_p, data) => Float32Array.of(sampledSum(data)),
  tolerance: () => 0,
  flops: () => 0,
  baseline: "round-trip-copy-ts",
  variants: [
    modeVariant("clone", "round-trip-copy-ts", "postMessage, structured clone (copies, like pickling)"),
    modeVariant("transfer", "round-trip-transfer-ts", "postMessage, ArrayBuffer transferred (moved, no copy)"),
    modeVariant("shared", "round-trip-shared-ts", "postMessage of a SharedArrayBuffer (shared, no copy)"),
  ],
  claims: [
    {
      id: "passing-data/transfer-64mb",
      case: LARGEST,
      faster: { variant: "round-trip-transfer-ts" },
      slower: { variant: "round-trip-copy-ts" },
      atLeast: 10,
      because:
        "a clone copies all 64 MB twice per round trip, at memory bandwidth, while a transfer only hands the buffer's ownership over",
    },
    {
      id: "passing-data/shared-64mb",
      case: LARGEST,
      faster: { variant: "round-trip-shared-ts" },
      slower: { variant: "round-trip-copy-ts" },
      atLeast: 10,
      because:
        "both workers already see the same memory: the messages carry a handle, and what is left is the cost of the messages themselves",
    },
  ],
});
