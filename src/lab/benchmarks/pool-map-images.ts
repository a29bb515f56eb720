import { boxBlurF32Ref } from "../../kernels/blur-f32-box-ref.ts";
import { box3F32Images, type ImageBatch } from "../../kernels/images-box3-f32.ts";
import { randomF32 } from "../../kernels/random.ts";
import { ClaimCounter } from "../../kernels/pool/claim-counter.ts";
import { arenaBytes } from "../../kernels/wasm/wasm-arena.ts";
import { defineBenchmark, type Variant } from "../benchmark.ts";

/**
 * Syllabus 4.1–4.2 in the browser: `pool.map(blur, images, chunksize)`. Many independent images,
 * each blurred 3×3 by itself; the pool's threads claim `chunk` images at a time from a counter in
 * shared memory. Two batches: tiny tasks (2×2 images, a few tens of nanoseconds each, less than
 * a claim costs) and coarse ones (64×64, tens of microseconds each).
 */
const TINY = "65,536 images of 2×2";
const COARSE = "256 images of 64×64";
/** Images per claim: from one (a claim per image) to the whole coarse batch (one task). */
export const CHUNKS = [1, 4, 16, 64, 256] as const;
export const LOOP_VARIANT = "map-box3-f32-loop-ts";

const variantId = (chunk: number) => `map-box3-f32-chunk${chunk}-ts-threads`;

/** The chunk size a pool variant of this benchmark hands out; undefined for the loop or another id. */
export function chunkOfVariant(id: string): number | undefined {
  return CHUNKS.find((chunk) => variantId(chunk) === id);
}

function chunkVariant(chunk: number): Variant<ImageBatch, Float32Array> {
  return {
    id: variantId(chunk),
    label: `Pool of workers, chunks of ${chunk} image${chunk === 1 ? "" : "s"} (JavaScript)`,
    parallel: true,
    // The pool and the images it shares exist only on a cross-origin isolated page.
    needsIsolation: true,
    prepare(batch, input, ctx) {
      const { arena } = ctx.wasm;
      arena.reset();
      const x = arena.allocF32(input.length);
      x.view().set(input);
      const out = arena.allocF32(input.length);
      const counter = new ClaimCounter(arena); // the next unclaimed image
      const args = { x: x.ptr, out: out.ptr, count: batch.count, height: batch.height, width: batch.width, chunk, counter: counter.ptr };
      return {
        run() {
          counter.reset();
          ctx.pool.run("map_box3_f32_ts", args, ctx.threads);
        },
        output: () => out.view().slice(),
      };
    },
    // The images, their blurred copies and the claim counter.
    arenaBytes: (b) => 2 * arenaBytes(b.count * b.height * b.width) + ClaimCounter.arenaBytes,
  };
}

/** The site's blur reference on each image in turn. */
function blurAll({ count, height, width }: ImageBatch, x: Float32Array): Float32Array {
  const out = new Float32Array(x.length);
  const size = height * width;
  for (let i = 0; i < count; i++)
    boxBlurF32Ref({ height, width, k: 3 }, x.subarray(i * size, (i + 1) * size), out.subarray(i * size, (i + 1) * size));
  return out;
}

export const poolMapImages = defineBenchmark<ImageBatch, Float32Array>({
  id: "pool-map-images",
  title: "Pool.map over many images: workers, and the size of each task",
  chapter: "/multiprocessing/",
  cases: [
    { label: TINY, params: { count: 65_536, height: 2, width: 2 } },
    { label: COARSE, params: { count: 256, height: 64, width: 64 } },
  ],
  caseAxis: "batch of images",
  seed: 20_261_104,
  input: (b, seed) => randomF32(b.count * b.height * b.width, seed),
  reference: blurAll,
  // The same sums in the same order as the reference, whichever thread runs them: bit-identical.
  tolerance: () => 0,
  // A blur is memory and bookkeeping, not arithmetic: compare times, speedups and efficiency.
  flops: () => 0,
  baseline: LOOP_VARIANT,
  variants: [
    {
      id: LOOP_VARIANT,
      label: "One thread, a plain loop over the images (JavaScript)",
      prepare(batch, x) {
        const out = new Float32Array(x.length);
        return { run: () => box3F32Images(batch, x, out, 0, batch.count), output: () => out };
      },
    },
    ...CHUNKS.map(chunkVariant),
  ],
  claims: [
    {
      id: "pool-map-images/two-workers",
      case: COARSE,
      faster: { variant: variantId(16), threads: 2 },
      slower: { variant: LOOP_VARIANT },
      atLeast: 1.6,
      because:
        "the images are independent, so two threads blur different images at the same time, and 16 chunks of tens of microseconds each leave the claims' cost far below the work",
    },
    {
      id: "pool-map-images/tiny-tasks",
      case: TINY,
      faster: { variant: variantId(16), threads: 2 },
      slower: { variant: variantId(1), threads: 2 },
      atLeast: 1.5,
      because:
        "a 2×2 blur is shorter than one claim, an atomic add on a counter whose cache line must travel between the two cores every time; chunks of 16 pay that once per 16 images",
    },
    {
      id: "pool-map-images/too-coarse",
      case: COARSE,
      faster: { variant: variantId(16), threads: 2 },
      slower: { variant: variantId(256), threads: 2 },
      atLeast: 1.4,
      because: "256 images in chunks of 256 is a single task: the first thread to claim it does all the work while the other waits",
    },
  ],
});
