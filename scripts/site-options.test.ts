import { describe, expect, it } from "vitest";
import { siteBase, siteOptions, siteOrigin } from "./site-options.ts";

describe("site options from the environment", () => {
  it("defaults to the root and no site", () => {
    expect(siteOptions({})).toEqual({ base: "/", site: undefined });
  });

  it("normalises the base to start and end with a slash", () => {
    for (const value of ["/every-core/", "/every-core", "every-core", "every-core/", " /every-core/ "])
      expect(siteBase(value)).toBe("/every-core/");
    expect(siteBase("/docs/every-core")).toBe("/docs/every-core/");
    expect(siteBase("")).toBe("/");
    expect(siteBase("/")).toBe("/");
  });

  it("rejects a base that is not a plain path", () => {
    for (const value of ["https://x.y/", "/a/../b/", "/a b/", "/a?b", "/a#b", "/a//b/"])
      expect(() => siteBase(value), value).toThrow(/invalid EVERY_CORE_BASE/);
  });

  it("takes an http(s) origin as the site and nothing else", () => {
    expect(siteOrigin("https://me.github.io")).toBe("https://me.github.io");
    expect(siteOrigin("https://me.github.io/")).toBe("https://me.github.io");
    expect(siteOrigin("")).toBeUndefined();
    expect(() => siteOrigin("me.github.io")).toThrow(/invalid EVERY_CORE_SITE/);
    expect(() => siteOrigin("ftp://me.github.io")).toThrow(/http or https/);
    expect(() => siteOrigin("https://me.github.io/every-core/")).toThrow(/EVERY_CORE_BASE/);
  });
});
