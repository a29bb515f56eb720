import { defineHastPlugin, type HastNode, type HastPluginDefinition, type HastVisitorContext } from "satteri";
import { isRootPath, withBase } from "../src/lab/site-path.ts";

/**
 * A hast plugin for Astro's Markdown processor (Sätteri) that puts the chapters' root links under
 * the site's base at build, so the MDX keeps readable root paths ("[the GIL](/basics/gil/)") and
 * a build for a subpath still links right. It rewrites `href` and `src` on HTML elements (Markdown
 * links and images, raw `<a>`) and the same attributes, written as plain strings, on MDX JSX
 * elements (`<a href="/…">`, `<LinkCard href="/…">`). An attribute written as an expression
 * (`href={b.chapter}`) is the author's to wrap in sitePath() from src/lab/site-path.ts.
 */
const URL_ATTRIBUTES = ["href", "src"];

function rebase(node: Readonly<HastNode>, attributes: Readonly<Record<string, unknown>>, base: string, ctx: HastVisitorContext): void {
  for (const name of URL_ATTRIBUTES) {
    const value = attributes[name];
    if (typeof value === "string" && isRootPath(value)) ctx.setProperty(node, name, withBase(base, value));
  }
}

/** The attributes of an MDX JSX element, by name (an expression's value is not a string, so it is left alone). */
function jsxAttributes(node: {
  readonly attributes: readonly { type: string; name?: string; value?: unknown }[];
}): Record<string, unknown> {
  return Object.fromEntries(node.attributes.flatMap((a) => (a.type === "mdxJsxAttribute" && a.name ? [[a.name, a.value]] : [])));
}

/** `base` starts and ends with "/" (scripts/site-options.ts); for "/" there is nothing to do and no plugin. */
export function baseLinks(base: string): HastPluginDefinition | undefined {
  if (base === "/") return undefined;
  return defineHastPlugin({
    name: "every-core:base-links",
    element: { filter: [], visit: (node, ctx) => rebase(node, node.properties, base, ctx) },
    mdxJsxFlowElement: { filter: [], visit: (node, ctx) => rebase(node, jsxAttributes(node), base, ctx) },
    mdxJsxTextElement: { filter: [], visit: (node, ctx) => rebase(node, jsxAttributes(node), base, ctx) },
  });
}
