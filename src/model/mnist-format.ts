// The compact MNIST form the site ships (public/data/mnist-*.bin, written by scripts/build-mnist.ts):
// a 20-byte little-endian header, then one uint8 label per image, then the uint8 pixels (row-major,
// image after image). Raw uint8 keeps the browser's decode a zero-copy view: no inflate, no parse.
//   bytes 0–3   magic "ECMN"
//   bytes 4–7   version (1)
//   bytes 8–11  count (images)
//   bytes 12–15 rows
//   bytes 16–19 cols

export const MNIST_MAGIC = "ECMN";
export const MNIST_VERSION = 1;
export const MNIST_HEADER_BYTES = 20;
export const MNIST_CLASSES = 10;

/** A split of MNIST: labels[i] ∈ 0…9, pixels[i·rows·cols …] the i-th image, 0 = background. */
export interface MnistSet {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly labels: Uint8Array;
  readonly pixels: Uint8Array;
}

/** Serialises a set into the shipped form. */
export function encodeMnist(set: MnistSet): Uint8Array<ArrayBuffer> {
  const { count, rows, cols, labels, pixels } = set;
  if (labels.length !== count || pixels.length !== count * rows * cols) {
    throw new RangeError(
      `encodeMnist: ${labels.length} labels and ${pixels.length} pixels do not match ${count} images of ${rows}×${cols}`,
    );
  }
  const out = new Uint8Array(MNIST_HEADER_BYTES + count * (1 + rows * cols));
  const view = new DataView(out.buffer);
  for (let i = 0; i < 4; i++) out[i] = MNIST_MAGIC.charCodeAt(i);
  view.setUint32(4, MNIST_VERSION, true);
  view.setUint32(8, count, true);
  view.setUint32(12, rows, true);
  view.setUint32(16, cols, true);
  out.set(labels, MNIST_HEADER_BYTES);
  out.set(pixels, MNIST_HEADER_BYTES + count);
  return out;
}

/**
 * Reads the shipped form without copying (labels and pixels are views into `bytes`). `source` names
 * the file in the error, which says what is wrong: not this format, another version, truncated or
 * padded, a label outside 0…9.
 */
export function decodeMnist(bytes: Uint8Array, source: string): MnistSet {
  if (bytes.length < MNIST_HEADER_BYTES) {
    throw new RangeError(`${source}: ${bytes.length} bytes is shorter than the ${MNIST_HEADER_BYTES}-byte MNIST header`);
  }
  const magic = String.fromCharCode(bytes[0]!, bytes[1]!, bytes[2]!, bytes[3]!);
  if (magic !== MNIST_MAGIC) {
    throw new RangeError(`${source}: not an Every Core MNIST file (starts with ${JSON.stringify(magic)}, expected "${MNIST_MAGIC}")`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== MNIST_VERSION) throw new RangeError(`${source}: format version ${version}, this site reads version ${MNIST_VERSION}`);
  const count = view.getUint32(8, true);
  const rows = view.getUint32(12, true);
  const cols = view.getUint32(16, true);
  if (count === 0 || rows === 0 || cols === 0) throw new RangeError(`${source}: empty set (${count} images of ${rows}×${cols})`);
  const expected = MNIST_HEADER_BYTES + count * (1 + rows * cols);
  if (bytes.length !== expected) {
    throw new RangeError(
      `${source}: ${bytes.length} bytes, but ${count} images of ${rows}×${cols} need ${expected} (truncated or corrupt download?)`,
    );
  }
  const labels = bytes.subarray(MNIST_HEADER_BYTES, MNIST_HEADER_BYTES + count);
  const bad = labels.findIndex((l) => l >= MNIST_CLASSES);
  if (bad >= 0) throw new RangeError(`${source}: label ${labels[bad]} of image ${bad} is not a digit 0–9`);
  return { count, rows, cols, labels, pixels: bytes.subarray(MNIST_HEADER_BYTES + count) };
}
