/**
 * The geometry of a 2D convolution in NCHW layout, validated once and shared by every conv kernel
 * (reference, im2col, GEMM-based, WebAssembly), so that all of them reject bad input the same way.
 */
export type ConvParams = {
  /** Batch size N. */
  batch: number;
  /** Input channels C. */
  channels: number;
  height: number;
  width: number;
  /** Output channels (number of filters). */
  filters: number;
  kernelH: number;
  kernelW: number;
  stride: number;
  padding: number;
};

export interface ConvShape extends ConvParams {
  outH: number;
  outW: number;
  /** Rows of the im2col matrix: N·H'·W'. */
  cols: number;
  /** Columns of the im2col matrix (the GEMM depth): C·kH·kW. */
  patch: number;
}

function positiveInt(name: string, value: number, min = 1): void {
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`invalid ${name}: ${value} (expected an integer ≥ ${min})`);
  }
}

/** Validates the parameters and derives the output size; throws a RangeError naming the bad one. */
export function convShape(p: ConvParams): ConvShape {
  positiveInt("batch", p.batch);
  positiveInt("channels", p.channels);
  positiveInt("height", p.height);
  positiveInt("width", p.width);
  positiveInt("filters", p.filters);
  positiveInt("kernelH", p.kernelH);
  positiveInt("kernelW", p.kernelW);
  positiveInt("stride", p.stride);
  positiveInt("padding", p.padding, 0);
  if (p.kernelH > p.height + 2 * p.padding) {
    throw new RangeError(`invalid kernelH: ${p.kernelH} is larger than the padded height ${p.height + 2 * p.padding}`);
  }
  if (p.kernelW > p.width + 2 * p.padding) {
    throw new RangeError(`invalid kernelW: ${p.kernelW} is larger than the padded width ${p.width + 2 * p.padding}`);
  }
  const outH = Math.floor((p.height + 2 * p.padding - p.kernelH) / p.stride) + 1;
  const outW = Math.floor((p.width + 2 * p.padding - p.kernelW) / p.stride) + 1;
  return { ...p, outH, outW, cols: p.batch * outH * outW, patch: p.channels * p.kernelH * p.kernelW };
}

/** Throws unless `array` holds exactly `expected` elements. */
export function checkLength(name: string, array: ArrayLike<number>, expected: number): void {
  if (array.length !== expected) {
    throw new RangeError(`invalid ${name}: length ${array.length}, expected ${expected}`);
  }
}

/** Element counts of each tensor of a convolution. */
export function convSizes(s: ConvShape) {
  return {
    input: s.batch * s.channels * s.height * s.width,
    weights: s.filters * s.channels * s.kernelH * s.kernelW,
    bias: s.filters,
    output: s.batch * s.filters * s.outH * s.outW,
    im2col: s.cols * s.patch,
  };
}

/** Multiply-adds ×2: the FLOP count of a direct convolution (bias excluded). */
export function convFlops(s: ConvShape): number {
  return 2 * s.cols * s.patch * s.filters;
}

/**
 * Bytes of memory traffic of one convolution, for GB/s and the roofline's arithmetic intensity:
 * input, weights, bias and output once each (what any method must move), plus, when the method
 * materialises the im2col matrix, that matrix written once and read back once.
 */
export function convBytes(s: ConvShape, im2col: boolean): number {
  const n = convSizes(s);
  const floats = n.input + n.weights + n.bias + n.output + (im2col ? 2 * n.im2col : 0);
  return floats * Float32Array.BYTES_PER_ELEMENT;
}
