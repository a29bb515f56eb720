import { describe, expect, it } from "vitest";
import { extractRegion, readPythonListing } from "./python-listing.ts";

const source = [
  "import numpy as np",
  "# [start:a]",
  "def a():",
  "    # [start:inner]",
  "    return 1",
  "    # [end:inner]",
  "# [end:a]",
  "",
].join("\n");

describe("extractRegion", () => {
  it("returns a region's lines without any markers", () => {
    expect(extractRegion(source, "a")).toBe("def a():\n    return 1");
    expect(extractRegion(source, "inner")).toBe("    return 1");
  });

  it("returns the whole file without markers when no region is given", () => {
    expect(extractRegion(source, undefined)).toBe("import numpy as np\ndef a():\n    return 1");
  });

  it("names a missing region", () => {
    expect(() => extractRegion(source, "b", "x.py")).toThrow(/"b" is not marked in x.py/);
  });
});

describe("readPythonListing", () => {
  it("reads the companion's im2col region", () => {
    expect(readPythonListing("im2col.py", "im2col")).toMatch(/^def im2col\(/m);
  });

  it("refuses paths outside the package", () => {
    expect(() => readPythonListing("../../package.json")).toThrow(RangeError);
  });
});
