import { describe, expect, it } from "vitest";
import { MEDIAN3X3_TEST_SHAPES, noisyImageU8 } from "../median3x3-input.ts";
import { median3x3U8Ref } from "../median3x3-u8-ref.ts";
import { kernelPoolJobs } from "../pool/kernel-jobs.ts";
import { SerialPool } from "../pool/serial-pool.ts";
import { createSharedMemory, instantiateKernels, type WasmIsa } from "./kernels-wasm.ts";
import { loadTestBuilds } from "./test-builds.ts";
import { WasmArena } from "./wasm-arena.ts";

// median3x3-u8-wasm and median3x3-u8-x16-wasmsimd (both builds) against the sort-the-window
// reference, byte for byte, on shapes that leave every remainder of the 16-pixel blocks, from
// unaligned pointers, with guard bytes around dst that must stay untouched.

const BUILDS = loadTestBuilds();
const ISAS = Object.keys(BUILDS) as WasmIsa[];
const GUARD = 7;
const SENTINEL = 0xa5;
const KERNELS = ["median3x3_u8_wasm", "median3x3_u8_x16_wasmsimd"] as const;

function setup(isa: WasmIsa, height: number, width: number, shift: number) {
  const k = instantiateKernels(BUILDS[isa], createSharedMemory(1));
  const arena = new WasmArena(k.memory, k);
  const pixels = height * width;
  const bytesBlock = (length: number) => arena.allocF32(Math.ceil(length / 4)).ptr;
  const src = bytesBlock(pixels + shift) + shift;
  const dstStart = bytesBlock(pixels + 2 * GUARD + shift) + shift;
  const dst = dstStart + GUARD;
  const image = noisyImageU8(height, width, height * 31 + width);
  new Uint8Array(k.memory.buffer, src, pixels).set(image);
  new Uint8Array(k.memory.buffer, dstStart, pixels + 2 * GUARD).fill(SENTINEL);
  const out = () => new Uint8Array(k.memory.buffer, dst, pixels).slice();
  const guards = () => [...new Uint8Array(k.memory.buffer, dstStart, GUARD), ...new Uint8Array(k.memory.buffer, dst + pixels, GUARD)];
  return { k, src, dst, image, out, guards };
}

describe.each(ISAS)("median3x3-u8 wasm (%s)", (isa) => {
  describe.each(KERNELS)("%s", (kernel) => {
    it.each(MEDIAN3X3_TEST_SHAPES)("equals the reference on %i×%i, writing nothing outside dst", (height, width) => {
      for (const shift of [0, 3]) {
        const { k, src, dst, image, out, guards } = setup(isa, height, width, shift);
        k[kernel](src, dst, height, width, 0, height);
        const expected = new Uint8Array(image.length);
        median3x3U8Ref({ height, width }, image, expected);
        expect(out()).toEqual(expected);
        expect(guards().every((g) => g === SENTINEL)).toBe(true);
      }
    });

    it("gives the same bytes for any split of the rows, as threads would", () => {
      const [height, width] = [23, 41];
      const whole = setup(isa, height, width, 0);
      whole.k[kernel](whole.src, whole.dst, height, width, 0, height);
      const split = setup(isa, height, width, 0);
      const bounds = [0, 1, 2, 10, 22, 23];
      for (let i = 0; i + 1 < bounds.length; i++) split.k[kernel](split.src, split.dst, height, width, bounds[i]!, bounds[i + 1]!);
      expect(split.out()).toEqual(whole.out());
      const empty = setup(isa, height, width, 0);
      empty.k[kernel](empty.src, empty.dst, height, width, 7, 7);
      expect(empty.out().every((v) => v === SENTINEL)).toBe(true);
    });

    it("names bad arguments", () => {
      const { k, src, dst } = setup(isa, 4, 5, 0);
      const bytes = k.memory.buffer.byteLength;
      expect(() => k[kernel](src, dst, 0, 5, 0, 0)).toThrow(/invalid height: 0/);
      expect(() => k[kernel](src, dst, 4, 1.5, 0, 4)).toThrow(/invalid width: 1.5/);
      expect(() => k[kernel](-1, dst, 4, 5, 0, 4)).toThrow(/invalid src: -1/);
      expect(() => k[kernel](src, bytes - 10, 4, 5, 0, 4)).toThrow(/invalid dst: .*inside the memory/);
      expect(() => k[kernel](src, src + 19, 4, 5, 0, 4)).toThrow(/invalid dst: .*overlap src/);
      expect(() => k[kernel](src, dst, 4, 5, -1, 4)).toThrow(/invalid rowStart: -1/);
      expect(() => k[kernel](src, dst, 4, 5, 2, 5)).toThrow(/invalid rowEnd: 5/);
    });
  });
});

describe.each(ISAS)("median3x3_u8_x16_wasmsimd pool job (%s)", (isa) => {
  it.each([1, 2, 3, 7])("split over %i parts equals one call, byte for byte", (parts) => {
    const [height, width] = [19, 53];
    const whole = setup(isa, height, width, 0);
    whole.k.median3x3_u8_x16_wasmsimd(whole.src, whole.dst, height, width, 0, height);
    const split = setup(isa, height, width, 0);
    new SerialPool(kernelPoolJobs, split.k, parts).run(
      "median3x3_u8_x16_wasmsimd",
      { src: split.src, dst: split.dst, height, width },
      parts,
    );
    expect(split.out()).toEqual(whole.out());
    expect(split.guards().every((g) => g === SENTINEL)).toBe(true);
  });
});
