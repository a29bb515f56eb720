import { markdownToHtml } from "satteri";
import { describe, expect, it } from "vitest";
import { cjkLineBreaks, joinWideLines } from "./cjk-line-breaks.ts";

describe("cjkLineBreaks, a Chinese paragraph's source lines joined without a stray space", () => {
  it("joins a break between two Han characters or full-width punctuation, and only there", () => {
    expect(joinWideLines("執行緒\n行程")).toBe("執行緒行程");
    expect(joinWideLines("共享記憶體，\n  它")).toBe("共享記憶體，它");
    expect(joinWideLines("用 numpy\n向量化")).toBe("用 numpy\n向量化");
    expect(joinWideLines("two\nlines")).toBe("two\nlines");
  });

  it("joins the lines of a rendered paragraph and leaves code blocks alone", async () => {
    const source = "第一行的結尾\n第二行的開頭。\n\n```\n註解\n第二行\n```";
    const { html } = await markdownToHtml(source, { hastPlugins: [cjkLineBreaks] });
    expect(html).toContain("<p>第一行的結尾第二行的開頭。</p>");
    expect(html).toContain("註解\n第二行");
  });
});
