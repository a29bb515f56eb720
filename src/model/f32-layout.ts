/**
 * Named float blocks packed one after another in one vector, each starting on a multiple of 4
 * floats (16 bytes, the WebAssembly kernels' fast alignment). The model keeps its parameters,
 * gradients and per-worker workspaces this way, so that one byte offset in the shared memory plus
 * the layout is all a pool worker needs to find every tensor.
 */
export interface F32Layout<K extends string> {
  /** Float offset and length of each block. */
  blocks: Record<K, { offset: number; length: number }>;
  /** Floats of the whole vector, alignment gaps included. */
  count: number;
}

const ALIGN = 4;

/** Lays out the blocks in the order the record lists them. */
export function f32Layout<K extends string>(lengths: Record<K, number>): F32Layout<K> {
  let offset = 0;
  const blocks = {} as F32Layout<K>["blocks"];
  for (const name of Object.keys(lengths) as K[]) {
    const length = lengths[name];
    if (!Number.isInteger(length) || length < 0) throw new RangeError(`invalid ${name}: length ${length} (expected an integer ≥ 0)`);
    blocks[name] = { offset, length };
    offset += Math.ceil(length / ALIGN) * ALIGN;
  }
  return { blocks, count: offset };
}

/** A view of each block of `vector`, which must hold layout.count floats. */
export function f32Views<K extends string>(layout: F32Layout<K>, vector: Float32Array): Record<K, Float32Array> {
  if (vector.length < layout.count) throw new RangeError(`invalid vector: length ${vector.length}, expected ≥ ${layout.count}`);
  const views = {} as Record<K, Float32Array>;
  for (const name of Object.keys(layout.blocks) as K[]) {
    const { offset, length } = layout.blocks[name];
    views[name] = vector.subarray(offset, offset + length);
  }
  return views;
}
