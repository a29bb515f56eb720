/**
 * Pages that moved: old path → new path, both as the chapters write them (from the site root,
 * without the base). The build writes a redirect page at each old path so bookmarks and outside
 * links keep working; e2e follows each one at the root and under a subpath.
 */
export const MOVED_PAGES: Readonly<Record<string, string>> = {
  // The machine model comes first: Parts 1–5 lean on it (issue 16).
  "/benchmarks/speed-of-light/": "/basics/speed-of-light/",
  "/zh-tw/benchmarks/speed-of-light/": "/zh-tw/basics/speed-of-light/",
};

/**
 * Astro's `redirects` for a build under `base`. Astro takes a redirect's source relative to the
 * base but its destination as the final URL (withastro/astro#7774), so the destination gets the
 * base here.
 */
export function redirectsUnder(base: string): Record<string, string> {
  return Object.fromEntries(Object.entries(MOVED_PAGES).map(([from, to]) => [from, `${base}${to.slice(1)}`]));
}
