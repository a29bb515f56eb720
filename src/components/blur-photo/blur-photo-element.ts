import { pageMessages } from "../i18n/messages.ts";
import { ms } from "../bench/format.ts";
import type { ResultsPanel } from "../results/results-panel.ts";
import { RunIsland } from "../run-island.ts";
import { blurDocument } from "./blur-document.ts";
import { MAX_SIDE, type BlurMethod } from "./blur-photo.ts";
import type { BlurReply, BlurRequest } from "./blur-photo-worker.ts";

/**
 * <ec-blur-photo>: a photo before and after the three blurs of the "algorithm first" benchmark,
 * timed in a worker. The reader can pick one of the site's photos or open their own image file;
 * a newer request supersedes the one in flight, and Cancel stops the worker.
 */
class BlurPhoto extends RunIsland {
  #worker: Worker | undefined;
  #lastId = 0;
  #results!: Promise<ResultsPanel>;

  connectedCallback() {
    this.#results = this.attachResults();
    this.bindControls(
      async () => {
        const photo = this.find<HTMLSelectElement>("photo");
        this.#request(photo.value, photo.selectedOptions[0]?.textContent ?? photo.value);
      },
      () => this.#cancel(),
    );
    this.find<HTMLInputElement>("file").addEventListener("change", (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) this.#request(file, file.name);
    });
  }

  disconnectedCallback() {
    this.#stopWorker();
  }

  #stopWorker() {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #request(source: string | Blob, name: string) {
    this.#worker ??= this.#startWorker();
    const k = Number(this.find<HTMLSelectElement>("k").value);
    const request: BlurRequest = { id: ++this.#lastId, source, name, k };
    this.start();
    this.status(pageMessages().blurring(name, k));
    this.#worker.postMessage(request);
  }

  #cancel() {
    this.#stopWorker();
    this.#lastId++; // an answer already on its way is stale
    this.status(pageMessages().cancelled);
    this.setRunning(false);
  }

  #startWorker(): Worker {
    const worker = new Worker(new URL("./blur-photo-worker.ts", import.meta.url), { type: "module", name: "every-core-blur-photo" });
    worker.addEventListener("message", (event: MessageEvent<BlurReply>) => void this.#show(event.data));
    return worker;
  }

  async #show(reply: BlurReply) {
    // A newer request supersedes this one: show only the latest.
    if (reply.id !== this.#lastId) return;
    this.setRunning(false);
    if (!reply.ok) {
      this.find("figures").hidden = true;
      this.fail(new Error(reply.error));
      return;
    }
    const t = pageMessages();
    const scaled = reply.width !== reply.originalWidth ? t.blurScaled(reply.originalWidth, reply.originalHeight, MAX_SIDE) : "";
    this.status(t.blurDone(reply.width, reply.height, scaled));
    this.#draw("before", reply.before, reply.width, reply.height);
    for (const blur of reply.blurs) {
      this.#draw(blur.method, blur.bitmap, reply.width, reply.height);
      this.querySelector(`[data-time="${blur.method satisfies BlurMethod}"]`)!.textContent = `${ms(blur.ms)} ms`;
    }
    this.find("figures").hidden = false;
    const doc = await blurDocument(reply.width, reply.height, reply.k, reply.blurs);
    await (await this.#results).setLive(doc);
  }

  #draw(name: string, bitmap: ImageBitmap, width: number, height: number) {
    const canvas = this.querySelector<HTMLCanvasElement>(`canvas[data-image="${name}"]`)!;
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("bitmaprenderer")!.transferFromImageBitmap(bitmap);
  }
}

customElements.define("ec-blur-photo", BlurPhoto);
