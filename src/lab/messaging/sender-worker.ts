/// <reference lib="webworker" />
import { DONE, type SenderInit } from "./round-trip-protocol.ts";

/**
 * The near end of a round trip. It exists because a worker that waits synchronously (the runner,
 * inside its timed loop) cannot receive messages: this one keeps its event loop free, does the
 * trip on each ring and reports through shared memory.
 */
self.onmessage = (e: MessageEvent<SenderInit>) => {
  const { mode, control, port } = e.data;
  let payload = e.data.payload;
  const flags = new Int32Array(control);
  port.onmessage = (m: MessageEvent<ArrayBufferLike>) => {
    // A transferred buffer comes back as a new object (ours was detached when it left); a clone
    // is a copy we drop; a SharedArrayBuffer is the same memory either way.
    if (mode === "transfer") payload = m.data;
    Atomics.store(flags, DONE, 1);
    Atomics.notify(flags, DONE);
  };
  self.onmessage = () => port.postMessage(payload, mode === "transfer" ? [payload as ArrayBuffer] : []);
  self.postMessage("ready");
};
