/**
 * What the runner, the sender worker and the echo worker of the passing-data benchmark agree on.
 * A round trip: the runner rings the sender (a tiny message), the sender posts the payload to the
 * echo worker, which reads it and posts it back; the sender then flags DONE in shared memory, so
 * the runner can wait for it synchronously (Atomics.wait) and time the whole trip.
 */
export type PassingMode = "clone" | "transfer" | "shared";

/** Int32 slot the sender sets to 1 when the payload is back. */
export const DONE = 0;
/** Float64 slot (index in a Float64Array over the same buffer) where the echo stores its checksum. */
export const CHECKSUM_F64 = 1;
export const CONTROL_BYTES = 16;

/** Every STRIDE-th float is read by the echo worker: one per 4 KiB page, proof that the data arrived. */
const STRIDE = 1024;

/** The sum (float64) of every STRIDE-th element: what the echo reports and the reference expects. */
export function sampledSum(data: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += STRIDE) sum += data[i]!;
  return sum;
}

export interface SenderInit {
  mode: PassingMode;
  /** An ArrayBuffer (clone, transfer) or a SharedArrayBuffer (shared) holding the payload. */
  payload: ArrayBufferLike;
  control: SharedArrayBuffer;
  /** The sender's end of a channel whose other end the echo worker holds. */
  port: MessagePort;
}

export interface EchoInit {
  mode: PassingMode;
  control: SharedArrayBuffer;
  port: MessagePort;
}
