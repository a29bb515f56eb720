/**
 * Finds speed-like figures in the prose of the MDX chapters: "4× faster", "two to four times",
 * "tens of times slower", "about twice as fast", "12.5×"… A number about speed belongs in a rendered
 * claim (<Claim id=…/>, checked by the e2e tests) or nowhere (syllabus: "No speed figure in prose").
 *
 * Prose is what a reader reads as text: frontmatter, fenced code, `inline code`, import/export
 * lines, JSX tags and {expressions} are left out; tables are prose.
 */

export interface ProseFigure {
  line: number;
  text: string;
}

const NUMBER_WORD =
  "(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|a hundred|a thousand|tens|dozens|hundreds|thousands|several)";
const AMOUNT = `(?:\\d+(?:[.,]\\d+)?|${NUMBER_WORD})`;
const COMPARATIVE =
  "(?:faster|slower|quicker|as fast|as slow|as quick|as long|as short|the speed|longer|shorter|more time|less time|more work|as much time)";

/** Each pattern is one way of writing a speed ratio; the tests below show an example of each. */
export const SPEED_PATTERNS: readonly RegExp[] = [
  // 4× faster, 2.5x slower, 3 × as fast
  new RegExp(`\\b\\d+(?:\\.\\d+)?\\s*[×x]\\s+${COMPARATIVE}`, "gi"),
  // a bare ratio: 12.5×, 10x, "a 3× speedup" (not a shape or a product: 3×3, 4 × 8, 9×F, 2 × n)
  /\b\d+(?:\.\d+)?\s*(?:×|x\b)(?!\s*(?:[\d(·]|[A-Za-z](?![a-z])))/g,
  // 4 times faster, tens of times slower, several times the speed
  new RegExp(`\\b${AMOUNT}\\s+(?:of\\s+)?times\\s+${COMPARATIVE}`, "gi"),
  // two to four times, tens to hundreds (of times), ten times or more
  new RegExp(`\\b${NUMBER_WORD}\\s*(?:to|-|–)\\s*${NUMBER_WORD}\\b(?:\\s+(?:of\\s+)?times\\b)?`, "gi"),
  /\b\d+(?:\.\d+)?\s*(?:to|-|–)\s*\d+(?:\.\d+)?\s*(?:×|x\b|\s+times\b)/gi,
  new RegExp(`\\b${AMOUNT}\\s+(?:of\\s+)?times\\s+or\\s+(?:more|less)\\b`, "gi"),
  // about ten times, roughly 3 times, tens of times
  new RegExp(`\\b(?:about|roughly|nearly|almost|around|some|up to|over|at least)\\s+${AMOUNT}\\s+times\\b`, "gi"),
  /\b(?:tens|dozens|hundreds|thousands)\s+of\s+times\b/gi,
  // twice as fast, about half as long, double the speed
  /\b(?:twice|thrice|half|double|triple)\s+(?:as\s+(?:fast|slow|quick|long|short|much time)|the\s+(?:speed|time))\b/gi,
  // a 3-fold speedup, tenfold
  new RegExp(`\\b(?:${AMOUNT}[- ]?fold|twofold|threefold|fourfold|fivefold|tenfold|hundredfold)\\b`, "gi"),
  // an order of magnitude, orders of magnitude
  /\borders? of magnitude\b/gi,
  // speed-up of 4, a speedup of about 3.5
  /\bspeed-?ups?\s+of\s+(?:about\s+|roughly\s+|nearly\s+|almost\s+|up to\s+)?\d+(?:\.\d+)?/gi,
  // 30% faster, 40 % slower
  new RegExp(`\\b\\d+(?:\\.\\d+)?\\s*%\\s+${COMPARATIVE}`, "gi"),
];

/**
 * A paragraph that announces itself as a worked example of a formula, with its inputs stated, is
 * arithmetic, not a measured speed: "A worked example of the formula (arithmetic, not a
 * measurement): with s = 0.05 and n = 32, S = …". Such a paragraph must show an "=".
 */
export const FORMULA_EXAMPLE_MARK = "(arithmetic, not a measurement)";

/** The prose of an MDX file as [line number, text] pairs, with code, tags and expressions blanked. */
export function proseLines(mdx: string): Array<[number, string]> {
  const lines = mdx.split("\n");
  const out: Array<[number, string]> = [];
  let i = 0;
  if (lines[0]?.trim() === "---") {
    i = 1;
    while (i < lines.length && lines[i]?.trim() !== "---") i++;
    i++;
  }
  let fence: string | null = null;
  let inTag = false;
  for (; i < lines.length; i++) {
    let line = lines[i] ?? "";
    const trimmed = line.trim();
    const fenceMatch = /^(`{3,}|~{3,})/.exec(trimmed);
    if (fence) {
      if (fenceMatch && trimmed.startsWith(fence)) fence = null;
      out.push([i + 1, ""]);
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1] ?? "```";
      out.push([i + 1, ""]);
      continue;
    }
    if (/^(import|export)\s/.test(trimmed)) {
      out.push([i + 1, ""]);
      continue;
    }
    if (inTag) {
      // inside a JSX tag that spans lines: blank up to its closing ">"
      const end = line.indexOf(">");
      if (end < 0) {
        out.push([i + 1, ""]);
        continue;
      }
      line = " ".repeat(end + 1) + line.slice(end + 1);
      inTag = false;
    }
    line = line.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
    line = line.replace(/\{[^}]*\}/g, (m) => " ".repeat(m.length));
    line = line.replace(/<\/?[A-Za-z][^>]*>/g, (m) => " ".repeat(m.length));
    const open = /<[A-Za-z][^>]*$/.exec(line);
    if (open) {
      line = line.slice(0, open.index);
      inTag = true;
    }
    out.push([i + 1, line]);
  }
  return out;
}

/** Every speed-like figure in the prose of `mdx`, outside formula examples. */
export function findSpeedFigures(mdx: string): ProseFigure[] {
  const found: ProseFigure[] = [];
  const lines = proseLines(mdx);
  // Group into paragraphs (blank-line separated) so a formula example is judged as a whole.
  let paragraph: Array<[number, string]> = [];
  const flush = () => {
    const text = paragraph.map(([, l]) => l).join("\n");
    const isFormulaExample = text.includes(FORMULA_EXAMPLE_MARK) && text.includes("=");
    if (!isFormulaExample) {
      for (const [line, body] of paragraph) {
        // every pattern's matches; overlapping ones are one figure, reported as their union
        const spans = SPEED_PATTERNS.flatMap((pattern) => [...body.matchAll(pattern)])
          .map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }))
          .sort((a, b) => a.start - b.start);
        const merged: Array<{ start: number; end: number }> = [];
        for (const span of spans) {
          const last = merged.at(-1);
          if (last && span.start < last.end) last.end = Math.max(last.end, span.end);
          else merged.push({ ...span });
        }
        for (const { start, end } of merged) found.push({ line, text: body.slice(start, end).trim() });
      }
    }
    paragraph = [];
  };
  for (const entry of lines) {
    if (entry[1].trim() === "") flush();
    else paragraph.push(entry);
  }
  flush();
  return found.sort((a, b) => a.line - b.line);
}
