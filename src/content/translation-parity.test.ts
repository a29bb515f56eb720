import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// Every English chapter has its Traditional Chinese twin under zh-tw/, and the twin runs the same
// live parts: the same benchmarks, claims, predictions, listings and diagrams, in the same order.
// Prose may differ; what a reader runs and what the tests check may not.
const DOCS = join(import.meta.dirname, "docs");
const ZH = join(DOCS, "zh-tw");

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? dir === DOCS && entry.name === "zh-tw"
        ? []
        : mdxFiles(join(dir, entry.name))
      : entry.name.endsWith(".mdx")
        ? [join(dir, entry.name)]
        : [],
  );
}

/** The live parts of a page: each component tag with the props that name what it runs or shows. */
function liveParts(mdx: string): string[] {
  const tags = mdx.matchAll(/<([A-Z][A-Za-z]*)\b([^>]*)>/g);
  return [...tags].map(([, name, props]) => {
    const ids = [...(props ?? "").matchAll(/\b(id|claim|bench|file|region)="([^"]*)"/g)].map(([, k, v]) => `${k}=${v}`);
    return [name, ...ids].join(" ");
  });
}

const english = mdxFiles(DOCS).map((file) => relative(DOCS, file));

describe("the zh-TW chapters", () => {
  it("translate every English page", () => {
    expect(english.length).toBeGreaterThan(30);
    const missing = english.filter((page) => {
      try {
        readFileSync(join(ZH, page));
        return false;
      } catch {
        return true;
      }
    });
    expect(missing).toEqual([]);
  });

  it.each(english)("%s: the same benchmarks, claims, predictions, listings and diagrams", (page) => {
    const en = liveParts(readFileSync(join(DOCS, page), "utf8"));
    const zh = liveParts(readFileSync(join(ZH, page), "utf8"));
    expect(zh).toEqual(en);
  });
});
