import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { MOVED_PAGES } from "../scripts/moved-pages.ts";

/** The build e2e serves (playwright.config.ts: `astro preview` of dist/). */
export const DIST = fileURLToPath(new URL("../dist/", import.meta.url));

/**
 * The path of every page of a build, from its files: each `…/index.html` is the page `/…/`
 * (the site builds no sitemap unless EVERY_CORE_SITE names its origin), less the redirect pages
 * left at the old paths of moved pages (MOVED_PAGES; e2e follows those on their own).
 */
export function builtPages(dir: string = DIST): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((name) => name === "index.html" || name.endsWith("/index.html"))
    .map((name) => `/${name.slice(0, -"index.html".length)}`)
    .filter((path) => !(path in MOVED_PAGES))
    .sort();
}
