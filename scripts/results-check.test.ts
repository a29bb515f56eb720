import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

/** `npm run results:check` as a contributor runs it: plain Node on files outside the repository. */
function check(...paths: string[]) {
  const r = spawnSync(process.execPath, ["scripts/results-check.ts", ...paths], { encoding: "utf8" });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), "results-check-"));
const native = JSON.parse(readFileSync("e2e/fixtures/results-native.json", "utf8"));
/** Writes `doc` (or text) as `name` in a scratch folder and returns its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

describe("npm run results:check", () => {
  it("accepts a valid full run named for its machine, saying what it holds", () => {
    const path = file("ryzen-7950x-native.json", { ...native, env: { ...native.env, quick: false } });
    const r = check(path);
    expect(r.err).toBe("");
    expect(r.out).toBe(
      `ok ${path}: native run of 2026-11-20T09:30:00+00:00: 11 results of 1 benchmark on AMD Ryzen 9 7950X 16-Core Processor · CPython 3.12.3 / numpy 2.1.3 / openblas, 32 threads\n`,
    );
    expect(r.status).toBe(0);
  });

  it("fails with the file and its problem, checks every file given, and exits 1", () => {
    const good = file("ryzen-native.json", { ...native, env: { ...native.env, quick: false } });
    const quick = file("quick-native.json", native);
    const named = file("My Machine.json", native);
    const broken = file("broken-native.json", '{"schema": "every-core/results/v1", "env": ');
    const r = check(quick, good, named, broken, join(dir, "missing-native.json"));
    expect(r.status).toBe(1);
    expect(r.out).toContain(`ok ${good}: `);
    expect(r.err.split("\n")).toEqual([
      `FAIL ${quick}: env.quick is true: a reference run is a full run (run it again without --quick)`,
      `FAIL ${named}: the name must be the machine in lowercase words joined by hyphens, then -browser.json or -native.json (e.g. ryzen-7840u-chrome-browser.json)`,
      expect.stringMatching(new RegExp(`^FAIL ${broken.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the file is not valid JSON`)),
      `FAIL ${join(dir, "missing-native.json")}: no such file`,
      "",
    ]);
  });

  it("refuses an oversized file unread", () => {
    const huge = file("huge-native.json", " ".repeat(5 * 2 ** 20 + 1));
    const r = check(huge);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`FAIL ${huge}: the file has 5.0 MB; at most 5 MB is accepted\n`);
  });

  it("says how to use it when given no file, and exits 2", () => {
    const r = check();
    expect(r.status).toBe(2);
    expect(r.err).toContain("usage: npm run results:check FILE…");
  });
});
