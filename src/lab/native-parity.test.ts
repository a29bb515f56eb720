import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { WITHOUT_NATIVE_TWIN } from "./native-twins.ts";
import { benchmarks } from "./registry.ts";

/** What `python -m everycore list --json` says of one native benchmark. */
interface NativeDeclaration {
  id: string;
  title: string;
  seed: number;
  cases: { label: string; params: Record<string, number> }[];
  variants: string[];
  /** The variant its results file names as the benchmark's baseline. */
  baseline: string;
}

/** Native benchmarks with no browser counterpart (processes and pickling have none). */
const NATIVE_ONLY = new Set(["inference-parallel"]);

const python = process.env.PYTHON ?? "python3";
const native: NativeDeclaration[] = JSON.parse(
  execFileSync(python, ["-m", "everycore", "list", "--json"], {
    cwd: fileURLToPath(new URL("../../python/", import.meta.url)),
    encoding: "utf8",
  }),
);

// An imported native file is matched to the page's table by benchmark id and case label: a native
// benchmark that drifts from the site's declaration would import as rows beside nothing.
describe("the Python companion's benchmarks match the site's", () => {
  it("has a twin of every site benchmark but the ones the tables say have none", () => {
    const twins = new Set(native.map((b) => b.id));
    for (const b of benchmarks) expect(twins.has(b.id), b.id).toBe(!WITHOUT_NATIVE_TWIN.has(b.id));
  });

  it("lists benchmarks, each with cases and variants", () => {
    expect(native.length).toBeGreaterThan(NATIVE_ONLY.size);
    for (const b of native) {
      expect(b.cases.length, b.id).toBeGreaterThan(0);
      expect(b.variants.length, b.id).toBeGreaterThan(0);
    }
  });

  for (const b of native.filter((x) => !NATIVE_ONLY.has(x.id))) {
    describe(b.id, () => {
      const site = benchmarks.find((x) => x.id === b.id);

      it("is a benchmark of the site, seeded the same", () => {
        expect(site, `no site benchmark ${b.id}`).toBeDefined();
        expect(b.seed).toBe(site?.seed);
      });

      it("has the site's cases: the same labels, in order, with the same parameters", () => {
        expect(b.cases).toEqual(site?.cases.map((c) => ({ label: c.label, params: { ...c.params } })));
      });

      it("names a baseline among its variants, for the page's speedup column", () => {
        expect(b.variants).toContain(b.baseline);
      });
    });
  }
});
