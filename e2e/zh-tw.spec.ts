import { expect, test } from "@playwright/test";
import { en } from "../src/components/i18n/messages.en.ts";
import { messages } from "../src/components/i18n/messages.ts";
import { englishOnlyWords } from "../src/components/i18n/ui-words.ts";
import { localePath } from "../src/lab/i18n/locale.ts";
import { findBenchmark } from "../src/lab/registry.ts";
import { builtPages } from "./built-pages.ts";
import { collectErrors } from "./console-errors.ts";
import { expectBenchmarkHolds } from "./run-bench.ts";

/**
 * The Traditional Chinese tree (/zh-tw/): pages.spec.ts already renders every page of both trees
 * isolated with no console error and follows their links; this checks what only a translation can
 * get wrong. Every island speaks zh-TW, a translated page keeps its reader in /zh-tw/, and a subset
 * of the benchmarks (one per part that has a light one, within the CI budget) runs on its zh-TW
 * chapter with the same claims as in English.
 */
const zh = messages("zh-TW");
/** Starlight's notice on a page that falls back to English. */
const FALLBACK_NOTICE = "本頁內容尚未翻譯。";

test("every zh-TW page: lang zh-TW, no island string left in English, links stay in /zh-tw/ on translated pages", async ({ page }) => {
  const pages = builtPages().filter((p) => p.startsWith("/zh-tw/"));
  expect(pages).toEqual(expect.arrayContaining(["/zh-tw/", "/zh-tw/glossary/", "/zh-tw/lab/"]));
  const english = englishOnlyWords(en, zh);
  const leftovers: string[] = [];
  const leaving: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await expect(page.locator("html"), path).toHaveAttribute("lang", "zh-TW");
    await page.waitForLoadState("networkidle");
    // The visible text of each island (custom elements ec-*, outermost only), without code.
    const texts = await page.locator("main").evaluate((main) => {
      const island = (el: Element | null) => el?.localName.startsWith("ec-") ?? false;
      const outermost = (el: Element) => {
        for (let up = el.parentElement; up && up !== main; up = up.parentElement) if (island(up)) return false;
        return true;
      };
      return [...main.querySelectorAll("*")]
        .filter((el) => island(el) && outermost(el))
        .map((el) => {
          let text = (el as HTMLElement).innerText;
          // Code reads the same in every language; so does a page's own text on a page not yet translated.
          const skip = (main as HTMLElement).lang === "en" ? "code, [data-authored]" : "code";
          for (const part of el.querySelectorAll(skip)) text = text.replace((part as HTMLElement).innerText, " ");
          return `${el.localName}: ${text}`;
        });
    });
    for (const text of texts) {
      // Identifiers (Pool.map, image[y][x], a native run's variant id median3x3-u8-numba-threads, which a
      // chart's legend names as it is) are code, whatever the language.
      const prose = text.replace(/[\w$]+(?:[.[][\w$\]]*)+/g, " ").replace(/\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/g, " ");
      const words = (prose.match(/[A-Za-z][A-Za-z'-]{3,}/g) ?? []).filter((w) => english.has(w.toLowerCase()));
      if (words.length) leftovers.push(`${path} ${text.slice(0, text.indexOf(":"))}: ${[...new Set(words)].join(", ")}`);
    }
    if ((await page.getByText(FALLBACK_NOTICE).count()) === 0) {
      const hrefs = await page.locator('main a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")!));
      leaving.push(
        ...hrefs
          .filter((href) => !/\.[a-z0-9]+$/i.test(href.split(/[?#]/)[0]!)) // files (the companion zip) have no locale
          .filter((href) => !href.startsWith("/zh-tw/"))
          .map((href) => `${path} → ${href}`),
      );
    }
  }
  expect(leftovers).toEqual([]);
  expect(leaving).toEqual([]);
});

/** Light benchmarks, one chapter each, that together cover the island, claims, table and chart in zh-TW. */
const SUBSET = ["gil-workers", "conv-vectorization", "shared-histogram"];

for (const id of SUBSET) {
  test(`zh-TW: benchmark ${id} runs on its zh-TW chapter with the same claims, in Chinese`, async ({ page }) => {
    const bench = findBenchmark(id);
    const errors = collectErrors(page);
    await expectBenchmarkHolds(page, bench, localePath("zh-TW", bench.chapter), zh);
    const island = page.locator(`ec-bench[data-bench="${id}"]`);
    await expect(island.getByRole("columnheader", { name: zh.colVariant })).toBeVisible();
    await expect(island.getByRole("status")).toContainText("完成");
    for (const claim of bench.claims) {
      await expect(page.locator(`ec-claim[data-claim="${claim.id}"] [data-part="measured"]`).first()).toContainText(zh.claimHolds);
    }
    expect(errors).toEqual([]);
  });
}
