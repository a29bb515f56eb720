import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm run bench` and the build scripts run in plain Node, which only strips types: a parameter
// property or an enum anywhere they import fails there while vitest (which transforms) passes.
describe("what the CLI imports loads in plain Node", () => {
  it("the registry with every declaration, and the results formats", () => {
    const script =
      "const r = await import('./src/lab/registry.ts'); await import('./src/lab/results-formats.ts'); console.log(r.benchmarks.length)";
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
    expect(Number(out.trim())).toBeGreaterThan(10);
  });
});
