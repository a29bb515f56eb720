// Copies the Pyodide core interpreter from node_modules/pyodide into public/pyodide/ (gitignored),
// so the site serves it same-origin: a cross-origin isolated page (COEP require-corp) may not load
// it from a CDN, and the page promises that everything it loads is its own. Only the core goes in:
// the race runs pure Python, so no packages and no micropip. `npm run build` runs this before
// `astro build`, which copies public/ into dist/.
//
// Usage: node scripts/copy-pyodide.ts

import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SOURCE_DIR = fileURLToPath(new URL("../node_modules/pyodide/", import.meta.url));
const TARGET_DIR = fileURLToPath(new URL("../public/pyodide/", import.meta.url));

/** What loadPyodide fetches for the bare interpreter; all must sit in one folder (its indexURL). */
const CORE_FILES = ["pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"];

const missing = CORE_FILES.filter((name) => !existsSync(join(SOURCE_DIR, name)));
if (missing.length) {
  throw new Error(`node_modules/pyodide lacks ${missing.join(", ")}: run npm install (the pyodide package is a dependency)`);
}
mkdirSync(TARGET_DIR, { recursive: true });
for (const name of CORE_FILES) copyFileSync(join(SOURCE_DIR, name), join(TARGET_DIR, name));
console.log(`copied ${CORE_FILES.length} Pyodide core files to ${TARGET_DIR}`);
