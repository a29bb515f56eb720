import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { parseHeadersFile } from "../scripts/isolation-files.ts";
import { MOVED_PAGES } from "../scripts/moved-pages.ts";
import { SITE_SOURCES, staleBuildCause } from "../scripts/stale-build.ts";
import { builtPages, DIST } from "./built-pages.ts";
import { collectErrors, reportCspViolations } from "./console-errors.ts";
import { serveStatic, type StaticServer } from "./fixtures/static-server.ts";
import { runQuick } from "./run-bench.ts";

/**
 * The site on hosts like the readers': a plain static server that sends no COOP, COEP or CSP, at
 * the root and under a subpath (a build with EVERY_CORE_BASE=/every-core/ in dist-sub/, made here
 * when a source is newer). Every page loads cross-origin isolated through the service worker after
 * the one reload of the first visit, and a threaded benchmark runs correct; where the service
 * worker is blocked, the page says why and runs the single-threaded TypeScript variants.
 */
const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SUBPATH = "/every-core/";
const DIST_SUB = join(ROOT, "dist-sub");
const THREADED = { id: "shared-histogram", chapter: "multiprocessing/shared-memory/" };

test.describe.configure({ mode: "serial" });

test.beforeAll(() => {
  if (!staleBuildCause(ROOT, SITE_SOURCES, join("dist-sub", "index.html"))) return;
  execFileSync("npx", ["astro", "build", "--outDir", DIST_SUB], {
    cwd: ROOT,
    env: { ...process.env, EVERY_CORE_BASE: SUBPATH },
    stdio: "inherit",
  });
});

/** Visits every page of the build at `server`, checking each is isolated, under the build's CSP, with no error; returns the CSP. */
async function visitEveryPage(page: Page, server: StaticServer, dir: string): Promise<void> {
  const csp = parseHeadersFile(readFileSync(join(dir, "_headers"), "utf8"))["Content-Security-Policy"];
  const base = new URL(server.url).pathname;
  await reportCspViolations(page);
  for (const [i, path] of builtPages(dir).entries()) {
    const errors = collectErrors(page);
    const url = new URL(path.slice(1), server.url).href;
    await page.goto(url);
    await page.waitForFunction(() => crossOriginIsolated, null, { timeout: 15_000 });
    await expect(page.locator("h1").first(), path).toBeVisible();
    // The first visit reloads once, when the service worker takes over; after that it serves every page.
    const navigation = await page.evaluate(() => (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).type);
    expect(navigation, path).toBe(i === 0 ? "reload" : "navigate");
    if (i > 0) {
      const response = await page.request.get(url); // the server's own answer: no isolation headers at all
      expect(response.headers()["cross-origin-embedder-policy"], path).toBeUndefined();
    }
    expect(await page.evaluate(() => document.documentElement.dataset.isolationFailure), path).toBeUndefined();
    // Every link and resource of the site stays under the base.
    const outside = await page.locator("a[href], script[src], link[href], img[src]").evaluateAll(
      (els, base) =>
        els
          .map((el) => new URL(el.getAttribute("href") ?? el.getAttribute("src")!, location.href))
          .filter((u) => u.origin === location.origin && !u.pathname.startsWith(base))
          .map((u) => u.pathname),
      base,
    );
    expect(outside, path).toEqual([]);
    await page.waitForLoadState("networkidle");
    expect(errors, path).toEqual([]);
    page.removeAllListeners("console");
    page.removeAllListeners("pageerror");
    page.removeAllListeners("response");
  }
  // The service worker adds the build's headers, CSP included, to what it serves.
  const served = await page.evaluate(async () => {
    const response = await fetch(location.href);
    return { coep: response.headers.get("cross-origin-embedder-policy"), csp: response.headers.get("content-security-policy") };
  });
  expect(served).toEqual({ coep: "require-corp", csp });
}

/** The old URL of every moved page, under the server's base, lands on the new page under the same base. */
async function followMovedPages(page: Page, server: StaticServer): Promise<void> {
  for (const [from, to] of Object.entries(MOVED_PAGES)) {
    await page.goto(new URL(from.slice(1), server.url).href);
    await page.waitForURL(new URL(to.slice(1), server.url).href);
    await expect(page.locator("h1").first(), from).toBeVisible();
  }
}

async function runThreaded(page: Page, server: StaticServer): Promise<void> {
  await page.goto(new URL(THREADED.chapter, server.url).href);
  const doc = await runQuick(page.locator(`ec-bench[data-bench="${THREADED.id}"]`));
  expect(doc.env.crossOriginIsolated).toBe(true);
  expect(doc.skipped).toEqual([]);
  for (const r of doc.results) expect(r.correctness.ok, `${r.variant} at ${r.threads} threads`).toBe(true);
  const threads = await page.evaluate(() => navigator.hardwareConcurrency);
  expect(Math.max(...doc.results.map((r) => r.threads))).toBe(threads);
}

async function onPlainHost(browser: Browser, dir: string, mount: string, check: (page: Page, server: StaticServer) => Promise<void>) {
  const server = await serveStatic(dir, mount);
  const context = await browser.newContext({ serviceWorkers: "allow" });
  try {
    await check(await context.newPage(), server);
  } finally {
    await context.close();
    await server.close();
  }
}

test("at the root of a host without headers, every page is isolated by the service worker and a threaded benchmark runs", async ({
  browser,
}) => {
  await onPlainHost(browser, DIST, "/", async (page, server) => {
    await visitEveryPage(page, server, DIST);
    await runThreaded(page, server);
  });
});

test("under a subpath of a host without headers, every page, link and file follows the base, and a threaded benchmark runs", async ({
  browser,
}) => {
  await onPlainHost(browser, DIST_SUB, SUBPATH, async (page, server) => {
    await visitEveryPage(page, server, DIST_SUB);
    await followMovedPages(page, server);
    await runThreaded(page, server);
  });
});

test("where no service worker may run, the page says why and runs the single-threaded TypeScript variants", async ({ browser }) => {
  const server = await serveStatic(DIST, "/");
  const context = await browser.newContext({ serviceWorkers: "block" });
  try {
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(server.url);
    await expect(page.locator('ec-machine [data-fact="isolated"]')).toContainText(/^no — benchmarks run single-threaded: .+/);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);

    await page.goto(new URL(THREADED.chapter, server.url).href);
    const island = page.locator(`ec-bench[data-bench="${THREADED.id}"]`);
    await expect(island.getByRole("status")).toContainText(/not cross-origin isolated \(.+\), so shared memory is off/);
    const doc = await runQuick(island);
    expect(doc.env.crossOriginIsolated).toBe(false);
    expect(doc.results.map((r) => r.variant)).toContain("histogram-u8-loop-ts");
    for (const r of doc.results) expect(r.correctness.ok, r.variant).toBe(true);
    expect(doc.skipped.length).toBeGreaterThan(0);
    for (const s of doc.skipped) expect(s.reason).toMatch(/cross-origin isolated/);
    await expect(island.locator("table.ec-results tbody tr")).toHaveCount(doc.results.length);
    expect(errors.filter((e) => !e.includes("Every Core: not cross-origin isolated"))).toEqual([]);
  } finally {
    await context.close();
    await server.close();
  }
});
