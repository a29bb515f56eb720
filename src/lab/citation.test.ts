import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { citation } from "./citation.ts";
import { parseResults } from "./results-import.ts";

const doc = parseResults(readFileSync(new URL("../../e2e/fixtures/results-native.json", import.meta.url), "utf8"));

describe("citation", () => {
  it("gives a BibTeX entry pinned to the version and commit, then the environment footnote", () => {
    const text = citation(
      { ...doc, env: { ...doc.env, commit: "66866b164d9e6d6fa728f2f2f8adc2bf01a7dd0a" } },
      { url: "https://every-core.example/im2col/", title: "conv2d & im2col_1", bench: "conv2d-im2col" },
    );
    expect(text).toMatch(/^@misc\{everycore-conv2d-im2col-\d{4},\n/);
    expect(text).toContain("title = {{Every Core}: conv2d \\& im2col\\_1},");
    expect(text).toContain("howpublished = {\\url{https://every-core.example/im2col/}},");
    expect(text).toContain("commit 66866b164d9e");
    expect(text).toContain("CPU: AMD Ryzen 9 7950X 16-Core Processor");
  });

  it("keeps braces from a hostile title from closing the entry early", () => {
    const text = citation(doc, { url: "https://x.example/#a{b}", title: "}} @misc{evil,", bench: "b" });
    expect(text).toContain("title = {{Every Core}: \\}\\} @misc\\{evil,},");
    expect(text).toContain("\\url{https://x.example/%23a%7Bb%7D}");
  });
});
