import { describe, expect, it } from "vitest";
import { LOCALES } from "../../lab/i18n/locale.ts";
import { en } from "./messages.en.ts";
import { messages } from "./messages.ts";
import { englishOnlyWords } from "./ui-words.ts";

describe("the islands' message tables", () => {
  for (const locale of LOCALES) {
    const table = messages(locale);

    it(`${locale}: has exactly the keys of the English table, each of the same kind and arity`, () => {
      expect(Object.keys(table).sort()).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(en)) {
        const other = table[key as keyof typeof en];
        expect(typeof other, key).toBe(typeof value);
        if (typeof value === "function") expect((other as (...a: never[]) => string).length, key).toBe(value.length);
      }
    });

    it(`${locale}: no string is empty`, () => {
      const empty = Object.entries(table).filter(([, v]) => typeof v === "string" && v.trim() === "");
      expect(empty).toEqual([]);
    });
  }

  it("zh-TW: is written in Chinese and keeps the glossary's button names", () => {
    const zh = messages("zh-TW");
    expect([
      zh.run,
      zh.cancel,
      zh.downloadJson,
      zh.downloadCsv,
      zh.copyMarkdown,
      zh.copyLatex,
      zh.shareLink,
      zh.cite,
      zh.importJson,
    ]).toEqual(["執行", "取消", "下載 JSON", "下載 CSV", "複製 Markdown", "複製 LaTeX", "分享連結", "引用", "匯入 JSON"]);
    expect(zh.threadCount(4)).toBe("4 個執行緒");
  });

  it("lists the English words a translated island must not show, and not the ones the translation keeps", () => {
    const words = englishOnlyWords(en, messages("zh-TW"));
    expect(words).toContain("cancel");
    expect(words).toContain("measuring");
    expect(words).not.toContain("json");
    expect(words).not.toContain("webassembly");
  });
});
