import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { builtPages, DIST } from "./built-pages.ts";
import { collectErrors, reportCspViolations } from "./console-errors.ts";
import { parseHeadersFile } from "../scripts/isolation-files.ts";

/**
 * Every page of the build renders, isolated, under the site's Content-Security-Policy with no
 * violation and no console error; and every link between the site's pages leads to a page that
 * exists and, with a #fragment, to a heading or element on it.
 */
test("every page renders cross-origin isolated with no console error or CSP violation, and every internal link resolves", async ({
  page,
  request,
}) => {
  const hrefs = builtPages();
  expect(hrefs).toEqual(expect.arrayContaining(["/", "/lab/", "/im2col/", "/im2col/performance/"]));
  const csp = parseHeadersFile(readFileSync(join(DIST, "_headers"), "utf8"))["Content-Security-Policy"];
  expect(csp).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval' /);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  await reportCspViolations(page);
  const ids = new Map<string, Set<string>>();
  const links: { from: string; href: string }[] = [];
  for (const path of hrefs) {
    const errors = collectErrors(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["cross-origin-embedder-policy"], path).toBe("require-corp");
    expect(response?.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
    expect(response?.headers()["content-security-policy"], path).toBe(csp);
    await expect(page.locator("h1").first(), path).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated), path).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(errors, path).toEqual([]);
    ids.set(path, new Set(await page.locator("main [id]").evaluateAll((els) => els.map((e) => e.id))));
    const own = await page
      .locator('main a[href^="/"], main a[href^="#"]')
      .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    links.push(...own.map((href) => ({ from: path, href })));
    page.removeAllListeners("console");
    page.removeAllListeners("pageerror");
    page.removeAllListeners("response");
  }
  expect(links.length).toBeGreaterThan(50);
  const broken: string[] = [];
  for (const { from, href } of links) {
    const url = new URL(href);
    const target = ids.get(url.pathname);
    if (!target) {
      // Not a page: a file the site serves (the companion zip, an image).
      const status = (await request.get(url.pathname)).status();
      if (status !== 200) broken.push(`${from} → ${url.pathname} (${status})`);
    } else if (url.hash && !target.has(decodeURIComponent(url.hash.slice(1)))) {
      broken.push(`${from} → ${url.pathname}${url.hash} (no such id on the page)`);
    }
  }
  expect(broken).toEqual([]);
});

test("the landing page measures the reader's machine", async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto("/");
  const panel = page.locator("ec-machine");
  await expect(panel).toHaveAttribute("data-ready", "true");
  const threads = await page.evaluate(() => navigator.hardwareConcurrency);
  await expect(panel.locator('[data-fact="threads"]')).toHaveText(String(threads));
  await expect(panel.locator('[data-fact="isolated"]')).toContainText("yes");
  await expect(panel.locator('[data-fact="timer"]')).toHaveText(/µs$/);
  await expect(panel.locator('[data-fact="simd"]')).toHaveText("yes");
  expect(errors).toEqual([]);
});
