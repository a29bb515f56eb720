import { cnnShape, MNIST_CNN } from "./cnn-config.ts";
import { paramLayout } from "./cnn-params.ts";

/**
 * The digit CNN trained once by scripts/train-digit-cnn.ts (the training page's default run, in
 * Node): its parameter vector as little-endian float32, paramLayout order, from the repository root.
 */
export const TRAINED_CNN_FILE = "src/model/trained/mnist-cnn-f32.bin";

/** The parameter vector in `bytes`, checked for the site's network's size. */
export function decodeTrainedCnn(bytes: Uint8Array): Float32Array {
  const count = paramLayout(cnnShape(MNIST_CNN)).count;
  if (bytes.length !== count * 4)
    throw new RangeError(`invalid trained CNN: ${bytes.length} bytes, expected ${count} float32 (${count * 4} bytes)`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float32Array.from({ length: count }, (_, i) => view.getFloat32(i * 4, true));
}

/**
 * The trained network on the site's 4,000 MNIST test digits (public/data/mnist-test.bin), float and
 * int8 (CnnInferenceI8), as scripts/trained-cnn-accuracy.test.ts measures them in both kernel
 * builds; the inference page prints these.
 */
export const TRAINED_CNN_TEST = {
  images: 4000,
  /** Digits whose largest logit is their label. */
  floatCorrect: 3910,
  int8Correct: 3909,
  /** Digits on which the two networks' predicted classes differ. */
  disagree: 3,
  /** Largest |int8 logit − float logit| over all digits and classes, rounded up to 0.01, and the largest |float logit|. */
  maxLogitGap: 0.28,
  maxLogit: 22.3,
} as const;
