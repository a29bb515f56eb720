import { DONE, OWNER, tileCount, type TilesJob } from "./tiles-protocol.ts";

/** Resolves when slot `index` no longer holds `value`, or after `timeoutMs` (to notice Cancel). */
async function changed(slots: Int32Array, index: number, value: number, timeoutMs: number): Promise<void> {
  if (typeof Atomics.waitAsync === "function") {
    const r = Atomics.waitAsync(slots, index, value, timeoutMs);
    if (r.async) await r.value;
    return;
  }
  // Browsers without Atomics.waitAsync: look again next frame (the main thread may not Atomics.wait).
  await new Promise((resolve) => requestAnimationFrame(resolve));
}

/**
 * <ec-shared-tiles data-width data-height data-tile>: N fresh workers draw one image into a
 * SharedArrayBuffer, tile by tile; the page waits on the shared "done" counter without blocking,
 * shows progress, and draws the image once every tile is in. Workers are terminated after each run.
 */
class SharedTiles extends HTMLElement {
  #workers: Worker[] = [];
  #cancelled = false;

  #part<T extends HTMLElement>(name: string): T {
    const el = this.querySelector<T>(`[data-part="${name}"]`);
    if (!el) throw new Error(`ec-shared-tiles: missing part ${name}`);
    return el;
  }

  connectedCallback(): void {
    const input = this.#part<HTMLInputElement>("workers");
    input.max = String(navigator.hardwareConcurrency || 1);
    input.value = String(Math.min(4, navigator.hardwareConcurrency || 1));
    this.#part("form").addEventListener("submit", (e) => {
      e.preventDefault();
      void this.#run();
    });
    this.#part("cancel").addEventListener("click", () => {
      this.#cancelled = true;
      this.#stop();
    });
    if (!globalThis.crossOriginIsolated) {
      this.#part<HTMLButtonElement>("run").disabled = true;
      this.#part("status").textContent = "This page is not cross-origin isolated, so it has no SharedArrayBuffer to share the image in.";
    }
  }

  disconnectedCallback(): void {
    this.#stop();
  }

  #stop(): void {
    for (const w of this.#workers) w.terminate();
    this.#workers = [];
  }

  async #run(): Promise<void> {
    const input = this.#part<HTMLInputElement>("workers");
    const status = this.#part("status");
    const workers = Number(input.value);
    const max = Number(input.max);
    if (!Number.isInteger(workers) || workers < 1 || workers > max) {
      status.textContent = `Workers must be a whole number from 1 to ${max} (got “${input.value}”).`;
      return;
    }
    const [width, height, tile] = [Number(this.dataset.width), Number(this.dataset.height), Number(this.dataset.tile)];
    const tiles = tileCount(width, height, tile);
    const image = new SharedArrayBuffer(width * height * 4);
    const control = new SharedArrayBuffer((OWNER + tiles) * Int32Array.BYTES_PER_ELEMENT);
    const slots = new Int32Array(control);
    const progress = this.#part<HTMLProgressElement>("progress");
    const run = this.#part<HTMLButtonElement>("run");
    const cancel = this.#part<HTMLButtonElement>("cancel");
    progress.max = tiles;
    progress.value = 0;
    progress.hidden = false;
    run.disabled = true;
    cancel.disabled = false;
    this.#cancelled = false;
    const t0 = performance.now();
    this.#workers = Array.from({ length: workers }, (_, i) => {
      const w = new Worker(new URL("./tile-worker.ts", import.meta.url), { type: "module", name: `every-core-tiles-${i + 1}` });
      w.onerror = (e) => (status.textContent = `A worker failed: ${e.message}`);
      w.postMessage({ image, control, width, height, tile, worker: i + 1 } satisfies TilesJob);
      return w;
    });
    try {
      for (let done = Atomics.load(slots, DONE); done < tiles; done = Atomics.load(slots, DONE)) {
        if (this.#cancelled) break;
        progress.value = done;
        status.textContent = `${done} of ${tiles} tiles drawn…`;
        await changed(slots, DONE, done, 100);
      }
      if (this.#cancelled) {
        status.textContent = "Cancelled: the workers were stopped.";
        return;
      }
      const ms = performance.now() - t0;
      // ImageData cannot look at shared memory: copy the finished image out once.
      const pixels = new Uint8ClampedArray(new Uint8Array(image));
      this.#part<HTMLCanvasElement>("canvas").getContext("2d")!.putImageData(new ImageData(pixels, width, height), 0, 0);
      const owners = slots.subarray(OWNER);
      const byWorker = Array.from({ length: workers }, (_, i) => owners.filter((o) => o === i + 1).length);
      this.dataset.tilesByWorker = byWorker.join(",");
      status.textContent = `All ${tiles} tiles drawn in ${ms.toFixed(0)} ms. Tiles per worker: ${byWorker.map((n, i) => `worker ${i + 1}: ${n}`).join(", ")}.`;
    } finally {
      this.#stop();
      progress.hidden = true;
      run.disabled = false;
      cancel.disabled = true;
    }
  }
}

customElements.define("ec-shared-tiles", SharedTiles);
