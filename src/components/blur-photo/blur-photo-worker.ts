import { toGray, toRgba } from "../../kernels/gray-rgba.ts";
import { blurThreeWays, fitWithin, type BlurMethod } from "./blur-photo.ts";

/**
 * The photo island's worker: decodes, scales, converts to gray, blurs three ways and times them,
 * so the page never runs a blur or a decode on its main thread.
 */
export interface BlurRequest {
  id: number;
  /** A photo of the site (a same-origin URL) or the reader's own file. */
  source: string | Blob;
  name: string;
  k: number;
}

export type BlurReply =
  | {
      id: number;
      ok: true;
      /** The kernel side the blurs used. */
      k: number;
      width: number;
      height: number;
      originalWidth: number;
      originalHeight: number;
      before: ImageBitmap;
      blurs: { method: BlurMethod; ms: number; bitmap: ImageBitmap }[];
    }
  | { id: number; ok: false; error: string };

async function decode(source: string | Blob, name: string): Promise<ImageBitmap> {
  let blob: Blob;
  if (typeof source === "string") {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`could not load ${name}: HTTP ${response.status}`);
    blob = await response.blob();
  } else {
    blob = source;
  }
  if (blob.size === 0) throw new Error(`"${name}" is empty.`);
  if (blob.type && !blob.type.startsWith("image/")) throw new Error(`"${name}" is not an image (its type is ${blob.type}).`);
  try {
    return await createImageBitmap(blob);
  } catch {
    throw new Error(`"${name}" could not be decoded: it is not an image this browser can read, or the file is corrupt.`);
  }
}

function bitmapOf(gray: Float32Array, width: number, height: number): ImageBitmap {
  const canvas = new OffscreenCanvas(width, height);
  canvas.getContext("2d")!.putImageData(new ImageData(toRgba(gray), width, height), 0, 0);
  return canvas.transferToImageBitmap();
}

async function handle({ id, source, name, k }: BlurRequest): Promise<BlurReply> {
  const decoded = await decode(source, name);
  const { width, height } = fitWithin(decoded.width, decoded.height);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext("2d", { willReadFrequently: true })!;
  ctx.drawImage(decoded, 0, 0, width, height);
  const gray = toGray(ctx.getImageData(0, 0, width, height).data, width, height);
  const blurs = blurThreeWays(gray, width, height, k).map(({ method, ms, pixels }) => ({
    method,
    ms,
    bitmap: bitmapOf(pixels, width, height),
  }));
  const reply = {
    id,
    ok: true as const,
    k,
    width,
    height,
    originalWidth: decoded.width,
    originalHeight: decoded.height,
    before: bitmapOf(gray, width, height),
    blurs,
  };
  decoded.close();
  return reply;
}

self.addEventListener("message", async (event: MessageEvent<BlurRequest>) => {
  const { id } = event.data;
  try {
    const reply = await handle(event.data);
    const bitmaps = reply.ok ? [reply.before, ...reply.blurs.map((b) => b.bitmap)] : [];
    self.postMessage(reply, { transfer: bitmaps });
  } catch (e) {
    self.postMessage({ id, ok: false, error: e instanceof Error ? e.message : String(e) } satisfies BlurReply);
  }
});
