import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { staleBuildCause } from "./stale-build.ts";

function project(): { root: string; touch: (path: string, secondsAgo: number) => void } {
  const root = mkdtempSync(join(tmpdir(), "stale-build-"));
  const now = Date.now() / 1000;
  const touch = (path: string, secondsAgo: number) => {
    mkdirSync(join(root, path, ".."), { recursive: true });
    writeFileSync(join(root, path), "x");
    utimesSync(join(root, path), now - secondsAgo, now - secondsAgo);
  };
  return { root, touch };
}

describe("staleBuildCause", () => {
  it("names a missing build", () => {
    const { root, touch } = project();
    touch("src/a.ts", 10);
    expect(staleBuildCause(root)).toBe(join("dist", "index.html"));
  });

  it("is undefined when the build is newer than every source", () => {
    const { root, touch } = project();
    touch("src/lab/a.ts", 30);
    touch("public/data/x.bin", 20);
    touch("astro.config.mjs", 40);
    touch("dist/index.html", 10);
    expect(staleBuildCause(root)).toBeUndefined();
  });

  it("names the first source changed since the build, however deep", () => {
    const { root, touch } = project();
    touch("src/lab/a.ts", 30);
    touch("dist/index.html", 10);
    touch("src/kernels/wasm/assembly/col2im.ts", 5);
    expect(staleBuildCause(root)).toBe(join("src", "kernels", "wasm", "assembly", "col2im.ts"));
    const other = project();
    other.touch("dist/index.html", 10);
    other.touch("astro.config.mjs", 1);
    expect(staleBuildCause(other.root)).toBe("astro.config.mjs");
  });
});
