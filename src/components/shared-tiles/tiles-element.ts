import { pageMessages } from "../i18n/messages.ts";
import { parseThreadCount } from "../thread-count.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { workerFailure } from "../worker-failure.ts";
import { tilesDocument } from "./tiles-document.ts";
import { DONE, OWNER, tileCount, type TilesJob } from "./tiles-protocol.ts";

/** Resolves when slot `index` no longer holds `value`, or after `timeoutMs` at most. */
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
 * shows progress, and draws the image once every tile is in. Workers are terminated after each run
 * (and at once on Cancel).
 */
class SharedTiles extends RunIsland {
  #workers: Worker[] = [];
  #results!: Promise<ResultsPanel>;

  connectedCallback(): void {
    this.bindControls(() => this.#run());
    this.#results = this.attachResults();
    this.threadCount("workers", Math.min(4, navigator.hardwareConcurrency || 1));
    if (!globalThis.crossOriginIsolated) {
      this.find<HTMLButtonElement>("run").disabled = true;
      this.status(pageMessages().tilesNotIsolated);
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
    const workers = this.begin(() => parseThreadCount(this.find<HTMLInputElement>("workers").value, pageMessages().workers));
    if (workers === undefined) return;
    const [width, height, tile] = [Number(this.dataset.width), Number(this.dataset.height), Number(this.dataset.tile)];
    const tiles = tileCount(width, height, tile);
    const image = new SharedArrayBuffer(width * height * 4);
    const control = new SharedArrayBuffer((OWNER + tiles) * Int32Array.BYTES_PER_ELEMENT);
    const slots = new Int32Array(control);
    const progress = this.find<HTMLProgressElement>("progress");
    progress.max = tiles;
    progress.value = 0;
    const t0 = performance.now();
    this.#workers = Array.from({ length: workers }, (_, i) => {
      const w = new Worker(new URL("./tile-worker.ts", import.meta.url), { type: "module", name: `every-core-tiles-${i + 1}` });
      w.postMessage({ image, control, width, height, tile, worker: i + 1 } satisfies TilesJob);
      return w;
    });
    const failed = Promise.race(this.#workers.map((w) => workerFailure(w)));
    try {
      for (let done = Atomics.load(slots, DONE); done < tiles; done = Atomics.load(slots, DONE)) {
        progress.value = done;
        this.status(`${done} of ${tiles} tiles drawn…`);
        await this.cancellable(Promise.race([changed(slots, DONE, done, 100), failed]));
      }
      const ms = performance.now() - t0;
      // ImageData cannot look at shared memory: copy the finished image out once.
      const pixels = new Uint8ClampedArray(new Uint8Array(image));
      this.find<HTMLCanvasElement>("canvas")
        .getContext("2d")!
        .putImageData(new ImageData(pixels, width, height), 0, 0);
      const owners = slots.subarray(OWNER);
      const byWorker = Array.from({ length: workers }, (_, i) => owners.filter((o) => o === i + 1).length);
      this.dataset.tilesByWorker = byWorker.join(",");
      this.status(
        pageMessages().tilesDone(tiles, ms.toFixed(0), byWorker.map((n, i) => pageMessages().tilesOfWorker(i + 1, n)).join(", ")),
      );
      await (await this.#results).setLive(await tilesDocument(width, height, tile, workers, ms));
    } catch (e) {
      this.fail(e, pageMessages().tilesFailed, pageMessages().cancelledWorkersStopped);
    } finally {
      failed.catch(() => {}); // a worker's error after the run is no one's concern
      this.#stop();
      this.setRunning(false);
    }
  }
}

customElements.define("ec-shared-tiles", SharedTiles);
