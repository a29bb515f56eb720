import type { Page } from "@playwright/test";

/** Collects console errors and uncaught exceptions of a page (workers' included). */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") errors.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`page: ${error.message}`));
  page.on("worker", (worker) => worker.on("close", () => {}));
  return errors;
}
