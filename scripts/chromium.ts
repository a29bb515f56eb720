import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

/**
 * How to start Chromium for e2e and the bench CLI: the system's Chromium when there is one
 * (or CHROMIUM_PATH), else Playwright's own browser. The flags keep a root, offline, headless
 * Chromium from reaching for the network or a sandbox it cannot have.
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((p) => existsSync(p));
  if (!executablePath) return {};
  const args = [
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ];
  if (process.getuid?.() === 0) args.push("--no-sandbox");
  return { executablePath, args };
}
