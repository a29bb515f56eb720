import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { builtPages } from "./built-pages.ts";

/**
 * Readable by everyone: axe-core (WCAG 2.1 A and AA rules) finds no serious or critical violation
 * on any page; every benchmark chart is described by its table; and an island works by keyboard
 * alone — Tab reaches Run, Enter or Space starts a run, Escape cancels it.
 */
const BLOCKING = new Set(["serious", "critical"]);

/**
 * Starlight's search button: its accessible name is "Search", its visible text "Search" and the
 * shortcut hint "Ctrl K". axe's label-in-name rule (WCAG 2.5.3) counts the hint as label text;
 * the visible label does start with the name, so a speech user saying "click Search" reaches it.
 * Markup of Starlight's, not ours: the only exception, by rule and element.
 */
const ACCEPTED = [{ rule: "label-content-name-mismatch", target: "button[data-open-modal" }];
const accepted = (rule: string, target: string) => ACCEPTED.some((a) => a.rule === rule && target.startsWith(a.target));

test("no serious or critical accessibility violation on any page", async ({ page }) => {
  const report: Record<string, string> = {};
  const blocking: string[] = [];
  for (const path of builtPages()) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const { violations } = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    report[path] = violations.length ? violations.map((v) => `${v.id} (${v.impact}, ${v.nodes.length})`).join(", ") : "none";
    for (const v of violations.filter((v) => BLOCKING.has(v.impact ?? ""))) {
      const targets = v.nodes.map((n) => n.target.join(" ")).filter((target) => !accepted(v.id, target));
      if (targets.length) blocking.push(`${path}: ${v.id} (${v.impact}) ${v.help} — ${targets.slice(0, 3).join("; ")}`);
    }
  }
  console.table(report);
  test.info().annotations.push({ type: "axe", description: JSON.stringify(report) });
  expect(blocking).toEqual([]);
});

test("every Run button is a focusable button, and every benchmark chart is described by its table", async ({ page }) => {
  for (const path of builtPages()) {
    await page.goto(path);
    const runs = await page
      .locator('[data-part="run"]')
      .evaluateAll((els) => els.map((el) => el instanceof HTMLButtonElement && el.tabIndex >= 0));
    expect(runs.every(Boolean), path).toBe(true);
    const charts = await page
      .locator('ec-bench [data-part="chart"]')
      .evaluateAll((els) => els.map((el) => document.getElementById(el.getAttribute("aria-describedby") ?? "")?.dataset.part));
    expect(
      charts.every((part) => part === "table"),
      path,
    ).toBe(true);
  }
});

test("a benchmark island works by keyboard alone: Tab to Run, Enter or Space starts, Escape cancels", async ({ page }) => {
  await page.goto("/multiprocessing/shared-memory/");
  const island = page.locator('ec-bench[data-bench="shared-histogram"]');
  const run = island.getByRole("button", { name: "Run" });
  const status = island.getByRole("status");
  // Tab from the top of the page until Run has the focus.
  await page.locator("body").focus();
  for (let presses = 0; presses < 200 && !(await run.evaluate((el) => el === document.activeElement)); presses++)
    await page.keyboard.press("Tab");
  await expect(run).toBeFocused();

  for (const key of ["Enter", "Space"]) {
    await page.keyboard.press(key);
    await expect(status, key).toContainText("Measuring");
    await expect(island.getByRole("button", { name: "Cancel" })).toBeFocused();
    await page.keyboard.press("Escape");
    await expect(status, key).toHaveText("Cancelled.");
    await expect(run).toBeFocused();
  }

  // A run to its end: the chart appears, described by the table of its numbers.
  await island.getByLabel("Quick run").check();
  await run.focus();
  await page.keyboard.press("Enter");
  await expect(island.getByRole("button", { name: "Download JSON" })).toBeVisible({ timeout: 5 * 60_000 });
  const chart = island.getByRole("figure", { name: /^Chart: / });
  await expect(chart.locator("svg").first()).toBeVisible();
  await expect(page.locator(`#${await chart.getAttribute("aria-describedby")} table tbody tr`).first()).toBeVisible();
});
