/// <reference lib="webworker" />
import { histogramU8Add, histogramU8AtomicAdd } from "../../kernels/histogram-u8.ts";
import { smoothImageU8 } from "../../kernels/smooth-image-u8.ts";
import type { RaceRequest } from "./race-protocol.ts";

/** Blocks until all `parties` workers reached this line, so they really count at the same time. */
function startTogether(gate: Int32Array, parties: number): void {
  Atomics.add(gate, 0, 1);
  Atomics.notify(gate, 0);
  for (let arrived = Atomics.load(gate, 0); arrived < parties; arrived = Atomics.load(gate, 0)) Atomics.wait(gate, 0, arrived);
}

self.onmessage = (e: MessageEvent<RaceRequest>) => {
  const r = e.data;
  if (r.kind === "fill") {
    new Uint8Array(r.pixels).set(smoothImageU8(r.width, r.height, r.seed));
  } else {
    const pixels = new Uint8Array(r.pixels);
    const bins = new Int32Array(r.bins);
    startTogether(new Int32Array(r.gate), r.parties);
    (r.atomic ? histogramU8AtomicAdd : histogramU8Add)(pixels, r.start, r.end, bins);
  }
  self.postMessage(r.kind);
};
