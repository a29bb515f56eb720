/**
 * Where the site will live, from the environment of `npm run build` (documented in README.md):
 * EVERY_CORE_BASE, the path it is served under ("/every-core/" on GitHub Pages for a repository
 * named every-core; default "/"), and EVERY_CORE_SITE, its origin, used for canonical links and
 * the sitemap (default none: no canonical links and no sitemap rather than wrong ones).
 */
export interface SiteOptions {
  /** Starts and ends with "/". */
  base: string;
  site: string | undefined;
}

export function siteOptions(env: Readonly<Record<string, string | undefined>>): SiteOptions {
  return { base: siteBase(env.EVERY_CORE_BASE), site: siteOrigin(env.EVERY_CORE_SITE) };
}

/** "/every-core", "every-core/" and "/every-core/" all mean "/every-core/"; empty means "/". */
export function siteBase(value: string | undefined): string {
  const trimmed = (value ?? "").trim().replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "/";
  if (!/^[\w.~-]+(\/[\w.~-]+)*$/.test(trimmed) || trimmed.split("/").some((s) => s === "." || s === "..")) {
    throw new Error(`invalid EVERY_CORE_BASE: ${JSON.stringify(value)} (expected a path such as /every-core/)`);
  }
  return `/${trimmed}/`;
}

/** An http(s) origin such as "https://me.github.io", or undefined when not set. */
export function siteOrigin(value: string | undefined): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new Error(`invalid EVERY_CORE_SITE: ${JSON.stringify(value)} (expected a URL such as https://me.github.io)`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new Error(`invalid EVERY_CORE_SITE: ${JSON.stringify(value)} (expected http or https)`);
  }
  if (url.pathname !== "/" || url.search || url.hash) {
    throw new Error(`invalid EVERY_CORE_SITE: ${JSON.stringify(value)} (an origin only; the path goes in EVERY_CORE_BASE)`);
  }
  return url.origin;
}
