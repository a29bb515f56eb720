import { CHECKSUM_F64, CONTROL_BYTES, DONE, type EchoInit, type PassingMode, type SenderInit } from "./round-trip-protocol.ts";

/** A pair of workers ready to pass one payload back and forth, timed from the runner. */
export interface RoundTrip {
  /** One round trip, synchronous: returns when the payload is back at the sender. */
  run(): void;
  /** The echo's checksum of the last payload it received. */
  checksum(): number;
  /** Terminates both workers. */
  dispose(): void;
}

function ready(worker: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    worker.onmessage = () => resolve();
    worker.onerror = (e) => reject(new Error(`a round-trip worker failed to start: ${e.message}`));
  });
}

/**
 * Starts a sender and an echo worker joined by a MessageChannel and hands the sender `data`:
 * copied into an ArrayBuffer (clone, transfer) or a SharedArrayBuffer (shared). Must run in a
 * worker: `run` blocks in Atomics.wait.
 */
export async function createRoundTrip(mode: PassingMode, data: Float32Array): Promise<RoundTrip> {
  const payload = mode === "shared" ? new SharedArrayBuffer(data.byteLength) : new ArrayBuffer(data.byteLength);
  new Float32Array(payload).set(data);
  const control = new SharedArrayBuffer(CONTROL_BYTES);
  const flags = new Int32Array(control);
  const channel = new MessageChannel();
  const sender = new Worker(new URL("./sender-worker.ts", import.meta.url), { type: "module", name: "every-core-sender" });
  const echo = new Worker(new URL("./echo-worker.ts", import.meta.url), { type: "module", name: "every-core-echo" });
  const workers = [sender, echo];
  try {
    const started = workers.map(ready);
    echo.postMessage({ mode, control, port: channel.port2 } satisfies EchoInit, [channel.port2]);
    // The payload moves to the sender once, outside the timed trips (transferred: no copy).
    sender.postMessage(
      { mode, payload, control, port: channel.port1 } satisfies SenderInit,
      mode === "shared" ? [channel.port1] : [channel.port1, payload as ArrayBuffer],
    );
    await Promise.all(started);
  } catch (error) {
    for (const w of workers) w.terminate();
    throw error;
  }
  return {
    run() {
      Atomics.store(flags, DONE, 0);
      sender.postMessage(null);
      while (Atomics.load(flags, DONE) === 0) Atomics.wait(flags, DONE, 0);
    },
    checksum: () => new Float64Array(control)[CHECKSUM_F64]!,
    dispose() {
      for (const w of workers) w.terminate();
    },
  };
}
