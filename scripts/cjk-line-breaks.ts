import { defineHastPlugin, type HastNode, type HastVisitorContext } from "satteri";

/**
 * A hast plugin that joins the source lines of a Chinese paragraph. The zh-TW chapters wrap their
 * prose like the English ones, and a line break between two Han characters (or full-width
 * punctuation) renders as a space in Chromium and WebKit: CSS Text 3 asks browsers to drop such a
 * segment break, and only Firefox does. Code keeps its lines.
 */
const WIDE = "[\\p{Script=Han}\\p{Script=Bopomofo}\\u3000-\\u303f\\uff00-\\uffef]";
const BREAK_BETWEEN_WIDE = new RegExp(`(${WIDE})[ \\t]*\\n[ \\t]*(?=${WIDE})`, "gu");

export function joinWideLines(text: string): string {
  return text.replace(BREAK_BETWEEN_WIDE, "$1");
}

function insideCode(node: Readonly<HastNode>, ctx: HastVisitorContext): boolean {
  for (let parent = ctx.parent(node); parent; parent = ctx.parent(parent)) {
    if (parent.type === "element" && (parent.tagName === "pre" || parent.tagName === "code")) return true;
  }
  return false;
}

export const cjkLineBreaks = defineHastPlugin({
  name: "every-core:cjk-line-breaks",
  text: (node, ctx) => {
    const joined = joinWideLines(node.value);
    if (joined !== node.value && !insideCode(node, ctx)) return { type: "text", value: joined };
  },
});
