/**
 * npm run results:check FILE…
 * Checks results files before they join the gallery (src/content/results/): the same validation
 * as the build and the site's Import JSON, plus the gallery's own rules (lab/gallery.ts). Prints
 * what each file holds, or its problem; exits 1 when any file fails, 2 when given none.
 */
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import { readReferenceRun } from "../src/lab/gallery.ts";
import { IMPORT_LIMITS } from "../src/lab/results-import.ts";

/** One line saying what the file at `path` holds; throws with its problem. */
async function check(path: string): Promise<string> {
  const size = (await stat(path)).size;
  // Refused unread, as the site refuses an oversized import.
  if (size > IMPORT_LIMITS.maxChars) {
    throw new Error(`the file has ${(size / 2 ** 20).toFixed(1)} MB; at most ${IMPORT_LIMITS.maxChars / 2 ** 20} MB is accepted`);
  }
  const run = readReferenceRun(basename(path), await readFile(path, "utf8"));
  const benches = new Set(run.doc.results.map((r) => r.bench)).size;
  const wrong = run.doc.results.filter((r) => !r.correctness.ok).length;
  const failed = wrong ? `; ${wrong} NOT correct` : "";
  return `${run.kind} run of ${run.doc.env.date}: ${run.doc.results.length} results of ${benches} benchmark${benches === 1 ? "" : "s"} on ${run.label}${failed}`;
}

const paths = process.argv.slice(2);
if (paths.length === 0) {
  console.error("usage: npm run results:check FILE… (results JSON named <machine>-browser.json or <machine>-native.json)");
  process.exit(2);
}
let failures = 0;
for (const path of paths) {
  try {
    console.log(`ok ${path}: ${await check(path)}`);
  } catch (error) {
    failures++;
    const message = error instanceof Error ? error.message : String(error);
    console.error(`FAIL ${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : message}`);
  }
}
process.exit(failures ? 1 : 0);
