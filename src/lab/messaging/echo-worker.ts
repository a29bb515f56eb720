/// <reference lib="webworker" />
import { CHECKSUM_F64, sampledSum, type EchoInit } from "./round-trip-protocol.ts";

/**
 * The far end of a round trip: receives the payload (already deserialized by the browser when the
 * message event fires), reads one float per page of it, and sends it straight back the same way.
 */
self.onmessage = (e: MessageEvent<EchoInit>) => {
  const { mode, control, port } = e.data;
  const checksum = new Float64Array(control);
  port.onmessage = (m: MessageEvent<ArrayBufferLike>) => {
    const payload = m.data;
    checksum[CHECKSUM_F64] = sampledSum(new Float32Array(payload));
    port.postMessage(payload, mode === "transfer" ? [payload as ArrayBuffer] : []);
  };
  self.postMessage("ready");
};
