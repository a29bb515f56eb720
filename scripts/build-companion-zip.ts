// Zips the Python companion (python/: pyproject.toml, README.md, everycore/, tests/) into
// public/downloads/every-core-python.zip (gitignored), so the site offers it as a same-origin
// static file. `npm run build` runs this before `astro build`, which copies public/ into dist/.
// Caches and build output never go in: __pycache__, build/, dist/, *.egg-info, compiled extensions.
//
// Usage: node scripts/build-companion-zip.ts

import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync, type Zippable } from "fflate";

export const PYTHON_DIR = fileURLToPath(new URL("../python/", import.meta.url));
export const COMPANION_ZIP = fileURLToPath(new URL("../public/downloads/every-core-python.zip", import.meta.url));
/** The folder the zip unpacks into: `pip install ./every-core-python`. */
export const COMPANION_FOLDER = "every-core-python";

const TOP_FILES = ["pyproject.toml", "README.md"];
const TOP_DIRS = ["everycore", "tests"];
const SKIPPED_DIRS = new Set(["__pycache__", "build", "dist"]);
const SKIPPED_FILE = /\.(pyc|pyo|so|pyd|dll|dylib|o)$/;

/** Hidden entries (.pytest_cache, .DS_Store), caches, build output and compiled binaries. */
function skipped(name: string, isDir: boolean): boolean {
  if (name.startsWith(".")) return true;
  return isDir ? SKIPPED_DIRS.has(name) || name.endsWith(".egg-info") : SKIPPED_FILE.test(name);
}

function walk(root: string, dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) => {
    const path = `${dir}/${e.name}`;
    if (skipped(e.name, e.isDirectory())) return [];
    if (e.isDirectory()) return walk(root, path);
    return e.isFile() ? [path] : [];
  });
}

/** The files of the companion, relative to `pythonDir`, sorted so the zip is the same every build. */
export function companionFiles(pythonDir: string = PYTHON_DIR): string[] {
  const present = new Set(readdirSync(pythonDir));
  const missing = [...TOP_FILES, ...TOP_DIRS].filter((name) => !present.has(name));
  if (missing.length) throw new Error(`the Python companion in ${pythonDir} lacks ${missing.join(", ")}`);
  return [...TOP_FILES, ...TOP_DIRS.flatMap((dir) => walk(pythonDir, dir))].sort();
}

/** The zip's bytes. Entries carry a fixed date (in local time, as zip stores it), so equal sources give equal bytes. */
export function buildCompanionZip(pythonDir: string = PYTHON_DIR): Uint8Array {
  const mtime = new Date(2026, 0, 1);
  const entries: Zippable = {};
  for (const path of companionFiles(pythonDir)) {
    entries[`${COMPANION_FOLDER}/${path}`] = [readFileSync(join(pythonDir, path)), { mtime }];
  }
  return zipSync(entries, { level: 9 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const zip = buildCompanionZip();
  mkdirSync(dirname(COMPANION_ZIP), { recursive: true });
  writeFileSync(COMPANION_ZIP, zip);
  console.log(`built ${COMPANION_ZIP} (${companionFiles().length} files, ${zip.length} bytes)`);
}
