/// <reference lib="webworker" />
import { quantizationErrorRows } from "./quant-error-rows.ts";

// Off the main thread: the float32 references take a few tens of milliseconds in all.
self.onmessage = (e: MessageEvent<{ seed: number }>) => {
  self.postMessage(quantizationErrorRows(e.data.seed));
};
