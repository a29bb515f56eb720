import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const PACKAGE_DIR = resolve(process.cwd(), "python/everycore");

/** Lines of a marked region, without the markers; the whole file when no region is given. */
export function extractRegion(source: string, region: string | undefined, where = "source"): string {
  const lines = source.split("\n");
  if (!region)
    return lines
      .filter((l) => !/#\s*\[(start|end):[\w-]+\]/.test(l))
      .join("\n")
      .trimEnd();
  const start = lines.findIndex((l) => l.trim() === `# [start:${region}]`);
  const end = lines.findIndex((l, i) => i > start && l.trim() === `# [end:${region}]`);
  if (start < 0 || end < 0) throw new RangeError(`invalid region: "${region}" is not marked in ${where}`);
  const body = lines.slice(start + 1, end).filter((l) => !/#\s*\[(start|end):[\w-]+\]/.test(l));
  return body.join("\n").trimEnd();
}

/** Reads python/everycore/<file> (a .py module or a .pyx Cython source) at build time. */
export function readPythonListing(file: string, region?: string): string {
  if (!/^[\w-]+\.pyx?$/.test(file)) throw new RangeError(`invalid file: ${file}`);
  return extractRegion(readFileSync(resolve(PACKAGE_DIR, file), "utf8"), region, file);
}
