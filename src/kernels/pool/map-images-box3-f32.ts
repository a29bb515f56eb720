import { box3F32Images } from "../images-box3-f32.ts";
import { forEachClaimedChunk } from "./claim-chunks.ts";

/** Job arguments of map_box3_f32_js, in control-block order (pointers are byte offsets). */
export const MAP_IMAGES_ARGS = ["x", "out", "count", "height", "width", "chunk", "counter"] as const;

/**
 * The body every thread of a Pool.map over images runs (args as MAP_IMAGES_ARGS): claim `chunk`
 * images from the counter, blur them, repeat. Which thread blurs which image depends on timing,
 * not on the part number, so the job needs neither.
 */
export function mapBox3F32Images(buffer: ArrayBufferLike, a: Int32Array): void {
  const [x, out, count, height, width, chunk, counter] = Array.from(a.subarray(0, MAP_IMAGES_ARGS.length));
  const batch = { count: count!, height: height!, width: width! };
  const n = count! * height! * width!;
  const images = new Float32Array(buffer, x!, n);
  const blurred = new Float32Array(buffer, out!, n);
  forEachClaimedChunk(new Int32Array(buffer, counter!, 1), count!, chunk!, (start, end) => box3F32Images(batch, images, blurred, start, end));
}
