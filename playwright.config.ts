import { defineConfig, devices } from "@playwright/test";
import { chromiumLaunchOptions } from "./scripts/chromium.ts";

// EVERY_CORE_E2E_PORT: another port, when another checkout's preview server holds this one (it would be reused).
const port = Number(process.env.EVERY_CORE_E2E_PORT ?? 4322);

export default defineConfig({
  testDir: "e2e",
  // Benchmarks need every core: one test at a time.
  workers: 1,
  fullyParallel: false,
  timeout: 10 * 60_000,
  // Stops before npm test's own limit for the suite (scripts/test-all.ts), so the report of what ran is still written.
  globalTimeout: 40 * 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [["list"], ["json"]] : [["list"]],
  use: {
    baseURL: `http://localhost:${port}`,
    // No tracing: its screenshots would compete with the benchmarks for the same cores.
    trace: "off",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunchOptions() } }],
  // The same server as `npm start`, so e2e checks the isolation headers readers get.
  webServer: {
    command: `npx astro preview --port ${port}`,
    url: `http://localhost:${port}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
