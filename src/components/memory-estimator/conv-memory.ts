import { convShape, convSizes, type ConvParams } from "../../kernels/conv-shape.ts";

/** Bytes per element of the dtypes a CNN is commonly stored in (numpy's names). */
export const DTYPE_BYTES = { float64: 8, float32: 4, float16: 2, int8: 1 } as const;
export type Dtype = keyof typeof DTYPE_BYTES;

/** The columns of one layer line, in order: named as the convolution's parameters. */
export const LAYER_FIELDS = ["channels", "filters", "kernel", "stride", "padding", "height", "width"] as const;

/** Bytes one convolution layer holds at once when it runs as im2col + GEMM. */
export interface LayerMemory {
  shape: string;
  input: number;
  weights: number;
  output: number;
  im2col: number;
  total: number;
}

/**
 * Parses one layer per line ("channels filters kernel stride padding height width", blank lines
 * and `#` comments skipped); throws a RangeError naming the line and the field that is wrong.
 */
export function parseLayers(text: string, batch: number): ConvParams[] {
  const layers: ConvParams[] = [];
  for (const [i, raw] of text.split("\n").entries()) {
    const line = raw.replace(/#.*/, "").trim();
    if (line === "") continue;
    const where = `line ${i + 1}`;
    const cells = line.split(/[\s,]+/);
    if (cells.length !== LAYER_FIELDS.length) {
      throw new RangeError(`invalid ${where}: ${cells.length} values, expected ${LAYER_FIELDS.length} (${LAYER_FIELDS.join(" ")})`);
    }
    const v = Object.fromEntries(LAYER_FIELDS.map((f, j) => [f, Number(cells[j])])) as Record<(typeof LAYER_FIELDS)[number], number>;
    const params = {
      batch,
      channels: v.channels,
      filters: v.filters,
      kernelH: v.kernel,
      kernelW: v.kernel,
      stride: v.stride,
      padding: v.padding,
      height: v.height,
      width: v.width,
    };
    try {
      convShape(params);
    } catch (e) {
      // convShape names its own fields (kernelH); the reader typed "kernel".
      throw new RangeError(`${where}: ${(e as Error).message.replace(/kernel[HW]/, "kernel")}`);
    }
    layers.push(params);
  }
  if (layers.length === 0)
    throw new RangeError("invalid layers: none given (one line per layer: channels filters kernel stride padding height width)");
  return layers;
}

/** Bytes of each tensor of one layer in `dtype`; the im2col buffer is what the GEMM method adds. */
export function layerMemory(params: ConvParams, dtype: Dtype): LayerMemory {
  if (!(dtype in DTYPE_BYTES)) throw new RangeError(`invalid dtype: ${dtype} (expected one of ${Object.keys(DTYPE_BYTES).join(", ")})`);
  const s = convShape(params);
  const n = convSizes(s);
  const b = DTYPE_BYTES[dtype];
  const bytes = { input: n.input * b, weights: (n.weights + n.bias) * b, output: n.output * b, im2col: n.im2col * b };
  return {
    shape: `${s.channels}×${s.height}×${s.width} → ${s.filters}×${s.outH}×${s.outW}`,
    ...bytes,
    total: bytes.input + bytes.weights + bytes.output + bytes.im2col,
  };
}

/** "12.3 MiB": binary units, as the memory a process reports. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}
