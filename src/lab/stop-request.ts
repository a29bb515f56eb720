/**
 * A page's request that a run stop, readable by the runner while it times a synchronous kernel call
 * after call and so never reads a message: one shared word, checked before every sample. A runner
 * that stops this way ends its own workers before it answers (runner-worker.ts), which is what lets
 * the page end it safely (runner-client.ts). Needs shared memory, so a cross-origin isolated page;
 * without one, a run has no pool and no peer threads, and the page may end the runner at once.
 */
export class StopRequest {
  readonly #word: Int32Array;

  constructor(readonly buffer: SharedArrayBuffer) {
    this.#word = new Int32Array(buffer, 0, 1);
  }

  /** A new request, or undefined on a page without shared memory. */
  static create(): StopRequest | undefined {
    return globalThis.crossOriginIsolated ? new StopRequest(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT)) : undefined;
  }

  request(): void {
    Atomics.store(this.#word, 0, 1);
  }

  get requested(): boolean {
    return Atomics.load(this.#word, 0) !== 0;
  }

  /** Throws the AbortError a cancelled run ends with, once a stop was requested. */
  check(): void {
    if (this.requested) throw new DOMException("the run was cancelled", "AbortError");
  }
}
