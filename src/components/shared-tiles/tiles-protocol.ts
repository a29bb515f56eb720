/** The shared control block of the tiles island: Int32 slots. */
/** The next tile nobody has claimed yet. */
export const NEXT = 0;
/** Tiles finished: workers add 1 and notify; the page waits on it (Atomics.waitAsync). */
export const DONE = 1;
/** From here on, one slot per tile: the 1-based number of the worker that drew it. */
export const OWNER = 2;

export interface TilesJob {
  /** width × height RGBA pixels that every worker writes its own tiles of. */
  image: SharedArrayBuffer;
  control: SharedArrayBuffer;
  width: number;
  height: number;
  tile: number;
  /** 1-based, for the tint that shows which worker drew which tile. */
  worker: number;
}

export function tileCount(width: number, height: number, tile: number): number {
  return Math.ceil(width / tile) * Math.ceil(height / tile);
}
