import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { buildCompanionZip, COMPANION_FOLDER, companionFiles } from "./build-companion-zip.ts";

/** A python/ folder with the files that belong in the zip and every kind that does not. */
function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), "every-core-companion-"));
  const files = [
    "pyproject.toml",
    "README.md",
    "everycore/__init__.py",
    "everycore/im2col.py",
    "everycore/lab/__init__.py",
    "tests/test_im2col.py",
    // not in the zip:
    "setup.log",
    "everycore/__pycache__/im2col.cpython-312.pyc",
    "everycore/_fast.cpython-312-x86_64-linux-gnu.so",
    "everycore/old.pyc",
    "everycore/.DS_Store",
    "tests/__pycache__/x.pyc",
    "build/lib/everycore/im2col.py",
    "everycore.egg-info/PKG-INFO",
    "everycore/nested.egg-info/PKG-INFO",
    ".pytest_cache/v/cache/lastfailed",
    "tests/.pytest_cache/README.md",
  ];
  for (const f of files) {
    mkdirSync(dirname(join(root, f)), { recursive: true });
    writeFileSync(join(root, f), `contents of ${f}\n`);
  }
  return root;
}

describe("the companion zip", () => {
  it("lists the package, its tests, pyproject.toml and README.md, and no caches or build output", () => {
    expect(companionFiles(fixture())).toEqual([
      "README.md",
      "everycore/__init__.py",
      "everycore/im2col.py",
      "everycore/lab/__init__.py",
      "pyproject.toml",
      "tests/test_im2col.py",
    ]);
  });

  it("holds each file's bytes under one folder, and the same sources give the same zip", () => {
    const root = fixture();
    const zip = buildCompanionZip(root);
    expect(strFromU8(zip.subarray(0, 4), true)).toBe("PK\x03\x04");
    const entries = unzipSync(zip);
    expect(Object.keys(entries).sort()).toEqual(companionFiles(root).map((f) => `${COMPANION_FOLDER}/${f}`));
    expect(strFromU8(entries[`${COMPANION_FOLDER}/everycore/im2col.py`]!)).toBe("contents of everycore/im2col.py\n");
    expect(buildCompanionZip(root)).toEqual(zip);
  });

  it("refuses a folder that is not the companion, naming what is missing", () => {
    const root = mkdtempSync(join(tmpdir(), "every-core-companion-"));
    writeFileSync(join(root, "README.md"), "");
    expect(() => companionFiles(root)).toThrow(/lacks pyproject\.toml, everycore, tests$/);
  });

  it("packs the repository's own python/ folder", () => {
    const files = companionFiles();
    expect(files).toEqual(expect.arrayContaining(["pyproject.toml", "README.md", "everycore/__init__.py", "everycore/im2col.py"]));
    expect(files.some((f) => f.startsWith("tests/test_"))).toBe(true);
    expect(files.filter((f) => /__pycache__|\.pyc$|egg-info|^build\//.test(f))).toEqual([]);
  });
});
