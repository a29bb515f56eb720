import { defineRouteMiddleware, type StarlightRouteData } from "@astrojs/starlight/route-data";
import { sitePath } from "./lab/site-path.ts";

/**
 * Starlight route middleware: the hero's action links in a page's frontmatter (`link: /basics/gil/`)
 * are root paths, which Starlight renders as written; this puts them under the site's base, as
 * scripts/base-links.ts does for the links in the chapters' text.
 */
export const onRequest = defineRouteMiddleware(({ locals }) => {
  // Starlight declares `starlightRoute` on App.Locals in a global file this project's tsconfig does not load.
  const { entry } = (locals as { starlightRoute: StarlightRouteData }).starlightRoute;
  for (const action of entry.data.hero?.actions ?? []) action.link = sitePath(action.link);
});
