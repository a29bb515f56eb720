import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { findSpeedFigures, FORMULA_EXAMPLE_MARK } from "./prose-numbers.ts";

const DOCS = join(import.meta.dirname, "docs");

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? mdxFiles(join(dir, entry.name)) : entry.name.endsWith(".mdx") ? [join(dir, entry.name)] : [],
  );
}

describe("the chapters' prose", () => {
  it("has no speed figure: a number about speed is a rendered <Claim> or absent", () => {
    const files = mdxFiles(DOCS);
    expect(files.length).toBeGreaterThan(20);
    const found = files.flatMap((file) =>
      findSpeedFigures(readFileSync(file, "utf8")).map((f) => `${relative(DOCS, file)}:${f.line}: ${f.text}`),
    );
    expect(found).toEqual([]);
  });
});

const texts = (mdx: string) => findSpeedFigures(mdx).map((f) => f.text);

describe("findSpeedFigures", () => {
  it.each([
    // what /work/shared/hooks/prose_numbers.py found in the chapters
    ["Expect each native thread to be two to four times faster than a browser thread.", "two to four times faster"],
    ["the processes take about half as long on a machine with two free cores", "half as long"],
    ["Expect the locked row to be several times slower than the plain loop", "several times slower"],
    ["compiled by Numba, i-k-j runs about ten times faster than i-j-k", "ten times faster"],
    ["Together these made the step about twice as fast on one thread", "twice as fast"],
    ["Expect `out=` alone to be several times faster on the image", "several times faster"],
    ["numpy's int8 product runs tens of times slower than its float32 one", "tens of times slower"],
    // other ways of writing a ratio
    ["im2col wins by 4× on deep layers", "4×"],
    ["a 3× speedup", "3×"],
    ["it runs 2.5x faster", "2.5x faster"],
    ["32 cores give about 12.5× at most", "12.5×"],
    ["the vectorized rows run tens to hundreds of times faster", "tens to hundreds of times"],
    ["expect im2col to win by ten times or more", "ten times or more"],
    ["about ten times", "about ten times"],
    ["a threefold gain", "threefold"],
    ["an order of magnitude", "order of magnitude"],
    ["a speedup of about 3.5 on four cores", "speedup of about 3.5"],
    ["it is 30% faster", "30% faster"],
    ["2–4× on most machines", "2–4×"],
  ])("catches %j", (sentence, figure) => {
    const found = texts(`Some prose.\n\n${sentence}\n`);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(figure);
  });

  it.each([
    "a 3×3 box blur and a 5 × 5 kernel",
    "matrices of 512³ and 1,024 × 1,024",
    "the 4×8 register tile, a 9×F matrix, 2 × n values",
    "2 × 512 × 512 = 524,288 pixel-passes",
    "it runs the benchmark twice and keeps the median",
    "bytes 0 to 255, batches of 1 to 256",
    "A learning rate ten times larger makes the loss diverge.",
  ])("leaves sizes, shapes and counts alone: %j", (sentence) => {
    expect(texts(sentence)).toEqual([]);
  });

  it("reads only prose: not frontmatter, code, inline code, imports or JSX", () => {
    const mdx = [
      "---",
      "title: 4× faster",
      "---",
      "import X from './x'; // 10× faster",
      "",
      'Prose with `a 4× faster call` in code and <Claim id="x" note="3× faster" /> a tag.',
      "",
      "<Bench",
      '  note="twice as fast"',
      "/>",
      "",
      "```python",
      "# about ten times faster",
      "```",
      "",
      '{props.ratio} and {"5× faster"}',
      "",
      "| row | 3× faster |",
    ].join("\n");
    expect(findSpeedFigures(mdx)).toEqual([{ line: 18, text: "3× faster" }]); // tables are prose
  });

  it("allows a worked formula example that says so and shows its arithmetic", () => {
    const example = `A worked example of the formula ${FORMULA_EXAMPLE_MARK}: with s = 0.05 and n = 32,\nS = 1 / (0.05 + 0.95 / 32) ≈ 12.5×, not 32×.`;
    expect(texts(example)).toEqual([]);
    // the mark alone, with no formula, does not excuse a figure; nor does a formula without the mark
    expect(texts(`It runs 12.5× faster ${FORMULA_EXAMPLE_MARK}.`)).toEqual(["12.5× faster"]);
    expect(texts("With s = 0.05, 32 cores give about 12.5×.")).toEqual(["12.5×"]);
    // the mark excuses only its own paragraph
    expect(texts(`${example}\n\nThe loop is 4× faster.`)).toEqual(["4× faster"]);
  });
});
