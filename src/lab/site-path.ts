/**
 * Paths on the site under the base it is built for (`EVERY_CORE_BASE`, Astro's `base`). Chapters,
 * components and benchmark declarations write root paths ("/basics/gil/"), readable and the same
 * in every build; this turns them into "/every-core/basics/gil/" when the site lives under a subpath.
 */

/** A path of this site written from its root: "/x", not "//host/x", "https://…", "#id" or "x". */
export function isRootPath(href: string): boolean {
  return href.startsWith("/") && !href.startsWith("//");
}

/** `path` under `base` (which ends with "/"), when `path` is a root path; anything else unchanged. */
export function withBase(base: string, path: string): string {
  return isRootPath(path) ? base.slice(0, -1) + path : path;
}

/** `path` under this build's base. */
export function sitePath(path: string): string {
  return withBase(import.meta.env.BASE_URL, path);
}
