import { describe, expect, it } from "vitest";
import { formatBytes, layerMemory, parseLayers } from "./conv-memory.ts";

describe("parseLayers", () => {
  it("reads one layer per line, skipping blanks and comments", () => {
    const layers = parseLayers("# first layer\n3 64 3 1 1 224 224\n\n64, 128, 3, 2, 1, 224, 224 # strided\n", 8);
    expect(layers).toHaveLength(2);
    expect(layers[1]).toEqual({
      batch: 8,
      channels: 64,
      filters: 128,
      kernelH: 3,
      kernelW: 3,
      stride: 2,
      padding: 1,
      height: 224,
      width: 224,
    });
  });

  it("names the line and the field that is wrong", () => {
    expect(() => parseLayers("3 64 3 1 1 224", 1)).toThrow("invalid line 1: 6 values, expected 7");
    expect(() => parseLayers("\n3 0 3 1 1 8 8", 1)).toThrow(/^line 2: invalid filters: 0/);
    expect(() => parseLayers("3 4 9 1 0 8 8", 1)).toThrow(/^line 1: invalid kernel: 9 is larger than the padded height 8/);
    expect(() => parseLayers("3 4 3 1 x 8 8", 1)).toThrow(/invalid padding: NaN/);
    expect(() => parseLayers("3 4 3 1 1 8 8", 0)).toThrow(/invalid batch: 0/);
    expect(() => parseLayers("# nothing\n", 1)).toThrow(/invalid layers: none given/);
  });
});

describe("layerMemory", () => {
  it("counts input, weights with bias, output and the im2col buffer", () => {
    // 1×2×5×5 input, 3 filters of 2×3×3, stride 2, pad 1 → 3×3×3 output; im2col (9 rows × 18).
    const m = layerMemory(
      { batch: 1, channels: 2, filters: 3, kernelH: 3, kernelW: 3, stride: 2, padding: 1, height: 5, width: 5 },
      "float32",
    );
    expect(m).toEqual({
      shape: "2×5×5 → 3×3×3",
      input: 200,
      weights: (54 + 3) * 4,
      output: 108,
      im2col: 9 * 18 * 4,
      total: 200 + 228 + 108 + 648,
    });
  });

  it("scales with the dtype and blows up by k² for a stride-1 3×3 layer", () => {
    const p = { batch: 2, channels: 64, filters: 64, kernelH: 3, kernelW: 3, stride: 1, padding: 1, height: 56, width: 56 };
    const f32 = layerMemory(p, "float32");
    expect(layerMemory(p, "float16").im2col).toBe(f32.im2col / 2);
    expect(f32.im2col).toBe(9 * f32.input);
  });

  it("rejects an unknown dtype by name", () => {
    const p = { batch: 1, channels: 1, filters: 1, kernelH: 1, kernelW: 1, stride: 1, padding: 0, height: 1, width: 1 };
    expect(() => layerMemory(p, "bfloat8" as "float32")).toThrow(/invalid dtype: bfloat8/);
  });
});

describe("formatBytes", () => {
  it("uses binary units", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KiB");
    expect(formatBytes(3 * 1024 ** 3)).toBe("3.0 GiB");
  });
});
