import { expect, test } from "@playwright/test";
import { collectErrors } from "./console-errors.ts";

/** Every page of the sitemap renders, isolated, with no console error. */
test("every page renders cross-origin isolated with no console error", async ({ page, request }) => {
  const sitemap = await (await request.get("/sitemap-0.xml")).text();
  const hrefs = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  expect(hrefs).toEqual(expect.arrayContaining(["/", "/lab/", "/im2col/", "/im2col/performance/"]));
  for (const path of hrefs) {
    const errors = collectErrors(page);
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    expect(response?.headers()["cross-origin-embedder-policy"], path).toBe("require-corp");
    expect(response?.headers()["cross-origin-opener-policy"], path).toBe("same-origin");
    await expect(page.locator("h1").first(), path).toBeVisible();
    expect(await page.evaluate(() => crossOriginIsolated), path).toBe(true);
    await page.waitForLoadState("networkidle");
    expect(errors, path).toEqual([]);
    page.removeAllListeners("console");
    page.removeAllListeners("pageerror");
    page.removeAllListeners("response");
  }
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
