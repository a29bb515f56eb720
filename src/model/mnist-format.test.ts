import { describe, expect, it } from "vitest";
import { decodeMnist, encodeMnist, MNIST_HEADER_BYTES } from "./mnist-format.ts";
import { loadMnist } from "./mnist-data.ts";

// Three 2×3 "images" with distinct pixels, so a shifted offset cannot go unnoticed.
const set = { count: 3, rows: 2, cols: 3, labels: Uint8Array.of(7, 0, 9), pixels: Uint8Array.from({ length: 18 }, (_, i) => i * 13) };

describe("MNIST shipped form", () => {
  it("round-trips header, labels and pixels", () => {
    const bytes = encodeMnist(set);
    expect(bytes.length).toBe(MNIST_HEADER_BYTES + 3 * 7);
    const back = decodeMnist(bytes, "x.bin");
    expect([back.count, back.rows, back.cols]).toEqual([3, 2, 3]);
    expect(Array.from(back.labels)).toEqual([7, 0, 9]);
    expect(Array.from(back.pixels)).toEqual(Array.from(set.pixels));
  });

  it("names the file and the problem for corrupt input", () => {
    const good = encodeMnist(set);
    expect(() => decodeMnist(good.subarray(0, 10), "a.bin")).toThrow(/a\.bin: 10 bytes is shorter/);
    expect(() => decodeMnist(good.subarray(0, good.length - 1), "b.bin")).toThrow(/b\.bin: .*truncated or corrupt/);
    const html = new TextEncoder().encode("<!DOCTYPE html><html>not found</html>");
    expect(() => decodeMnist(html, "c.bin")).toThrow(/c\.bin: not an Every Core MNIST file/);
    const version = good.slice();
    version[4] = 2;
    expect(() => decodeMnist(version, "d.bin")).toThrow(/d\.bin: format version 2/);
    const label = good.slice();
    label[MNIST_HEADER_BYTES + 1] = 10;
    expect(() => decodeMnist(label, "e.bin")).toThrow(/e\.bin: label 10 of image 1/);
  });

  it("refuses to encode mismatched arrays", () => {
    expect(() => encodeMnist({ ...set, count: 4 })).toThrow(RangeError);
  });

  it("loadMnist reports a missing file with the URL and the HTTP status", async () => {
    const missing = (async () => new Response("nope", { status: 404 })) as typeof fetch;
    await expect(loadMnist("test", missing)).rejects.toThrow(/\/data\/mnist-test\.bin answered HTTP 404/);
    const served = (async () => new Response(encodeMnist(set))) as typeof fetch;
    expect((await loadMnist("train", served)).count).toBe(3);
  });
});
