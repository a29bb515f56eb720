import { ms } from "../bench/format.ts";
import { MAX_SIDE, type BlurMethod } from "./blur-photo.ts";
import type { BlurReply, BlurRequest } from "./blur-photo-worker.ts";

/**
 * <ec-blur-photo>: a photo before and after the three blurs of the "algorithm first" benchmark,
 * timed in a worker. The reader can pick one of the site's photos or open their own image file.
 */
class BlurPhoto extends HTMLElement {
  #worker: Worker | undefined;
  #lastId = 0;

  connectedCallback() {
    this.#part<HTMLButtonElement>("run").addEventListener("click", () => {
      const photo = this.#part<HTMLSelectElement>("photo");
      this.#request(photo.value, photo.selectedOptions[0]?.textContent ?? photo.value);
    });
    this.#part<HTMLInputElement>("file").addEventListener("change", (event) => {
      const file = (event.target as HTMLInputElement).files?.[0];
      if (file) this.#request(file, file.name);
    });
  }

  disconnectedCallback() {
    this.#worker?.terminate();
    this.#worker = undefined;
  }

  #part<T extends HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-part="${name}"]`)!;
  }

  #request(source: string | Blob, name: string) {
    this.#worker ??= this.#startWorker();
    const k = Number(this.#part<HTMLSelectElement>("k").value);
    const request: BlurRequest = { id: ++this.#lastId, source, name, k };
    this.#part("error").hidden = true;
    this.#part("progress").hidden = false;
    this.#part("status").textContent = `Blurring ${name} with k=${k}…`;
    this.#worker.postMessage(request);
  }

  #startWorker(): Worker {
    const worker = new Worker(new URL("./blur-photo-worker.ts", import.meta.url), { type: "module", name: "every-core-blur-photo" });
    worker.addEventListener("message", (event: MessageEvent<BlurReply>) => this.#show(event.data));
    return worker;
  }

  #show(reply: BlurReply) {
    // A newer request supersedes this one: show only the latest.
    if (reply.id !== this.#lastId) return;
    this.#part("progress").hidden = true;
    if (!reply.ok) {
      this.#part("status").textContent = "";
      this.#part("figures").hidden = true;
      const error = this.#part("error");
      error.textContent = reply.error;
      error.hidden = false;
      return;
    }
    const scaled = reply.width !== reply.originalWidth ? ` (scaled down from ${reply.originalWidth}×${reply.originalHeight} to fit ${MAX_SIDE} px)` : "";
    this.#part("status").textContent = `Done: ${reply.width}×${reply.height}${scaled}.`;
    this.#draw("before", reply.before, reply.width, reply.height);
    for (const blur of reply.blurs) {
      this.#draw(blur.method, blur.bitmap, reply.width, reply.height);
      this.querySelector(`[data-time="${blur.method satisfies BlurMethod}"]`)!.textContent = `${ms(blur.ms)} ms`;
    }
    this.#part("figures").hidden = false;
  }

  #draw(name: string, bitmap: ImageBitmap, width: number, height: number) {
    const canvas = this.querySelector<HTMLCanvasElement>(`canvas[data-image="${name}"]`)!;
    canvas.width = width;
    canvas.height = height;
    canvas.getContext("bitmaprenderer")!.transferFromImageBitmap(bitmap);
  }
}

customElements.define("ec-blur-photo", BlurPhoto);
