import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** What the built site is made from: a change to any of these makes dist/ out of date. */
export const SITE_SOURCES = [
  "src",
  "public",
  "astro.config.mjs",
  // The build's own plugins: the base path, the links under it, the headers and the service worker.
  "scripts/site-options.ts",
  "scripts/base-links.ts",
  "scripts/isolation-files.ts",
];

/**
 * The first source under `root` modified after the build marker (dist/index.html), or undefined
 * when the build is newer than every source. A missing build counts as stale (`marker`).
 */
export function staleBuildCause(
  root: string,
  sources: readonly string[] = SITE_SOURCES,
  marker = join("dist", "index.html"),
): string | undefined {
  let built: number;
  try {
    built = statSync(join(root, marker)).mtimeMs;
  } catch {
    return marker;
  }
  const newer = (path: string): string | undefined => {
    const stat = statSync(join(root, path), { throwIfNoEntry: false });
    if (!stat) return undefined;
    if (!stat.isDirectory()) return stat.mtimeMs > built ? path : undefined;
    for (const entry of readdirSync(join(root, path))) {
      const found = newer(join(path, entry));
      if (found) return found;
    }
    return undefined;
  };
  for (const source of sources) {
    const found = newer(source);
    if (found) return found;
  }
  return undefined;
}
