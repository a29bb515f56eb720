/**
 * The site's languages (DESIGN.md, "Languages"): English at the root, Traditional Chinese under
 * /zh-tw/. A page says which by its `lang` (Starlight sets it on <html>), an .astro component by
 * Astro.currentLocale, so every layer that writes text for a reader picks it from here.
 */
export const LOCALES = ["en", "zh-TW"] as const;
export type Locale = (typeof LOCALES)[number];

/** The path segment of each locale's pages (English has none). */
const PATH_PREFIX: Record<Locale, string> = { en: "", "zh-TW": "/zh-tw" };

/** The locale of a `lang` attribute or Astro locale ("zh-TW", "zh-tw", "zh-Hant-TW"…); English for anything else. */
export function localeOf(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith("zh") ? "zh-TW" : "en";
}

/** The locale of the page this code runs in (islands and custom elements). */
export function pageLocale(): Locale {
  return localeOf(globalThis.document?.documentElement.lang);
}

/**
 * A root path of the site ("/lab/") as the page of `locale` ("/zh-tw/lab/"), before the base is
 * added; a path already in a locale's tree, a fragment or an external link is returned unchanged.
 */
export function localePath(locale: Locale, path: string): string {
  const prefix = PATH_PREFIX[locale];
  if (!prefix || !path.startsWith("/") || path.startsWith("//") || path === prefix || path.startsWith(`${prefix}/`)) return path;
  return prefix + path;
}
