import type { ConvParams } from "../kernels/conv-shape.ts";
import type { ArgType } from "../kernels/pool/job-args.ts";

/**
 * The network every CNN page uses: conv → ReLU → 2×2 max-pool → conv → ReLU → 2×2 max-pool →
 * dense → softmax cross-entropy, on NCHW images. Convolutions are stride 1 with "same" padding
 * (kernel / 2), so only the pools shrink the image (floor: an odd row or column is dropped).
 */
export interface CnnConfig {
  /** Input channels, height and width of one image. */
  channels: number;
  height: number;
  width: number;
  /** Filters and (odd) kernel side of the first convolution. */
  filters1: number;
  kernel1: number;
  /** Filters and (odd) kernel side of the second convolution. */
  filters2: number;
  kernel2: number;
  /** Outputs of the dense layer (digits: 10). */
  classes: number;
}

/** LeNet-sized for 28×28 digits: 8 then 16 filters of 5×5, a 784 → 10 dense layer (11 274 weights). */
export const MNIST_CNN: CnnConfig = { channels: 1, height: 28, width: 28, filters1: 8, kernel1: 5, filters2: 16, kernel2: 5, classes: 10 };

/** A config as pool-job arguments (cnn-jobs.ts), the first of every CNN job's. */
export const CNN_CONFIG_ARGS = {
  channels: "i32",
  height: "i32",
  width: "i32",
  filters1: "i32",
  kernel1: "i32",
  filters2: "i32",
  kernel2: "i32",
  classes: "i32",
} as const satisfies Record<keyof CnnConfig, ArgType>;
const FIELDS = Object.keys(CNN_CONFIG_ARGS) as (keyof CnnConfig)[];

/** Per-image sizes (floats) of every tensor of the network, derived once from a validated config. */
export interface CnnShape extends CnnConfig {
  /** Image after the first pool (= input of the second convolution). */
  pool1H: number;
  pool1W: number;
  /** Image after the second pool. */
  pool2H: number;
  pool2W: number;
  /** Inputs of the dense layer: filters2 · pool2H · pool2W. */
  dense: number;
  input: number;
  conv1Out: number;
  pool1Out: number;
  conv2Out: number;
}

/** Validates a config (RangeError naming the bad field) and derives its per-image sizes. */
export function cnnShape(c: CnnConfig): CnnShape {
  for (const name of FIELDS) {
    if (!Number.isInteger(c[name]) || c[name] < 1) throw new RangeError(`invalid ${name}: ${c[name]} (expected an integer ≥ 1)`);
  }
  for (const name of ["kernel1", "kernel2"] as const) {
    if (c[name] % 2 === 0) throw new RangeError(`invalid ${name}: ${c[name]} (expected an odd side, for "same" padding)`);
  }
  for (const name of ["height", "width"] as const) {
    if (c[name] < 4) throw new RangeError(`invalid ${name}: ${c[name]} (two 2×2 pools need at least 4)`);
  }
  const pool1H = Math.floor(c.height / 2);
  const pool1W = Math.floor(c.width / 2);
  const pool2H = Math.floor(pool1H / 2);
  const pool2W = Math.floor(pool1W / 2);
  return {
    ...c,
    pool1H,
    pool1W,
    pool2H,
    pool2W,
    dense: c.filters2 * pool2H * pool2W,
    input: c.channels * c.height * c.width,
    conv1Out: c.filters1 * c.height * c.width,
    pool1Out: c.filters1 * pool1H * pool1W,
    conv2Out: c.filters2 * pool1H * pool1W,
  };
}

/** The first convolution on `batch` images. */
export function conv1Params(s: CnnShape, batch: number): ConvParams {
  const { channels, height, width, filters1: filters, kernel1: k } = s;
  return { batch, channels, height, width, filters, kernelH: k, kernelW: k, stride: 1, padding: (k - 1) / 2 };
}

/** The second convolution on `batch` images (after the first pool). */
export function conv2Params(s: CnnShape, batch: number): ConvParams {
  const { filters1: channels, pool1H: height, pool1W: width, filters2: filters, kernel2: k } = s;
  return { batch, channels, height, width, filters, kernelH: k, kernelW: k, stride: 1, padding: (k - 1) / 2 };
}

/** Multiply-adds ×2 of one image's forward pass (the two convolutions and the dense layer). */
export function cnnForwardFlops(s: CnnShape): number {
  const conv1 = s.height * s.width * s.filters1 * s.channels * s.kernel1 ** 2;
  const conv2 = s.pool1H * s.pool1W * s.filters2 * s.filters1 * s.kernel2 ** 2;
  return 2 * (conv1 + conv2 + s.dense * s.classes);
}

/** Only the config of `c` (a shape, or a job's arguments, which carry more). */
export function configOf(c: CnnConfig): CnnConfig {
  const { channels, height, width, filters1, kernel1, filters2, kernel2, classes } = c;
  return { channels, height, width, filters1, kernel1, filters2, kernel2, classes };
}

/** The config's values in argument order, joined: equal configs give equal keys. */
export function configKey(c: CnnConfig): string {
  return FIELDS.map((name) => c[name]).join();
}
