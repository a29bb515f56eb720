import { describe, expect, it } from "vitest";
import { MOVED_PAGES, redirectsUnder } from "./moved-pages.ts";

describe("redirectsUnder", () => {
  it("keeps each source relative to the base and puts the base on each destination", () => {
    expect(redirectsUnder("/every-core/")).toEqual({
      "/benchmarks/speed-of-light/": "/every-core/basics/speed-of-light/",
      "/zh-tw/benchmarks/speed-of-light/": "/every-core/zh-tw/basics/speed-of-light/",
    });
  });

  it("at the root, is the table itself", () => {
    expect(redirectsUnder("/")).toEqual(MOVED_PAGES);
  });
});
