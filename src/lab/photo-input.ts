import { toGray } from "../kernels/gray-rgba.ts";

/**
 * A photo of the site as a benchmark input: fetched from this origin, decoded and converted to
 * 8-bit gray (0…255 in a float plane) inside the runner worker, with no canvas on the page. The
 * photo island converts the same way, so the benchmark times the pixels the page shows.
 */
export interface GrayPhoto {
  width: number;
  height: number;
  pixels: Float32Array;
}

/** `file` under public/images/, e.g. "astronaut.png". */
export async function loadGrayPhoto(file: string): Promise<GrayPhoto> {
  const url = new URL(`${import.meta.env.BASE_URL}images/${file}`, self.location.href);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`could not load the photo ${url.pathname}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob());
  try {
    const { width, height } = bitmap;
    const ctx = new OffscreenCanvas(width, height).getContext("2d", { willReadFrequently: true });
    if (!ctx) throw new Error("this browser has no 2D canvas in workers, so the photo cannot be decoded");
    ctx.drawImage(bitmap, 0, 0);
    return { width, height, pixels: toGray(ctx.getImageData(0, 0, width, height).data, width, height) };
  } finally {
    bitmap.close();
  }
}

/** Decoded photos of this worker, by file: the cases and benchmarks that time one share it. */
const decoded = new Map<string, Promise<GrayPhoto>>();

/**
 * The gray pixels of `file`, decoded once per worker (a failed load is retried next time), which
 * must be `width`×`height`: a benchmark's cases are declared for the photo's size.
 */
export async function benchmarkPhoto(file: string, width: number, height: number): Promise<Float32Array> {
  let photo = decoded.get(file);
  if (!photo) {
    photo = loadGrayPhoto(file);
    decoded.set(file, photo);
    photo.catch(() => decoded.delete(file));
  }
  const got = await photo;
  if (got.width !== width || got.height !== height)
    throw new Error(`${file} is ${got.width}×${got.height}, the benchmark expects ${width}×${height}`);
  return got.pixels;
}
