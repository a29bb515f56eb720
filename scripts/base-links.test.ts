import { markdownToHtml, mdxToJs } from "satteri";
import { describe, expect, it } from "vitest";
import { baseLinks } from "./base-links.ts";

const hastPlugins = [baseLinks("/every-core/")];

describe("baseLinks, the chapters' root links under the site's base", () => {
  it("rewrites Markdown links and images that start at the site's root", async () => {
    const { html } = await markdownToHtml("[GIL](/basics/gil/#why) ![cat](/images/chelsea.png) [home](/)", { hastPlugins });
    expect(html).toContain('href="/every-core/basics/gil/#why"');
    expect(html).toContain('src="/every-core/images/chelsea.png"');
    expect(html).toContain('href="/every-core/"');
  });

  it("leaves other links as they are: other sites, protocol-relative, fragments, relative paths", async () => {
    const source = "[a](https://numpy.org/) [b](//cdn.example/x) [c](#part) [d](gil/) [e](mailto:x@y.z)";
    const { html } = await markdownToHtml(source, { hastPlugins });
    expect(html).toBe((await markdownToHtml(source)).html);
  });

  it("rewrites string href and src attributes of MDX JSX elements, and leaves expressions alone", async () => {
    const source = [
      '<a href="/downloads/every-core-python.zip" download>zip</a>',
      "",
      '<LinkCard title="T" href="/benchmarks/training/" />',
      "",
      "<a href={chapter}>x</a>",
    ].join("\n");
    const { code } = await mdxToJs(source, { hastPlugins });
    expect(code).toContain('"/every-core/downloads/every-core-python.zip"');
    expect(code).toContain('"/every-core/benchmarks/training/"');
    expect(code).toMatch(/href: chapter\b/);
    expect(code).not.toMatch(/"\/(downloads|benchmarks)\//);
  });

  it("is no plugin at all for the root base", () => {
    expect(baseLinks("/")).toBeUndefined();
  });
});
