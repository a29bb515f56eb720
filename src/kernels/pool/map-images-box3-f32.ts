import { box3F32Images } from "../images-box3-f32.ts";
import { forEachClaimedChunk } from "./claim-chunks.ts";
import { claimCounterAt } from "./claim-counter.ts";
import type { ArgValues } from "./job-args.ts";

/** Job arguments of map_box3_f32_ts (pointers are byte offsets). */
export const MAP_IMAGES_ARGS = { x: "i32", out: "i32", count: "i32", height: "i32", width: "i32", chunk: "i32", counter: "i32" } as const;

/**
 * The body every thread of a Pool.map over images runs (args as MAP_IMAGES_ARGS): claim `chunk`
 * images from the counter, blur them, repeat. Which thread blurs which image depends on timing,
 * not on the part number, so the job needs neither.
 */
export function mapBox3F32Images(
  buffer: ArrayBufferLike,
  { x, out, count, height, width, chunk, counter }: ArgValues<typeof MAP_IMAGES_ARGS>,
): void {
  const batch = { count, height, width };
  const n = count * height * width;
  const images = new Float32Array(buffer, x, n);
  const blurred = new Float32Array(buffer, out, n);
  forEachClaimedChunk(claimCounterAt(buffer, counter), count, chunk, (start, end) => box3F32Images(batch, images, blurred, start, end));
}
