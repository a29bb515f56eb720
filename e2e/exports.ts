import type { Locator, Page } from "@playwright/test";
import { readFile } from "node:fs/promises";

/** What a download button saves, as text. */
export async function saved(page: Page, button: Locator): Promise<string> {
  const download = page.waitForEvent("download");
  await button.click();
  return readFile(await (await download).path(), "utf8");
}

/** The cells of one CSV line: quoted text (with "" for a quote) or bare numbers. */
export function csvCells(line: string): string[] {
  return [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(?:,|$)/g)]
    .slice(0, -1)
    .map(([, cell]) => (cell!.startsWith('"') ? cell!.slice(1, -1).replaceAll('""', '"') : cell!));
}

/** The page's clipboard (the test must grant clipboard-read). */
export const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
